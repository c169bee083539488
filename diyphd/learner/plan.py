"""The study plan: the notebooks' own time estimates and prerequisites laid out week by week.

The order is a topological sort of the prerequisite graph (the ``{ref}`` and ``{doc}`` links in
each header's **Prerequisites.** line, plus "earlier notebooks of the same theme first"), ties
broken by the order of ``_toc.yml``; an explicit link to a later notebook of the same theme wins
over that rule (the capstone's worked example comes before the capstone). Weeks are filled up to
the weekly budget; a notebook longer than a whole week is split across weeks, so no week ever
exceeds the budget. Weeks run Monday to Sunday, as in the research log: week 1 is the week
holding the start date. Each task names the learner's copy, ``workspace/<theme>/<name>.ipynb``.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from diyphd.learner.lab_markup import workspace_path
from diyphd.learner.syllabus import ROOT, Entry, notebook_entries

MAX_HOURS_PER_WEEK = 168.0  # the hours in a week
MIN_HOURS_PER_WEEK = 0.5  # below this, a plan is thousands of weeks of minutes

_REF = re.compile(r"\{ref\}`(?:[^`<]*<)?([\w-]+)>?`")
_DOC = re.compile(r"\{doc\}`(?:[^`<]*<)?/?([\w/.-]+?)(?:\.ipynb)?>?`")


@dataclass
class Task:
    """One notebook (or part of one) scheduled in a week."""

    path: str
    title: str
    minutes: int
    kind: str  # "lesson" or "problem set"
    part: str = ""  # "1/2" when a long notebook is split across weeks

    @property
    def copy(self) -> str:
        """The learner's copy to open: ``workspace/<theme>/<name>.ipynb``."""
        found = workspace_path(self.path)
        return f"workspace/{found}" if found else f"{self.path}.ipynb"


@dataclass
class Week:
    """A seven-day block of the plan."""

    number: int
    start: date
    tasks: list[Task] = field(default_factory=list)

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def minutes(self) -> int:
        return sum(t.minutes for t in self.tasks)


def prerequisites(entries: list[Entry]) -> dict[str, set[str]]:
    """Each notebook's prerequisites (paths): linked ones and earlier ones of its theme."""
    by_label = {e.label: e.path for e in entries if e.label}
    paths = {e.path for e in entries}
    deps: dict[str, set[str]] = {e.path: set() for e in entries}
    for e in entries:
        text = e.prerequisites or ""
        deps[e.path] |= {by_label[k] for k in _REF.findall(text) if k in by_label}
        linked = {p for p in _DOC.findall(text)}
        linked |= {f"{e.path.rsplit('/', 1)[0]}/{p}" for p in linked if "/" not in p}
        deps[e.path] |= linked & paths
        deps[e.path].discard(e.path)
    explicit = {p: set(d) for p, d in deps.items()}
    for i, e in enumerate(entries):
        deps[e.path] |= {
            p.path for p in entries[:i] if p.theme == e.theme and e.path not in explicit[p.path]
        }
    return deps


def order(entries: list[Entry]) -> list[Entry]:
    """Entries in an order that respects every prerequisite (toc order breaks ties)."""
    index = {e.path: i for i, e in enumerate(entries)}
    deps = prerequisites(entries)
    waiting = {p: set(d) for p, d in deps.items()}
    ready = [index[p] for p, d in waiting.items() if not d]
    heapq.heapify(ready)
    out: list[Entry] = []
    while ready:
        e = entries[heapq.heappop(ready)]
        out.append(e)
        for p, d in waiting.items():
            if e.path in d:
                d.discard(e.path)
                if not d:
                    heapq.heappush(ready, index[p])
    if len(out) != len(entries):
        cycle = sorted(set(index) - {e.path for e in out})
        raise ValueError(f"prerequisites form a cycle among: {', '.join(cycle)}")
    return out


def make_plan(
    hours_per_week: float,
    start: date | None = None,
    themes: list[str] | None = None,
    root: Path = ROOT,
) -> list[Week]:
    """Schedule every notebook (of ``themes``, or all) into Monday-to-Sunday weeks of
    ``hours_per_week``; week 1 holds ``start`` (today)."""
    check_hours(hours_per_week)
    budget = max(1, int(round(hours_per_week * 60)))
    start = start or date.today()
    entries = [e for e in notebook_entries(root) if e.path.startswith(("notebooks/", "exercises/"))]
    if themes:
        known = list(dict.fromkeys(e.theme for e in entries))
        unknown = [t for t in themes if t not in known]
        if unknown:
            raise ValueError(
                f"unknown theme(s): {', '.join(unknown)}; the themes are: {', '.join(known)}"
            )
        entries = [e for e in entries if e.theme in themes]
    weeks = [Week(1, monday_of(start))]
    for e in order(entries):
        kind = "problem set" if e.path.startswith("exercises/") else "lesson"
        remaining, pieces = e.minutes or 30, []
        while remaining > 0:
            free = budget - weeks[-1].minutes
            if free <= 0 or (free < remaining and weeks[-1].tasks and remaining <= budget):
                weeks.append(Week(len(weeks) + 1, weeks[-1].start + timedelta(days=7)))
                continue
            chunk = min(free, remaining)
            pieces.append(Task(e.path, e.title or e.path, chunk, kind))
            weeks[-1].tasks.append(pieces[-1])
            remaining -= chunk
        if len(pieces) > 1:
            for i, t in enumerate(pieces, 1):
                t.part = f"{i}/{len(pieces)}"
    return weeks


def check_hours(hours_per_week: float) -> None:
    """ValueError unless the weekly budget is a number of hours a week can hold."""
    if not math.isfinite(hours_per_week) or not (
        MIN_HOURS_PER_WEEK <= hours_per_week <= MAX_HOURS_PER_WEEK
    ):
        raise ValueError(
            f"hours per week must be a number from {MIN_HOURS_PER_WEEK:g} (above 0: less makes"
            f" a plan of thousands of weeks) to {MAX_HOURS_PER_WEEK:g} (the hours in a week),"
            f" not {hours_per_week:g}"
        )


def monday_of(day: date) -> date:
    """The Monday of the week (Monday to Sunday) holding ``day``."""
    return day - timedelta(days=day.weekday())


def plural(n: int, word: str) -> str:
    """'1 week', '2 weeks'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def to_markdown(weeks: list[Week], hours_per_week: float) -> str:
    """The plan as a Markdown document, one section per week."""
    total = sum(w.minutes for w in weeks)
    lines = [
        "# My diyphd study plan",
        "",
        f"{hours_per_week:g} hours a week, {plural(len(weeks), 'week')}, {total / 60:.1f} hours "
        f"in all, from Monday {weeks[0].start.isoformat()} to Sunday {weeks[-1].end.isoformat()}. "
        "Open each notebook in your workspace (`make lab`).",
    ]
    for w in weeks:
        lines += [
            "",
            f"## Week {w.number}: {w.start:%d %b} – {w.end:%d %b %Y} ({w.minutes} min)",
            "",
        ]
        for t in w.tasks:
            part = f" (part {t.part})" if t.part else ""
            lines.append(f"- [ ] {t.title}{part}: {t.kind}, {t.minutes} min (`{t.copy}`)")
    return "\n".join(lines) + "\n"


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def to_ics(weeks: list[Week]) -> str:
    """The plan as an iCalendar file (RFC 5545): one all-day event per week."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//diyphd//study plan//EN"]
    for w in weeks:
        summary = f"diyphd week {w.number} ({w.minutes} min)"
        body = "\n".join(f"{t.title} ({t.kind}, {t.minutes} min)" for t in w.tasks)
        lines += [
            "BEGIN:VEVENT",
            f"UID:diyphd-week-{w.number}-{w.start:%Y%m%d}@diyphd",
            f"DTSTAMP:{w.start:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{w.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{w.end + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(body)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


# -- the plan in the learner's store, and its standing against the gradebook ------------------

PLAN_SCHEMA = """
CREATE TABLE IF NOT EXISTS plans (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,
    hours_per_week REAL NOT NULL,
    weeks TEXT NOT NULL
);
"""


def save(weeks: list[Week], hours_per_week: float, path: Path | None = None) -> None:
    """Store the plan in the gradebook's SQLite file (the latest plan is the one in force)."""
    from diyphd.learner import gradebook

    data = [
        {"number": w.number, "start": w.start.isoformat(), "tasks": [asdict(t) for t in w.tasks]}
        for w in weeks
    ]
    conn = gradebook.connect(path)
    try:
        with conn:
            conn.executescript(PLAN_SCHEMA)
            conn.execute(
                "INSERT INTO plans (created, hours_per_week, weeks) VALUES (?, ?, ?)",
                (gradebook.now(), hours_per_week, json.dumps(data)),
            )
    finally:
        conn.close()


def load(path: Path | None = None) -> list[Week] | None:
    """The latest stored plan, or None; reads the gradebook read-only, never writing it."""
    from diyphd.learner import gradebook

    conn = gradebook.connect_readonly(path)
    if conn is None:
        return None
    try:
        if not gradebook.has_table(conn, "plans"):
            return None
        row = conn.execute("SELECT weeks FROM plans ORDER BY id DESC LIMIT 1").fetchone()
    except gradebook.sqlite3.DatabaseError as exc:
        raise gradebook.unreadable(path or gradebook.default_path(), exc) from exc
    finally:
        conn.close()
    if row is None:
        return None
    return [
        Week(w["number"], date.fromisoformat(w["start"]), [Task(**t) for t in w["tasks"]])
        for w in json.loads(row["weeks"])
    ]


@dataclass
class Standing:
    """The plan against the gradebook on a given day."""

    status: str  # "ahead", "on track", "behind", or "no problem set due yet"
    due: list[str]
    done: list[str]
    week: int | None


def standing(weeks: list[Week], done_sets: set[str], today: date | None = None) -> Standing:
    """Compare the problem sets the plan has due by ``today`` with those done.

    ``done_sets`` holds problem-set paths (``exercises/<theme>/psNN_...``) the gradebook
    shows as passed. Due means: scheduled in a week that ended before ``today``.
    """
    today = today or date.today()
    finished_by: dict[str, date] = {}  # a problem set is due once the week of its last part ends
    for w in weeks:
        for t in w.tasks:
            if t.kind == "problem set":
                finished_by[t.path] = w.end
    due = [p for p, end in finished_by.items() if end < today]
    done = [p for p in finished_by if p in done_sets]
    current = next((w.number for w in weeks if w.start <= today <= w.end), None)
    if len(done) > len(due):
        status = "ahead"
    elif set(due) <= set(done):
        status = "on track" if due else "no problem set due yet"
    else:
        status = "behind"
    return Standing(status, due, done, current)

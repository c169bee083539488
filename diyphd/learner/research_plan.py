"""The research year: the study plan, then five milestones, each closed by a go/no-go review.

``diyphd plan --research`` lays out twelve months (``months``) from the start date. The study
plan of :mod:`diyphd.learner.plan` comes first, at the same weekly hours; the weeks left are
shared among the milestones in fixed proportions (:data:`MILESTONES`), so a learner with more
hours reaches the research sooner. Each milestone ends in a review on its due date: *go* if its
criterion is met, otherwise the *no-go* action (pivot, shrink or stop), written down now so
that the decision is not made up on the day. The plan is stored in the gradebook's SQLite file
beside the study plan; ``diyphd milestone KEY`` records a review's outcome and ``diyphd
progress`` reports each milestone as done, no-go, overdue, due this month or upcoming.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from diyphd.learner import plan

__all__ = [
    "MILESTONES",
    "Milestone",
    "ResearchPlan",
    "load",
    "make_research_plan",
    "mark",
    "report",
    "save",
    "standing",
    "to_markdown",
]

#: key, title, share of the research weeks by its due date, go criterion, no-go action.
MILESTONES = (
    (
        "question",
        "A question chosen",
        0.10,
        "a follow-up question scored against two others, its nearest prior work named, and a "
        "pilot that shows the effect exists",
        "pick the next-best candidate and rerun its pilot; after two no-gos, ask a reader",
    ),
    (
        "reproduction",
        "A public reproduction",
        0.35,
        "one claim of the nearest prior work reproduced (or not) with code released and the "
        "report posted (blog, repository or the Reproducibility Challenge)",
        "narrow to the one claim that runs on your compute and post that",
    ),
    (
        "result",
        "An original result",
        0.65,
        "the pre-registered hypotheses decided on fresh seeds, by the claims file's rule",
        "report the negative or inconclusive result as it is; keep the kill criterion",
    ),
    (
        "workshop",
        "A workshop submission",
        0.80,
        "a four-page draft that passes the writing checkers and two readers, submitted",
        "submit to the next workshop deadline, or post the draft for comments",
    ),
    (
        "preprint",
        "A preprint",
        1.00,
        "the paper, revised after reviews, posted on arXiv (endorsement arranged) with code",
        "post the workshop version with its reviews answered, and plan the next question",
    ),
)
STATUSES = ("done", "no-go")

SCHEMA = """
CREATE TABLE IF NOT EXISTS research_plans (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,
    start TEXT NOT NULL,
    hours_per_week REAL NOT NULL,
    study_weeks INTEGER NOT NULL,
    milestones TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS milestone_reviews (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,
    milestone TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL
);
"""


def _monday(day: date) -> date:
    """The Monday of the week holding ``day`` (weeks run Monday to Sunday, as in the plan)."""
    return day - timedelta(days=day.weekday())


@dataclass
class Milestone:
    """One milestone, due on ``due``, with its go criterion and its no-go action."""

    key: str
    title: str
    due: date
    go: str
    no_go: str


@dataclass
class ResearchPlan:
    """The study weeks, then the milestones, from ``start`` over ``months`` months."""

    start: date
    hours_per_week: float
    study_weeks: int
    milestones: list[Milestone]

    @property
    def study_end(self) -> date:
        return _monday(self.start) + timedelta(weeks=self.study_weeks, days=-1)


def make_research_plan(
    hours_per_week: float, start: date | None = None, months: int = 12
) -> ResearchPlan:
    """The research year; ValueError when the study plan leaves under a quarter of it."""
    start = start or date.today()
    weeks = plan.make_plan(hours_per_week, start)
    total = round(months * 52 / 12)
    research = total - len(weeks)
    if research < total / 4:
        raise ValueError(
            f"at {hours_per_week:g} hours a week the study plan alone takes {len(weeks)} weeks "
            f"of the {total}; raise the hours or plan over more months"
        )
    first = _monday(start) + timedelta(weeks=len(weeks))
    milestones = [
        Milestone(key, title, first + timedelta(weeks=round(share * research), days=-1), go, no)
        for key, title, share, go, no in MILESTONES
    ]
    return ResearchPlan(start, hours_per_week, len(weeks), milestones)


def to_markdown(rp: ResearchPlan) -> str:
    """The plan as Markdown: the study block, then a table of milestones and reviews."""
    lines = [
        f"# Research year from {rp.start.isoformat()} ({rp.hours_per_week:g} hours a week)",
        "",
        f"- Weeks 1-{rp.study_weeks}: the study plan (`diyphd plan`), to {rp.study_end}.",
        "",
        "| milestone | due (go/no-go review) | go if | otherwise |",
        "|---|---|---|---|",
    ]
    for m in rp.milestones:
        lines.append(f"| {m.title} (`{m.key}`) | {m.due.isoformat()} | {m.go} | {m.no_go} |")
    lines += ["", "Record a review with `diyphd milestone KEY --status done` (or `no-go`)."]
    return "\n".join(lines) + "\n"


def _connect(path: Path | None):
    from diyphd.learner import gradebook

    conn = gradebook.connect(path)
    conn.executescript(SCHEMA)
    return conn


def save(rp: ResearchPlan, path: Path | None = None) -> None:
    """Store the plan in the gradebook's file; the latest one is in force."""
    from diyphd.learner import gradebook

    data = [dict(asdict(m), due=m.due.isoformat()) for m in rp.milestones]
    conn = _connect(path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO research_plans (created, start, hours_per_week, study_weeks, "
                "milestones) VALUES (?, ?, ?, ?, ?)",
                (
                    gradebook.now(),
                    rp.start.isoformat(),
                    rp.hours_per_week,
                    rp.study_weeks,
                    json.dumps(data),
                ),
            )
    finally:
        conn.close()


def load(path: Path | None = None) -> ResearchPlan | None:
    """The latest stored research plan, or None (read-only: a read never creates the file)."""
    from diyphd.learner import gradebook

    conn = gradebook.connect_readonly(path)
    if conn is None:
        return None
    if not gradebook.has_table(conn, "research_plans"):
        conn.close()
        return None
    try:
        row = conn.execute("SELECT * FROM research_plans ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    if row is None:
        return None
    milestones = [
        Milestone(**dict(m, due=date.fromisoformat(m["due"])))
        for m in json.loads(row["milestones"])
    ]
    start = date.fromisoformat(row["start"])
    return ResearchPlan(start, row["hours_per_week"], row["study_weeks"], milestones)


def mark(key: str, status: str = "done", note: str = "", path: Path | None = None) -> None:
    """Record the outcome of a milestone's review (the latest record wins)."""
    from diyphd.learner import gradebook

    keys = [k for k, *_ in MILESTONES]
    if key not in keys:
        raise ValueError(f"unknown milestone {key!r}; the milestones are: {', '.join(keys)}")
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    conn = _connect(path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO milestone_reviews (created, milestone, status, note) "
                "VALUES (?, ?, ?, ?)",
                (gradebook.now(), key, status, note),
            )
    finally:
        conn.close()


def _reviews(path: Path | None) -> dict[str, str]:
    conn = _connect(path)
    try:
        rows = conn.execute(
            "SELECT milestone, status FROM milestone_reviews ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return {r["milestone"]: r["status"] for r in rows}


def standing(
    rp: ResearchPlan, reviews: dict[str, str], today: date | None = None
) -> list[tuple[Milestone, str]]:
    """Each milestone with its state: done, no-go, overdue, due this month or upcoming."""
    today = today or date.today()
    out = []
    for m in rp.milestones:
        if m.key in reviews:
            state = reviews[m.key]
        elif m.due < today:
            state = "overdue"
        elif m.due <= today + timedelta(days=30):
            state = "due this month"
        else:
            state = "upcoming"
        out.append((m, state))
    return out


def report(path: Path | None = None, today: date | None = None) -> str | None:
    """The milestones' standing as text for ``diyphd progress``, or None without a plan."""
    rp = load(path)
    if rp is None:
        return None
    lines = ["Research year:"]
    for m, state in standing(rp, _reviews(path), today):
        lines.append(f"  {m.title:<24} due {m.due.isoformat()}  {state}")
    return "\n".join(lines)


def run_cli(args) -> int:
    """``diyphd plan --research``: make, write (``research_plan.md``), store and print."""
    import sys

    try:
        rp = make_research_plan(args.hours_per_week, args.start)
    except ValueError as exc:
        print(f"diyphd plan --research: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    markdown = to_markdown(rp)
    (args.out / "research_plan.md").write_text(markdown)
    if not args.no_save:
        save(rp)
    print(markdown)
    print(f"Written {args.out / 'research_plan.md'}.")
    return 0

"""The research log: dated entries (question, what was tried, result, next step) in the same
SQLite store as the gradebook, and a weekly note in Markdown ready to publish.

See the book page "Keeping a research log" for why and how.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from diyphd.learner import gradebook
from diyphd.learner.plan import monday_of

LOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS log (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,
    day TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    tried TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    next_step TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS log_by_day ON log (day);
"""
FIELDS = ("note", "question", "tried", "result", "next_step")


@dataclass
class Entry:
    """One log entry."""

    day: date
    note: str = ""
    question: str = ""
    tried: str = ""
    result: str = ""
    next_step: str = ""


def _connect(path: Path | None):
    conn = gradebook.connect(path)
    conn.executescript(LOG_SCHEMA)
    return conn


def add(entry: Entry, path: Path | None = None) -> None:
    """Append ``entry`` (one short transaction)."""
    if not any(getattr(entry, f).strip() for f in FIELDS):
        raise ValueError("an empty log entry: say at least what you did or found")
    conn = _connect(path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO log (created, day, note, question, tried, result, next_step)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (gradebook.now(), entry.day.isoformat(), *(getattr(entry, f) for f in FIELDS)),
            )
    finally:
        conn.close()


def entries(start: date, end: date, path: Path | None = None) -> list[Entry]:
    """Entries dated from ``start`` to ``end`` inclusive, oldest first."""
    conn = _connect(path)
    try:
        rows = conn.execute(
            "SELECT * FROM log WHERE day BETWEEN ? AND ? ORDER BY day, id",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
    finally:
        conn.close()
    return [Entry(date.fromisoformat(r["day"]), *(r[f] for f in FIELDS)) for r in rows]


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``day`` (the study plan's weeks too)."""
    monday = monday_of(day)
    return monday, monday + timedelta(days=6)


def weekly_note(day: date | None = None, path: Path | None = None) -> str:
    """The week's entries as a Markdown note: one section per day, fields as bullets."""
    monday, sunday = week_of(day or date.today())
    year, week, _ = monday.isocalendar()
    lines = [f"# Research log, week {week} of {year} ({monday:%d %b} – {sunday:%d %b})"]
    found = entries(monday, sunday, path)
    if not found:
        return lines[0] + "\n\nNo entries this week.\n"
    current = None
    labels = {"question": "Question", "tried": "Tried", "result": "Result", "next_step": "Next"}
    for e in found:
        if e.day != current:
            current = e.day
            lines += ["", f"## {e.day:%A %d %B}"]
        lines.append("")
        if e.note:
            lines.append(f"- {e.note}")
        lines += [f"- **{label}:** {getattr(e, f)}" for f, label in labels.items() if getattr(e, f)]
    return "\n".join(lines) + "\n"


def today() -> date:
    """Today's date (local time), the default day of a new entry."""
    return datetime.now().date()

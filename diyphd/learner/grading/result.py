"""The outcome of checking one answer (rows of checks, automatic and self-scored points) and how
it shows: as text (deterministic, for terminals and nbval) or as a small HTML table in Jupyter."""

from __future__ import annotations

import html
from dataclasses import dataclass, field


@dataclass
class Row:
    """One checked case or rule: did it pass, its points, and feedback when it did not."""

    label: str
    passed: bool
    points: float
    max_points: float
    message: str = ""


@dataclass
class Result:
    """A checked answer; shows as an HTML table in Jupyter and as text elsewhere."""

    question_id: str
    title: str
    kind: str
    auto_max: float
    rows: list[Row] = field(default_factory=list)
    self_rows: list[Row] = field(default_factory=list)
    attempted: bool = True
    hint: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def auto(self) -> float:
        """Points given by the automatic checks."""
        return round(sum(r.points for r in self.rows), 2) if self.attempted else 0.0

    @property
    def self_points(self) -> float:
        """Points the learner gave themselves on the rubric."""
        return round(sum(r.points for r in self.self_rows), 2) if self.attempted else 0.0

    @property
    def self_max(self) -> float:
        return round(sum(r.max_points for r in self.self_rows), 2)

    @property
    def score(self) -> float:
        """Automatic plus self-scored points."""
        return round(self.auto + self.self_points, 2)

    @property
    def max(self) -> float:
        return round(self.auto_max + self.self_max, 2)

    @property
    def full_marks(self) -> bool:
        return self.attempted and self.score >= self.max - 1e-9

    def to_dict(self) -> dict:
        """A JSON-ready summary, as stored in the gradebook."""
        return {
            "question_id": self.question_id,
            "attempted": self.attempted,
            "auto": self.auto,
            "auto_max": self.auto_max,
            "self": self.self_points,
            "self_max": self.self_max,
            "failed": [f"{r.label}: {r.message}" for r in self.rows if not r.passed][:5],
        }

    def __str__(self) -> str:
        return to_text(self)

    def __repr__(self) -> str:
        return to_text(self)

    def _repr_html_(self) -> str:
        return to_html(self)


MAX_ROWS = 8  # beyond this many rows, passing ones are summarized
MAX_FAILURES = 4


def _num(x: float) -> str:
    return f"{x:g}"


def _score_line(result: Result) -> str:
    if not result.attempted:
        return f"not attempted: 0 / {_num(result.max)} points"
    line = f"{_num(result.auto)} / {_num(result.auto_max)} points"
    if result.self_rows:
        line += f" + {_num(result.self_points)} / {_num(result.self_max)} self-scored"
    return line


def _shown_rows(rows: list[Row]) -> tuple[list[Row], int, int]:
    """Rows to show one by one, and (passed, total) of the rows folded into a summary."""
    if len(rows) <= MAX_ROWS:
        return rows, 0, 0
    failed = [r for r in rows if not r.passed]
    return failed[:MAX_FAILURES], len(rows) - len(failed), len(rows)


def _hidden_failures(rows: list[Row]) -> int:
    failed = [r for r in rows if not r.passed]
    return max(0, len(failed) - MAX_FAILURES) if len(rows) > MAX_ROWS else 0


def to_text(result: Result) -> str:
    """Plain-text feedback: score, one line per case, the hint when marks are missing."""
    lines = [f"{result.title} [{result.question_id}]: {_score_line(result)}"]
    lines += [f"  {note}" for note in result.notes]
    if result.attempted:
        shown, passed, total = _shown_rows(result.rows)
        if total:
            lines.append(f"  {'✓' if passed == total else '•'} {passed} of {total} cases passed")
        for row in shown:
            mark = "✓" if row.passed else "✗"
            msg = f": {row.message}" if row.message else ""
            lines.append(f"  {mark} {row.label}{msg}")
        if more := _hidden_failures(result.rows):
            lines.append(f"  ✗ ... and {more} more failing cases")
        for row in result.self_rows:
            lines.append(f"  ☐ self-score {row.label}: {_num(row.points)} / {_num(row.max_points)}")
            if row.message:
                lines.append(f"      {row.message}")
    if result.hint and not result.full_marks:
        lines.append(f"  Hint: {result.hint}")
    return "\n".join(lines)


def _tr(cells: list[str], tag: str = "td") -> str:
    inner = "".join(f"<{tag} style='text-align:left'>{c}</{tag}>" for c in cells)
    return f"<tr>{inner}</tr>"


def to_html(result: Result) -> str:
    """A small HTML table with the same content as :func:`to_text`."""
    esc = html.escape
    head = f"<b>{esc(result.title)}</b> <code>{esc(result.question_id)}</code>: "
    parts = [f"<div class='diyphd-result'><p>{head}{esc(_score_line(result))}</p>"]
    parts += [f"<p>{esc(note)}</p>" for note in result.notes]
    if result.attempted and (result.rows or result.self_rows):
        parts.append("<table>" + _tr(["", "check", "points", "feedback"], "th"))
        shown, passed, total = _shown_rows(result.rows)
        if total:
            mark = "✓" if passed == total else "•"
            parts.append(_tr([mark, f"{passed} of {total} cases passed", "", ""]))
        for row in shown:
            pts = f"{_num(row.points)} / {_num(row.max_points)}"
            parts.append(_tr(["✓" if row.passed else "✗", esc(row.label), pts, esc(row.message)]))
        if more := _hidden_failures(result.rows):
            parts.append(_tr(["✗", f"... and {more} more failing cases", "", ""]))
        for row in result.self_rows:
            pts = f"{_num(row.points)} / {_num(row.max_points)}"
            parts.append(_tr(["☐", "self-score " + esc(row.label), pts, esc(row.message)]))
        parts.append("</table>")
    if result.hint and not result.full_marks:
        parts.append(f"<p><i>Hint:</i> {esc(result.hint)}</p>")
    return "".join(parts) + "</div>"

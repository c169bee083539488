"""The outcome of checking one answer (rows of checks, automatic and self-scored points) and how
it shows: as text (deterministic, for terminals and nbval) or as a small HTML table in Jupyter.

A row may carry the case's ``inputs``, ``expected`` and ``got`` (each its own column in HTML);
``expected`` is only ever filled for visible cases, never for hidden ones or value questions.
Failing rows with the same message are shown once, with their count. The hint shown is the
failed rows' own (``Row.hint``) when they have one, else the question's.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field


@dataclass
class Row:
    """One checked case or rule: did it pass, its points, and feedback when it did not."""

    label: str
    passed: bool
    points: float
    max_points: float
    message: str = ""
    inputs: str = ""
    expected: str = ""
    got: str = ""
    hint: str = ""


def _finite(x: float) -> float:
    try:
        x = float(x)
    except (TypeError, ValueError):
        return 0.0
    return x if math.isfinite(x) else 0.0


@dataclass
class Result:
    """A checked answer; shows as an HTML table in Jupyter and as text elsewhere.

    With ``self_gated``, self-scored points count only once every automatic row passed.
    """

    question_id: str
    title: str
    kind: str
    auto_max: float
    rows: list[Row] = field(default_factory=list)
    self_rows: list[Row] = field(default_factory=list)
    attempted: bool = True
    hint: str = ""
    notes: list[str] = field(default_factory=list)
    self_gated: bool = False

    @property
    def auto_passed(self) -> bool:
        """Did every automatic row pass?"""
        return self.attempted and all(r.passed for r in self.rows)

    @property
    def self_counted(self) -> bool:
        """Do the self-scores count (always, or once the automatic part passed)?"""
        return self.attempted and (not self.self_gated or self.auto_passed)

    @property
    def auto(self) -> float:
        """Points given by the automatic checks (never NaN, never negative)."""
        if not self.attempted:
            return 0.0
        return max(0.0, round(sum(_finite(r.points) for r in self.rows), 2))

    @property
    def self_points(self) -> float:
        """Points the learner gave themselves on the rubric, as far as they count."""
        if not self.self_counted:
            return 0.0
        return round(sum(_finite(r.points) for r in self.self_rows), 2)

    @property
    def self_max(self) -> float:
        return round(sum(_finite(r.max_points) for r in self.self_rows), 2)

    @property
    def score(self) -> float:
        """Automatic plus self-scored points."""
        return round(self.auto + self.self_points, 2)

    @property
    def max(self) -> float:
        return round(_finite(self.auto_max) + self.self_max, 2)

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
MAX_FAILURES = 4  # distinct failure messages shown one by one


def num(x: float) -> str:
    """Points to at most two decimals: 2, 0.15, 1.5."""
    return f"{round(_finite(x), 2):g}"


def _score_line(result: Result) -> str:
    if not result.attempted:
        return f"not attempted: 0 / {num(result.max)} points"
    line = f"{num(result.auto)} / {num(result.auto_max)} points"
    if result.self_rows:
        line += f" + {num(result.self_points)} / {num(result.self_max)} self-scored"
        if not result.self_counted:
            line += " (they count once the automatic part passes)"
    return line


@dataclass
class _Shown:
    row: Row
    count: int  # rows folded into this one (same message)


def _shown_rows(rows: list[Row]) -> tuple[list[_Shown], int, int, int]:
    """Rows to show (failing rows with one message folded into one), and, when passing rows
    are summarized, (passed, total, failing rows left out)."""
    groups: dict[str, _Shown] = {}
    ordered: list[_Shown] = []
    for r in rows:
        if r.passed:
            ordered.append(_Shown(r, 1))
        elif r.message in groups:
            groups[r.message].count += 1
        else:
            groups[r.message] = _Shown(r, 1)
            ordered.append(groups[r.message])
    if len(rows) <= MAX_ROWS:
        return ordered, 0, 0, 0
    failing = [s for s in ordered if not s.row.passed]
    hidden = sum(s.count for s in failing[MAX_FAILURES:])
    return failing[:MAX_FAILURES], sum(r.passed for r in rows), len(rows), hidden


def _label(s: _Shown) -> str:
    return s.row.label if s.count == 1 else f"{s.row.label} (and {s.count - 1} more alike)"


def _self_mark(row: Row) -> str:
    if row.max_points and row.points >= row.max_points - 1e-9:
        return "✓"
    return "◐" if row.points > 0 else "☐"


def _hints(result: Result) -> list[str]:
    if result.full_marks:
        return []
    own = []
    for r in result.rows:
        if not r.passed and r.hint and r.hint not in own:
            own.append(r.hint)
    if own:
        return own
    return [result.hint] if result.hint and result.attempted else []


def to_text(result: Result) -> str:
    """Plain-text feedback: score, one line per case, the hint when marks are missing."""
    lines = [f"{result.title} [{result.question_id}]: {_score_line(result)}"]
    lines += [f"  {note}" for note in result.notes]
    if result.attempted:
        shown, passed, total, more = _shown_rows(result.rows)
        if total:
            lines.append(f"  {'✓' if passed == total else '•'} {passed} of {total} cases passed")
        for s in shown:
            row = s.row
            mark = "✓" if row.passed else "✗"
            msg = f": {row.message}" if row.message else ""
            lines.append(f"  {mark} {_label(s)}{msg}")
            for name in ("inputs", "expected", "got"):
                if value := getattr(row, name):
                    lines.append(f"      {name + ':':<9} {value}")
        if more:
            lines.append(f"  ✗ ... and {more} more failing cases")
        for row in result.self_rows:
            pts = f"{num(row.points)} / {num(row.max_points)}"
            lines.append(f"  {_self_mark(row)} self-score {row.label}: {pts}")
            if row.message:
                lines.append(f"      {row.message}")
    lines += [f"  Hint: {h}" for h in _hints(result)]
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
        shown, passed, total, more = _shown_rows(result.rows)
        cols = [c for c in ("inputs", "expected", "got") if any(getattr(s.row, c) for s in shown)]
        header = ["", "check", "points", *cols, "feedback"]
        parts.append("<table>" + _tr(header, "th"))
        blank = [""] * len(cols)
        if total:
            mark = "✓" if passed == total else "•"
            parts.append(_tr([mark, f"{passed} of {total} cases passed", "", *blank, ""]))
        for s in shown:
            row = s.row
            pts = f"{num(row.points)} / {num(row.max_points)}" if row.max_points else "–"
            extra = [f"<code>{esc(getattr(row, c))}</code>" for c in cols]
            mark = "✓" if row.passed else "✗"
            parts.append(_tr([mark, esc(_label(s)), pts, *extra, esc(row.message)]))
        if more:
            parts.append(_tr(["✗", f"... and {more} more failing cases", "", *blank, ""]))
        for row in result.self_rows:
            pts = f"{num(row.points)} / {num(row.max_points)}"
            cells = [_self_mark(row), "self-score " + esc(row.label), pts, *blank]
            parts.append(_tr([*cells, esc(row.message)]))
        parts.append("</table>")
    for h in _hints(result):
        parts.append(f"<p><i>Hint:</i> {esc(h)}</p>")
    return "".join(parts) + "</div>"

"""Question kinds that grade with the writing checkers (writing theme, problem sets 1 and 2).

:class:`CheckedFigureQuestion` adds one row per figure-checker rule to the figure's data and
form checks (each half of the points); :class:`ProseQuestion` adds a prose-checker row to a
self-scored text question, which counts once the rules on content pass (a clean style earns
nothing for a text that says nothing). Neither raises on a learner's answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diyphd.learner.grading.figures import grade_figure
from diyphd.learner.grading.questions import FigureQuestion, TextQuestion
from diyphd.learner.grading.result import Result, Row
from diyphd.learner.grading.text import grade_text
from diyphd.writing.figures import check_figure
from diyphd.writing.prose import check_prose


def _resplit(result: Result, extra: list[tuple[str, bool, str]], points: float) -> Result:
    """Keep the rows of ``result`` at half their weight and give ``extra`` the other half."""
    share = points / 2 / len(extra)
    for row in result.rows:
        row.points, row.max_points = row.points / 2, row.max_points / 2
    result.rows += [Row(lbl, ok, share if ok else 0.0, share, msg) for lbl, ok, msg in extra]
    return result


@dataclass(kw_only=True)
class CheckedFigureQuestion(FigureQuestion):
    """A figure graded by the plain figure checks and by :func:`check_figure`'s ``rules``."""

    units: dict[str, str] | list | None = None
    seeds: int | None = None
    rules: tuple[str, ...] = ("label", "legend", "font", "colormap", "spread")

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        result = grade_figure(self, answer)
        if not result.attempted or any(r.label == "answer" for r in result.rows):
            return result
        findings = check_figure(answer, units=self.units, seeds=self.seeds)
        extra = []
        for rule in self.rules:
            whys = [f.why for f in findings if f.rule == rule]
            extra.append((f"figure checker: {rule}", not whys, "; ".join(whys[:2])))
        return _resplit(result, extra, self.points)


@dataclass(kw_only=True)
class ProseQuestion(TextQuestion):
    """A text question whose automatic part includes a clean report from :func:`check_prose`."""

    prose_options: dict[str, Any] = field(default_factory=dict)

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        result = grade_text(self, answer, self_scores)
        if not result.attempted or not isinstance(answer, str):
            return result
        content_ok = result.auto_passed
        findings = check_prose(answer, **self.prose_options)
        shown = "; ".join(f"{f.rule}: {f.why}" for f in findings[:3])
        more = f" (and {len(findings) - 3} more)" if len(findings) > 3 else ""
        msg = f"{len(findings)} finding(s): {shown}{more}" if findings else ""
        if not content_ok:
            msg = "counts once the rules on content pass"
        n = len(result.rows) + 1
        share = self.points / n
        for row in result.rows:
            row.points, row.max_points = row.points * (n - 1) / n, row.max_points * (n - 1) / n
        ok = content_ok and not findings
        result.rows.append(Row("prose checker", ok, share if ok else 0.0, share, msg))
        return result

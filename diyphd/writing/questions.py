"""Question kinds that grade with the writing checkers (writing theme, problem sets 1 and 2).

:class:`CheckedFigureQuestion` adds one row per figure-checker rule to the plain figure checks;
:class:`ProseQuestion` adds a prose-checker row to a self-scored text question. Both split their
points evenly over the rows, and never raise on a learner's answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diyphd.learner.grading.checks import grade_figure, grade_text
from diyphd.learner.grading.questions import FigureQuestion, TextQuestion
from diyphd.learner.grading.result import Result, Row
from diyphd.writing.figures import check_figure
from diyphd.writing.prose import check_prose


def _resplit(result: Result, extra: list[tuple[str, bool, str]], points: float) -> Result:
    """Replace the rows of ``result`` by its checks plus ``extra``, each worth an equal share."""
    checks = [(r.label, r.passed, r.message) for r in result.rows] + extra
    share = points / len(checks)
    result.rows = [Row(lbl, ok, share if ok else 0.0, share, msg) for lbl, ok, msg in checks]
    return result


@dataclass(kw_only=True)
class CheckedFigureQuestion(FigureQuestion):
    """A figure graded by the plain figure checks and by :func:`check_figure`'s ``rules``."""

    units: dict[str, str] | list | None = None
    seeds: int | None = None
    rules: tuple[str, ...] = ("label", "legend", "font", "colormap", "spread")

    def grade(self, answer: Any, **kwargs: Any) -> Result:
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

    def grade(self, answer: Any, self_scores: dict | None = None, **kwargs: Any) -> Result:
        result = grade_text(self, answer, self_scores)
        if not result.attempted or not isinstance(answer, str):
            return result
        findings = check_prose(answer, **self.prose_options)
        shown = "; ".join(f"{f.rule}: {f.why}" for f in findings[:3])
        more = f" (and {len(findings) - 3} more)" if len(findings) > 3 else ""
        msg = f"{len(findings)} finding(s): {shown}{more}" if findings else ""
        return _resplit(result, [("prose checker", not findings, msg)], self.points)

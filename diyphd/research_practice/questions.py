"""A question kind for pre-registered hypotheses (research practice, problem set 1).

:class:`HypothesisQuestion` grades a hypothesis's form with
:func:`~diyphd.research_practice.hypothesis.parse_hypothesis`: one automatic row for each of
quantity, comparison, threshold and direction, each worth an equal share. A text that fails a
gate earns no automatic points at all, so key words cannot buy them: the engine's text gate
(:func:`~diyphd.learner.grading.text.text_problem`: words sorted or shuffled, repeated, not
sentences) and the parser's (keyword salad, a hedge, a negation, both directions, nothing
measured). The rubric (falsifiable in substance, a decision rule, why
it matters) is self-scored and counts once the automatic part passes, as in every text
question (:mod:`diyphd.learner.grading.text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from diyphd.learner.grading.questions import TextQuestion
from diyphd.learner.grading.result import Result, Row
from diyphd.learner.grading.text import sentence_problem, sentences, text_problem
from diyphd.research_practice.hypothesis import parse_hypothesis

_HELP = {
    "quantity": "name the measured quantity (test accuracy, loss, steps to a target, ...)",
    "comparison": "name the baseline: 'than the plain network', 'compared with SGD'",
    "threshold": "give a number that decides it: 'by at least 2 percentage points'",
    "direction": "say which way: higher, lower, reduces, at least",
}


@dataclass(kw_only=True)
class HypothesisQuestion(TextQuestion):
    """A hypothesis whose automatic points come from its parsed form, not from key words."""

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        result = super()._grade(answer, self_scores=self_scores)
        if not result.attempted or not isinstance(answer, str):
            return result
        form = parse_hypothesis(answer)
        gate = text_problem(self, answer) or next(
            (f"a sentence {p}" for s in sentences(answer) if (p := sentence_problem(s))), None
        )
        if gate:
            form.problems.insert(0, gate)
        share = self.points / len(_HELP)
        rows = []
        for part, help_text in _HELP.items():
            found = getattr(form, part)
            ok = form.is_sentence and found is not None
            if not form.is_sentence:
                msg = "no credit until it reads as a hypothesis: " + "; ".join(form.problems)
            else:
                msg = "" if ok else help_text
            rows.append(
                Row(f"{part}: {found or 'not found'}", ok, share if ok else 0.0, share, msg)
            )
        result.rows = rows
        passed = all(r.passed for r in rows)
        for row in result.self_rows:
            if row.points:
                row.message = "" if passed else "counts once the automatic part passes"
        return result

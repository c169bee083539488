"""Graded exercises: define questions in ``diyphd.problems``, check answers in notebooks.

In a notebook::

    from diyphd.learner.grading import check
    check("optimization.ps01.gd_step", gd_step)            # function, value, choice, figure
    check("optimization.ps01.momentum_why", text, self_scores={"mechanism": 1, "rates": 0})

``check`` returns a :class:`Result` (``score``, ``max``, ``rows``) shown as an HTML table in
Jupyter and as text elsewhere; it never raises on a learner's answer, and it records the result
in the gradebook (see :mod:`diyphd.learner.gradebook`) unless ``DIYPHD_RECORD=0``.
An answer of ``None`` or ``...``, or a function raising NotImplementedError, is "not attempted".
"""

from __future__ import annotations

from typing import Any

from diyphd.learner.grading.questions import (
    ChoiceQuestion,
    FigureQuestion,
    FunctionQuestion,
    Question,
    TextQuestion,
    ValueQuestion,
)
from diyphd.learner.grading.record import recording, set_recording
from diyphd.learner.grading.registry import all_questions, get, problem_sets, register
from diyphd.learner.grading.result import Result, Row

__all__ = [
    "ChoiceQuestion",
    "FigureQuestion",
    "FunctionQuestion",
    "Question",
    "Result",
    "Row",
    "TextQuestion",
    "ValueQuestion",
    "all_questions",
    "check",
    "get",
    "problem_sets",
    "register",
    "set_recording",
]


def check(
    question_id: str,
    answer: Any,
    *,
    self_scores: dict[str, float] | None = None,
    record: bool | None = None,
) -> Result:
    """Grade ``answer`` to question ``question_id``; record it unless ``record`` is False.

    Never raises, whatever the answer does (BaseException included); the grading runs in a
    child process with a total time budget (see :mod:`diyphd.learner.grading.isolate`).
    """
    from diyphd.learner.grading.record import record_result

    try:
        question = get(question_id)
    except KeyError as exc:
        return Result(question_id, "unknown question", "unknown", 0.0, notes=[str(exc.args[0])])
    try:
        result = question.grade(answer, self_scores=self_scores)
    except BaseException as exc:  # noqa: BLE001 - a bug in a question must not break the notebook
        note = f"the grader itself failed ({type(exc).__name__}: {exc}); please report it"
        result = Result(question.id, question.title, question.kind, question.points, notes=[note])
    try:
        if record if record is not None else recording():
            record_result(result)
    except BaseException as exc:  # noqa: BLE001 - recording must never break the notebook
        result.notes.append(f"NOT SAVED to your gradebook: {type(exc).__name__}: {exc}")
    return result

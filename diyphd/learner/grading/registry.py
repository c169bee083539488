"""The registry of questions: problem-set modules under ``diyphd.problems`` register theirs."""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diyphd.learner.grading.questions import Question

_QUESTIONS: dict[str, Question] = {}
_LOADED = False


def register(question: Question) -> Question:
    """Add a question; an id used twice is an error."""
    if question.id in _QUESTIONS and _QUESTIONS[question.id] is not question:
        raise ValueError(f"question id {question.id!r} is registered twice")
    _QUESTIONS[question.id] = question
    return question


def load_all() -> None:
    """Import every module under ``diyphd.problems`` once, so that all questions register."""
    global _LOADED
    if _LOADED:
        return
    import diyphd.problems as root

    for info in pkgutil.walk_packages(root.__path__, root.__name__ + "."):
        importlib.import_module(info.name)
    _LOADED = True


def get(question_id: str) -> Question:
    """The question with this id; KeyError names the known ids of its problem set."""
    if question_id not in _QUESTIONS:
        load_all()
    if question_id not in _QUESTIONS:
        prefix = question_id.rsplit(".", 1)[0]
        near = sorted(q for q in _QUESTIONS if q.startswith(prefix)) or sorted(_QUESTIONS)[:10]
        raise KeyError(f"no question {question_id!r}; known: {', '.join(near)}")
    return _QUESTIONS[question_id]


def all_questions() -> list[Question]:
    """Every registered question, sorted by id."""
    load_all()
    return [_QUESTIONS[k] for k in sorted(_QUESTIONS)]


def problem_sets() -> dict[str, list[Question]]:
    """Problem-set id -> its questions, in registration order."""
    load_all()
    sets: dict[str, list[Question]] = {}
    for q in _QUESTIONS.values():
        sets.setdefault(q.problem_set, []).append(q)
    return sets


def max_points(problem_set: str) -> float:
    """The most points a problem set can give, self-scored ones included."""
    return round(sum(q.max_points for q in problem_sets().get(problem_set, [])), 2)

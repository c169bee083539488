"""Where to start: map the missed questions of the foundations diagnostic to lessons.

Introduced in ``exercises/foundations/ps01_diagnostic.ipynb``. Each question of problem set
``foundations.ps01`` tests one foundation lesson; a lesson is recommended when any of its
questions scored below full marks (or was not attempted), the lessons with the largest share of
points missed first. Results come from the notebook's ``check`` calls or from the gradebook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

PROBLEM_SET = "foundations.ps01"

#: Lesson label -> (title, notebook path), in reading order.
LESSONS: dict[str, tuple[str, str]] = {
    "found-linalg": (
        "Linear algebra for machine learning",
        "notebooks/foundations/01_linear_algebra",
    ),
    "found-prob": (
        "Probability and statistics",
        "notebooks/foundations/02_probability_statistics",
    ),
    "found-info": ("Information theory", "notebooks/foundations/03_information_theory"),
    "found-calc": ("Calculus for learning", "notebooks/foundations/04_calculus"),
}

#: Question name (the last part of its id) -> the lesson that teaches it.
QUESTION_LESSON: dict[str, str] = {
    "cond_number": "found-linalg",
    "least_squares": "found-linalg",
    "normal_equations": "found-linalg",
    "pairwise_distances": "found-linalg",  # NumPy broadcasting, used throughout lesson 1
    "hoeffding_n": "found-prob",
    "gaussian_mle": "found-prob",
    "kl": "found-info",
    "cross_entropy": "found-info",
    "tanh_jacobian": "found-calc",
    "taylor_order": "found-calc",
    "logsumexp_grad": "found-calc",  # torch autograd, used throughout lesson 4
    "chebyshev_constant": "found-prob",
    "lse_smoothness": "found-calc",
}


def _fraction(value: Any) -> float:
    """A score as a fraction of full marks, from a Result, a gradebook row or a number."""
    if hasattr(value, "score") and hasattr(value, "max"):
        return value.score / value.max if value.attempted and value.max else 0.0
    if isinstance(value, Mapping):
        top = value["auto_max"] + value.get("self_max", 0.0)
        got = value["auto_points"] + value.get("self_points", 0.0)
        return got / top if value.get("attempted", 1) and top else 0.0
    return float(value)


def scores(results: Iterable[Any] | Mapping[str, Any]) -> dict[str, float]:
    """Question name -> fraction of full marks (0 to 1) for every diagnostic question.

    ``results`` is an iterable of :class:`~diyphd.learner.grading.Result`, or a mapping from
    question id or name to a Result, a gradebook row or a fraction.
    Questions absent from it score 0.
    """
    items = (
        results.items() if isinstance(results, Mapping) else ((r.question_id, r) for r in results)
    )
    found = {str(qid).rsplit(".", 1)[-1]: _fraction(value) for qid, value in items}
    return {name: min(max(found.get(name, 0.0), 0.0), 1.0) for name in QUESTION_LESSON}


def recommend(results: Iterable[Any] | Mapping[str, Any]) -> list[str]:
    """Labels of the lessons to read, the one with the largest share of points missed first.

    A lesson whose questions all scored full marks is left out; ties keep reading order.
    """
    got = scores(results)
    missed: dict[str, list[float]] = {label: [] for label in LESSONS}
    for name, lesson in QUESTION_LESSON.items():
        missed[lesson].append(1.0 - got[name])
    share = {label: sum(m) / len(m) for label, m in missed.items() if m}
    order = list(LESSONS)
    return sorted(
        (label for label, s in share.items() if s > 1e-9),
        key=lambda lb: (-share[lb], order.index(lb)),
    )


def from_gradebook(path: str | Path | None = None) -> dict[str, dict]:
    """The latest recorded attempt of each diagnostic question (question id -> gradebook row)."""
    from diyphd.learner import gradebook

    latest: dict[str, dict] = {}
    for row in gradebook.attempts(path, problem_set=PROBLEM_SET):
        latest[row["question_id"]] = row  # attempts come oldest first
    return latest


def report(results: Iterable[Any] | Mapping[str, Any]) -> str:
    """A short text: the missed questions and the lessons to read first, in order."""
    got = scores(results)
    labels = recommend(got)
    if not labels:
        return "Full marks on every question: start with the themes; the foundations are optional."
    lines = ["Read these foundation lessons first, in this order:"]
    for i, label in enumerate(labels, 1):
        title, path = LESSONS[label]
        names = [n for n, lesson in QUESTION_LESSON.items() if lesson == label and got[n] < 1]
        lines.append(f"  {i}. {title} ({path}.ipynb) — missed: {', '.join(names)}")
    skip = [LESSONS[lb][0] for lb in LESSONS if lb not in labels]
    if skip:
        lines.append(f"Full marks, so optional: {'; '.join(skip)}.")
    return "\n".join(lines)

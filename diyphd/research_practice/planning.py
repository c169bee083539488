"""Choosing and ordering the work: a score for candidate questions and the de-risking order.

Lesson 1 (``notebooks/research_practice/01_choosing_a_problem``) scores candidate questions by
their expected importance per week; lesson 3 orders a project's uncertain steps. Steinhardt
(2018, "Research as a stochastic decision process") argues for the steps most informative per
unit of time first, and sorts by the rate log(1/p)/t. When every step must succeed and a failed
step ends the project, the exact optimum sorts by (1 - p)/t: :func:`derisk_order` does, and an
exchange argument (lesson 3) proves that the order minimises :func:`expected_time`.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["derisk_order", "expected_time", "question_score"]


def question_score(importance: float, p_success: float, novelty: float, weeks: float) -> float:
    """Expected importance per week: ``importance × p_success × novelty / weeks``.

    ``importance`` (1-5): how much the answer would change what people do; ``p_success``
    (0-1): the chance of a clear answer with your compute; ``novelty`` (0-1): the chance
    that nobody has answered it already; ``weeks``: the time to a first clear answer.
    """
    if weeks <= 0:
        raise ValueError("weeks must be positive")
    return importance * p_success * novelty / weeks


def expected_time(times: Sequence[float], p_success: Sequence[float]) -> float:
    """Expected time spent when steps run in the given order and the first failure stops all.

    Step ``k`` runs only if steps ``0..k-1`` all succeeded:
    ``E[T] = t_0 + p_0 t_1 + p_0 p_1 t_2 + ...``.
    """
    total, alive = 0.0, 1.0
    for t, p in zip(times, p_success, strict=True):
        total += alive * t
        alive *= p
    return total


def derisk_order(times: Sequence[float], p_success: Sequence[float]) -> list[int]:
    """Step indices by failure probability per unit time, highest first (ties: input order)."""
    rates = [(1.0 - p) / t for t, p in zip(times, p_success, strict=True)]
    return sorted(range(len(rates)), key=lambda i: -rates[i])

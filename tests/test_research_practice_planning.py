"""Scoring and ordering research steps: is the de-risking order the best order?"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from diyphd.research_practice.planning import derisk_order, expected_time, question_score


def test_expected_time_matches_a_simulation():
    """Does E[T] = t0 + p0 t1 + p0 p1 t2 agree with a Monte Carlo run of the plan?"""
    rng = np.random.default_rng(0)
    times, probs = [2.0, 5.0, 1.0], [0.9, 0.5, 0.8]
    n = 200_000
    ok = rng.random((n, 3)) < probs
    alive = np.cumprod(np.hstack([np.ones((n, 1), bool), ok[:, :-1]]), axis=1)
    simulated = (alive * times).sum(axis=1).mean()
    assert expected_time(times, probs) == pytest.approx(simulated, rel=0.01)


@pytest.mark.parametrize("seed", range(20))
def test_derisk_order_minimises_expected_time(seed):
    """Is the (1 - p) / t order as good as the best of all orders (exchange argument)?"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 6))
    t, p = rng.uniform(0.5, 10, n), rng.uniform(0.1, 0.95, n)
    best = min(expected_time(t[list(o)], p[list(o)]) for o in itertools.permutations(range(n)))
    order = derisk_order(t, p)
    assert expected_time(t[order], p[order]) == pytest.approx(best)


def test_easiest_first_can_be_worse():
    """Is doing the likeliest step first ever slower than the de-risking order?"""
    t, p = np.array([1.0, 1.0]), np.array([0.9, 0.5])
    assert expected_time(t[derisk_order(t, p)], p[derisk_order(t, p)]) < expected_time(t, p)


def test_question_score_and_bad_input():
    """Is the score importance × success × novelty / weeks, and are zero weeks refused?"""
    assert question_score(4, 0.8, 0.6, 1.5) == pytest.approx(1.28)
    with pytest.raises(ValueError):
        question_score(4, 0.8, 0.6, 0)

"""Tests for diyphd.optimization.sgd_theory: exact SGD expectations against Monte Carlo."""

from __future__ import annotations

import numpy as np

from diyphd.optimization.sgd_theory import (
    bcn_diminishing_bound,
    bcn_fixed_step_bound,
    expected_gap_additive_noise,
    kaczmarz_expected_error,
)


def test_exact_gap_matches_monte_carlo():
    """Does the second-moment recursion agree with 20 000 simulated SGD runs?"""
    rng = np.random.default_rng(0)
    lam, w0, s2, steps = np.array([1.0, 4.0]), np.array([1.0, -2.0]), 0.3, np.full(25, 0.1)
    exact = expected_gap_additive_noise(lam, w0, s2, steps)
    w = np.tile(w0, (20000, 1))
    for a in steps:
        w = w - a * (lam * w + np.sqrt(s2) * rng.standard_normal(w.shape))
    mc = 0.5 * np.mean(np.sum(lam * w**2, axis=1))
    assert abs(mc - exact[-1]) < 0.03 * exact[-1]


def test_kaczmarz_exact_matches_monte_carlo():
    """Does the exact E‖e_k‖² of projected SGD agree with simulated runs?"""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((15, 4))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    e0 = rng.standard_normal(4)
    exact = kaczmarz_expected_error(x, e0, 12)
    runs = np.tile(e0, (20000, 1))
    for _ in range(12):
        rows = x[rng.integers(0, 15, 20000)]
        runs = runs - rows * np.sum(rows * runs, axis=1, keepdims=True)
    assert abs(np.mean(np.sum(runs**2, axis=1)) - exact[-1]) < 0.03 * exact[-1]


def test_bcn_bounds_start_at_the_initial_gap_and_have_the_papers_limits():
    """At k = 1 is the fixed-step bound F(w_1) − F*, and does it tend to αLM/(2cμ)?"""
    b = bcn_fixed_step_bound(np.array([1, 10**6]), 0.1, 4.0, 1.0, 2.0, gap1=5.0)
    assert np.isclose(b[0], 5.0) and np.isclose(b[1], 0.1 * 4 * 2 / 2)
    nu = max(4.0 * 4 * 2 / (2 * (2 - 1)), 3 * 5.0)
    assert np.isclose(bcn_diminishing_bound(1, 2.0, 2.0, 4.0, 1.0, 2.0, 5.0), nu / 3)

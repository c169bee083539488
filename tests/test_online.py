"""Tests for diyphd.optimization.online: regret, AdaGrad's scalar step, Adam/AMSGrad online."""

from __future__ import annotations

import numpy as np

from diyphd.optimization.online import (
    adagrad_norm_online,
    adam_online,
    linear_regret,
    reddi_gradients,
)


def test_linear_regret_matches_a_brute_force_comparator():
    """Is the best fixed point found in closed form as good as the best of a fine grid?"""
    rng = np.random.default_rng(0)
    g, x = rng.standard_normal((50, 2)), rng.uniform(-0.5, 0.5, (50, 2))
    angles = np.linspace(0, 2 * np.pi, 20001)
    us = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    brute = np.sum(g * x) - np.min(us @ g.sum(0))
    assert np.isclose(linear_regret(g, x)[-1], brute, atol=1e-6)


def test_adagrad_regret_is_within_its_bound():
    """Is AdaGrad-norm's regret at most (3/2)·D·√(Σ‖g‖²) at every round, on random losses?"""
    rng = np.random.default_rng(1)
    g = rng.standard_normal((2000, 3)) + np.array([0.3, 0, 0])
    xs = adagrad_norm_online(g, radius=1.0)
    regret = linear_regret(g, xs)
    bound = 1.5 * 2.0 * np.sqrt(np.cumsum(np.sum(g**2, axis=1)))
    assert np.all(regret <= bound) and np.all(np.linalg.norm(xs, axis=1) <= 1 + 1e-12)


def test_reddi_problem_adam_goes_to_the_worst_point_amsgrad_to_the_best():
    """With β1 = 0, β2 = 1/(1+C²), does Adam end near +1 and AMSGrad near −1 (Reddi et al.)?"""
    g = reddi_gradients(6000, c=3.0)
    adam = adam_online(g, 0.5, 0.0, 1 / 10)
    ams = adam_online(g, 0.5, 0.0, 1 / 10, amsgrad=True)
    assert adam[-300:].min() > 0.9 and ams[-300:].max() < -0.9
    assert np.array_equal(g[:4], [3.0, -1.0, -1.0, 3.0])

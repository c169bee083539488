"""Tests for diyphd.optimization.worst_case: worst-case instances and general-oracle methods."""

from __future__ import annotations

import numpy as np
import scipy.sparse.linalg as spla

from diyphd.optimization.worst_case import (
    conjugate_gradient_path,
    gradient_descent_path,
    heavy_ball_path,
    huber_worst_case,
    lessard_function,
    nesterov_strongly_convex_path,
    nesterov_worst_quadratic,
    worst_quadratic_gap,
)


def test_worst_quadratic_gap_matches_a_restricted_solve():
    """Is the closed-form gap min over span(e_1..e_k) minus min f equal to a direct solve?"""
    a, b = nesterov_worst_quadratic(21, L=3.0)
    x_star = np.linalg.solve(a, b)
    f_star = 0.5 * x_star @ a @ x_star - b @ x_star
    for k in (1, 4, 10):
        xk = np.linalg.solve(a[:k, :k], b[:k])
        fk = 0.5 * xk @ a[:k, :k] @ xk - b[:k] @ xk
        assert np.isclose(fk - f_star, worst_quadratic_gap(k, 21, L=3.0), rtol=1e-12)
    assert np.linalg.eigvalsh(a).max() <= 3.0


def test_conjugate_gradients_agree_with_scipy():
    """After k steps, do our CG iterates equal scipy.sparse.linalg.cg's with maxiter=k?"""
    rng = np.random.default_rng(0)
    q = np.linalg.qr(rng.standard_normal((12, 12)))[0]
    a = q @ np.diag(np.linspace(1, 50, 12)) @ q.T
    b = rng.standard_normal(12)
    path = conjugate_gradient_path(a, b, np.zeros(12), 6)
    ref, _ = spla.cg(a, b, x0=np.zeros(12), maxiter=6, rtol=1e-30, atol=0)
    assert np.allclose(path[-1], ref, atol=1e-10)


def test_huber_instance_attains_its_gap():
    """Does GD with step 1/L on the Huber instance stop exactly at L R²/(4k+2)?"""
    f, grad = huber_worst_case(radius=2.0, k=7, L=3.0)
    xs = gradient_descent_path(grad, np.array([2.0]), 1 / 3.0, 7)
    assert np.isclose(f(xs[-1]), 3.0 * 4.0 / (4 * 7 + 2), rtol=1e-12)


def test_lessard_function_is_smooth_strongly_convex_and_cycles_heavy_ball():
    """Is the gradient continuous and monotone with slopes in [1, 25], and does tuned heavy ball
    fail to converge from x0 = 3.3 while GD converges?"""
    f, grad, L, mu = lessard_function()
    x = np.linspace(-3, 4, 7001)
    g = grad(x)
    slopes = np.diff(g) / np.diff(x)
    assert slopes.min() >= mu - 1e-9 and slopes.max() <= L + 1e-9
    num = np.array([(f(np.array([t + 1e-6])) - f(np.array([t - 1e-6]))) / 2e-6 for t in x[::50]])
    assert np.allclose(num, g[::50], atol=1e-4)
    eta, beta = 4 / (np.sqrt(L) + np.sqrt(mu)) ** 2, ((5 - 1) / (5 + 1)) ** 2
    hb = heavy_ball_path(grad, np.array([3.3]), eta, beta, 1000)
    assert np.abs(hb[-30:]).max() > 0.5
    assert abs(gradient_descent_path(grad, np.array([3.3]), 1 / L, 300)[-1, 0]) < 1e-8


def test_nesterov_three_sequence_form_equals_two_sequence_momentum():
    """Are the x_k of the three-sequence form those of y = x + β(x − x_prev), x ← y − ∇f(y)/L?"""
    rng = np.random.default_rng(1)
    d = np.linspace(1, 100, 8)
    grad = lambda x: d * x  # noqa: E731
    x0 = rng.standard_normal(8)
    xs, _ = nesterov_strongly_convex_path(grad, x0, 100.0, 1.0, 30)
    beta = (10 - 1) / (10 + 1)
    x, x_prev = x0.copy(), x0.copy()
    for k in range(1, 31):
        y = x + beta * (x - x_prev)
        x, x_prev = y - grad(y) / 100.0, x
        assert np.allclose(xs[k], x, atol=1e-12)

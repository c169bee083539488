"""Tests for diyphd.optimization.optimizers: momentum rates on quadratics, SGD, and the adaptive
methods checked step for step against torch.optim (the trusted reference)."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch

from diyphd.learner.grading import get
from diyphd.optimization.optimizers import (
    Adagrad,
    Adam,
    AdamW,
    RMSprop,
    heavy_ball,
    heavy_ball_params,
    iterations_to,
    nesterov,
    nesterov_params,
    rate_until,
    sgd_least_squares,
    sgd_stationary_covariance,
)
from diyphd.optimization.quadratic import gradient_descent, make_quadratic, measured_rate


def test_heavy_ball_and_nesterov_rates_match_theory():
    """Do the tuned momentum methods contract at (√κ−1)/(√κ+1) and 1 − 1/√κ?"""
    p = make_quadratic(kappa=400, dim=10, rng=np.random.default_rng(1))
    s = np.sqrt(p.kappa)
    hb = heavy_ball(p, *heavy_ball_params(p.L, p.mu), np.zeros(10), 800)
    nv = nesterov(p, *nesterov_params(p.L, p.mu), np.zeros(10), 800)
    assert rate_until(hb, jordan=True) == pytest.approx((s - 1) / (s + 1), rel=2e-3)
    assert rate_until(nv, jordan=True) == pytest.approx(1 - 1 / s, rel=2e-3)


def test_iterations_to_finds_first_crossing_and_raises_when_never():
    """Does iterations_to return the first index below eps·e_0, and fail loudly otherwise?"""
    errors = np.array([1.0, 0.5, 0.1, 0.01, 0.02])
    assert iterations_to(errors, 0.1) == 2
    with pytest.raises(ValueError):
        iterations_to(errors, 1e-3)


def test_sgd_full_batch_equals_gradient_descent():
    """On a one-row problem every minibatch repeats that row: is SGD then gradient descent?"""
    x, y = np.array([[2.0, 1.0]]), np.array([1.0])
    ws = sgd_least_squares(x, y, 0.1, 3, np.random.default_rng(0), batch_size=4)
    w = np.zeros(2)
    for _ in range(3):
        w = w - 0.1 * x.T @ (x @ w - y)
    np.testing.assert_allclose(ws[-1], w)


def _rosenbrockish(theta: torch.Tensor) -> torch.Tensor:
    return ((theta[1:] - theta[:-1] ** 2) ** 2).sum() + 0.1 * ((1 - theta) ** 2).sum()


TORCH_PAIRS = [
    (Adagrad, torch.optim.Adagrad, {}),
    (Adagrad, torch.optim.Adagrad, {"initial_accumulator_value": 0.1, "weight_decay": 0.01}),
    (RMSprop, torch.optim.RMSprop, {}),
    (RMSprop, torch.optim.RMSprop, {"weight_decay": 0.1}),
    (Adam, torch.optim.Adam, {}),
    (Adam, torch.optim.Adam, {"lr": 0.05, "weight_decay": 0.1}),
    (AdamW, torch.optim.AdamW, {}),
    (AdamW, torch.optim.AdamW, {"lr": 0.05, "weight_decay": 0.5}),
]


@pytest.mark.parametrize(("ours", "theirs", "kw"), TORCH_PAIRS)
def test_adaptive_matches_torch_for_100_steps(ours, theirs, kw):
    """Does our NumPy optimizer follow torch.optim's trajectory to 1e-10 over 100 steps?"""
    theta0 = np.random.default_rng(0).standard_normal(6)
    p = torch.tensor(theta0, dtype=torch.float64, requires_grad=True)
    opt_t, opt_n, theta = theirs([p], **kw), ours(**kw), theta0.copy()
    for _ in range(100):
        opt_t.zero_grad()
        _rosenbrockish(p).backward()
        opt_t.step()
        t = torch.tensor(theta, dtype=torch.float64, requires_grad=True)
        _rosenbrockish(t).backward()
        theta = opt_n.step(theta, t.grad.numpy())
    assert np.max(np.abs(theta - p.detach().numpy())) < 1e-10


def test_ps02_adam_step_reference_equals_torch():
    """Is the graded reference of ps02's Adam step the step torch.optim.Adam takes?"""
    from diyphd.problems.optimization.ps02_adaptive_autodiff import adam_step

    rng = np.random.default_rng(5)
    theta = rng.standard_normal(4)
    p = torch.tensor(theta, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.01)
    m, v = np.zeros(4), np.zeros(4)
    for t in range(1, 6):
        g = rng.standard_normal(4)
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        theta, m, v = adam_step(theta, g, m, v, t, lr=0.01)
    assert np.max(np.abs(theta - p.detach().numpy())) < 1e-12


def test_mistuned_heavy_ball_slow_root_is_gd_with_step_eta_over_one_minus_beta():
    """Tuned for 10μ, is the heavy ball's slow root 1 − ημ/(1−β), not 1 − ημ/(1−√β), as measured?"""
    p = make_quadratic(kappa=1000, dim=20, rng=np.random.default_rng(1000))
    step, beta = heavy_ball_params(p.L, 10 * p.mu)
    slow = max(abs(np.roots([1, -(1 + beta - step * p.mu), beta])))
    assert slow == pytest.approx(1 - step * p.mu / (1 - beta), abs=5e-4)
    assert abs(slow - (1 - step * p.mu / (1 - np.sqrt(beta)))) > 5e-3
    measured = rate_until(heavy_ball(p, step, beta, np.zeros(20), 3000))
    assert measured == pytest.approx(slow, abs=1e-4)


def test_ps01_momentum_reference_states_the_measured_speed_up():
    """Does ps01's reference answer give the heavy ball's speed-up over GD (step 1/L) at κ = 100
    that the measured rates give (2√κ = 20, not Nesterov's √κ = 10)?"""
    import diyphd.problems.optimization.ps01_gradient_methods  # noqa: F401  (registers it)

    text = get("optimization.ps01.momentum_why").reference
    claimed = float(re.search(r"\((\d+) times at κ = 100\)", text).group(1))
    p = make_quadratic(kappa=100, dim=20, rng=np.random.default_rng(100))
    gd = measured_rate(gradient_descent(p, 1 / p.L, np.zeros(20), 3000))
    hb = rate_until(heavy_ball(p, *heavy_ball_params(p.L, p.mu), np.zeros(20), 400), jordan=True)
    assert np.log(hb) / np.log(gd) == pytest.approx(claimed, rel=0.05)
    assert "1 − 1/√κ" not in text


def test_stationary_covariance_is_a_fixed_point_of_one_sgd_step():
    """Is S unchanged by one SGD step in expectation: S = E[(I−ηxxᵀ)S(I−ηxxᵀ)] + η²E[r²xxᵀ]?"""
    rng = np.random.default_rng(3)
    X = rng.standard_normal((200, 4)) * [1.0, 2.0, 0.5, 1.0]
    y = X @ rng.standard_normal(4) + 0.3 * rng.standard_normal(200)
    r = y - X @ np.linalg.lstsq(X, y, rcond=None)[0]
    eta = 0.05
    S = sgd_stationary_covariance(X, r, eta)
    step_once = sum(
        (np.eye(4) - eta * np.outer(x, x)) @ S @ (np.eye(4) - eta * np.outer(x, x))
        + eta**2 * ri**2 * np.outer(x, x)
        for x, ri in zip(X, r, strict=True)
    ) / len(X)
    np.testing.assert_allclose(step_once, S, rtol=1e-10, atol=1e-14)
    assert np.linalg.eigvalsh(S)[0] > 0


def test_stationary_floor_matches_gaussian_fourth_moment_for_gaussian_data():
    """For x ~ N(0, I), is tr(HS)/2 near (η tr C/4)/(1 − η(d+2)/2), not the E‖x‖² = d version?"""
    rng = np.random.default_rng(4)
    n, d, eta = 20_000, 10, 0.02
    X = rng.standard_normal((n, d))
    r = 0.5 * rng.standard_normal(n)
    r -= X @ np.linalg.lstsq(X, r, rcond=None)[0]  # residuals orthogonal to X, as at w*
    H, C = X.T @ X / n, (X * r[:, None] ** 2).T @ X / n
    floor = 0.5 * np.trace(H @ sgd_stationary_covariance(X, r, eta))
    first = eta * np.trace(C) / 4
    assert floor == pytest.approx(first / (1 - eta * (d + 2) / 2), rel=0.01)
    assert abs(floor / (first / (1 - eta * d / 2)) - 1) > 0.015
    with pytest.raises(ValueError, match="too large"):
        sgd_stationary_covariance(X, r, 0.3)

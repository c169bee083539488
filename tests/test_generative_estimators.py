"""diyphd.generative.estimators: unbiased gradients, and the ELBO against scipy's exact marginal."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from scipy import stats as sps

from diyphd.common.repro import seed_everything
from diyphd.generative.estimators import (
    gaussian_elbo_linear,
    linear_gaussian_log_marginal,
    linear_gaussian_posterior,
    reparam_grad,
    score_function_grad,
)

MU, SIGMA = 0.7, 1.3


@pytest.fixture(autouse=True)
def _one_thread():
    seed_everything(0)  # one torch thread: on a shared 2-core machine, several are much slower


def test_both_estimators_are_unbiased_for_a_square():
    """For f(z) = z², is each estimator's mean (2μ, 2σ) within four standard errors?"""
    exact = np.array([2 * MU, 2 * SIGMA])
    for est in (reparam_grad, score_function_grad):
        g = est(lambda z: z**2, MU, SIGMA, 200_000, seed=1)
        se = g.std(0) / np.sqrt(len(g))
        assert np.all(np.abs(g.mean(0) - exact) < 4 * se), est.__name__


def test_reparameterization_variance_is_the_closed_form():
    """For f(z) = z², is Var of the reparam μ-estimate 4σ², and the score's far above?"""
    rep = reparam_grad(lambda z: z**2, MU, SIGMA, 200_000, seed=2)
    sf = score_function_grad(lambda z: z**2, MU, SIGMA, 200_000, seed=2)
    assert abs(rep[:, 0].var() / (4 * SIGMA**2) - 1) < 0.02
    assert sf[:, 0].var() > 3 * rep[:, 0].var()


def test_a_baseline_keeps_the_score_function_unbiased_and_lowers_its_variance():
    """Does subtracting b = E f(z) keep the mean and cut the variance?"""
    f = lambda z: z**2  # noqa: E731
    plain = score_function_grad(f, MU, SIGMA, 200_000, seed=3)
    based = score_function_grad(f, MU, SIGMA, 200_000, seed=3, baseline=MU**2 + SIGMA**2)
    se = based.std(0) / np.sqrt(len(based))
    assert np.all(np.abs(based.mean(0) - [2 * MU, 2 * SIGMA]) < 4 * se)
    assert based[:, 0].var() < plain[:, 0].var()


def _model(seed: int = 0):
    rng = np.random.default_rng(seed)
    w, b = rng.standard_normal((5, 2)), rng.standard_normal(5)
    return rng.standard_normal(5), w, b, 0.6


def test_log_marginal_matches_scipy():
    """Is log p(x) scipy's multivariate normal log-density with covariance WWᵀ + s²I?"""
    x, w, b, s = _model()
    ref = sps.multivariate_normal(b, w @ w.T + s**2 * np.eye(5)).logpdf(x)
    assert abs(linear_gaussian_log_marginal(x, w, b, s) - ref) < 1e-10


def test_elbo_is_tight_at_the_posterior_and_its_gap_is_the_kl():
    """ELBO(exact posterior) = log p(x); for another q, is log p(x) − ELBO = KL(q ‖ p(z|x))?"""
    x, w, b, s = _model(1)
    logp = linear_gaussian_log_marginal(x, w, b, s)
    m, c = linear_gaussian_posterior(x, w, b, s)
    assert abs(gaussian_elbo_linear(x, w, b, s, m, c) - logp) < 1e-10
    q_m, q_s = m + 0.3, np.diag([0.5, 0.2])
    ci = np.linalg.inv(c)
    kl = 0.5 * (
        np.trace(ci @ q_s)
        + (m - q_m) @ ci @ (m - q_m)
        - 2
        + np.linalg.slogdet(c)[1]
        - np.linalg.slogdet(q_s)[1]
    )
    assert abs(logp - gaussian_elbo_linear(x, w, b, s, q_m, q_s) - kl) < 1e-10
    assert kl > 0


def test_elbo_monte_carlo_agrees_with_closed_form():
    """Does a Monte Carlo average of log p(x,z) − log q(z) match the closed-form ELBO?"""
    x, w, b, s = _model(2)
    m, q_s = np.array([0.1, -0.2]), np.diag([0.3, 0.7])
    z = sps.multivariate_normal(m, q_s).rvs(200_000, random_state=0)
    log_joint = sps.multivariate_normal(np.zeros(2), np.eye(2)).logpdf(z) + sps.norm(
        z @ w.T + b, s
    ).logpdf(x).sum(1)
    mc = log_joint - sps.multivariate_normal(m, q_s).logpdf(z)
    se = mc.std() / np.sqrt(len(z))
    assert abs(mc.mean() - gaussian_elbo_linear(x, w, b, s, m, q_s)) < 4 * se
    torch.manual_seed(0)  # keep the global state of later tests unaffected by this module

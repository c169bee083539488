"""diyphd.reinforcement.policy_gradient: REINFORCE is unbiased for torch's exact gradient."""

from __future__ import annotations

import numpy as np
import pytest

from diyphd.common.repro import seed_everything
from diyphd.reinforcement.mdp import MDP
from diyphd.reinforcement.policy_gradient import (
    exact_gradient,
    reinforce_gradients,
    state_values,
)


@pytest.fixture(autouse=True)
def _one_thread():
    seed_everything(0)


def _setup():
    rng = np.random.default_rng(0)
    mdp = MDP(rng.dirichlet(np.ones(4), (4, 2)), rng.uniform(0, 1, (4, 2)), 0.9)
    return mdp, rng.normal(0, 0.5, (4, 2)), np.full(4, 0.25), 8


def test_reinforce_is_unbiased_with_and_without_the_value_baseline():
    """Is each estimator's mean within four standard errors of autograd's exact gradient?"""
    mdp, theta, start, horizon = _setup()
    exact = exact_gradient(mdp, theta, start, horizon)
    for baseline in (None, "value"):
        g = reinforce_gradients(mdp, theta, start, horizon, 20_000, baseline, seed=1)
        se = g.std(0) / np.sqrt(len(g))
        assert np.all(np.abs(g.mean(0) - exact) <= 4 * se + 1e-12), baseline


def test_the_value_baseline_reduces_variance():
    """Does subtracting V_t(s_t) cut the total variance by at least a factor of five?"""
    mdp, theta, start, horizon = _setup()
    plain = reinforce_gradients(mdp, theta, start, horizon, 5000, None, seed=2).var(0).sum()
    based = reinforce_gradients(mdp, theta, start, horizon, 5000, "value", seed=2).var(0).sum()
    assert based < plain / 5


def test_state_values_match_the_exact_objective():
    """Is the start-averaged V_0 the objective whose gradient exact_gradient takes?"""
    import torch

    from diyphd.reinforcement.policy_gradient import exact_objective

    mdp, theta, start, horizon = _setup()
    j = exact_objective(mdp, torch.tensor(theta), start, horizon).item()
    assert start @ state_values(mdp, theta, horizon)[0] == pytest.approx(j)

"""diyphd.reinforcement.ppo: the surrogate, GAE against the λ-return definition, a short run."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from diyphd.common.repro import seed_everything
from diyphd.reinforcement.ppo import clipped_surrogate, gae, train_ppo


@pytest.fixture(autouse=True)
def _one_thread():
    seed_everything(0)


def test_clipped_surrogate_by_cases():
    """Does the clip act only where it makes the objective more pessimistic (Schulman Eq. 7)?"""
    log_ratio = torch.log(torch.tensor([1.5, 1.5, 0.5, 0.5, 1.1]))
    adv = torch.tensor([1.0, -1.0, 1.0, -1.0, 2.0])
    per = [clipped_surrogate(log_ratio[i : i + 1], adv[i : i + 1], 0.2).item() for i in range(5)]
    assert per == pytest.approx([1.2, -1.5, 0.5, -0.8, 2.2])
    assert clipped_surrogate(log_ratio, adv, None).item() == pytest.approx(
        (log_ratio.exp() * adv).mean().item()
    )


def test_gae_with_lambda_one_is_the_discounted_return_minus_value():
    """With λ = 1 and no episode end, is the advantage Σ γ^k r_{t+k} + γ^{T−t} V_T − V_t?"""
    rng = np.random.default_rng(0)
    r, v = rng.normal(size=(6, 1)), rng.normal(size=(6, 1))
    nxt = np.vstack([v[1:], [[0.7]]])
    zeros = np.zeros((6, 1))
    adv = gae(r, v, nxt, zeros, zeros, 0.9, 1.0)
    for t in range(6):
        ret = sum(0.9**k * r[t + k, 0] for k in range(6 - t)) + 0.9 ** (6 - t) * 0.7
        assert adv[t, 0] == pytest.approx(ret - v[t, 0])


def test_gae_stops_at_a_termination():
    """After a terminated step, does nothing of the next episode leak into the advantage?"""
    r = np.array([[1.0], [5.0]])
    v = np.array([[0.5], [0.2]])
    nxt = np.array([[9.0], [0.0]])  # 9.0 is the new episode's first value: must be ignored
    term = np.array([[1.0], [0.0]])
    adv = gae(r, v, nxt, term, term, 0.99, 0.95)
    assert adv[0, 0] == pytest.approx(1.0 - 0.5)


def test_a_short_run_on_cartpole_learns_something():
    """Does 8 000 steps of PPO on Gymnasium's CartPole beat the random policy's ~22 steps?"""
    result = train_ppo(seed=0, total_steps=8000, n_envs=8, n_steps=64, hidden=32)
    assert result.returns and result.final_return() > 40

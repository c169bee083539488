"""diyphd.reinforcement.mdp on Gymnasium's FrozenLake and on random MDPs: exact solutions agree."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest

from diyphd.reinforcement.mdp import (
    MDP,
    bellman_optimality,
    from_gymnasium,
    policy_evaluation,
    policy_iteration,
    value_iteration,
)


def _random_mdp(seed: int, s: int = 6, a: int = 3, gamma: float = 0.9) -> MDP:
    rng = np.random.default_rng(seed)
    return MDP(rng.dirichlet(np.ones(s), (s, a)), rng.uniform(-1, 1, (s, a)), gamma)


def test_bellman_operator_is_a_gamma_contraction():
    """Is ‖TV − TU‖∞ ≤ γ‖V − U‖∞ for random V, U on random MDPs?"""
    for seed in range(20):
        mdp = _random_mdp(seed)
        rng = np.random.default_rng(100 + seed)
        v, u = rng.normal(0, 5, 6), rng.normal(0, 5, 6)
        lhs = np.abs(bellman_optimality(mdp, v) - bellman_optimality(mdp, u)).max()
        assert lhs <= mdp.gamma * np.abs(v - u).max() + 1e-12


def test_value_and_policy_iteration_agree_on_frozenlake():
    """On Gymnasium's FrozenLake, do both methods find one value function and its policy's value?"""
    mdp = from_gymnasium(gym.make("FrozenLake-v1"), gamma=0.95)
    v_vi, pi_vi, _ = value_iteration(mdp, tol=1e-12)
    v_pi, pi_pi, _ = policy_iteration(mdp)
    assert np.allclose(v_vi, v_pi, atol=1e-9)
    assert np.allclose(policy_evaluation(mdp, pi_vi), v_pi, atol=1e-8)


def test_frozenlake_value_matches_a_monte_carlo_rollout_in_gymnasium():
    """Is V*(start) the success rate of the greedy policy run in Gymnasium itself (γ = 1)?"""
    env = gym.make("FrozenLake-v1", max_episode_steps=100_000)  # no truncation to speak of
    mdp = from_gymnasium(env, gamma=1.0 - 1e-9)
    v, pi, _ = value_iteration(mdp, tol=1e-12, max_iter=200_000)
    wins, n = 0, 1000
    for episode in range(n):
        s, _ = env.reset(seed=episode)
        done = False
        while not done:
            s, r, term, trunc, _ = env.step(int(pi[s]))
            done = term or trunc
        wins += r
    se = np.sqrt(v[0] * (1 - v[0]) / n)
    assert abs(wins / n - v[0]) < 4 * se


def test_policy_evaluation_solves_the_bellman_equation():
    """Does V^π satisfy V = R_π + γ P_π V to rounding error?"""
    mdp = _random_mdp(3)
    pi = np.array([0, 1, 2, 0, 1, 2])
    v = policy_evaluation(mdp, pi)
    s = np.arange(6)
    assert np.allclose(v, mdp.R[s, pi] + mdp.gamma * mdp.P[s, pi] @ v)


@pytest.mark.parametrize("gamma", [0.5, 0.9, 0.99])
def test_value_iteration_error_contracts_by_gamma(gamma):
    """Does the sup-norm error to V* shrink at least by γ each iteration?"""
    mdp = _random_mdp(7, gamma=gamma)
    v_star, _, _ = value_iteration(mdp, tol=1e-13, max_iter=100_000)
    v = np.zeros(6)
    for _ in range(30):
        new = bellman_optimality(mdp, v)
        assert np.abs(new - v_star).max() <= gamma * np.abs(v - v_star).max() + 1e-10
        v = new

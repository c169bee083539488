"""diyphd.reinforcement.bandits: the KL against scipy, regret shapes, bad input refused."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from diyphd.reinforcement.bandits import bernoulli_kl, lai_robbins_constant, run_bandit


@pytest.mark.parametrize(("p", "q"), [(0.3, 0.5), (0.9, 0.1), (0.0, 0.4), (1.0, 0.7)])
def test_bernoulli_kl_matches_scipy_entropy(p, q):
    """Is kl(p, q) scipy's relative entropy of the two Bernoulli distributions?"""
    assert bernoulli_kl(p, q) == pytest.approx(sps.entropy([p, 1 - p], [q, 1 - q]))


def test_lai_robbins_constant_by_hand():
    """For arms (0.5, 0.4): is the constant Δ / kl(0.4, 0.5)?"""
    assert lai_robbins_constant([0.5, 0.4]) == pytest.approx(0.1 / bernoulli_kl(0.4, 0.5))


def test_regret_is_cumulative_and_nonnegative():
    """Is the pseudo-regret non-decreasing, and zero on a bandit whose arms are all equal?"""
    r = run_bandit([0.7, 0.5, 0.2], "ucb1", 500, seed=0)
    assert np.all(np.diff(r) >= 0) and r[0] >= 0
    assert run_bandit([0.5, 0.5], "thompson", 200)[-1] == 0


def test_greedy_exploration_regret_grows_linearly_and_ucb_sublinearly():
    """Over 5 seeds: does ε-greedy pay at least ε·T·mean gap, while UCB1 and Thompson flatten?"""
    means, horizon, eps = np.array([0.6, 0.5, 0.4]), 4000, 0.1
    final, ratio = {}, {}
    for policy in ("epsilon_greedy", "ucb1", "thompson"):
        runs = np.array([run_bandit(means, policy, horizon, seed=s, epsilon=eps) for s in range(5)])
        final[policy] = runs[:, -1].mean()
        ratio[policy] = final[policy] / runs[:, horizon // 2 - 1].mean()
    # each exploring round picks a uniform arm: expected regret ≥ ε (T − k) · mean(gaps)
    assert final["epsilon_greedy"] >= 0.8 * eps * (horizon - 3) * (means.max() - means).mean()
    assert ratio["epsilon_greedy"] > 1.4
    assert ratio["ucb1"] < 1.4 and ratio["thompson"] < 1.4


def test_ucb1_explores_at_least_at_the_lai_robbins_rate():
    """Does UCB1's regret stay above C log T (Lai & Robbins 1985), as a consistent policy's must?

    UCB1's log t bonus (Auer et al. 2002) makes it consistent; a bonus without the log t stops
    exploring and, on these seeds, stays far below C log T (about 10 against 30 at T = 5000).
    """
    means, horizon = np.array([0.7, 0.5, 0.3]), 5000
    regret = np.mean([run_bandit(means, "ucb1", horizon, seed=s)[-1] for s in range(5)])
    assert regret > lai_robbins_constant(means) * np.log(horizon)


def test_unknown_policy_is_refused():
    """Does a misspelt policy fail loudly?"""
    with pytest.raises(ValueError):
        run_bandit([0.5, 0.4], "ucb", 10)

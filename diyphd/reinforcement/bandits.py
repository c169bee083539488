"""Bernoulli bandits: ε-greedy, UCB1 (Auer et al. 2002) and Thompson sampling, and the regret bound.

Introduced in ``notebooks/reinforcement/01_bandits.ipynb``. The Lai–Robbins lower bound (1985)
says that any consistent policy pulls a suboptimal arm ``a`` at least
``(1 − o(1)) log T / kl(μ_a, μ*)`` times, so its expected regret is at least
``(1 − o(1)) log T · Σ_a Δ_a / kl(μ_a, μ*)``: :func:`lai_robbins_constant` is that sum.
"""

from __future__ import annotations

import numpy as np

POLICIES = ("epsilon_greedy", "ucb1", "thompson")


def bernoulli_kl(p: float, q: float) -> float:
    """``kl(p, q) = p log(p/q) + (1 − p) log((1 − p)/(1 − q))`` in nats (0 log 0 = 0)."""
    out = 0.0
    if p > 0:
        out += p * np.log(p / q)
    if p < 1:
        out += (1 - p) * np.log((1 - p) / (1 - q))
    return float(out)


def lai_robbins_constant(means: np.ndarray) -> float:
    """``Σ_{a: Δ_a > 0} Δ_a / kl(μ_a, μ*)``: regret ≥ this · log T asymptotically."""
    means = np.asarray(means, dtype=float)
    best = means.max()
    return float(sum((best - m) / bernoulli_kl(m, best) for m in means if m < best))


def run_bandit(
    means: np.ndarray,
    policy: str,
    horizon: int,
    seed: int = 0,
    epsilon: float = 0.1,
) -> np.ndarray:
    """Play ``horizon`` rounds on Bernoulli arms; return the cumulative pseudo-regret per round.

    The pseudo-regret adds the gap ``μ* − μ_a`` of each arm pulled (not the random rewards), so
    it is the quantity the Lai–Robbins bound is about. ``epsilon`` is ε-greedy's exploration rate.
    """
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {POLICIES}, not {policy!r}")
    means = np.asarray(means, dtype=float)
    rng = np.random.default_rng(seed)
    k = len(means)
    pulls, wins = np.zeros(k), np.zeros(k)
    gaps = means.max() - means
    regret = np.empty(horizon)
    total = 0.0
    for t in range(horizon):
        if policy == "thompson":
            arm = int(np.argmax(rng.beta(wins + 1, pulls - wins + 1)))
        elif t < k:  # UCB1 and ε-greedy start by pulling each arm once
            arm = t
        elif policy == "ucb1":
            arm = int(np.argmax(wins / pulls + np.sqrt(2 * np.log(t + 1) / pulls)))
        elif rng.random() < epsilon:
            arm = int(rng.integers(k))
        else:
            arm = int(np.argmax(wins / pulls))
        reward = rng.random() < means[arm]
        pulls[arm] += 1
        wins[arm] += reward
        total += gaps[arm]
        regret[t] = total
    return regret

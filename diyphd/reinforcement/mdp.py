"""Finite Markov decision processes: the Bellman operators, value iteration, policy iteration.

Introduced in ``notebooks/reinforcement/02_mdps.ipynb``. An :class:`MDP` holds arrays
``P[s, a, s']`` (transition probabilities), ``R[s, a]`` (expected reward) and ``gamma``. The
Bellman optimality operator ``T V = max_a (R + γ P V)`` is a γ-contraction in the sup norm
(Puterman 1994, Theorem 6.2.3), which is why value iteration converges geometrically.
:func:`from_gymnasium` reads the ``P`` table of Gymnasium's toy-text environments (FrozenLake,
CliffWalking, Taxi) into these arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class MDP:
    """Transition tensor ``P`` (S, A, S), expected rewards ``R`` (S, A), discount ``gamma``."""

    P: np.ndarray
    R: np.ndarray
    gamma: float

    @property
    def n_states(self) -> int:
        return self.P.shape[0]

    @property
    def n_actions(self) -> int:
        return self.P.shape[1]

    def q_values(self, v: np.ndarray) -> np.ndarray:
        """``Q[s, a] = R[s, a] + γ Σ_s' P[s, a, s'] V[s']``."""
        return self.R + self.gamma * self.P @ v


def bellman_optimality(mdp: MDP, v: np.ndarray) -> np.ndarray:
    """``(T V)(s) = max_a Q_V(s, a)``."""
    return mdp.q_values(v).max(axis=1)


def policy_evaluation(mdp: MDP, policy: np.ndarray) -> np.ndarray:
    """``V^π`` exactly, by solving ``(I − γ P_π) V = R_π`` (``policy``: one action per state)."""
    s = np.arange(mdp.n_states)
    p_pi, r_pi = mdp.P[s, policy], mdp.R[s, policy]
    return np.linalg.solve(np.eye(mdp.n_states) - mdp.gamma * p_pi, r_pi)


def value_iteration(
    mdp: MDP, tol: float = 1e-10, max_iter: int = 100_000, v0: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Iterate ``V ← T V`` until ``‖V_{k+1} − V_k‖∞ < tol``; return ``V``, a greedy policy and
    the sup-norm differences of successive iterates."""
    v = np.zeros(mdp.n_states) if v0 is None else np.asarray(v0, dtype=float)
    diffs = []
    for _ in range(max_iter):
        new = bellman_optimality(mdp, v)
        diffs.append(float(np.max(np.abs(new - v))))
        v = new
        if diffs[-1] < tol:
            break
    return v, mdp.q_values(v).argmax(axis=1), diffs


def policy_iteration(mdp: MDP, max_iter: int = 1000) -> tuple[np.ndarray, np.ndarray, int]:
    """Evaluate exactly, improve greedily, until the policy is stable; return ``V``, ``π`` and
    the number of improvement steps."""
    policy = np.zeros(mdp.n_states, dtype=int)
    for i in range(1, max_iter + 1):
        v = policy_evaluation(mdp, policy)
        q = mdp.q_values(v)
        best = q.max(axis=1)
        # keep the current action unless another is strictly better (avoids cycling on ties)
        keep = q[np.arange(mdp.n_states), policy] >= best - 1e-12
        new = np.where(keep, policy, q.argmax(axis=1))
        if np.array_equal(new, policy):
            return v, policy, i
        policy = new
    return v, policy, max_iter


def from_gymnasium(env, gamma: float = 0.99) -> MDP:
    """An :class:`MDP` from a Gymnasium toy-text environment's table ``env.unwrapped.P``.

    ``P[s][a]`` is a list of ``(probability, next state, reward, terminated)``. A terminating
    transition keeps its reward and leads to one extra absorbing state of value zero (the last
    index), so the episode's future is dropped as Gymnasium's ``terminated`` means.
    """
    table = env.unwrapped.P
    n_s, n_a = len(table), len(table[0])
    p = np.zeros((n_s + 1, n_a, n_s + 1))  # the extra state absorbs after termination
    r = np.zeros((n_s + 1, n_a))
    for s in range(n_s):
        for a in range(n_a):
            for prob, nxt, reward, done in table[s][a]:
                p[s, a, n_s if done else nxt] += prob
                r[s, a] += prob * reward
    p[n_s, :, n_s] = 1.0
    return MDP(p, r, gamma)

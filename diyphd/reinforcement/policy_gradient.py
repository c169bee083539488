"""REINFORCE (Williams 1992) on a small tabular MDP, against the exact policy gradient.

Introduced in ``notebooks/reinforcement/03_policy_gradients.ipynb``. For a softmax policy
``π(a | s) ∝ exp θ[s, a]`` and a horizon ``H``, the objective ``J(θ) = E Σ_{t<H} γ^t r_t`` is
computed exactly by propagating the state distribution (differentiable in torch), so
``torch.autograd`` gives the true gradient. The REINFORCE estimate of one episode is
``Σ_t γ^t ∇ log π(a_t | s_t) (G_t − b_t(s_t))`` with ``G_t`` the discounted return from ``t``;
any baseline ``b_t`` that does not depend on ``a_t`` keeps it unbiased.
"""

from __future__ import annotations

import numpy as np
import torch

from diyphd.reinforcement.mdp import MDP


def exact_objective(mdp: MDP, theta: torch.Tensor, start: np.ndarray, horizon: int) -> torch.Tensor:
    """``J(θ) = Σ_{t<H} γ^t d_t · r_π`` with ``d_{t+1} = d_t P_π`` from ``d_0 = start``."""
    p = torch.as_tensor(mdp.P, dtype=theta.dtype)
    r = torch.as_tensor(mdp.R, dtype=theta.dtype)
    pi = torch.softmax(theta, dim=1)
    p_pi = torch.einsum("sa,sat->st", pi, p)
    r_pi = (pi * r).sum(1)
    d = torch.as_tensor(start, dtype=theta.dtype)
    total = theta.new_zeros(())
    for t in range(horizon):
        total = total + mdp.gamma**t * d @ r_pi
        d = d @ p_pi
    return total


def exact_gradient(mdp: MDP, theta: np.ndarray, start: np.ndarray, horizon: int) -> np.ndarray:
    """``∇_θ J`` by autograd through :func:`exact_objective` (float64)."""
    th = torch.tensor(theta, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(exact_objective(mdp, th, start, horizon), th)
    return grad.numpy()


def state_values(mdp: MDP, theta: np.ndarray, horizon: int) -> np.ndarray:
    """``V[t, s]``: the policy's expected discounted return from ``s`` with ``H − t`` steps left."""
    pi = np.exp(theta - theta.max(1, keepdims=True))
    pi /= pi.sum(1, keepdims=True)
    p_pi, r_pi = np.einsum("sa,sat->st", pi, mdp.P), (pi * mdp.R).sum(1)
    v = np.zeros((horizon + 1, mdp.n_states))
    for t in range(horizon - 1, -1, -1):
        v[t] = r_pi + mdp.gamma * p_pi @ v[t + 1]
    return v


def _draw(probs: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One categorical draw per row of ``probs`` (rows sum to one)."""
    u = rng.random((probs.shape[0], 1))
    return np.minimum((u > np.cumsum(probs, axis=1)).sum(1), probs.shape[1] - 1)


def reinforce_gradients(
    mdp: MDP,
    theta: np.ndarray,
    start: np.ndarray,
    horizon: int,
    episodes: int,
    baseline: str | None = None,
    seed: int = 0,
) -> np.ndarray:
    """One REINFORCE estimate of ``∇J`` per sampled episode, shape (episodes, S, A).

    ``baseline``: ``None``; ``"value"`` subtracts the exact ``V_t(s_t)`` of the current policy
    (the variance-reducing choice of the lesson); ``"mean"`` subtracts the mean return from
    ``t`` over the batch's episodes, a cheap baseline that leaks a little bias.
    """
    rng = np.random.default_rng(seed)
    pi = np.exp(theta - theta.max(1, keepdims=True))
    pi /= pi.sum(1, keepdims=True)
    states = np.zeros((episodes, horizon), dtype=int)
    actions = np.zeros((episodes, horizon), dtype=int)
    rewards = np.zeros((episodes, horizon))
    s = _draw(np.broadcast_to(start, (episodes, mdp.n_states)), rng)
    for t in range(horizon):  # all episodes advance together
        a = _draw(pi[s], rng)
        states[:, t], actions[:, t], rewards[:, t] = s, a, mdp.R[s, a]
        s = _draw(mdp.P[s, a], rng)
    discount = mdp.gamma ** np.arange(horizon)
    # G_t = Σ_{k ≥ t} γ^{k−t} r_k, computed backwards
    returns = np.zeros_like(rewards)
    running = np.zeros(episodes)
    for t in range(horizon - 1, -1, -1):
        running = rewards[:, t] + mdp.gamma * running
        returns[:, t] = running
    if baseline == "value":
        v = state_values(mdp, theta, horizon)
        returns = returns - v[np.arange(horizon)[None, :], states]
    elif baseline == "mean":
        returns = returns - returns.mean(0, keepdims=True)
    elif baseline is not None:
        raise ValueError("baseline must be None, 'value' or 'mean'")
    grads = np.zeros((episodes, mdp.n_states, mdp.n_actions))
    for t in range(horizon):
        s, a = states[:, t], actions[:, t]
        score = -pi[s]  # ∇_θ[s, ·] log π(a | s) = onehot(a) − π(· | s)
        score[np.arange(episodes), a] += 1
        np.add.at(grads, (np.arange(episodes), s), (discount[t] * returns[:, t])[:, None] * score)
    return grads

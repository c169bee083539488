"""Proximal policy optimization (Schulman et al. 2017) on Gymnasium's built-in CartPole-v1.

Introduced in ``notebooks/reinforcement/04_ppo.ipynb``. One iteration collects ``n_steps`` from
``n_envs`` copies of the environment (Gymnasium's vectorized CartPole, no download), computes
generalized advantage estimates, then runs ``epochs`` passes of minibatch Adam on the clipped
surrogate ``min(ρ A, clip(ρ, 1 − ε, 1 + ε) A)`` (Eq. 7 of the paper) plus a value loss.
``clip=None`` optimizes the unclipped ``ρ A`` instead: the "no clipping or penalty" row of
their Table 1.

Gymnasium's vector environments reset a finished copy on the *next* call to ``step``, which
returns the first observation of the new episode with reward 0; those transitions are masked out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import gymnasium as gym
import numpy as np
import torch
from torch import nn


class ActorCritic(nn.Module):
    """Separate two-layer tanh MLPs for the action logits and the state value."""

    def __init__(self, obs_dim: int, n_actions: int, hidden: int = 64) -> None:
        super().__init__()

        def mlp(out: int) -> nn.Sequential:
            return nn.Sequential(
                nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                nn.Linear(hidden, out),
            )  # fmt: skip

        self.actor, self.critic = mlp(n_actions), mlp(1)

    def dist(self, obs: torch.Tensor) -> torch.distributions.Categorical:
        return torch.distributions.Categorical(logits=self.actor(obs))

    def value(self, obs: torch.Tensor) -> torch.Tensor:
        return self.critic(obs).squeeze(-1)


def clipped_surrogate(
    log_ratio: torch.Tensor, advantages: torch.Tensor, clip: float | None
) -> torch.Tensor:
    """The mean surrogate objective (to be maximized): clipped (PPO) or plain ``ρ A``."""
    ratio = log_ratio.exp()
    if clip is None:
        return (ratio * advantages).mean()
    clipped = ratio.clamp(1 - clip, 1 + clip) * advantages
    return torch.minimum(ratio * advantages, clipped).mean()


def gae(
    rewards: np.ndarray,
    values: np.ndarray,
    next_values: np.ndarray,
    terminated: np.ndarray,
    done: np.ndarray,
    gamma: float,
    lam: float,
) -> np.ndarray:
    """Generalized advantage estimates, arrays of shape (steps, envs).

    ``next_values[t]`` is V of the observation after step ``t``; ``terminated`` cuts the
    bootstrap (a true end), ``done`` (terminated or truncated) cuts the λ-recursion.
    """
    adv = np.zeros_like(rewards)
    running = np.zeros(rewards.shape[1])
    for t in range(len(rewards) - 1, -1, -1):
        delta = rewards[t] + gamma * next_values[t] * (1 - terminated[t]) - values[t]
        running = delta + gamma * lam * (1 - done[t]) * running
        adv[t] = running
    return adv


@dataclass
class PPOResult:
    """Completed training episodes: the environment step at which each ended, and its return."""

    end_steps: list[int] = field(default_factory=list)
    returns: list[float] = field(default_factory=list)
    clip_fractions: list[float] = field(default_factory=list)

    def final_return(self, last: int = 20) -> float:
        """Mean return of the last ``last`` completed episodes."""
        return float(np.mean(self.returns[-last:])) if self.returns else 0.0


def train_ppo(
    seed: int = 0,
    total_steps: int = 40_000,
    n_envs: int = 4,
    n_steps: int = 128,
    epochs: int = 4,
    minibatches: int = 4,
    lr: float = 1e-3,
    gamma: float = 0.99,
    lam: float = 0.95,
    clip: float | None = 0.2,
    vf_coef: float = 0.5,
    max_grad_norm: float = 0.5,
    hidden: int = 64,
) -> PPOResult:
    """Train PPO on ``CartPole-v1`` and return its episode returns (seed fixes env and network)."""
    torch.manual_seed(seed)
    envs = gym.make_vec("CartPole-v1", num_envs=n_envs, vectorization_mode="vector_entry_point")
    obs, _ = envs.reset(seed=seed)
    model = ActorCritic(envs.single_observation_space.shape[0], envs.single_action_space.n, hidden)
    opt = torch.optim.Adam(model.parameters(), lr=lr, eps=1e-5)
    result = PPOResult()
    ep_return = np.zeros(n_envs)
    prev_done = np.zeros(n_envs, dtype=bool)
    step = 0
    shape = (n_steps, n_envs)
    while step < total_steps:
        buf_obs = np.zeros((*shape, obs.shape[1]), dtype=np.float32)
        buf = {k: np.zeros(shape) for k in ("act", "logp", "rew", "val", "term", "done", "valid")}
        next_obs = np.zeros_like(buf_obs)
        for t in range(n_steps):
            with torch.no_grad():  # sample by the Gumbel-max trick, cheaper than Categorical
                o = torch.as_tensor(obs)
                logp_all = torch.log_softmax(model.actor(o), dim=-1)
                gumbel = -torch.log(-torch.log(torch.rand_like(logp_all)))
                act = (logp_all + gumbel).argmax(-1)
                buf["logp"][t] = logp_all.gather(1, act[:, None]).squeeze(1).numpy()
                buf["val"][t] = model.value(o).numpy()
            buf_obs[t], buf["act"][t], buf["valid"][t] = obs, act.numpy(), ~prev_done
            obs, rew, term, trunc, _ = envs.step(act.numpy())
            done = term | trunc
            next_obs[t], buf["rew"][t], buf["term"][t], buf["done"][t] = obs, rew, term, done
            step += n_envs
            ep_return += rew
            for i in np.flatnonzero(done):
                result.end_steps.append(step)
                result.returns.append(float(ep_return[i]))
                ep_return[i] = 0.0
            prev_done = done
        with torch.no_grad():
            next_val = model.value(torch.as_tensor(next_obs.reshape(-1, obs.shape[1]))).numpy()
        adv = gae(
            buf["rew"], buf["val"], next_val.reshape(shape), buf["term"], buf["done"], gamma, lam
        )
        valid = buf["valid"].ravel().astype(bool)
        b_obs = torch.as_tensor(buf_obs.reshape(-1, obs.shape[1])[valid])
        b_act = torch.as_tensor(buf["act"].ravel()[valid], dtype=torch.long)
        b_logp = torch.as_tensor(buf["logp"].ravel()[valid], dtype=torch.float32)
        b_adv = torch.as_tensor(adv.ravel()[valid], dtype=torch.float32)
        b_ret = b_adv + torch.as_tensor(buf["val"].ravel()[valid], dtype=torch.float32)
        n = len(b_obs)
        clipped = []
        for _ in range(epochs):
            for idx in torch.randperm(n).chunk(minibatches):
                d = model.dist(b_obs[idx])
                log_ratio = d.log_prob(b_act[idx]) - b_logp[idx]
                a = b_adv[idx]
                a = (a - a.mean()) / (a.std() + 1e-8)
                pg = clipped_surrogate(log_ratio, a, clip)
                v_loss = ((model.value(b_obs[idx]) - b_ret[idx]) ** 2).mean()
                loss = -pg + vf_coef * v_loss
                opt.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
                opt.step()
                clipped.append(((log_ratio.exp() - 1).abs() > 0.2).float().mean().item())
        result.clip_fractions.append(float(np.mean(clipped)))
    envs.close()
    return result

"""Denoising diffusion probabilistic models (Ho, Jain & Abbeel 2020) for small vectors.

Introduced in ``notebooks/generative/03_diffusion.ipynb``. The forward process adds Gaussian
noise, ``q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I)``, so that in closed form
``q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I)`` with ``ᾱ_t = ∏_{s ≤ t} (1 − β_s)`` (Ho et al., Eq. 4).
A network predicts the noise ε (or ``x_0``, or the posterior mean ``μ̃``); training is the
"simple" loss of Eq. 14 or the variational bound's weighting; sampling is Algorithm 2.
Time steps run ``0 .. T−1`` in code for the paper's ``1 .. T``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import nn

TARGETS = ("eps", "x0", "mu")
WEIGHTINGS = ("simple", "vlb")


@dataclass
class Schedule:
    """The noise schedule and the quantities derived from it (all float tensors of length T)."""

    betas: torch.Tensor

    def __post_init__(self) -> None:
        self.alphas = 1 - self.betas
        self.alpha_bars = torch.cumprod(self.alphas, 0)
        self.alpha_bars_prev = torch.cat([self.alpha_bars.new_ones(1), self.alpha_bars[:-1]])
        self.sigmas2 = self.betas  # the reverse variance σ_t² = β_t (Ho et al., Sec. 3.2)

    @property
    def T(self) -> int:  # noqa: N802 - the paper's name
        return len(self.betas)

    def posterior_mean(self, x0: torch.Tensor, xt: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        """``μ̃_t(x_t, x_0)``, the mean of ``q(x_{t−1} | x_t, x_0)`` (Ho et al., Eq. 7)."""
        ab, abp = self.alpha_bars[t, None], self.alpha_bars_prev[t, None]
        c0 = abp.sqrt() * self.betas[t, None] / (1 - ab)
        ct = self.alphas[t, None].sqrt() * (1 - abp) / (1 - ab)
        return c0 * x0 + ct * xt


def linear_schedule(T: int = 1000, beta_1: float = 1e-4, beta_T: float = 0.02) -> Schedule:  # noqa: N803
    """Ho et al.'s linear schedule, rescaled so that ``Σ β`` stays that of 1000 steps."""
    factor = 1000 / T
    if beta_T * factor >= 1:
        raise ValueError(
            f"T = {T} is too short: the rescaled β_T = {beta_T * factor:.2f} must be < 1"
        )
    return Schedule(torch.linspace(beta_1 * factor, beta_T * factor, T, dtype=torch.float32))


def q_sample(
    x0: torch.Tensor, t: torch.Tensor, noise: torch.Tensor, schedule: Schedule
) -> torch.Tensor:
    """A draw of ``x_t ~ q(x_t | x_0)``: ``√ᾱ_t x_0 + √(1 − ᾱ_t) ε``."""
    ab = schedule.alpha_bars[t, None]
    return ab.sqrt() * x0 + (1 - ab).sqrt() * noise


class Denoiser(nn.Module):
    """An MLP whose every hidden layer adds an embedding of ``t`` (sinusoidal features, as in
    the transformer's positions, through a small MLP); one output per input coordinate."""

    def __init__(self, dim: int, hidden: int = 128, T: int = 1000, freqs: int = 16) -> None:  # noqa: N803
        super().__init__()
        self.T, self.freqs = T, freqs
        self.inp = nn.Linear(dim, hidden)
        self.time = nn.Sequential(
            nn.Linear(2 * freqs, hidden), nn.SiLU(), nn.Linear(hidden, hidden)
        )
        self.hidden = nn.ModuleList(nn.Linear(hidden, hidden) for _ in range(2))
        self.out = nn.Linear(hidden, dim)

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        k = torch.arange(self.freqs, dtype=x.dtype, device=x.device)
        rate = torch.exp(-math.log(10_000.0) * k / self.freqs)
        angle = (t.to(x.dtype)[:, None] * 1000.0 / self.T) * rate[None, :]
        emb = self.time(torch.cat([torch.sin(angle), torch.cos(angle)], dim=1))
        h = nn.functional.silu(self.inp(x) + emb)
        for layer in self.hidden:
            h = nn.functional.silu(layer(h) + emb)
        return self.out(h)


def _vlb_weight(schedule: Schedule, t: torch.Tensor, target: str) -> torch.Tensor:
    """The bound's weight of ``L_{t−1}`` on each target's squared error, over its mean."""
    b, a, ab, s2 = schedule.betas, schedule.alphas, schedule.alpha_bars, schedule.sigmas2
    if target == "eps":  # Ho et al., Eq. 12
        w_all = b**2 / (2 * s2 * a * (1 - ab))
    elif target == "mu":  # Eq. 8
        w_all = 1 / (2 * s2)
    else:  # x0: μ̃ is linear in x0 with coefficient √ᾱ_{t−1} β_t / (1 − ᾱ_t)
        w_all = schedule.alpha_bars_prev * b**2 / ((1 - ab) ** 2 * 2 * s2)
    return w_all[t] / w_all.mean()


def ddpm_loss(
    model: nn.Module,
    x0: torch.Tensor,
    schedule: Schedule,
    target: str = "eps",
    weighting: str = "simple",
) -> torch.Tensor:
    """The training loss on a batch: random ``t``, noised ``x_t``, squared error of the target.

    ``weighting="simple"`` is Ho et al.'s ``L_simple`` (Eq. 14, unweighted); ``"vlb"`` weights
    each ``t`` as the variational bound does (normalized to mean 1 over ``t``, so that one
    learning rate serves both).
    """
    if target not in TARGETS or weighting not in WEIGHTINGS:
        raise ValueError(f"target in {TARGETS}, weighting in {WEIGHTINGS}")
    t = torch.randint(0, schedule.T, (x0.shape[0],))
    noise = torch.randn_like(x0)
    xt = q_sample(x0, t, noise, schedule)
    goal = {"eps": noise, "x0": x0}.get(target)
    if goal is None:
        goal = schedule.posterior_mean(x0, xt, t)
    err = ((model(xt, t) - goal) ** 2).sum(1)
    if weighting == "vlb":
        err = err * _vlb_weight(schedule, t, target)
    return err.mean()


def train_ddpm(
    model: nn.Module,
    data: torch.Tensor,
    schedule: Schedule,
    steps: int = 2000,
    lr: float = 2e-3,
    batch: int = 256,
    target: str = "eps",
    weighting: str = "simple",
) -> list[float]:
    """Adam on minibatches of ``data``; returns the loss of each step."""
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    losses = []
    for _ in range(steps):
        x0 = data[torch.randint(0, data.shape[0], (batch,))]
        loss = ddpm_loss(model, x0, schedule, target, weighting)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        losses.append(loss.item())
    return losses


@torch.no_grad()
def sample(
    model: nn.Module,
    schedule: Schedule,
    n: int,
    dim: int,
    target: str = "eps",
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Ancestral sampling (Ho et al., Algorithm 2) from ``x_T ~ N(0, I)`` down to ``x_0``."""
    x = torch.randn(n, dim, generator=generator)
    for step in reversed(range(schedule.T)):
        t = torch.full((n,), step, dtype=torch.long)
        out = model(x, t)
        if target == "mu":
            mean = out
        else:
            ab = schedule.alpha_bars[step]
            eps = out if target == "eps" else (x - ab.sqrt() * out) / (1 - ab).sqrt()
            coef = schedule.betas[step] / (1 - ab).sqrt()
            mean = (x - coef * eps) / schedule.alphas[step].sqrt()
        if step > 0:
            mean = mean + schedule.sigmas2[step].sqrt() * torch.randn(n, dim, generator=generator)
        x = mean
    return x

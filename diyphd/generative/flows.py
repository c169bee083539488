"""Affine-coupling normalizing flows (Dinh et al. 2017, RealNVP) for 2-D data.

Introduced in ``notebooks/generative/01_flows.ipynb``. A flow maps data ``x`` to a latent
``z = f(x)`` with a standard normal density; by the change of variables,
``log p(x) = log N(f(x); 0, I) + log |det ∂f/∂x|``, and each coupling layer's log-determinant
is the sum of its log-scales, so the likelihood is exact and cheap.
"""

from __future__ import annotations

import math

import torch
from torch import nn


class AffineCoupling(nn.Module):
    """One coupling layer: the coordinates where ``mask == 1`` pass unchanged and set an
    elementwise scale and shift of the others: ``y = m·x + (1 − m)·(x·exp(s(m·x)) + t(m·x))``."""

    def __init__(self, mask: torch.Tensor, hidden: int = 64) -> None:
        super().__init__()
        dim = mask.numel()
        self.register_buffer("mask", mask.float())
        self.net = nn.Sequential(
            nn.Linear(dim, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
            nn.Linear(hidden, 2 * dim),
        )  # fmt: skip

    def _scale_shift(self, x_fixed: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        s, t = self.net(x_fixed).chunk(2, dim=-1)
        s = torch.tanh(s) * (1 - self.mask)  # bounded log-scales, zero on the fixed coordinates
        return s, t * (1 - self.mask)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(y, log|det ∂y/∂x|)`` for a batch ``x`` of shape (n, dim)."""
        s, t = self._scale_shift(x * self.mask)
        return x * torch.exp(s) + t, s.sum(-1)

    def inverse(self, y: torch.Tensor) -> torch.Tensor:
        s, t = self._scale_shift(y * self.mask)  # the fixed part of y equals that of x
        return (y - t) * torch.exp(-s)


class CouplingFlow(nn.Module):
    """A stack of affine couplings with alternating masks; ``forward`` maps data to latent."""

    def __init__(self, dim: int = 2, layers: int = 6, hidden: int = 64) -> None:
        super().__init__()
        masks = [(torch.arange(dim) % 2 == (i % 2)).float() for i in range(layers)]
        self.layers = nn.ModuleList(AffineCoupling(m, hidden) for m in masks)
        self.dim = dim

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logdet = torch.zeros(x.shape[0], dtype=x.dtype, device=x.device)
        for layer in self.layers:
            x, ld = layer(x)
            logdet = logdet + ld
        return x, logdet

    def inverse(self, z: torch.Tensor) -> torch.Tensor:
        for layer in reversed(self.layers):
            z = layer.inverse(z)
        return z

    def log_prob(self, x: torch.Tensor) -> torch.Tensor:
        """Exact ``log p(x)`` by the change of variables (nats, one value per row)."""
        z, logdet = self(x)
        base = -0.5 * (z**2).sum(-1) - 0.5 * self.dim * math.log(2 * math.pi)
        return base + logdet

    @torch.no_grad()
    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        dtype = next(self.parameters()).dtype
        return self.inverse(torch.randn(n, self.dim, generator=generator, dtype=dtype))


def fit_flow(
    flow: CouplingFlow, x: torch.Tensor, steps: int = 1000, lr: float = 3e-3, batch: int = 256
) -> list[float]:
    """Maximum likelihood by Adam on minibatches; returns each step's mean NLL (nats)."""
    opt = torch.optim.Adam(flow.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        idx = torch.randint(0, x.shape[0], (batch,))
        loss = -flow.log_prob(x[idx]).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses

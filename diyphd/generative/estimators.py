"""Gradient estimators for expectations under a Gaussian, and the ELBO of a linear-Gaussian model.

Introduced in ``notebooks/generative/02_vae.ipynb``. For ``E_{z ~ N(μ, σ²)}[f(z)]`` the
reparameterization estimator differentiates ``f(μ + σ ε)``; the score-function (REINFORCE)
estimator multiplies ``f(z)`` by ``∇ log N(z; μ, σ²)``. Both are unbiased; their variances differ.
The linear-Gaussian latent model has an exact posterior and marginal, so its ELBO can be checked
against ``log p(x)`` exactly.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch


def reparam_grad(
    f: Callable[[torch.Tensor], torch.Tensor], mu: float, sigma: float, n: int, seed: int = 0
) -> np.ndarray:
    """Per-sample reparameterization estimates of ``(∂/∂μ, ∂/∂σ) E[f(z)]``, shape (n, 2).

    ``f`` maps a float64 tensor of samples to a tensor of the same shape (torch ops only).
    """
    gen = torch.Generator().manual_seed(seed)
    eps = torch.randn(n, generator=gen, dtype=torch.float64)
    z = (mu + sigma * eps).requires_grad_(True)
    (dfdz,) = torch.autograd.grad(f(z).sum(), z)  # f'(z_i) for each sample
    return torch.stack([dfdz, dfdz * eps], dim=1).numpy()


def score_function_grad(
    f: Callable[[torch.Tensor], torch.Tensor],
    mu: float,
    sigma: float,
    n: int,
    seed: int = 0,
    baseline: float = 0.0,
) -> np.ndarray:
    """Per-sample score-function estimates ``(f(z) − b) ∇_{μ,σ} log N(z; μ, σ²)``, shape (n, 2)."""
    gen = torch.Generator().manual_seed(seed)
    z = mu + sigma * torch.randn(n, generator=gen, dtype=torch.float64)
    with torch.no_grad():
        fz = f(z) - baseline
    score_mu = (z - mu) / sigma**2
    score_sigma = (z - mu) ** 2 / sigma**3 - 1 / sigma
    return torch.stack([fz * score_mu, fz * score_sigma], dim=1).numpy()


def linear_gaussian_log_marginal(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, noise: float
) -> float:
    """``log p(x) = log N(x; b, WWᵀ + s² I)`` of ``z ~ N(0, I)``, ``x | z ~ N(Wz + b, s² I)``."""
    d = w.shape[0]
    cov = w @ w.T + noise**2 * np.eye(d)
    r = x - b
    _, logdet = np.linalg.slogdet(cov)
    return float(-0.5 * (d * np.log(2 * np.pi) + logdet + r @ np.linalg.solve(cov, r)))


def linear_gaussian_posterior(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, noise: float
) -> tuple[np.ndarray, np.ndarray]:
    """Mean and covariance of the exact posterior ``p(z | x)`` of the linear-Gaussian model."""
    k = w.shape[1]
    precision = np.eye(k) + w.T @ w / noise**2
    cov = np.linalg.inv(precision)
    return cov @ w.T @ (x - b) / noise**2, cov


def gaussian_elbo_linear(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, noise: float, m: np.ndarray, s: np.ndarray
) -> float:
    """The ELBO ``E_q[log p(x|z)] − KL(q ‖ p(z))`` for ``q = N(m, S)``, in closed form."""
    d, k = w.shape
    r = x - b - w @ m
    expected_loglik = -0.5 * d * np.log(2 * np.pi * noise**2) - (r @ r + np.trace(w @ s @ w.T)) / (
        2 * noise**2
    )
    _, logdet_s = np.linalg.slogdet(s)
    kl = 0.5 * (np.trace(s) + m @ m - k - logdet_s)
    return float(expected_loglik - kl)

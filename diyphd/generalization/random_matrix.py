"""The Marchenko–Pastur law and the ridgeless risk derived from it.

Introduced in ``notebooks/generalization/10_random_matrices``: the limiting density of
the eigenvalues of ``XᵀX/n`` for an ``n × p`` matrix of i.i.d. unit-variance entries with
``p/n → γ`` (Marchenko & Pastur 1967), its CDF and moments by quadrature, and the variance of
minimum-norm least squares written as an integral against it (Hastie, Montanari, Rosset &
Tibshirani, Ann. Stat. 2022).
"""

from __future__ import annotations

import numpy as np
from scipy import integrate


def mp_edges(gamma: float) -> tuple[float, float]:
    """Support ``[(1 − √γ)², (1 + √γ)²]`` of the continuous part of the law."""
    return (1 - np.sqrt(gamma)) ** 2, (1 + np.sqrt(gamma)) ** 2


def mp_density(x: np.ndarray, gamma: float) -> np.ndarray:
    """``√((λ₊ − x)(x − λ₋))/(2πγx)`` on the support, 0 outside (for γ ≤ 1 a probability density).

    For γ > 1 it integrates to ``1/γ``: the other ``1 − 1/γ`` of the mass is an atom at 0.
    """
    lo, hi = mp_edges(gamma)
    x = np.asarray(x, float)
    inside = (x > lo) & (x < hi)
    safe = np.where(inside, x, 1.0)
    return np.where(
        inside,
        np.sqrt(np.clip((hi - safe) * (safe - lo), 0, None)) / (2 * np.pi * gamma * safe),
        0.0,
    )


def mp_integral(fn, gamma: float) -> float:
    """``∫ fn(x) ρ_γ(x) dx`` over the continuous part, by adaptive quadrature (scipy.integrate)."""
    lo, hi = mp_edges(gamma)
    value, _ = integrate.quad(lambda t: fn(t) * float(mp_density(t, gamma)), lo, hi, limit=200)
    return float(value)


def mp_cdf(x: np.ndarray, gamma: float) -> np.ndarray:
    """CDF of the law at the points x (quadrature of the density; for γ > 1 the atom
    ``1 − 1/γ`` at 0 is included, so the CDF tends to 1 for every γ)."""
    lo, hi = mp_edges(gamma)
    atom = max(0.0, 1.0 - 1.0 / gamma)

    def one(xi: float) -> float:
        if xi < 0:
            return 0.0
        if xi <= lo:
            return atom
        upper = min(xi, hi)
        return atom + integrate.quad(lambda t: float(mp_density(t, gamma)), lo, upper, limit=200)[0]

    return np.array([one(float(xi)) for xi in np.atleast_1d(x)])


def ridgeless_variance(gamma: float, sigma2: float) -> float:
    """Variance term of min-norm least squares, isotropic features, from the law.

    ``γ < 1``: ``σ² tr((XᵀX)⁻¹) → σ²γ ∫ x⁻¹ dρ_γ``;
    ``γ > 1``: ``σ² tr((XXᵀ)⁻¹) → (σ²/γ) ∫ x⁻¹ dρ_{1/γ}``.
    """
    if gamma < 1:
        return sigma2 * gamma * mp_integral(lambda t: 1 / t, gamma)
    return sigma2 / gamma * mp_integral(lambda t: 1 / t, 1 / gamma)

"""Linear least squares for the generalization theme: features, ridge, minimum-norm solutions.

Introduced in ``notebooks/generalization/01_bias_variance`` (polynomial features),
``03_regularization`` (ridge) and ``04_double_descent_theory`` (minimum-norm least squares and
the asymptotic risk of Hastie, Montanari, Rosset & Tibshirani, Ann. Stat. 2022).
"""

from __future__ import annotations

import numpy as np


def poly_features(x: np.ndarray, degree: int) -> np.ndarray:
    """Legendre features ``P_0(x) … P_degree(x)`` of points in [-1, 1] (well conditioned)."""
    return np.polynomial.legendre.legvander(np.asarray(x, dtype=float), degree)


def ridge(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """Minimiser of ``‖y − Xw‖²/(2n) + lam‖w‖²/2``: ``(XᵀX/n + lam I)⁻¹ Xᵀy/n``."""
    n, d = x.shape
    return np.linalg.solve(x.T @ x / n + lam * np.eye(d), x.T @ y / n)


def min_norm_least_squares(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The least-squares solution of smallest Euclidean norm, ``X⁺ y`` (interpolates if p ≥ n)."""
    return np.linalg.lstsq(x, y, rcond=None)[0]


def hastie_risk(gamma: float | np.ndarray, r2: float, sigma2: float) -> np.ndarray:
    """Limiting risk ``E[(x₀ᵀβ̂ − x₀ᵀβ)²]`` of min-norm least squares, isotropic features.

    ``gamma = p/n``, ``r2 = ‖β‖²``, ``sigma2`` the noise variance (Hastie et al. 2022, isotropic
    case): ``σ²γ/(1−γ)`` for γ < 1 and ``r²(1 − 1/γ) + σ²/(γ − 1)`` for γ > 1; ``inf`` at γ = 1.
    """
    g = np.asarray(gamma, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        under = sigma2 * g / (1 - g)
        over = r2 * (1 - 1 / g) + sigma2 / (g - 1)
    return np.where(g < 1, under, np.where(g > 1, over, np.inf))

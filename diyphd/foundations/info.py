"""Entropy, cross-entropy, KL divergence and mutual information of discrete distributions.

Introduced in ``notebooks/foundations/03_information_theory.ipynb``; all quantities in nats
(natural logarithms) unless ``base`` says otherwise, with the convention 0 log 0 = 0.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def _dist(p: ArrayLike, axis: int = -1) -> np.ndarray:
    """``p`` as a float array, normalised to sum to 1 along ``axis``; negatives are an error."""
    p = np.asarray(p, dtype=float)
    if np.any(p < 0):
        raise ValueError("probabilities must be non-negative")
    return p / p.sum(axis=axis, keepdims=True)


def _log(x: np.ndarray, base: float | None) -> np.ndarray:
    return np.log(x) / (np.log(base) if base else 1.0)


def entropy(p: ArrayLike, base: float | None = None, axis: int = -1) -> np.ndarray:
    """H(p) = −Σ p log p along ``axis`` (nats, or ``base``)."""
    p = _dist(p, axis)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * _log(p, base), 0.0)
    return terms.sum(axis=axis)


def cross_entropy(p: ArrayLike, q: ArrayLike, base: float | None = None, axis: int = -1):
    """H(p, q) = −Σ p log q; infinite when q = 0 where p > 0."""
    p, q = _dist(p, axis), _dist(q, axis)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * _log(q, base), 0.0)
    return terms.sum(axis=axis)


def kl_divergence(p: ArrayLike, q: ArrayLike, base: float | None = None, axis: int = -1):
    """KL(p ‖ q) = Σ p log(p/q) = H(p, q) − H(p); ≥ 0, zero only when p = q."""
    p, q = _dist(p, axis), _dist(q, axis)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * _log(p / q, base), 0.0)
    return terms.sum(axis=axis)


def mutual_information(joint: ArrayLike, base: float | None = None) -> float:
    """I(X; Y) = KL(p(x, y) ‖ p(x) p(y)) of a 2-D joint probability table."""
    pxy = np.asarray(joint, dtype=float)
    if pxy.ndim != 2:
        raise ValueError("the joint table must be 2-D")
    pxy = _dist(pxy.ravel()).reshape(pxy.shape)
    product = np.outer(pxy.sum(axis=1), pxy.sum(axis=0))
    return float(kl_divergence(pxy.ravel(), product.ravel(), base=base))

"""Evaluating generative models: held-out log-likelihood and the MMD two-sample test.

Introduced in ``notebooks/generative/04_evaluation.ipynb``. The maximum mean discrepancy with a
Gaussian kernel (Gretton et al. 2012, JMLR) is zero exactly when two distributions agree; its
unbiased estimate ``mmd2`` and a permutation test of "the two samples come from one distribution"
are written here by hand in NumPy (the tests check them against direct formulas and scipy).
"""

from __future__ import annotations

import numpy as np
from scipy.special import logsumexp


def _sq_dists(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.maximum((a**2).sum(1)[:, None] + (b**2).sum(1)[None, :] - 2 * a @ b.T, 0.0)


def median_bandwidth(x: np.ndarray, y: np.ndarray) -> float:
    """The median heuristic: the median pairwise distance of the pooled sample."""
    z = np.concatenate([x, y])
    d = np.sqrt(_sq_dists(z, z))
    return float(np.median(d[np.triu_indices_from(d, k=1)]))


def _mmd2_from_kernel(k: np.ndarray, n: int) -> float:
    kxx, kyy, kxy = k[:n, :n], k[n:, n:], k[:n, n:]
    m = k.shape[0] - n
    sxx = (kxx.sum() - np.trace(kxx)) / (n * (n - 1))
    syy = (kyy.sum() - np.trace(kyy)) / (m * (m - 1))
    return float(sxx + syy - 2 * kxy.mean())


def mmd2(x: np.ndarray, y: np.ndarray, bandwidth: float | None = None) -> float:
    """The unbiased estimate of MMD² between samples ``x`` (n, d) and ``y`` (m, d), Gaussian kernel
    ``exp(−‖a − b‖² / (2 h²))`` (``h``: ``bandwidth``, default the median heuristic)."""
    x, y = np.atleast_2d(x), np.atleast_2d(y)
    h = median_bandwidth(x, y) if bandwidth is None else bandwidth
    z = np.concatenate([x, y])
    return _mmd2_from_kernel(np.exp(-_sq_dists(z, z) / (2 * h**2)), len(x))


def mmd_permutation_test(
    x: np.ndarray,
    y: np.ndarray,
    n_permutations: int = 200,
    bandwidth: float | None = None,
    seed: int = 0,
) -> tuple[float, float]:
    """``(MMD², p-value)`` of the permutation test of ``x`` and ``y`` coming from one distribution.

    The p-value counts the observed statistic among the permuted ones, ``(1 + #{≥}) / (1 + B)``,
    so that the test has level at most α under the null.
    """
    x, y = np.atleast_2d(x), np.atleast_2d(y)
    h = median_bandwidth(x, y) if bandwidth is None else bandwidth
    z = np.concatenate([x, y])
    k = np.exp(-_sq_dists(z, z) / (2 * h**2))
    n = len(x)
    observed = _mmd2_from_kernel(k, n)
    rng = np.random.default_rng(seed)
    exceed = 0
    for _ in range(n_permutations):
        p = rng.permutation(len(z))
        exceed += _mmd2_from_kernel(k[np.ix_(p, p)], n) >= observed
    return observed, (1 + exceed) / (1 + n_permutations)


def gaussian_kde_log_likelihood(train: np.ndarray, test: np.ndarray, bandwidth: float) -> float:
    """Mean log-density of ``test`` under an isotropic Gaussian KDE of ``train`` (nats/point)."""
    train, test = np.atleast_2d(train), np.atleast_2d(test)
    d = train.shape[1]
    logk = -_sq_dists(test, train) / (2 * bandwidth**2)
    norm = np.log(len(train)) + 0.5 * d * np.log(2 * np.pi * bandwidth**2)
    return float(np.mean(logsumexp(logk, axis=1) - norm))

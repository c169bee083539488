"""Confidence intervals for an accuracy and generalization bounds.

Introduced in ``notebooks/generalization/02_model_selection`` (Hoeffding and Clopper–Pearson
intervals for a test accuracy) and ``06_bounds`` (test-set, finite-class, VC and PAC-Bayes bounds).
Every function takes a count of successes (or errors) ``k`` out of ``n`` and a miss
probability ``delta`` (``1 − delta`` is the confidence level).
"""

from __future__ import annotations

import numpy as np
from scipy import stats


def hoeffding_interval(k: int | np.ndarray, n: int, delta: float = 0.05) -> tuple:
    """Two-sided Hoeffding interval ``k/n ± sqrt(ln(2/δ)/(2n))``, clipped to [0, 1]."""
    p = np.asarray(k, dtype=float) / n
    eps = np.sqrt(np.log(2 / delta) / (2 * n))
    return np.clip(p - eps, 0, 1), np.clip(p + eps, 0, 1)


def clopper_pearson_interval(k: int | np.ndarray, n: int, delta: float = 0.05) -> tuple:
    """Exact two-sided Clopper–Pearson interval for a binomial proportion, via beta quantiles."""
    k = np.asarray(k, dtype=float)
    with np.errstate(invalid="ignore"):
        lo = np.where(k > 0, stats.beta.ppf(delta / 2, k, n - k + 1), 0.0)
        hi = np.where(k < n, stats.beta.ppf(1 - delta / 2, k + 1, n - k), 1.0)
    return lo, hi


def binomial_tail_bound(errors: int, n: int, delta: float = 0.05) -> float:
    """Langford's test-set bound: the largest error rate p with ``P(Bin(n, p) ≤ errors) ≥ δ``.

    It is the one-sided Clopper–Pearson upper limit at level ``1 − δ``.
    """
    if errors >= n:
        return 1.0
    return float(stats.beta.ppf(1 - delta, errors + 1, n - errors))


def finite_class_bound(
    train_error: float,
    n: int,
    n_hypotheses: float | None = None,
    delta: float = 0.05,
    *,
    log_n_hypotheses: float | None = None,
):
    """Occam bound for a finite class: ``train_error + sqrt((ln|H| + ln(1/δ)) / (2n))``.

    Pass ``log_n_hypotheses`` instead of ``n_hypotheses`` for classes too large for a float
    (e.g. ``32 * W * ln 2`` for all networks with ``W`` float32 weights).
    """
    log_h = np.log(n_hypotheses) if log_n_hypotheses is None else log_n_hypotheses
    return train_error + np.sqrt((log_h + np.log(1 / delta)) / (2 * n))


def vc_bound(train_error: float, n: int, vc_dim: int, delta: float = 0.05):
    """VC bound ``train_error + 2 sqrt(2 (d ln(2en/d) + ln(2/δ)) / n)`` (Bousquet et al. 2004)."""
    d = vc_dim
    return train_error + 2 * np.sqrt(2 * (d * np.log(2 * np.e * n / d) + np.log(2 / delta)) / n)


def kl_bernoulli(q: float, p: float) -> float:
    """``kl(q‖p) = q ln(q/p) + (1−q) ln((1−q)/(1−p))`` between Bernoulli distributions."""
    from scipy.special import xlogy

    with np.errstate(divide="ignore"):
        return float(xlogy(q, q / p) + xlogy(1 - q, (1 - q) / (1 - p)))


def kl_inverse_upper(q: float, c: float, iters: int = 60) -> float:
    """The largest ``p ≥ q`` with ``kl(q‖p) ≤ c``, by bisection (the "kl inverse")."""
    lo, hi = q, 1.0
    for _ in range(iters):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if kl_bernoulli(q, mid) > c else (mid, hi)
    return lo


def gaussian_kl(mean: np.ndarray, sigma_q: float, sigma_p: float) -> float:
    """``KL(N(mean, σ_q² I) ‖ N(0, σ_p² I))`` in dimension ``len(mean)``."""
    d = len(mean)
    ratio = sigma_q**2 / sigma_p**2
    return 0.5 * (d * ratio + float(mean @ mean) / sigma_p**2 - d - d * np.log(ratio))


def pac_bayes_kl_bound(train_error: float, kl_div: float, n: int, delta: float = 0.05) -> float:
    """PAC-Bayes-kl bound on the error of a Gibbs classifier Q (Seeger 2002; Maurer 2004).

    With probability ``1 − δ``, for all Q: ``kl(ê(Q)‖e(Q)) ≤ (KL(Q‖P) + ln(2√n/δ)) / n``;
    returns the largest ``e(Q)`` allowed.
    """
    return kl_inverse_upper(train_error, (kl_div + np.log(2 * np.sqrt(n) / delta)) / n)

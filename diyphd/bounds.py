"""Confidence intervals for an accuracy and generalization bounds.

Introduced in ``notebooks/generalization/02_model_selection`` (Hoeffding and Clopper–Pearson
intervals for a test accuracy) and ``06_bounds`` (test-set, finite-class and VC bounds).
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

"""Statistics of experiments: confidence intervals, Welch's test, and how many seeds to run.

Introduced in ``notebooks/reproduction/02_experiment_statistics.ipynb`` and used by every
reproduction (a verdict on a comparison comes from a confidence interval over seeds). Each
function is checked against ``scipy.stats`` in ``tests/test_stats.py``.

Quick reference::

    mean_ci(x)                      # t-interval for the mean of x
    bootstrap_ci(x)                 # percentile bootstrap interval (seeded); method="bca" too
    bootstrap_ci((a, b), mean_difference)   # two independent samples: mean(a) - mean(b)
    welch_test(a, b)                # Welch's unequal-variance t-test
    seeds_needed(effect_size=0.5)   # seeds per group for 80 % power at alpha = 0.05
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special
from scipy import stats as sps

__all__ = [
    "CI",
    "WelchResult",
    "bootstrap_ci",
    "cohens_d",
    "mean_ci",
    "mean_difference",
    "power_two_sample",
    "seeds_for_precision",
    "seeds_needed",
    "welch_test",
]


@dataclass(frozen=True)
class CI:
    """A point estimate with a confidence interval ``[low, high]`` at level ``confidence``."""

    estimate: float
    low: float
    high: float
    confidence: float = 0.95

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """Is ``value`` inside the interval (end points included)?"""
        return self.low <= value <= self.high

    def __iter__(self):
        """Unpack as ``estimate, low, high = ci``."""
        return iter((self.estimate, self.low, self.high))

    def __str__(self) -> str:
        return f"{self.estimate:.4g} [{self.low:.4g}, {self.high:.4g}]"


def _as_1d(x: Sequence[float] | np.ndarray) -> np.ndarray:
    a = np.asarray(x, dtype=float).ravel()
    if a.size < 2:
        raise ValueError("need at least two observations")
    return a


def mean_ci(x: Sequence[float] | np.ndarray, confidence: float = 0.95) -> CI:
    """Student-t confidence interval for the mean: ``x̄ ± t_{n-1} s / √n``."""
    a = _as_1d(x)
    n = a.size
    sem = a.std(ddof=1) / math.sqrt(n)
    half = sps.t.ppf(0.5 + confidence / 2, df=n - 1) * sem
    m = float(a.mean())
    return CI(m, m - half, m + half, confidence)


def mean_difference(a: np.ndarray, b: np.ndarray, axis: int = -1) -> np.ndarray:
    """``mean(a) - mean(b)`` along ``axis``: the statistic of a two-sample comparison."""
    return np.mean(a, axis=axis) - np.mean(b, axis=axis)


def _percentile_of_score(values: np.ndarray, score: float) -> float:
    return (np.sum(values < score) + np.sum(values <= score)) / (2 * values.size)


def bootstrap_ci(
    data: Sequence[float] | np.ndarray | tuple[np.ndarray, ...],
    statistic: Callable[..., np.ndarray] = np.mean,
    *,
    confidence: float = 0.95,
    n_resamples: int = 9999,
    method: str = "percentile",
    seed: int = 0,
) -> CI:
    """Bootstrap confidence interval of ``statistic``, resampling with a seeded generator.

    ``data`` is one sample (a 1-D array) or a tuple of independent samples, each resampled on
    its own; ``statistic(*samples, axis=-1)`` must reduce along the last axis (``np.mean``,
    ``np.median``, :func:`mean_difference`). ``method`` is ``"percentile"`` or ``"bca"``
    (bias-corrected and accelerated, Efron & Tibshirani 1993, ch. 14), as in
    ``scipy.stats.bootstrap``.
    """
    samples = tuple(_as_1d(s) for s in data) if isinstance(data, tuple) else (_as_1d(data),)
    if method not in ("percentile", "bca"):
        raise ValueError(f"method must be 'percentile' or 'bca', not {method!r}")
    rng = np.random.default_rng(seed)
    resampled = [s[rng.integers(0, s.size, size=(n_resamples, s.size))] for s in samples]
    boot = np.asarray(statistic(*resampled, axis=-1), dtype=float)
    estimate = float(statistic(*samples, axis=-1))
    alpha = (1 - confidence) / 2
    lo_q, hi_q = alpha, 1 - alpha
    if method == "bca":
        lo_q, hi_q = _bca_levels(samples, statistic, boot, estimate, alpha)
    low, high = np.percentile(boot, [100 * lo_q, 100 * hi_q])
    return CI(estimate, float(low), float(high), confidence)


def _bca_levels(samples, statistic, boot, estimate, alpha) -> tuple[float, float]:
    """Adjusted percentile levels of BCa: bias ``z0`` from the bootstrap, ``a`` by jackknife."""
    z0 = special.ndtri(_percentile_of_score(boot, estimate))
    nums, dens = 0.0, 0.0
    for j, s in enumerate(samples):
        n = s.size
        loo = np.stack([np.delete(s, i) for i in range(n)])  # n leave-one-out samples
        others = [np.broadcast_to(t, (n, t.size)) for t in samples]
        others[j] = loo
        theta = np.asarray(statistic(*others, axis=-1), dtype=float)
        u = (n - 1) * (theta.mean() - theta)
        nums += (u**3).sum() / n**3
        dens += (u**2).sum() / n**2
    a = nums / (6 * dens**1.5) if dens > 0 else 0.0
    levels = []
    for z in (special.ndtri(alpha), special.ndtri(1 - alpha)):
        levels.append(float(special.ndtr(z0 + (z0 + z) / (1 - a * (z0 + z)))))
    return levels[0], levels[1]


@dataclass(frozen=True)
class WelchResult:
    """Welch's t-test: statistic ``t``, dof ``df``, ``pvalue``, mean(a) - mean(b)."""

    t: float
    df: float
    pvalue: float
    difference: float

    def significant(self, alpha: float = 0.05) -> bool:
        return self.pvalue < alpha


def _welch(
    a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray
) -> tuple[float, float, float]:
    """``mean(a) - mean(b)``, its standard error and the Welch-Satterthwaite degrees of freedom."""
    x, y = _as_1d(a), _as_1d(b)
    va, vb = x.var(ddof=1) / x.size, y.var(ddof=1) / y.size
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (x.size - 1) + vb**2 / (y.size - 1)) if se else math.inf
    return float(x.mean() - y.mean()), se, df


def welch_test(
    a: Sequence[float] | np.ndarray,
    b: Sequence[float] | np.ndarray,
    alternative: str = "two-sided",
) -> WelchResult:
    """Welch's t-test of equal means without assuming equal variances (Welch 1947).

    ``t = (ā - b̄) / √(s_a²/n_a + s_b²/n_b)`` with the Welch-Satterthwaite degrees of freedom.
    ``alternative``: ``"two-sided"``, ``"greater"`` (mean(a) > mean(b)) or ``"less"``.
    """
    diff, se, df = _welch(a, b)
    if se == 0:
        raise ValueError("both samples are constant: the t statistic is undefined")
    t = diff / se
    if alternative == "two-sided":
        p = 2 * sps.t.sf(abs(t), df)
    elif alternative == "greater":
        p = sps.t.sf(t, df)
    elif alternative == "less":
        p = sps.t.cdf(t, df)
    else:
        raise ValueError(f"unknown alternative {alternative!r}")
    return WelchResult(float(t), float(df), float(p), diff)


def cohens_d(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """Standardised effect size ``(ā - b̄) / s_pooled`` (Cohen 1988)."""
    x, y = _as_1d(a), _as_1d(b)
    pooled = ((x.size - 1) * x.var(ddof=1) + (y.size - 1) * y.var(ddof=1)) / (x.size + y.size - 2)
    return float((x.mean() - y.mean()) / math.sqrt(pooled))


def power_two_sample(
    n: int, effect_size: float, alpha: float = 0.05, alternative: str = "two-sided"
) -> float:
    """Power of a two-sample t-test with ``n`` runs per group at standardised effect ``d``.

    Exact under normal noise with equal variances: the t statistic then follows a noncentral t
    with ``2n - 2`` degrees of freedom and noncentrality ``d √(n/2)``.
    """
    if n < 2:
        return 0.0
    df = 2 * n - 2
    nc = abs(effect_size) * math.sqrt(n / 2)
    if alternative == "two-sided":
        crit = sps.t.ppf(1 - alpha / 2, df)
        return float(sps.nct.sf(crit, df, nc) + sps.nct.cdf(-crit, df, nc))
    if alternative in ("greater", "less"):
        return float(sps.nct.sf(sps.t.ppf(1 - alpha, df), df, nc))
    raise ValueError(f"unknown alternative {alternative!r}")


def seeds_needed(
    effect_size: float,
    alpha: float = 0.05,
    power: float = 0.8,
    alternative: str = "two-sided",
    max_n: int = 100_000,
) -> int:
    """Smallest number of seeds per group whose t-test reaches ``power`` at effect ``d``.

    ``effect_size`` is Cohen's d: the difference of mean scores divided by the seed-to-seed
    standard deviation. Cohen's classic table gives 64 per group for d = 0.5.
    """
    if effect_size == 0:
        raise ValueError("no number of seeds detects an effect of zero")
    z = special.ndtri(1 - alpha / (2 if alternative == "two-sided" else 1))
    n = max(2, math.floor(2 * (z + special.ndtri(power)) ** 2 / effect_size**2))  # normal approx
    while n > 2 and power_two_sample(n - 1, effect_size, alpha, alternative) >= power:
        n -= 1
    while power_two_sample(n, effect_size, alpha, alternative) < power:
        n += 1
        if n > max_n:
            raise ValueError(f"more than {max_n} seeds needed")
    return n


def welch_ci(
    a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray, confidence: float = 0.95
) -> CI:
    """Welch's confidence interval for ``mean(a) - mean(b)`` (unequal variances).

    With a handful of seeds per arm this t-interval keeps its level better than a bootstrap
    percentile interval, which is too narrow for very small samples.
    """
    diff, se, df = _welch(a, b)
    if se == 0:
        return CI(diff, diff, diff, confidence)
    half = float(sps.t.ppf(0.5 + confidence / 2, df) * se)
    return CI(diff, diff - half, diff + half, confidence)


def seeds_for_precision(sd: float, half_width: float, confidence: float = 0.95) -> int:
    """Smallest ``n`` whose t-interval ``t_{n-1} · sd/√n`` is narrower than ``half_width``.

    Plans the seeds that would decide an inconclusive verdict: take ``half_width`` as the
    distance from the estimate to the nearest tolerance boundary (lesson 6).
    """
    if sd <= 0 or half_width <= 0:
        raise ValueError("sd and half_width must be positive")
    n = 2
    while sps.t.ppf(0.5 + confidence / 2, n - 1) * sd / math.sqrt(n) >= half_width:
        n += 1
    return n

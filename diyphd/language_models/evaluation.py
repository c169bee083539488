"""Evaluating models honestly: intervals on accuracy, paired tests, contamination checks.

Introduced in ``notebooks/language_models/05_evaluating_models.ipynb``; builds on
:mod:`diyphd.common.stats` (the bootstrap) of theme 3. Binomial intervals come from
``scipy.stats.binomtest``; the clustered standard error is the usual cluster-robust
(sandwich) estimate for a mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy import stats


def _correct(x) -> np.ndarray:
    a = np.asarray(x)
    if a.ndim != 1 or a.size == 0:
        raise ValueError("per-item correctness must be a non-empty 1-D array of 0/1")
    if not np.isin(a, (0, 1)).all():
        raise ValueError("per-item correctness must contain only 0 and 1 (or booleans)")
    return a.astype(float)


def accuracy_interval(correct, confidence: float = 0.95, method: str = "wilson"):
    """``(accuracy, low, high)``: a binomial interval (``"wilson"`` or ``"exact"``)."""
    a = _correct(correct)
    k, n = int(a.sum()), a.size
    ci = stats.binomtest(k, n).proportion_ci(confidence, method=method)
    return k / n, float(ci.low), float(ci.high)


def clustered_interval(correct, clusters, confidence: float = 0.95):
    """``(accuracy, low, high)`` with a cluster-robust standard error.

    Items sharing a cluster (a prompt, a passage) are not independent: the variance of the
    mean is ``G/(G−1) · Σ_c (Σ_{i∈c} (x_i − x̄))² / n²`` over ``G`` clusters, and the interval is
    ``x̄ ± z · SE`` (normal approximation).
    """
    a = _correct(correct)
    g = np.asarray(clusters)
    if g.shape != a.shape:
        raise ValueError("clusters must have one label per item")
    mean = a.mean()
    _, inv = np.unique(g, return_inverse=True)
    sums = np.bincount(inv, weights=a - mean)
    n_clusters = sums.size
    if n_clusters < 2:
        raise ValueError("need at least two clusters")
    se = np.sqrt(n_clusters / (n_clusters - 1) * (sums**2).sum()) / a.size
    z = stats.norm.ppf(0.5 + confidence / 2)
    return float(mean), float(mean - z * se), float(mean + z * se)


@dataclass
class McNemarResult:
    """Discordant counts (``b``: only A right, ``c``: only B right) and the two-sided p-value."""

    b: int
    c: int
    pvalue: float


def mcnemar(correct_a, correct_b, exact: bool = True) -> McNemarResult:
    """McNemar's test that two models, scored on the same items, are equally accurate.

    Only the discordant items count: under the null each is equally likely to favour either
    model, so ``b ~ Binomial(b + c, 1/2)`` (exact); otherwise the chi-squared statistic
    ``(|b − c| − 1)² / (b + c)`` with one degree of freedom (continuity-corrected).
    """
    a, bb = _correct(correct_a), _correct(correct_b)
    if a.shape != bb.shape:
        raise ValueError("the two models must be scored on the same items")
    b, c = int(((a == 1) & (bb == 0)).sum()), int(((a == 0) & (bb == 1)).sum())
    if b + c == 0:
        return McNemarResult(b, c, 1.0)
    if exact:
        p = stats.binomtest(b, b + c, 0.5).pvalue
    else:
        p = stats.chi2.sf((abs(b - c) - 1) ** 2 / (b + c), df=1)
    return McNemarResult(b, c, float(min(p, 1.0)))


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits)."""
    return re.findall(r"[a-z0-9]+", text.lower())


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    """The set of ``n``-grams of a token list."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def ngram_overlap(item: str, corpus_ngrams: set[tuple[str, ...]], n: int) -> float:
    """The fraction of an item's word ``n``-grams that occur in the training corpus."""
    grams = ngrams(words(item), n)
    if not grams:
        return 0.0
    return len(grams & corpus_ngrams) / len(grams)


def contaminated(items: list[str], corpus: str, n: int = 8, threshold: float = 0.5) -> list[bool]:
    """Flag items whose word ``n``-gram overlap with ``corpus`` reaches ``threshold``."""
    if n < 1 or not 0 < threshold <= 1:
        raise ValueError("need n >= 1 and 0 < threshold <= 1")
    grams = ngrams(words(corpus), n)
    return [ngram_overlap(item, grams, n) >= threshold for item in items]

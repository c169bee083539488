"""Accuracy intervals, McNemar's test and contamination checks, against scipy and by simulation."""

import numpy as np
import pytest
from scipy import stats

from diyphd.language_models.evaluation import (
    accuracy_interval,
    clustered_interval,
    contaminated,
    mcnemar,
    ngram_overlap,
    ngrams,
    words,
)


def test_wilson_interval_formula():
    """Is the Wilson interval (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)?"""
    x = np.r_[np.ones(37), np.zeros(63)]
    acc, lo, hi = accuracy_interval(x)
    z, n, p = stats.norm.ppf(0.975), 100, 0.37
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    assert acc == 0.37 and np.allclose([lo, hi], [centre - half, centre + half])


def test_clustered_interval_equals_binomial_se_for_singleton_clusters():
    """With one item per cluster, is the clustered SE the binomial SE times √(n/(n−1))?"""
    x = np.random.default_rng(0).integers(0, 2, 200)
    acc, lo, hi = clustered_interval(x, np.arange(200))
    se = np.sqrt(acc * (1 - acc) / 200 * 200 / 199)
    assert np.isclose(hi - lo, 2 * stats.norm.ppf(0.975) * se)


def test_clustered_interval_covers_when_items_share_a_prompt():
    """When items share a prompt, does the clustered interval keep ~95 % coverage where the
    binomial one does not?"""
    rng = np.random.default_rng(1)
    cover_binom = cover_clust = 0
    clusters = np.repeat(np.arange(40), 10)
    for _ in range(400):
        p_cluster = rng.beta(2, 2, 40)  # each prompt has its own difficulty, mean 0.5
        x = (rng.random(400) < p_cluster[clusters]).astype(int)
        _, lo, hi = accuracy_interval(x)
        cover_binom += lo <= 0.5 <= hi
        _, lo, hi = clustered_interval(x, clusters)
        cover_clust += lo <= 0.5 <= hi
    assert cover_binom / 400 < 0.75 and 0.9 < cover_clust / 400 < 0.99


def test_mcnemar_exact_and_chi2():
    """Does McNemar use only the discordant pairs, exactly and with the χ² approximation?"""
    a = np.r_[np.ones(30), np.ones(12), np.zeros(3), np.zeros(55)]
    b = np.r_[np.ones(30), np.zeros(12), np.ones(3), np.zeros(55)]
    res = mcnemar(a, b)
    assert (res.b, res.c) == (12, 3)
    assert np.isclose(res.pvalue, stats.binomtest(12, 15, 0.5).pvalue)
    assert np.isclose(mcnemar(a, b, exact=False).pvalue, stats.chi2.sf(64 / 15, 1))
    assert mcnemar(a, a).pvalue == 1.0


def test_bad_correctness_vectors_are_refused():
    """Are values other than 0/1 and mismatched lengths refused with a message?"""
    with pytest.raises(ValueError, match="only 0 and 1"):
        accuracy_interval([0, 1, 2])
    with pytest.raises(ValueError, match="same items"):
        mcnemar([0, 1], [0, 1, 1])


def test_contamination_flags_copied_items_only():
    """Is an item copied from the corpus flagged, and a fresh one not?"""
    corpus = "the quick brown fox jumps over the lazy dog while the cat sleeps on the mat"
    items = ["quick brown fox jumps over the lazy dog while", "a completely different sentence"]
    assert contaminated(items, corpus, n=4) == [True, False]
    assert ngram_overlap("", ngrams(words(corpus), 4), 4) == 0.0

"""diyphd.common.stats against scipy.stats: the same intervals, tests and powers."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from diyphd.common.stats import (
    bootstrap_ci,
    cohens_d,
    mean_ci,
    mean_difference,
    power_two_sample,
    seeds_for_precision,
    seeds_needed,
    welch_test,
)

RNG = np.random.default_rng(42)
X = RNG.exponential(size=25)  # skewed, where BCa and percentile differ
Y = RNG.normal(0.3, 2.0, size=12)


def test_mean_ci_matches_scipy_t_interval():
    """Is mean_ci the Student-t interval scipy computes?"""
    ci = mean_ci(X, 0.9)
    lo, hi = sps.t.interval(0.9, len(X) - 1, loc=X.mean(), scale=sps.sem(X))
    assert ci.low == pytest.approx(lo) and ci.high == pytest.approx(hi)
    assert ci.estimate == pytest.approx(X.mean()) and ci.contains(X.mean())


@pytest.mark.parametrize("method", ["percentile", "bca"])
@pytest.mark.parametrize("statistic", [np.mean, np.median])
def test_bootstrap_one_sample_matches_scipy(method, statistic):
    """Do our bootstrap end points agree with scipy.stats.bootstrap up to resampling noise?"""
    ours = bootstrap_ci(X, statistic, method=method, n_resamples=20000, seed=1)
    ref = sps.bootstrap(
        (X,),
        statistic,
        method="BCa" if method == "bca" else method,
        n_resamples=20000,
        random_state=np.random.default_rng(2),
    ).confidence_interval
    width = ref.high - ref.low
    assert abs(ours.low - ref.low) < 0.05 * width
    assert abs(ours.high - ref.high) < 0.05 * width


@pytest.mark.parametrize("method", ["percentile", "bca"])
def test_bootstrap_two_samples_matches_scipy(method):
    """Does the two-sample difference of means resample each sample independently, as scipy?"""
    ours = bootstrap_ci((X, Y), mean_difference, method=method, n_resamples=20000, seed=3)
    ref = sps.bootstrap(
        (X, Y),
        mean_difference,
        method="BCa" if method == "bca" else method,
        n_resamples=20000,
        random_state=np.random.default_rng(4),
    ).confidence_interval
    width = ref.high - ref.low
    assert abs(ours.low - ref.low) < 0.05 * width and abs(ours.high - ref.high) < 0.05 * width
    assert ours.estimate == pytest.approx(X.mean() - Y.mean())


def test_bootstrap_is_seeded_and_bca_differs_on_skewed_data():
    """Same seed, same interval; and does BCa shift the interval of a skewed mean upward?"""
    a = bootstrap_ci(X, seed=7)
    assert a == bootstrap_ci(X, seed=7)
    assert a != bootstrap_ci(X, seed=8)
    bca = bootstrap_ci(X, method="bca", seed=7)
    assert bca.high > a.high  # right-skewed data: BCa moves the upper end out
    with pytest.raises(ValueError):
        bootstrap_ci(X, method="basic")


def test_bootstrap_coverage_is_near_nominal():
    """Does a 90 % percentile interval cover the true mean of a normal about 90 % of the time?"""
    rng = np.random.default_rng(0)
    hits = [
        bootstrap_ci(rng.normal(size=30), confidence=0.9, n_resamples=999, seed=s).contains(0)
        for s in range(300)
    ]
    assert 0.83 < np.mean(hits) < 0.95


@pytest.mark.parametrize("alternative", ["two-sided", "greater", "less"])
def test_welch_matches_scipy(alternative):
    """Is welch_test scipy's ttest_ind(equal_var=False): same t, df and p-value?"""
    ours = welch_test(X, Y, alternative=alternative)
    ref = sps.ttest_ind(X, Y, equal_var=False, alternative=alternative)
    assert ours.t == pytest.approx(ref.statistic)
    assert ours.pvalue == pytest.approx(ref.pvalue)
    assert ours.df == pytest.approx(ref.df)
    assert ours.difference == pytest.approx(X.mean() - Y.mean())


def test_welch_rejects_constant_samples():
    """Does a zero standard error raise instead of dividing by zero?"""
    with pytest.raises(ValueError):
        welch_test([1.0, 1.0], [1.0, 1.0])


def test_cohens_d():
    """Is Cohen's d the difference of means over the pooled standard deviation?"""
    a, b = np.array([1.0, 2.0, 3.0]), np.array([2.0, 3.0, 4.0])
    assert cohens_d(a, b) == pytest.approx(-1.0)


@pytest.mark.parametrize(("d", "n"), [(0.2, 394), (0.5, 64), (0.8, 26), (1.0, 17)])
def test_seeds_needed_matches_cohens_table(d, n):
    """Does the power analysis give the textbook sample sizes (80 % power, alpha 0.05)?"""
    assert seeds_needed(d) == n
    assert power_two_sample(n, d) >= 0.8 > power_two_sample(n - 1, d)


def test_power_matches_simulation():
    """Is the noncentral-t power what repeated Welch tests on normal samples achieve?"""
    rng = np.random.default_rng(5)
    n, d = 10, 1.0
    rejections = [
        welch_test(rng.normal(d, 1, n), rng.normal(0, 1, n)).pvalue < 0.05 for _ in range(4000)
    ]
    assert np.mean(rejections) == pytest.approx(power_two_sample(n, d), abs=0.03)
    assert seeds_needed(1.0, alternative="greater") < seeds_needed(1.0)
    with pytest.raises(ValueError):
        seeds_needed(0.0)


def test_welch_ci_matches_scipy_and_the_test():
    """Does Welch's interval equal scipy's, and exclude 0 exactly when the test rejects?"""
    from diyphd.common.stats import welch_ci, welch_test

    rng = np.random.default_rng(5)
    for shift in (0.0, 0.5, 2.0):
        a, b = rng.normal(shift, 1.0, 6), rng.normal(0.0, 2.0, 5)
        ci = welch_ci(a, b)
        ref = sps.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
        assert (ci.low, ci.high) == pytest.approx((ref.low, ref.high))
        assert (not ci.contains(0.0)) == welch_test(a, b).significant(0.05)


def test_seeds_for_precision():
    """Is n the first sample size whose t-interval half-width drops below the target?"""
    n = seeds_for_precision(1.0, 0.5)
    half = lambda k: sps.t.ppf(0.975, k - 1) / np.sqrt(k)  # noqa: E731
    assert half(n) < 0.5 <= half(n - 1)
    with pytest.raises(ValueError):
        seeds_for_precision(0.0, 0.1)

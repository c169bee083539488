"""Tests for diyphd.generalization.bounds against the binomial distribution of scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from diyphd.generalization.bounds import (
    binomial_tail_bound,
    clopper_pearson_interval,
    finite_class_bound,
    gaussian_kl,
    hoeffding_interval,
    kl_bernoulli,
    kl_inverse_upper,
    pac_bayes_kl_bound,
    vc_bound,
)


@pytest.mark.parametrize(("k", "n"), [(0, 20), (3, 50), (17, 40), (95, 100), (100, 100)])
def test_clopper_pearson_inverts_the_binomial_tails(k, n):
    """Do the limits solve P(X ≥ k | lo) = δ/2 and P(X ≤ k | hi) = δ/2 (exact tail inversion)?"""
    lo, hi = clopper_pearson_interval(k, n, 0.05)
    if k > 0:
        assert stats.binom.sf(k - 1, n, lo) == pytest.approx(0.025, rel=1e-6)
    else:
        assert lo == 0
    if k < n:
        assert stats.binom.cdf(k, n, hi) == pytest.approx(0.025, rel=1e-6)
    else:
        assert hi == 1
    assert lo <= k / n <= hi


def test_clopper_pearson_matches_a_bisection_reference():
    """Does the beta-quantile formula agree with a root found by bisection on the binomial cdf?"""
    k, n, delta = 7, 60, 0.1
    a, b = k / n, 1.0
    for _ in range(200):
        mid = (a + b) / 2
        a, b = (mid, b) if stats.binom.cdf(k, n, mid) > delta / 2 else (a, mid)
    assert clopper_pearson_interval(k, n, delta)[1] == pytest.approx(a, abs=1e-10)


def test_hoeffding_half_width_and_vectorisation():
    """Is the half-width sqrt(ln(2/δ)/(2n)), clipped, and do arrays work?"""
    lo, hi = hoeffding_interval(np.array([50, 100]), 100, 0.05)
    eps = np.sqrt(np.log(40) / 200)
    assert lo[0] == pytest.approx(0.5 - eps) and hi[0] == pytest.approx(0.5 + eps)
    assert hi[1] == 1.0


def test_hoeffding_is_wider_than_clopper_pearson_in_the_middle():
    """Is the distribution-free interval the more conservative of the two at p = 1/2?"""
    h = hoeffding_interval(50, 100)
    c = clopper_pearson_interval(50, 100)
    assert h[1] - h[0] > c[1] - c[0]


def test_coverage_of_both_intervals_by_simulation():
    """Do both intervals cover the true proportion at least 95 % of the time (up to MC error)?"""
    rng = np.random.default_rng(0)
    for p in (0.1, 0.5, 0.9):
        k = rng.binomial(80, p, size=4000)
        for lo, hi in (hoeffding_interval(k, 80), clopper_pearson_interval(k, 80)):
            assert np.mean((lo <= p) & (p <= hi)) >= 0.95 - 3 * np.sqrt(0.05 * 0.95 / 4000)


def test_binomial_tail_bound_is_the_one_sided_limit():
    """Is the test-set bound the p with P(Bin(n, p) ≤ k) = δ, and 1 when every point is wrong?"""
    p = binomial_tail_bound(4, 100, 0.05)
    assert stats.binom.cdf(4, 100, p) == pytest.approx(0.05, rel=1e-6)
    assert binomial_tail_bound(10, 10) == 1.0


def test_finite_class_and_vc_bounds_grow_with_complexity():
    """Do the bounds match their formulas and grow with |H| and the VC dimension?"""
    assert finite_class_bound(0.1, 200, 1.0, 0.05) == pytest.approx(0.1 + np.sqrt(np.log(20) / 400))
    assert finite_class_bound(0, 200, 1e6) > finite_class_bound(0, 200, 1e3)
    assert finite_class_bound(0, 200, log_n_hypotheses=np.log(1e6)) == pytest.approx(
        finite_class_bound(0, 200, 1e6)
    )
    assert vc_bound(0, 1000, 20) > vc_bound(0, 1000, 5) > vc_bound(0, 10000, 5)


def test_kl_inverse_solves_kl_equals_c_and_beats_pinsker():
    """Is kl(q‖p*) = c at the inverse, and p* below Pinsker's q + sqrt(c/2)?"""
    for q, c in [(0.0, 0.1), (0.05, 0.02), (0.3, 0.2)]:
        p = kl_inverse_upper(q, c)
        assert kl_bernoulli(q, p) == pytest.approx(c, rel=1e-6)
        assert q <= p <= q + np.sqrt(c / 2)


def test_kl_bernoulli_matches_scipy_entropy():
    """Does kl agree with scipy.stats.entropy on two-point distributions?"""
    assert kl_bernoulli(0.2, 0.5) == pytest.approx(stats.entropy([0.2, 0.8], [0.5, 0.5]))


def test_gaussian_kl_against_monte_carlo():
    """Does the closed-form KL match a Monte Carlo average of the log density ratio?"""
    rng = np.random.default_rng(0)
    mean, sq, sp = np.array([0.5, -1.0, 0.2]), 0.3, 1.5
    z = mean + sq * rng.standard_normal((200_000, 3))
    log_ratio = stats.norm.logpdf(z, mean, sq).sum(1) - stats.norm.logpdf(z, 0, sp).sum(1)
    assert gaussian_kl(mean, sq, sp) == pytest.approx(log_ratio.mean(), rel=1e-2)
    assert gaussian_kl(np.zeros(3), 1.0, 1.0) == pytest.approx(0.0, abs=1e-12)


def test_pac_bayes_bound_shrinks_with_n_and_grows_with_kl():
    """Does the bound exceed the training error, and move the right way with n and KL?"""
    b = pac_bayes_kl_bound(0.05, 10.0, 1000)
    assert b > 0.05
    assert pac_bayes_kl_bound(0.05, 10.0, 10_000) < b < pac_bayes_kl_bound(0.05, 100.0, 1000)

"""diyphd.generative.evaluation: MMD against its definition, the test's level, KDE against scipy."""

from __future__ import annotations

import numpy as np
from scipy import stats as sps

from diyphd.generative.evaluation import gaussian_kde_log_likelihood, mmd2, mmd_permutation_test


def test_mmd2_matches_the_double_sum():
    """Is mmd2 the unbiased U-statistic written as explicit double sums?"""
    rng = np.random.default_rng(0)
    x, y, h = rng.standard_normal((7, 2)), rng.standard_normal((5, 2)) + 0.5, 0.8

    def k(a, b):
        return np.exp(-np.sum((a - b) ** 2) / (2 * h**2))

    sxx = sum(k(x[i], x[j]) for i in range(7) for j in range(7) if i != j) / 42
    syy = sum(k(y[i], y[j]) for i in range(5) for j in range(5) if i != j) / 20
    sxy = sum(k(a, b) for a in x for b in y) / 35
    assert abs(mmd2(x, y, bandwidth=h) - (sxx + syy - 2 * sxy)) < 1e-12


def test_permutation_test_has_its_level_and_power():
    """Under the null, is the rejection rate at 5 % about 5 %; with a shift, near 100 %?"""
    rng = np.random.default_rng(1)

    def p_value(shift: float, i: int) -> float:
        x, y = rng.standard_normal((30, 2)), rng.standard_normal((30, 2)) + shift
        return mmd_permutation_test(x, y, 99, seed=i)[1]

    null = [p_value(0.0, i) for i in range(200)]
    rate = np.mean(np.array(null) <= 0.05)
    assert rate <= 0.05 + 3 * np.sqrt(0.05 * 0.95 / 200)
    alt = [p_value(1.0, i) for i in range(20)]
    assert np.mean(np.array(alt) <= 0.05) >= 0.9


def test_permutation_p_value_counts_the_observed_statistic():
    """Is the p-value (1 + #{permuted >= observed}) / (1 + B), so never below 1 / (B + 1)?"""
    rng = np.random.default_rng(2)
    x, y = rng.standard_normal((20, 2)), rng.standard_normal((20, 2)) + 10.0
    # every permutation mixes the two clouds, so none reaches the observed statistic
    assert mmd_permutation_test(x, y, 99, bandwidth=1.0)[1] == 1 / 100
    # two copies of one sample: the identity-like splits tie, the p-value is large
    assert mmd_permutation_test(x, x.copy(), 99, bandwidth=1.0)[1] > 0.05


def test_kde_log_likelihood_matches_a_scipy_mixture():
    """Is the KDE's mean log-density that of scipy's mixture of N(train_i, h² I)?"""
    rng = np.random.default_rng(2)
    train, test, h = rng.standard_normal((40, 2)), rng.standard_normal((10, 2)), 0.4
    dens = np.mean([sps.multivariate_normal(c, h**2 * np.eye(2)).pdf(test) for c in train], axis=0)
    assert abs(gaussian_kde_log_likelihood(train, test, h) - np.log(dens).mean()) < 1e-10

"""Tests for diyphd.foundations.info against scipy.stats.entropy and closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import entropy as scipy_entropy

from diyphd.foundations.info import cross_entropy, entropy, kl_divergence, mutual_information


@pytest.fixture
def pairs():
    rng = np.random.default_rng(0)
    return [(rng.dirichlet(np.ones(k)), rng.dirichlet(np.ones(k))) for k in (2, 3, 7, 20)]


def test_entropy_matches_scipy(pairs):
    """Does H(p) agree with scipy.stats.entropy, in nats and in bits?"""
    for p, _ in pairs:
        assert entropy(p) == pytest.approx(scipy_entropy(p))
        assert entropy(p, base=2) == pytest.approx(scipy_entropy(p, base=2))


def test_kl_matches_scipy_and_is_asymmetric(pairs):
    """Does KL(p‖q) agree with scipy.stats.entropy(p, q), and differ from KL(q‖p)?"""
    for p, q in pairs:
        assert kl_divergence(p, q) == pytest.approx(scipy_entropy(p, q))
        assert kl_divergence(p, q) > 0
    p, q = np.array([0.9, 0.1]), np.array([0.5, 0.5])
    assert kl_divergence(p, q) != pytest.approx(kl_divergence(q, p))


def test_cross_entropy_is_entropy_plus_kl(pairs):
    """Is H(p, q) = H(p) + KL(p‖q)?"""
    for p, q in pairs:
        assert cross_entropy(p, q) == pytest.approx(entropy(p) + kl_divergence(p, q))


def test_zero_probabilities():
    """Do zeros follow 0 log 0 = 0, and q = 0 where p > 0 give infinity?"""
    assert entropy([0.5, 0.5, 0.0]) == pytest.approx(np.log(2))
    assert kl_divergence([0.5, 0.5, 0.0], [0.25, 0.25, 0.5]) == pytest.approx(np.log(2))
    assert np.isinf(kl_divergence([0.5, 0.5], [1.0, 0.0]))
    assert kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_batched_rows():
    """Does axis=-1 compute one value per row of a batch?"""
    p = np.array([[0.5, 0.5], [1.0, 0.0]])
    np.testing.assert_allclose(entropy(p), [np.log(2), 0.0])


def test_mutual_information():
    """Is I = 0 for independent tables, H(X) for a copy, and = H(X)+H(Y)−H(X,Y)?"""
    px, py = np.array([0.2, 0.8]), np.array([0.1, 0.3, 0.6])
    assert mutual_information(np.outer(px, py)) == pytest.approx(0.0, abs=1e-12)
    assert mutual_information(np.diag(px)) == pytest.approx(entropy(px))
    joint = np.random.default_rng(1).dirichlet(np.ones(12)).reshape(3, 4)
    expected = entropy(joint.sum(1)) + entropy(joint.sum(0)) - entropy(joint.ravel())
    assert mutual_information(joint) == pytest.approx(expected)


def test_rejects_negative_probabilities():
    """Does a negative entry raise instead of giving a silent number?"""
    with pytest.raises(ValueError):
        entropy([0.5, -0.1, 0.6])

"""Tests for diyphd.generalization.linear: ridge, min-norm least squares, Hastie et al.'s risk."""

from __future__ import annotations

import numpy as np
import pytest

from diyphd.generalization.linear import hastie_risk, min_norm_least_squares, poly_features, ridge


def test_ridge_solves_its_normal_equations():
    """Is the ridge gradient Xᵀ(Xw − y)/n + λw zero at the returned w?"""
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((30, 5)), rng.standard_normal(30)
    w = ridge(x, y, 0.3)
    assert np.allclose(x.T @ (x @ w - y) / 30 + 0.3 * w, 0, atol=1e-12)


def test_min_norm_interpolates_and_is_the_ridgeless_limit():
    """With p > n, does X⁺y interpolate, lie in the row space, and equal ridge as λ → 0?"""
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((10, 40)), rng.standard_normal(10)
    w = min_norm_least_squares(x, y)
    assert np.allclose(x @ w, y)
    assert np.allclose(w, np.linalg.pinv(x) @ y)
    assert np.allclose(ridge(x, y, 1e-10), w, atol=1e-6)


def test_min_norm_is_ordinary_least_squares_when_p_below_n():
    """With p < n and full rank, is it the usual (XᵀX)⁻¹Xᵀy?"""
    rng = np.random.default_rng(2)
    x, y = rng.standard_normal((40, 6)), rng.standard_normal(40)
    assert np.allclose(min_norm_least_squares(x, y), np.linalg.solve(x.T @ x, x.T @ y))


def test_hastie_risk_values_and_limits():
    """Does the formula give its closed forms, blow up at γ = 1 and tend to r² as γ → ∞?"""
    r = hastie_risk(np.array([0.5, 1.0, 2.0, 1e9]), r2=2.0, sigma2=0.5)
    assert r[0] == pytest.approx(0.5)
    assert np.isinf(r[1])
    assert r[2] == pytest.approx(2.0 * 0.5 + 0.5)
    assert r[3] == pytest.approx(2.0, rel=1e-6)


def test_poly_features_are_legendre_polynomials():
    """Are the columns P0 = 1, P1 = x, P2 = (3x² − 1)/2?"""
    x = np.linspace(-1, 1, 5)
    f = poly_features(x, 2)
    assert np.allclose(f, np.stack([np.ones(5), x, (3 * x**2 - 1) / 2], axis=1))

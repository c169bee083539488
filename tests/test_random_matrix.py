"""Tests for diyphd.generalization.random_matrix: the Marchenko–Pastur law and ridgeless risk."""

from __future__ import annotations

import numpy as np

from diyphd.generalization.linear import hastie_risk
from diyphd.generalization.random_matrix import (
    mp_cdf,
    mp_density,
    mp_integral,
    ridgeless_variance,
)


def test_density_has_mass_one_and_the_known_moments():
    """Does the density integrate to 1 with mean 1 and second moment 1 + γ (γ ≤ 1)?"""
    for g in (0.1, 0.5, 0.9):
        assert np.isclose(mp_integral(lambda t: 1.0, g), 1.0, atol=1e-8)
        assert np.isclose(mp_integral(lambda t: t, g), 1.0, atol=1e-8)
        assert np.isclose(mp_integral(lambda t: t * t, g), 1 + g, atol=1e-8)
    assert np.isclose(mp_integral(lambda t: 1.0, 4.0), 0.25, atol=1e-8)
    assert mp_density(np.array([0.0, 100.0]), 0.5).sum() == 0


def test_cdf_matches_a_large_wishart_sample():
    """Is the empirical spectral CDF of XᵀX/n (n = 2000, p = 1000) within 0.01 of the law's?"""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2000, 1000))
    eig = np.linalg.eigvalsh(x.T @ x / 2000)
    grid = np.linspace(0.1, 2.8, 15)
    emp = np.searchsorted(np.sort(eig), grid) / len(eig)
    assert np.max(np.abs(emp - mp_cdf(grid, 0.5))) < 0.01


def test_variance_from_the_law_is_hastie_et_al_closed_form():
    """Does the MP integral give σ²γ/(1−γ) below the threshold and σ²/(γ−1) above it?"""
    for g in (0.3, 0.8, 1.5, 4.0):
        bias = 0.0 if g < 1 else 2.0 * (1 - 1 / g)
        assert np.isclose(ridgeless_variance(g, 0.5) + bias, hastie_risk(g, 2.0, 0.5), rtol=1e-6)


def test_cdf_above_the_threshold_counts_the_atom_at_zero():
    """For γ > 1 (p > n), does the CDF include the atom 1 − 1/γ and match a Wishart sample?"""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((500, 1000))  # γ = 2: half of the eigenvalues of XᵀX/n are 0
    eig = np.sort(np.linalg.eigvalsh(x.T @ x / 500))
    grid = np.linspace(0.2, 5.5, 12)
    emp = np.searchsorted(eig, grid) / len(eig)
    assert np.max(np.abs(emp - mp_cdf(grid, 2.0))) < 0.01
    assert np.isclose(mp_cdf(np.array([1e-9]), 2.0)[0], 0.5)
    assert np.isclose(mp_cdf(np.array([100.0]), 2.0)[0], 1.0, atol=1e-8)

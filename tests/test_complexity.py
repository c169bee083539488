"""Tests for diyphd.generalization.complexity: growth functions, VC and Rademacher bounds."""

from __future__ import annotations

from math import comb

import numpy as np

from diyphd.generalization.complexity import (
    halfplane_labelings,
    interval_labelings,
    margin_bound,
    rademacher_linear,
    sauer_shelah,
    vc_uniform_deviation,
)


def test_interval_count_is_the_sauer_shelah_sum_exactly():
    """Do intervals (VC dimension 2) realise exactly C(n,0)+C(n,1)+C(n,2) labelings?"""
    for n in range(1, 9):
        assert len(interval_labelings(np.arange(n) * 1.0)) == sauer_shelah(n, 2)


def test_halfplane_count_is_covers_formula():
    """Do half-planes realise 2·Σ_{k<3} C(n−1,k) labelings of points in general position (Cover)?"""
    rng = np.random.default_rng(0)
    for n in (3, 5, 6):
        count = len(halfplane_labelings(rng.standard_normal((n, 2))))
        assert count == 2 * sum(comb(n - 1, k) for k in range(3))
        assert count <= sauer_shelah(n, 3)


def test_rademacher_linear_mc_is_below_jensen_and_close_to_it_in_high_dimension():
    """Is the Monte Carlo estimate below the Jensen bound, and within 5% of it for near-orthogonal
    rows (where ‖Σσᵢxᵢ‖ concentrates)?"""
    rng = np.random.default_rng(2)
    x = rng.standard_normal((50, 2000))
    mc, jensen = rademacher_linear(x, 1.0, n_draws=500, rng=rng)
    assert mc <= jensen and mc > 0.95 * jensen


def test_bounds_have_their_closed_forms():
    """Do the VC deviation and margin bound evaluate their formulas?"""
    n, d = 1000, 3
    assert np.isclose(
        vc_uniform_deviation(n, d), np.sqrt(8 / n * (d * np.log(2 * np.e * n / d) + np.log(80)))
    )
    m = np.array([0.5, 2.0, 3.0, -1.0])
    assert np.isclose(margin_bound(m, 1.0, 0.1), 0.5 + 0.2 + 3 * np.sqrt(np.log(40) / 8))

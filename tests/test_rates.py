"""Tests for diyphd.foundations.rates."""

from __future__ import annotations

import numpy as np
import pytest

from diyphd.foundations.rates import loglog_slope


def test_recovers_exact_power_laws():
    """Is the slope of y = C x^p exactly p, for several p and C?"""
    x = np.logspace(-3, 2, 20)
    for p in (-1.0, 0.5, 2.0, 3.0):
        assert loglog_slope(x, 7.0 * x**p) == pytest.approx(p)


def test_noisy_power_law_is_close():
    """Does multiplicative noise of 10 % move the slope by less than 0.05?"""
    rng = np.random.default_rng(0)
    x = np.logspace(0, 6, 30)
    y = x * np.exp(0.1 * rng.standard_normal(x.size))
    assert loglog_slope(x, y) == pytest.approx(1.0, abs=0.05)


def test_rejects_non_positive_values():
    """Do zeros or negatives raise instead of giving nan?"""
    with pytest.raises(ValueError):
        loglog_slope([1.0, 2.0], [0.0, 1.0])
    with pytest.raises(ValueError):
        loglog_slope([1.0], [1.0])

"""The scaling-law fit recovers known parameters; the compute-optimal split is the optimum."""

import numpy as np
import pytest
from scipy.optimize import minimize_scalar

from diyphd.language_models.corpus import MarkovLanguage
from diyphd.language_models.scaling import (
    ScalingFit,
    compute_optimal,
    fit_scaling_law,
    power_law_fit,
    train_context_mlps,
)

TRUE = ScalingFit(E=1.7, A=400.0, alpha=0.34, B=410.0, beta=0.28)


def _grid():
    n, d = np.meshgrid(np.logspace(7, 10, 6), np.logspace(9, 12, 5))
    return n.ravel(), d.ravel()


def test_fit_recovers_noise_free_parameters():
    """On exact losses of a known law, does the fit return its five parameters?"""
    n, d = _grid()
    fit = fit_scaling_law(n, d, TRUE.predict(n, d))
    for name in ("E", "alpha", "beta"):
        assert np.isclose(getattr(fit, name), getattr(TRUE, name), rtol=0.02), name
    assert np.allclose(fit.predict(n, d), TRUE.predict(n, d), rtol=1e-3)


def test_fit_with_known_floor_keeps_it():
    """With E given, is E kept exactly and are the exponents still recovered?"""
    n, d = _grid()
    fit = fit_scaling_law(n, d, TRUE.predict(n, d), E=1.7)
    assert fit.E == 1.7 and np.isclose(fit.alpha, 0.34, rtol=0.02)


def test_compute_optimal_is_the_constrained_minimum():
    """Does the closed form N_opt equal a numerical minimum of L(N, C/(6N))?"""
    c = 1e21
    n_opt, d_opt = compute_optimal(c, TRUE)
    assert np.isclose(6 * n_opt * d_opt, c)
    res = minimize_scalar(
        lambda u: TRUE.predict(np.exp(u), c / (6 * np.exp(u))),
        bounds=(np.log(1e6), np.log(1e13)),
        method="bounded",
        options={"xatol": 1e-10},
    )
    assert np.isclose(np.exp(res.x), n_opt, rtol=1e-4)


def test_bad_inputs_are_refused():
    """Are a non-positive budget and too few points refused with a message?"""
    with pytest.raises(ValueError, match="positive"):
        compute_optimal(0.0, TRUE)
    with pytest.raises(ValueError, match="at least five"):
        fit_scaling_law([1, 2], [1, 2], [1, 2])


def test_power_law_fit_is_exact_on_a_power_law():
    """Does the log-log fit return (a, b) of y = a x^(-b)?"""
    x = np.array([1.0, 2.0, 4.0, 8.0])
    assert np.allclose(power_law_fit(x, 3.0 * x**-0.5), (3.0, 0.5))


def test_batched_training_equals_separate_runs():
    """Do models trained side by side give exactly what each gives alone?"""
    lang = MarkovLanguage(vocab_size=4, order=1, seed=0)
    together = train_context_mlps(lang, 8, [(300, 0), (1000, 1)], steps=50)
    alone = [train_context_mlps(lang, 8, [run], steps=50)[0] for run in [(300, 0), (1000, 1)]]
    assert np.allclose([x[1] for x in together], [x[1] for x in alone], rtol=1e-5)
    assert together[0][0] == 4 * 8 + 8 + 8 * 4 + 4


def test_wide_model_approaches_the_entropy_rate_like_k_over_2d():
    """Is a wide model's excess loss about S(V−1)/(2D), the MLE's asymptotic excess?"""
    lang = MarkovLanguage(vocab_size=4, order=1, seed=0)
    ((_, loss),) = train_context_mlps(lang, 32, [(20_000, 0)], steps=400)
    excess = loss - lang.entropy_rate()
    assert 0.3 * 12 / 40_000 < excess < 3 * 12 / 40_000

"""Problem set 2 of generalization: double descent of min-norm least squares, and bounds.

Notebook: ``exercises/generalization/ps02_double_descent_bounds.ipynb``; lessons
``notebooks/generalization/04_double_descent_theory.ipynb`` and ``06_bounds.ipynb``.
"""

from __future__ import annotations

import numpy as np

from diyphd.generalization.linear import hastie_risk
from diyphd.learner.grading import (
    ChoiceQuestion,
    FigureQuestion,
    FunctionQuestion,
    TextQuestion,
    ValueQuestion,
    register,
)
from diyphd.learner.grading.figures import Curve, line_figure


# 1. minimum-norm least squares (function)
def min_norm(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The least-squares solution of smallest norm, X⁺y, for any shape of X."""
    return np.linalg.pinv(x) @ y


def _mn_case(rng: np.random.Generator) -> tuple:
    n, p = int(rng.integers(3, 15)), int(rng.integers(2, 30))
    return rng.standard_normal((n, p)), rng.standard_normal(n)


_R = np.random.default_rng(7)
register(
    FunctionQuestion(
        id="generalization.ps02.min_norm",
        title="The minimum-norm least-squares solution",
        reference=min_norm,
        cases=[
            (np.array([[1.0, 1.0]]), np.array([2.0])),
            (np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]]), np.array([1.0, 2.0, 2.0])),
            (_R.standard_normal((4, 9)), _R.standard_normal(4)),
        ],
        hidden=_mn_case,
        points=2,
        hint="np.linalg.pinv(X) @ y, or np.linalg.lstsq(X, y, rcond=None)[0], works on both "
        "sides of p = n; the normal equations (XᵀX)⁻¹Xᵀy need p ≤ n, and Xᵀ(XXᵀ)⁻¹y needs p ≥ n.",
        wrong_answers={
            "normal equations": lambda x, y: np.linalg.solve(x.T @ x, x.T @ y),
            "dual form only": lambda x, y: x.T @ np.linalg.solve(x @ x.T, y),
            "ridge with lambda 1": lambda x, y: np.linalg.solve(
                x.T @ x + np.eye(x.shape[1]), x.T @ y
            ),
        },
    )
)


# 2. the asymptotic risk at one gamma (value)
register(
    ValueQuestion(
        id="generalization.ps02.risk_value",
        title="The limiting risk at γ = 1.5",
        reference=float(hastie_risk(1.5, r2=2.0, sigma2=0.5)),
        rtol=1e-3,
        points=1,
        hint="γ > 1: bias r²(1 − 1/γ) plus variance σ²/(γ − 1).",
        wrong_answers={
            "variance only": 0.5 / 0.5,
            "under-parametrized formula": 0.5 * 1.5 / (1 - 1.5),
            "bias r²/γ": 2.0 / 1.5 + 0.5 / 0.5,
        },
    )
)


# 3. why the peak (choice)
register(
    ChoiceQuestion(
        id="generalization.ps02.peak_cause",
        title="Why the risk peaks at p = n",
        options={
            "a": "At p = n the model has too many parameters, so the bias term r²(1 − 1/γ) "
            "is largest.",
            "b": "The smallest nonzero singular value of X approaches 0, so interpolating the "
            "noise needs a solution of huge norm and the variance explodes.",
            "c": "At p = n the least-squares problem has no solution, so the solver returns an "
            "arbitrary vector.",
            "d": "Gradient descent needs infinitely many steps at p = n, so the solution has not "
            "converged.",
        },
        reference="b",
        explanations={
            "a": "the bias is zero for γ ≤ 1 and increases past 1; at γ = 1 it is 0.",
            "b": "the noise enters as Σ (uᵢᵀε / sᵢ) vᵢ; s_min/√n → |1 − √γ| = 0.",
            "c": "a square Gaussian X is invertible with probability one; the solution exists "
            "and interpolates, it is just enormous.",
            "d": "min-norm least squares is a closed form; the peak is in the solution itself, "
            "not in how it is computed.",
        },
        points=1,
        hint="Write X⁺ε in the SVD of X.",
        wrong_answers={"bias": "a", "no solution": "c", "optimizer": "d"},
    )
)


# 4. Occam bound (function)
def occam_bound(train_error: float, n: int, n_hypotheses: float, delta: float) -> float:
    """train_error + sqrt((ln|H| + ln(1/δ)) / (2n))."""
    return train_error + np.sqrt((np.log(n_hypotheses) + np.log(1 / delta)) / (2 * n))


def _occam_case(rng: np.random.Generator) -> tuple:
    return (
        float(rng.uniform(0, 0.3)),
        int(rng.integers(50, 100_000)),
        float(10 ** rng.uniform(0, 9)),
        float(rng.choice([0.01, 0.05, 0.1])),
    )


register(
    FunctionQuestion(
        id="generalization.ps02.occam_bound",
        title="The Occam bound for a finite class",
        reference=occam_bound,
        cases=[(0.0, 1000, 1.0, 0.05), (0.1, 300, 5940.0, 0.05), (0.05, 10_000, 1e6, 0.01)],
        hidden=_occam_case,
        points=2,
        hint="Hoeffding for one hypothesis gives sqrt(ln(1/δ)/(2n)); the union bound over |H| "
        "hypotheses adds ln|H| inside the square root.",
        wrong_answers={
            "no union bound": lambda e, n, h, d: e + np.sqrt(np.log(1 / d) / (2 * n)),
            "|H| not logged": lambda e, n, h, d: e + np.sqrt((h + np.log(1 / d)) / (2 * n)),
            "missing the 2": lambda e, n, h, d: e + np.sqrt((np.log(h) + np.log(1 / d)) / n),
        },
    )
)


# 5. sample size for a target slack (value)
def occam_sample_size(n_hypotheses: float, delta: float, slack: float) -> int:
    """Smallest n with sqrt((ln|H| + ln(1/δ)) / (2n)) ≤ slack."""
    return int(np.ceil((np.log(n_hypotheses) + np.log(1 / delta)) / (2 * slack**2)))


register(
    ValueQuestion(
        id="generalization.ps02.sample_size",
        title="Training points for an Occam slack of 0.05",
        reference=occam_sample_size(1e6, 0.01, 0.05),
        integer=True,
        points=1,
        hint="Square both sides: n ≥ (ln|H| + ln(1/δ)) / (2 · slack²); round up.",
        wrong_answers={
            "forgot the 2": int(np.ceil((np.log(1e6) + np.log(100)) / 0.05**2)),
            "forgot ln(1/δ)": int(np.ceil(np.log(1e6) / (2 * 0.05**2))),
            "log10 instead of ln": int(np.ceil((6 + 2) / (2 * 0.05**2))),
            "rounded down": occam_sample_size(1e6, 0.01, 0.05) - 1,
            "one too many": occam_sample_size(1e6, 0.01, 0.05) + 1,
            "not rounded": float((np.log(1e6) + np.log(100)) / (2 * 0.05**2)),
        },
    )
)


# 6. the double-descent figure (figure)
def _risk(x: np.ndarray) -> np.ndarray:
    if x.min() < 0.15 or x.max() > 6 or np.any((x > 0.9) & (x < 1.1)):
        raise ValueError("its γ should run from about 0.2 to 5 and avoid 0.9 < γ < 1.1")
    return hastie_risk(x, 1.0, 0.25)


DD_CURVES = [
    Curve("theory", r"theor|hastie|asymptot|limit|formula", _risk, rtol=1e-6, min_points=5),
    # a few draws at n = 100: within a factor 1.5 of the limit at every γ (seeds 0-5: 0.73-1.32)
    Curve("simulated", r"sim|empiric|measur|monte|draw|n\s*=", _risk, rtol=0.5, min_points=5),
]


def _dd_figure(logx=True, labels=True, n_lines=2, sim_scale=1.02, theory_scale=1.0):
    g = np.r_[np.linspace(0.2, 0.8, 7), np.linspace(1.2, 5, 20)]
    lines = [
        ("theory", theory_scale * hastie_risk(g, 1.0, 0.25)),
        ("simulated", sim_scale * hastie_risk(g, 1.0, 0.25)),
    ]
    return line_figure(
        g,
        lines[:n_lines],
        "γ = p/n",
        "risk",
        xscale="log" if logx else "linear",
        yscale="log",
        labels=labels,
    )


register(
    FigureQuestion(
        id="generalization.ps02.dd_plot",
        title="Plot simulated and theoretical risk",
        reference=_dd_figure,
        curves=DD_CURVES,
        xlabel=r"γ|gamma|p\s*/\s*n|ratio",
        ylabel=r"risk|error|‖|loss",
        xscale="log",
        yscale="log",
        points=1,
        hint="Two lines (simulation and theory), log scales on both axes, labels and a legend.",
        wrong_answers={
            "linear x axis": lambda: _dd_figure(logx=False),
            "no labels": lambda: _dd_figure(labels=False),
            "theory only": lambda: _dd_figure(n_lines=1),
            "theory off by a factor 2 (σ² for σ)": lambda: _dd_figure(theory_scale=2.0),
            "simulation far from the theory": lambda: _dd_figure(sim_scale=3.0),
        },
    )
)


# 7. why counting bounds are vacuous for networks (text, self-scored)
register(
    TextQuestion(
        id="generalization.ps02.vacuous_why",
        title="Why parameter-counting bounds cannot explain the network",
        reference=(
            "A bound that depends only on the class and the sample size, such as a VC bound or "
            "an Occam bound over all float32 networks, gives the same slack for the network "
            "trained on true labels and the one trained on random labels. The random-label "
            "network fits its training set but has about 90 % test error, so any valid bound of "
            "this kind must allow a gap of about 0.9; here it is far above 1, vacuous. To explain "
            "why the true-label network generalizes, a bound must depend on the data and the "
            "solution found, for example its margin, norm or a PAC-Bayes posterior."
        ),
        min_words=40,
        max_words=150,
        required={
            "the random-label network fits": (
                r"random(ly)?[- ]label|random labels",
                r"fit|train|interpolat|memori",
            ),
            "the bound is vacuous": (
                r"vacuous|above 1|greater than 1|larger than 1|exceeds? 1|more than 1",
                r"bound|slack|it\b",
            ),
            "what a useful bound depends on": (
                r"depend|use|account|involve",
                r"margin|norm|compress|pac[- ]?bayes|posterior|the data|the solution",
            ),
        },
        rubric={
            "argument": (
                1.0,
                "explains that the same class fits random labels with a large gap, so a "
                "class-only bound must be large for the true labels too",
            ),
            "way out": (
                1.0,
                "names what a useful bound must depend on: the data or the trained solution "
                "(margin, norm, compression, PAC-Bayes)",
            ),
        },
        points=1,
        hint="Compare the two runs of lesson 5 as a bound that sees only the class would.",
        wrong_answers={
            "too short": "Because the network is big.",
            "no key terms": (
                "The network has many more parameters than there are training images, so "
                "the bound based on counting them is very loose. With more data or a smaller "
                "network the bound would become tighter and more useful, and it would then "
                "match the measured difference between training and test accuracy better."
            ),
        },
    )
)


# ---------------------------------------------------------------- derivation questions (issue 16)


# 8. the exact finite-n risk of least squares, anisotropic features (value, derived)
_EIGS = (1.0,) * 15 + (4.0,) * 15  # Σ = diag(1 ×15, 4 ×15)


def ols_risk_anisotropic(n: int, eigs: tuple[float, ...], sigma2: float) -> float:
    """E‖β̂ − β‖² of least squares, rows N(0, Σ), p < n − 1: σ² tr(Σ⁻¹)/(n − p − 1)
    (X = ZΣ^{1/2} with Z isotropic, and the inverse-Wishart mean)."""
    p = len(eigs)
    return sigma2 * sum(1 / e for e in eigs) / (n - p - 1)


register(
    ValueQuestion(
        id="generalization.ps02.finite_n_risk",
        title="The exact risk of least squares with anisotropic features",
        reference=ols_risk_anisotropic(50, _EIGS, 1.0),
        rtol=1e-6,
        points=2,
        hint="Write X = ZΣ^{1/2} where Z has N(0, I) rows, express (XᵀX)⁻¹ through (ZᵀZ)⁻¹, and "
        "reuse the lesson's inverse-Wishart argument for Z; the parameter error is measured in "
        "the plain Euclidean norm, not in the Σ-norm.",
        wrong_answers={
            "the isotropic formula σ²p/(n − p − 1)": 30 / 19,
            "tr(Σ) instead of tr(Σ⁻¹)": 75 / 19,
            "off by one: σ² tr(Σ⁻¹)/(n − p + 1)": 18.75 / 21,
            "the limit σ² tr(Σ⁻¹)/(n − p)": 18.75 / 20,
            "1/(mean eigenvalue) for the mean of 1/eigenvalue: σ²p/(2.5(n − p − 1))": 30 / 2.5 / 19,
        },
    )
)


# 9. how many labelings affine half-spaces of R³ realise (value, derived)
def halfspace_growth(m: int, dim: int) -> int:
    """Labelings of m points in general position in R^dim by affine half-spaces (Cover 1965):
    2·Σ_{k≤dim} C(m−1, k)."""
    from math import comb

    return 2 * sum(comb(m - 1, k) for k in range(dim + 1))


register(
    ValueQuestion(
        id="generalization.ps02.halfplane_count",
        title="The growth function of half-spaces in three dimensions, exactly",
        reference=halfspace_growth(10, 3),
        integer=True,
        points=2,
        hint="Let C(m, d) count the labelings of m points in general position by homogeneous "
        "half-spaces of R^d (an affine half-space of R³ is a homogeneous one of R⁴ after appending "
        "a 1). Add one point: a labeling of the first m splits into two exactly when some "
        "separating hyperplane passes through the new point, and those are counted by a problem "
        "one dimension lower. Solve the recursion (C(1, d) = 2), then check m ≤ 4 by hand.",
        wrong_answers={
            "the plane's count 2·Σ_{k<3} C(9, k)": 92,
            "the Sauer–Shelah bound Σ_{i≤4} C(10, i)": 386,
            "off by one: 2·Σ_{k<4} C(10, k)": 352,
            "one term too many: 2·Σ_{k<5} C(9, k)": 512,
            "all labelings 2^10": 1024,
        },
    )
)

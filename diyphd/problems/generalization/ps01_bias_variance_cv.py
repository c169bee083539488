"""Problem set 1 of generalization: bias and variance, cross-validation, test-accuracy intervals.

Notebook: ``exercises/generalization/ps01_bias_variance_cv.ipynb``; lessons
``notebooks/generalization/01_bias_variance.ipynb`` and ``02_model_selection.ipynb``.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from scipy import stats

from diyphd.generalization.linear import poly_features
from diyphd.learner.grading import (
    ChoiceQuestion,
    FigureQuestion,
    FunctionQuestion,
    TextQuestion,
    ValueQuestion,
    register,
)
from diyphd.learner.grading.figures import Curve, integers, line_figure


# 1. bias² and variance from resampled predictions (function)
def bias_variance(preds: np.ndarray, f_true: np.ndarray) -> np.ndarray:
    """``[bias², variance]`` of predictions ``preds`` (R draws × T test inputs), averaged over T."""
    f_bar = preds.mean(axis=0)
    return np.array([np.mean((f_true - f_bar) ** 2), np.mean((preds - f_bar) ** 2)])


def _bv_case(rng: np.random.Generator) -> tuple:
    r, t = int(rng.integers(3, 30)), int(rng.integers(2, 12))
    f_true = rng.standard_normal(t)
    preds = f_true + rng.normal(0.5, 1.0, t) + rng.uniform(0.2, 2) * rng.standard_normal((r, t))
    return preds, f_true


register(
    FunctionQuestion(
        id="generalization.ps01.bias_variance",
        title="Bias² and variance from resampled fits",
        reference=bias_variance,
        cases=[
            (np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([0.0, 0.0])),
            (np.array([[1.0, 0.0, 2.0], [1.0, 2.0, 0.0], [1.0, 1.0, 1.0]]), np.ones(3)),
        ],
        hidden=_bv_case,
        points=2,
        hint="Average over the draws (axis 0) first to get f̄; divide the variance by R, not R − 1.",
        wrong_answers={
            "variance with ddof=1": lambda p, f: np.array(
                [np.mean((f - p.mean(0)) ** 2), np.mean(p.var(axis=0, ddof=1))]
            ),
            "bias not squared pointwise": lambda p, f: np.array(
                [np.mean(f - p.mean(0)) ** 2, np.mean((p - p.mean(0)) ** 2)]
            ),
            "variance over test inputs": lambda p, f: np.array(
                [np.mean((f - p.mean(0)) ** 2), np.mean(p.var(axis=1))]
            ),
        },
    )
)


# 2. cross-validated choice of polynomial degree (value)
def cv_data() -> tuple[np.ndarray, np.ndarray]:
    """The 60 noisy samples of the CV question (shown in the notebook)."""
    rng = np.random.default_rng(2024)
    x = rng.uniform(-1, 1, 60)
    return x, np.sin(np.pi * x) + 0.3 * rng.standard_normal(60)


def cv_errors(x: np.ndarray, y: np.ndarray, degrees: range, k: int = 5) -> np.ndarray:
    """k-fold CV mean squared error per degree, fold of point i = i mod k (least squares)."""
    fold = np.arange(len(x)) % k
    out = []
    for d in degrees:
        sq = 0.0
        for j in range(k):
            tr, te = fold != j, fold == j
            w = np.linalg.lstsq(poly_features(x[tr], d), y[tr], rcond=None)[0]
            sq += np.sum((poly_features(x[te], d) @ w - y[te]) ** 2)
        out.append(sq / len(x))
    return np.array(out)


def _train_errors(x: np.ndarray, y: np.ndarray, degrees: range) -> np.ndarray:
    errors = []
    for d in degrees:
        features = poly_features(x, d)
        w = np.linalg.lstsq(features, y, rcond=None)[0]
        errors.append(np.mean((features @ w - y) ** 2))
    return np.array(errors)


DEGREES = range(0, 11)
_X, _Y = cv_data()
CV_BEST = int(np.argmin(cv_errors(_X, _Y, DEGREES)))
_TRAIN_BEST = int(np.argmin(_train_errors(_X, _Y, DEGREES)))

register(
    ValueQuestion(
        id="generalization.ps01.cv_degree",
        title="Choose the degree by 5-fold cross-validation",
        reference=CV_BEST,
        integer=True,
        points=1,
        hint="Fit on the four other folds, score on the held-out one, sum the squared errors "
        "over all folds; pick the degree with the smallest total. Training error always "
        "prefers the largest degree.",
        wrong_answers={
            "training error": _TRAIN_BEST,
            "largest degree": max(DEGREES),
            "degree 1": 1,
            "one degree more": CV_BEST + 1,
            "one degree less": CV_BEST - 1,
        },
    )
)


# 3. Clopper–Pearson interval (function)
def clopper_pearson(k: int, n: int, delta: float) -> np.ndarray:
    """Two-sided Clopper–Pearson interval ``[lo, hi]`` for k successes in n trials."""
    lo = 0.0 if k == 0 else stats.beta.ppf(delta / 2, k, n - k + 1)
    hi = 1.0 if k == n else stats.beta.ppf(1 - delta / 2, k + 1, n - k)
    return np.array([lo, hi])


def _cp_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(5, 500))
    return int(rng.integers(1, n)), n, float(rng.choice([0.01, 0.05, 0.1, 0.2]))


def _wald(k, n, delta):
    p = k / n
    h = stats.norm.ppf(1 - delta / 2) * np.sqrt(p * (1 - p) / n)
    return np.array([p - h, p + h])


register(
    FunctionQuestion(
        id="generalization.ps01.clopper_pearson",
        title="A Clopper–Pearson interval",
        reference=clopper_pearson,
        cases=[(87, 100, 0.05), (0, 20, 0.05), (20, 20, 0.1), (3, 200, 0.05)],
        hidden=_cp_case,
        rtol=1e-5,
        atol=1e-7,
        points=2,
        hint="Lower limit: beta quantile δ/2 with parameters (k, n − k + 1); upper: quantile "
        "1 − δ/2 with (k + 1, n − k). Handle k = 0 and k = n separately.",
        wrong_answers={
            "Wald interval": _wald,
            "one-sided levels": lambda k, n, d: np.array(
                [
                    0.0 if k == 0 else stats.beta.ppf(d, k, n - k + 1),
                    1.0 if k == n else stats.beta.ppf(1 - d, k + 1, n - k),
                ]
            ),
            "Hoeffding": lambda k, n, d: np.clip(
                k / n + np.array([-1, 1]) * np.sqrt(np.log(2 / d) / (2 * n)), 0, 1
            ),
        },
    )
)


# 4. test-set size for a Hoeffding interval (value)
def hoeffding_size(half_width: float, delta: float) -> int:
    """Smallest m with sqrt(ln(2/δ)/(2m)) ≤ half_width."""
    return int(np.ceil(np.log(2 / delta) / (2 * half_width**2)))


register(
    ValueQuestion(
        id="generalization.ps01.test_size",
        title="How many test points for ±0.02?",
        reference=hoeffding_size(0.02, 0.05),
        integer=True,
        points=1,
        hint="Solve sqrt(ln(2/δ)/(2m)) ≤ 0.02 for m and round up; the interval is two-sided.",
        wrong_answers={
            "one-sided ln(1/δ)": int(np.ceil(np.log(1 / 0.05) / (2 * 0.02**2))),
            "normal approximation at p = 1/2": int(np.ceil(1.96**2 * 0.25 / 0.02**2)),
            "forgot the 2 in 2m": int(np.ceil(np.log(2 / 0.05) / 0.02**2)),
            "rounded down": hoeffding_size(0.02, 0.05) - 1,
            "one too many": hoeffding_size(0.02, 0.05) + 1,
            "not rounded": float(np.log(2 / 0.05) / (2 * 0.02**2)),
        },
    )
)


# 5. leakage (choice)
register(
    ChoiceQuestion(
        id="generalization.ps01.leakage",
        title="Which estimate is honest?",
        options={
            "a": "Standardize all 1000 genes on all samples, keep the 50 most correlated with the "
            "label on all samples, then run 10-fold CV of the classifier.",
            "b": "Inside each of the 10 folds, standardize and select the 50 genes using only the "
            "nine training folds, fit, and score on the held-out fold.",
            "c": "Run 10-fold CV for 30 values of the penalty and report the smallest CV error as "
            "the expected error of the tuned model.",
            "d": "Select the 50 genes on all samples, but use leave-one-out instead of 10-fold CV "
            "so that each model sees almost all the data.",
        },
        reference="b",
        explanations={
            "a": "the selection saw every label, including those of the held-out folds: the "
            "wrong way to cross-validate (ESL §7.10.2); the estimate is optimistic.",
            "b": "every step that looks at the labels is repeated inside the loop, so each "
            "held-out fold is truly unseen.",
            "c": "the minimum of 30 noisy CV estimates is biased downward; tuning needs its own "
            "outer loop (nested CV) or a separate test set.",
            "d": "leave-one-out does not undo the leak: the selection still used the "
            "held-out labels.",
        },
        points=1,
        hint="Ask of each step: did it see the labels of the points it is later scored on?",
        wrong_answers={"wrong way": "a", "min over tuning": "c", "loocv": "d"},
    )
)


# 6. the U-curve figure (figure)
SIGMA = 0.3


def ucurve_setting() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The question's setting (also in the notebook): test grid, degrees, 300 training sets."""
    rng = np.random.default_rng(0)
    x_test, degrees = np.linspace(-1, 1, 51), np.arange(9)
    xs = rng.uniform(-1, 1, (300, 40))
    ys = np.sin(np.pi * xs) + SIGMA * rng.standard_normal(xs.shape)
    return x_test, degrees, xs, ys


@cache
def ucurve_terms() -> np.ndarray:
    """Rows (bias², variance) per degree 0..8 in the question's setting."""
    x_test, degrees, xs, ys = ucurve_setting()
    terms = []
    for d in degrees:
        fits = [
            np.linalg.lstsq(poly_features(a, d), b, rcond=None)[0]
            for a, b in zip(xs, ys, strict=True)
        ]
        preds = np.stack([poly_features(x_test, d) @ w for w in fits])
        terms.append(bias_variance(preds, np.sin(np.pi * x_test)))
    return np.array(terms)


UCURVES = [
    Curve("bias²", r"bias", integers(0, 8, lambda d: ucurve_terms()[d, 0]), rtol=1e-4),
    Curve("variance", r"var", integers(0, 8, lambda d: ucurve_terms()[d, 1]), rtol=1e-4),
    Curve(
        "expected test error",
        r"test|error|risk|total",
        integers(0, 8, lambda d: ucurve_terms()[d].sum(axis=-1) + SIGMA**2),
        rtol=1e-4,
    ),
]


def _ucurve_figure(log=True, labels=True, n_lines=3, noise=True, swap=False):
    deg = np.arange(9)
    lines = [(c.name, c.y(deg)) for c in UCURVES]
    if not noise:
        lines[2] = (lines[2][0], lines[2][1] - SIGMA**2)
    if swap:
        lines[0], lines[1] = (lines[0][0], lines[1][1]), (lines[1][0], lines[0][1])
    return line_figure(
        deg,
        lines[:n_lines],
        "polynomial degree",
        "mean squared error",
        yscale="log" if log else "linear",
        labels=labels,
    )


register(
    FigureQuestion(
        id="generalization.ps01.ucurve_plot",
        title="Plot the bias–variance trade-off",
        reference=_ucurve_figure,
        curves=UCURVES,
        xlabel=r"degree",
        ylabel=r"error|squared|mse|bias|variance",
        yscale="log",
        points=1,
        hint="Three lines against the degree 0 to 8 in the given setting: bias², variance and "
        "bias² + variance + σ²; a log y-axis, axis labels and a legend.",
        wrong_answers={
            "linear y axis": lambda: _ucurve_figure(log=False),
            "no labels": lambda: _ucurve_figure(labels=False),
            "test error missing": lambda: _ucurve_figure(n_lines=2),
            "test error without the noise σ²": lambda: _ucurve_figure(noise=False),
            "bias and variance swapped": lambda: _ucurve_figure(swap=True),
        },
    )
)


# 7. why the wrong way is optimistic (text, self-scored)
register(
    TextQuestion(
        id="generalization.ps01.wrong_way_why",
        title="Why selecting before cross-validating is optimistic",
        reference=(
            "When the predictors are selected on all the data, the selection has already seen "
            "the labels of the points that later form each held-out fold. With thousands of "
            "noise predictors, some are correlated with those particular labels by chance, and "
            "they are kept precisely because they fit them. The classifier built on them then "
            "predicts the held-out labels well, but only because the fold was not really unseen: "
            "on new data the chance correlations vanish and the error is 50 %. Doing the "
            "selection inside each fold, using only the training folds, removes the leak."
        ),
        min_words=40,
        max_words=150,
        required={
            "the selection saw the held-out labels": (
                r"select|chos|picked|screen",
                r"labels?",
                r"held[- ]out|each fold|the folds?|validation|test fold",
            ),
            "chance correlations": (r"chance|random|luck|spurious|noise", r"correlat"),
            "the fix inside each fold": (
                r"select|chos|screen",
                r"inside|within|in each|separately",
                r"(training|other|remaining) folds?|training (data|part|set)",
            ),
        },
        rubric={
            "mechanism": (
                1.0,
                "says the selection used the labels of the held-out points, so chance "
                "correlations with those very labels are kept",
            ),
            "fix": (
                1.0,
                "says the fix: repeat the selection inside each fold on the training folds only",
            ),
        },
        points=1,
        hint="Follow one held-out fold: which steps saw its labels before it was scored?",
        wrong_answers={
            "too short": "Because of overfitting.",
            "no mechanism words": (
                "The estimate is too optimistic because the model is too complex for the "
                "small number of samples, and with only fifty samples any estimate is noisy. "
                "A larger data set or a simpler classifier such as logistic regression instead "
                "of nearest neighbours would give a more accurate number in the end."
            ),
        },
    )
)


# ---------------------------------------------------------------- derivation questions (issue 16)


# 8. the optimism of picking the best of two models on one validation set (value, derived)
def best_of_two_optimism(m: int, p: float) -> float:
    """E[max(â₁, â₂)] − p for two independent Binomial(m, p)/m accuracies, exactly."""
    from scipy import stats

    k = np.arange(m + 1)
    pmf = stats.binom.pmf(k, m, p)
    acc = k / m
    return float(pmf @ np.maximum(acc[:, None], acc[None, :]) @ pmf - p)


register(
    ValueQuestion(
        id="generalization.ps01.best_of_two",
        title="The optimism of choosing the better of two models",
        reference=best_of_two_optimism(100, 0.5),
        rtol=1e-4,
        points=2,
        hint="max(a, b) = (a + b)/2 + |a − b|/2, and both accuracies have mean p. The expectation "
        "is then a double sum over two binomial distributions (exact, not a normal approximation).",
        wrong_answers={
            "normal approximation √(p(1−p)/(πm))": float(np.sqrt(0.25 / (np.pi * 100))),
            "the Hoeffding-type bound √(ln 2/(2m))": float(np.sqrt(np.log(2) / 200)),
            "unbiased: 0": 0.0,
        },
    )
)


# 9. where a ridge coefficient changes sign (value, derived)
def ridge_sign_change(rho: float, w: tuple[float, float]) -> float:
    """λ at which w_λ,2 = 0 for Σ = [[1, ρ], [ρ, 1]], noiseless targets y = Xw (root of a linear
    equation in the eigenbasis of Σ)."""
    a, b = w
    plus, minus = (1 + rho) * (a + b), (1 - rho) * (a - b)  # 2 × coefficients of u± in Σw
    # w_λ,2 = plus/(2(1+ρ+λ)) − minus/(2(1−ρ+λ)) = 0
    return (minus * (1 + rho) - plus * (1 - rho)) / (plus - minus)


register(
    ValueQuestion(
        id="generalization.ps01.ridge_sign_change",
        title="The penalty at which a ridge coefficient changes sign",
        reference=ridge_sign_change(0.8, (1.0, -0.6)),
        rtol=1e-6,
        points=2,
        hint="Work in the eigenbasis u± = (1, ±1)/√2 of Σ (eigenvalues 1 ± ρ): ridge divides the "
        "coefficient of Σw along each by (eigenvalue + λ).",
        wrong_answers={
            "the small eigenvalue 1 − ρ": 0.2,
            "the large eigenvalue 1 + ρ": 1.8,
            "the correlation ρ": 0.8,
        },
    )
)

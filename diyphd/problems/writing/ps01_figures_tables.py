"""Problem set 1 of writing: figures and tables.

Notebook: ``exercises/writing/ps01_figures_tables.ipynb``; lessons
``notebooks/writing/02_figures.ipynb`` and ``notebooks/writing/03_numbers_tables.ipynb``.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from diyphd.learner.grading import FunctionQuestion, ValueQuestion, register
from diyphd.learner.grading.figures import Curve, integers
from diyphd.writing.examples import seed_curves
from diyphd.writing.figures import lightness
from diyphd.writing.questions import CheckedFigureQuestion
from diyphd.writing.tables import best_entry, decimals_for

#: Question 3's scores: test accuracy (%) of one method over five seeds.
SCORES = np.array([93.1, 93.6, 92.9, 93.4, 93.3])


# 1. a results figure over seeds (figure)
def _seed_mean(name: str):
    return integers(1, 30, lambda e: seed_curves()[name].mean(axis=0)[e - 1])


SEED_CURVES = [Curve("SGD", r"sgd", _seed_mean("SGD")), Curve("Adam", r"adam", _seed_mean("Adam"))]


def curves_figure(
    band: bool = True,
    labels: bool = True,
    legend: bool = True,
    font: float = 11,
    statistic: str = "mean",
):
    """Mean test error over five seeds of two optimizers, with ± 1 std bands."""
    import matplotlib.pyplot as plt

    curves = seed_curves()
    fig, ax = plt.subplots(figsize=(5, 3.5))
    epochs = np.arange(1, 31)
    for name, values in curves.items():
        mean, std = values.mean(axis=0), values.std(axis=0, ddof=1)
        centre = {"mean": mean, "median": np.median(values, axis=0), "seed 0": values[0]}
        ax.plot(epochs, centre[statistic], label=name)
        if band:
            ax.fill_between(epochs, mean - std, mean + std, alpha=0.3)
    if labels:
        ax.set_xlabel("epoch")
        ax.set_ylabel("test error (%)")
    if legend:
        ax.legend()
    ax.tick_params(labelsize=font)
    plt.close(fig)
    return fig


register(
    CheckedFigureQuestion(
        id="writing.ps01.curves_figure",
        title="A results figure over seeds",
        reference=curves_figure,
        curves=SEED_CURVES,
        xlabel=r"epoch",
        ylabel=r"error",
        units={"y": "%"},
        seeds=5,
        points=2,
        hint="Plot the mean per epoch, ax.fill_between(mean - std, mean + std) for the band, "
        "label the y-axis 'test error (%)', and call ax.legend().",
        wrong_answers={
            "no band": lambda: curves_figure(band=False),
            "no labels": lambda: curves_figure(labels=False),
            "tiny ticks": lambda: curves_figure(font=5),
            "median instead of mean": lambda: curves_figure(statistic="median"),
            "one seed instead of the mean": lambda: curves_figure(statistic="seed 0"),
        },
    )
)


# 2. CIE lightness (function)
def _lightness_case(rng: np.random.Generator) -> tuple:
    return (rng.uniform(0, 1, size=(int(rng.integers(1, 6)), 3)),)


register(
    FunctionQuestion(
        id="writing.ps01.lightness",
        title="The lightness of a colour",
        reference=lightness,
        cases=[
            (np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]),),
            (np.array([[0.5, 0.5, 0.5]]),),
            (np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),),
            (np.array([[0.01, 0.02, 0.03]]),),
        ],
        hidden=_lightness_case,
        rtol=1e-4,
        atol=1e-6,
        points=2,
        hint="Undo the gamma first: c/12.92 below 0.04045, ((c+0.055)/1.055)^2.4 above; then "
        "Y = 0.2126 R + 0.7152 G + 0.0722 B; then L* = 116 f(Y) − 16.",
        wrong_answers={
            "no gamma": lambda rgb: (
                116 * np.cbrt(np.asarray(rgb)[..., :3] @ np.array([0.2126, 0.7152, 0.0722])) - 16
            ),
            "channel mean": lambda rgb: 100 * np.asarray(rgb)[..., :3].mean(axis=-1),
            "no linear toe": lambda rgb: (
                116
                * np.cbrt(
                    np.where(
                        np.asarray(rgb) <= 0.04045,
                        np.asarray(rgb) / 12.92,
                        ((np.asarray(rgb) + 0.055) / 1.055) ** 2.4,
                    )[..., :3]
                    @ np.array([0.2126, 0.7152, 0.0722])
                )
                - 16
            ),
        },
    )
)


# 3. the half-width of a 95 % t-interval (value)
def t_halfwidth(x: np.ndarray) -> float:
    """Half-width of the 95 % Student-t interval of the mean of ``x``."""
    return float(stats.t.ppf(0.975, len(x) - 1) * np.std(x, ddof=1) / np.sqrt(len(x)))


register(
    ValueQuestion(
        id="writing.ps01.ci_halfwidth",
        title="A 95 % confidence interval over five seeds",
        reference=t_halfwidth(SCORES),
        rtol=1e-3,
        points=1,
        hint="t_{0.975, n−1} · s / √n with s the sample standard deviation (ddof=1) and n = 5.",
        wrong_answers={
            "normal quantile": 1.96 * np.std(SCORES, ddof=1) / np.sqrt(5),
            "standard deviation": float(np.std(SCORES, ddof=1)),
            "ddof 0": float(stats.t.ppf(0.975, 4) * np.std(SCORES) / np.sqrt(5)),
        },
    )
)


# 4. decimals the uncertainty supports (function)
register(
    FunctionQuestion(
        id="writing.ps01.decimals",
        title="Decimals the uncertainty supports",
        reference=decimals_for,
        cases=[(0.34,), (0.14,), (2.7,), (0.034,), (27.0,), (0.0019,)],
        hidden=lambda rng: (float(10 ** rng.uniform(-3, 2)),),
        points=2,
        hint="Find the decimal place of the first significant digit, floor(log10(u)); keep one "
        "more digit when that digit is a 1.",
        wrong_answers={
            "always two": lambda u: 2,
            "one digit always": lambda u: -int(np.floor(np.log10(u))),
            "two digits always": lambda u: 1 - int(np.floor(np.log10(u))),
        },
    )
)


# 5. the coverage of the normal interval (value)
register(
    ValueQuestion(
        id="writing.ps01.coverage",
        title="Coverage of mean ± 1.96 SE with three seeds",
        reference=float(2 * stats.t.cdf(stats.norm.ppf(0.975), 2) - 1),
        rtol=1e-3,
        points=1,
        hint="(x̄ − μ)/(s/√n) follows a t-distribution with n − 1 = 2 degrees of freedom; "
        "the coverage is P(|T| ≤ 1.96).",
        wrong_answers={
            "nominal": 0.95,
            "three degrees of freedom": float(2 * stats.t.cdf(1.959964, 3) - 1),
            "one-sided": float(stats.t.cdf(1.959964, 2)),
        },
    )
)


# 6. when to bold (function)
def bold_best(scores: dict[str, np.ndarray]) -> bool:
    """Should the best mean be bold: is Welch's p below 0.05 against every other method?"""
    return best_entry(scores).significant


def _runner_up_only(scores):
    means = {m: np.mean(v) for m, v in scores.items()}
    first, second = sorted(means, key=means.get, reverse=True)[:2]
    return stats.ttest_ind(scores[first], scores[second], equal_var=False).pvalue < 0.05


def _bold_case(rng: np.random.Generator) -> tuple:
    """Bold and do-not-bold cases in equal measure (drawn until the wanted outcome comes)."""
    want = bool(rng.integers(2))
    while True:
        k = int(rng.integers(2, 5))
        scores = {
            f"m{i}": rng.normal(90 + rng.uniform(0, 2), rng.uniform(0.1, 2.0), 5) for i in range(k)
        }
        if bold_best(scores) == want:
            return (scores,)


def _best_then(scores, test):
    means = {m: np.mean(v) for m, v in scores.items()}
    best = max(means, key=means.get)
    return all(test(scores[best], scores[o], len(scores)) for o in scores if o != best)


def _student(scores):
    return _best_then(scores, lambda a, b, k: stats.ttest_ind(a, b).pvalue < 0.05)


def _bonferroni(scores):
    welch = lambda a, b, k: stats.ttest_ind(a, b, equal_var=False).pvalue < 0.05 / (k - 1)  # noqa: E731
    return _best_then(scores, welch)


def _median_rule(scores):
    """Bold when every score of the best mean lies above the median of every other method."""
    means = {m: np.mean(v) for m, v in scores.items()}
    best = max(means, key=means.get)
    return all(np.min(scores[best]) > np.median(scores[o]) for o in scores if o != best)


# where Welch and Student disagree (unequal sizes and spreads), and where Bonferroni's
# stricter level would not bold a best mean that Welch's test supports
_WELCH_NOT_STUDENT = {
    "A": np.array([90.31, 90.52, 90.24]),
    "B": np.array([89.43, 90.27, 89.73, 89.97, 89.73, 90.35, 90.3, 89.86]),
}
_STUDENT_NOT_WELCH = {
    "A": np.array([90.37, 91.5, 91.0, 90.8, 90.6, 91.01, 90.67, 91.31]),
    "B": np.array([88.72, 91.79, 89.74, 87.65, 89.48]),
    "C": np.array([89.36, 90.81, 89.7, 90.35, 90.42, 89.86, 91.07, 89.4]),
}
_NOT_BONFERRONI = {
    "A": np.array([90.9, 90.33, 90.62, 90.83, 90.21]),
    "B": np.array([88.52, 88.66, 89.65]),
    "C": np.array([89.52, 88.91, 89.61, 89.78, 89.57, 88.44, 89.68, 91.62]),
}


_NOISY_THIRD = {
    "A": np.array([92.05, 91.93, 92.11, 91.98, 92.02]),
    "B": np.array([91.53, 91.41, 91.62, 91.45, 91.56]),
    "C": np.array([95.5, 86.0, 94.0, 87.0, 90.0]),
}

register(
    FunctionQuestion(
        id="writing.ps01.bold_best",
        title="Bold only what the test supports",
        reference=bold_best,
        cases=[
            (
                {
                    "A": np.array([93.1, 93.4, 92.9, 93.3, 93.0]),
                    "B": np.array([92.5, 92.8, 92.6, 92.4, 92.9]),
                },
            ),
            (
                {
                    "A": np.array([93.1, 93.4, 92.9, 93.3, 93.0]),
                    "B": np.array([93.0, 93.5, 92.8, 93.2, 93.1]),
                },
            ),
            (_NOISY_THIRD,),
            (_WELCH_NOT_STUDENT,),
            (_STUDENT_NOT_WELCH,),
            (_NOT_BONFERRONI,),
        ],
        hidden=_bold_case,
        points=2,
        hint="Find the best mean, then run scipy.stats.ttest_ind(best, other, equal_var=False) "
        "against every other method; bold only if all p-values are below 0.05.",
        wrong_answers={
            "always bold": lambda scores: True,
            "runner-up only": _runner_up_only,
            "never bold": lambda scores: False,
            "Student's t (equal variances)": _student,
            "Bonferroni's level": _bonferroni,
            "above the others' medians": _median_rule,
        },
    )
)

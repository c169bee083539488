"""Problem set 1 of reproduction: statistics of experiments (intervals, Welch, seeds).

Notebook: ``exercises/reproduction/ps01_experiment_statistics.ipynb``; lesson
``notebooks/reproduction/02_experiment_statistics.ipynb``. References are checked against
``diyphd.common.stats`` and scipy in ``tests/test_grading_questions.py``.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats as sps

from diyphd.common.stats import seeds_needed
from diyphd.learner.grading import ChoiceQuestion, FunctionQuestion, ValueQuestion, register


# 1. t-interval (function)
def t_interval(scores: np.ndarray, confidence: float) -> np.ndarray:
    """``[low, high]`` of the Student-t interval for the mean of ``scores``."""
    x = np.asarray(scores, dtype=float)
    half = sps.t.ppf(0.5 + confidence / 2, x.size - 1) * x.std(ddof=1) / math.sqrt(x.size)
    return np.array([x.mean() - half, x.mean() + half])


def _scores_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(3, 12))
    return rng.normal(0.8, 0.05, n), float(rng.choice([0.9, 0.95, 0.99]))


def _z_interval(x, c):
    x = np.asarray(x, float)
    half = sps.norm.ppf(0.5 + c / 2) * x.std(ddof=1) / math.sqrt(x.size)
    return np.array([x.mean() - half, x.mean() + half])


def _ddof0_interval(x, c):
    x = np.asarray(x, float)
    half = sps.t.ppf(0.5 + c / 2, x.size - 1) * x.std() / math.sqrt(x.size)
    return np.array([x.mean() - half, x.mean() + half])


def _no_sqrt_interval(x, c):
    x = np.asarray(x, float)
    half = sps.t.ppf(0.5 + c / 2, x.size - 1) * x.std(ddof=1)
    return np.array([x.mean() - half, x.mean() + half])


register(
    FunctionQuestion(
        id="reproduction.ps01.t_interval",
        title="A t-interval over seeds",
        reference=t_interval,
        cases=[
            (np.array([0.81, 0.79, 0.84, 0.80, 0.83]), 0.95),
            (np.array([0.5, 0.7, 0.6]), 0.9),
        ],
        hidden=_scores_case,
        points=2,
        hint="Half-width t_{n-1, 1-α/2} · s/√n, s = std(ddof=1); scipy.stats.t.ppf gives t.",
        wrong_answers={
            "normal quantile": _z_interval,
            "population std": _ddof0_interval,
            "no square root of n": _no_sqrt_interval,
        },
    )
)


# 2. percentile interval from bootstrap replicates (function)
def percentile_interval(replicates: np.ndarray, confidence: float) -> np.ndarray:
    """``[low, high]``: the (1-c)/2 and (1+c)/2 quantiles of the bootstrap replicates."""
    a = (1 - confidence) / 2
    return np.percentile(np.asarray(replicates, float), [100 * a, 100 * (1 - a)])


def _replicates_case(rng: np.random.Generator) -> tuple:
    return rng.gamma(2.0, 1.0, int(rng.integers(200, 2000))), float(rng.choice([0.9, 0.95]))


register(
    FunctionQuestion(
        id="reproduction.ps01.percentile",
        title="A percentile bootstrap interval",
        reference=percentile_interval,
        cases=[(np.arange(101.0), 0.9), (np.linspace(0, 1, 1001) ** 2, 0.95)],
        hidden=_replicates_case,
        points=2,
        hint="Split the missing 1 − confidence equally between the two tails: np.percentile.",
        wrong_answers={
            "whole alpha in each tail": lambda r, c: np.percentile(r, [100 * (1 - c), 100 * c]),
            "mean ± 2 std": lambda r, c: np.mean(r) + np.array([-2, 2]) * np.std(r),
            "quantiles as fractions": lambda r, c: np.percentile(r, [(1 - c) / 2, (1 + c) / 2]),
        },
    )
)


# 3. Welch's statistic and degrees of freedom (function)
def welch_t_df(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``[t, df]`` of Welch's test of mean(a) = mean(b)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    return np.array([t, df])


def _two_samples(rng: np.random.Generator) -> tuple:
    return (
        rng.normal(0.8, rng.uniform(0.01, 0.1), int(rng.integers(3, 15))),
        rng.normal(0.78, rng.uniform(0.01, 0.1), int(rng.integers(3, 15))),
    )


def _student(a, b):
    r = sps.ttest_ind(a, b, equal_var=True)
    return np.array([r.statistic, len(a) + len(b) - 2])


register(
    FunctionQuestion(
        id="reproduction.ps01.welch",
        title="Welch's t statistic and degrees of freedom",
        reference=welch_t_df,
        cases=[
            (np.array([0.82, 0.80, 0.85, 0.79, 0.84]), np.array([0.78, 0.80, 0.77])),
            (np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 2.5, 2.2, 2.8, 2.1, 2.6])),
        ],
        hidden=_two_samples,
        points=2,
        hint="v = s²/n per group; df = (v_a + v_b)² / (v_a²/(n_a−1) + v_b²/(n_b−1)).",
        wrong_answers={
            "Student's pooled test": _student,
            "df = n_a + n_b - 2": lambda a, b: np.array([welch_t_df(a, b)[0], len(a) + len(b) - 2]),
            "population variances": lambda a, b: np.array(
                [
                    (np.mean(a) - np.mean(b)) / math.sqrt(np.var(a) / len(a) + np.var(b) / len(b)),
                    welch_t_df(a, b)[1],
                ]
            ),
        },
    )
)


# 4. seeds for a given effect (value)
register(
    ValueQuestion(
        id="reproduction.ps01.seeds",
        title="Seeds needed for a comparison",
        reference=seeds_needed(0.8, alpha=0.05, power=0.9),
        integer=True,
        points=1,
        hint=(
            "Two-sided test, α = 0.05, power 0.9: "
            "diyphd.common.stats.seeds_needed or the noncentral t."
        ),
        wrong_answers={
            "power 0.8": seeds_needed(0.8, alpha=0.05, power=0.8),
            "one-sided": seeds_needed(0.8, alpha=0.05, power=0.9, alternative="greater"),
            "normal approximation rounded down": 32,
            "one seed fewer": seeds_needed(0.8, alpha=0.05, power=0.9) - 1,
            "one seed more": seeds_needed(0.8, alpha=0.05, power=0.9) + 1,
        },
    )
)


# 5. Henderson et al.'s fixed split (choice)
register(
    ChoiceQuestion(
        id="reproduction.ps01.fixed_split",
        title="Two fixed groups of the same algorithm",
        options={
            "a": "The groups differ: seeds 0-4 were luckier, so tune the algorithm on them.",
            "b": "Nothing about the algorithm: with groups fixed in advance, one algorithm gives "
            "p < 0.05 in about 5 % of such comparisons, so this is one of the false positives a "
            "fixed split allows, and one comparison of five runs against five is weak evidence.",
            "c": "The split was chosen after seeing the scores, so the p-value is meaningless.",
            "d": "Welch's test is invalid with five runs per group; Student's test must be used.",
        },
        reference="b",
        explanations={
            "a": "both groups run the same algorithm; a seed is not a property to tune on.",
            "b": "under the null a fixed split errs at the test's level: the lesson measured 0.04.",
            "c": "here the groups were fixed before any score was seen: the honest protocol.",
            "d": "Welch's test is valid for small groups; Student's adds equal variances.",
        },
        points=1,
        hint="The groups were fixed in advance. How often does a fixed split of one algorithm "
        "give p < 0.05?",
        wrong_answers={"lucky seeds": "a", "post-hoc split": "c", "use Student": "d"},
    )
)


# 6. what a p-value says (choice)
register(
    ChoiceQuestion(
        id="reproduction.ps01.pvalue",
        title="Reading a p-value",
        options={
            "a": "There is a 3 % probability that the two methods are equally good.",
            "b": "If the two methods had the same mean score, a difference at least this large "
            "would arise in about 3 % of such experiments.",
            "c": "Method A is better than B in 97 % of runs.",
            "d": "The improvement is large enough to matter.",
        },
        reference="b",
        explanations={
            "a": "a p-value assumes the null is true; it is not the null's probability.",
            "b": "that is the definition: the probability of data this extreme under the null.",
            "c": "the p-value says nothing about the fraction of runs where A beats B.",
            "d": "significance is not size: report the difference and its interval.",
        },
        points=1,
        hint="A p-value is computed under the assumption that the null hypothesis holds.",
        wrong_answers={"probability of the null": "a", "fraction of runs": "c", "size": "d"},
    )
)

"""Problem set 2 of language models: scaling laws and honest evaluation.

Notebook: ``exercises/language_models/ps02_scaling_evaluation.ipynb``; lessons
``notebooks/language_models/03_scaling_laws.ipynb`` and ``05_evaluating_models.ipynb``.
"""

from __future__ import annotations

import re

import numpy as np
from scipy import stats

from diyphd.learner.grading import FunctionQuestion, ValueQuestion, register


# 1. fit a power law (function)
def fit_power_law(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of y = a · x^(−b) by least squares on log y against log x."""
    slope, intercept = np.polyfit(np.log(x), np.log(y), 1)
    return float(np.exp(intercept)), float(-slope)


def _power_case(rng: np.random.Generator) -> tuple:
    x = np.sort(rng.uniform(1, 1e4, int(rng.integers(4, 12))))
    a, b = rng.uniform(0.5, 50), rng.uniform(0.05, 1.5)
    return x, a * x**-b * np.exp(0.05 * rng.standard_normal(x.size))


register(
    FunctionQuestion(
        id="language_models.ps02.power_law",
        title="Fitting a power law",
        reference=fit_power_law,
        cases=[
            (np.array([1.0, 10.0, 100.0]), np.array([2.0, 1.0, 0.5])),
            (np.array([2.0, 4.0, 8.0, 16.0]), 3.0 * np.array([2.0, 4.0, 8.0, 16.0]) ** -0.25),
            _power_case(np.random.default_rng(4)),
        ],
        hidden=_power_case,
        rtol=1e-6,
        points=2,
        hint="Take logs: log y = log a − b log x is a line; np.polyfit(np.log(x), np.log(y), 1) "
        "returns (slope, intercept); a = exp(intercept) and b = −slope.",
        wrong_answers={
            "sign of the exponent": lambda x, y: (fit_power_law(x, y)[0], -fit_power_law(x, y)[1]),
            "intercept not exponentiated": lambda x, y: (
                float(np.log(fit_power_law(x, y)[0])),
                fit_power_law(x, y)[1],
            ),
            "log10 of x, natural log of y": lambda x, y: (
                float(np.exp(np.polyfit(np.log10(x), np.log(y), 1)[1])),
                float(-np.polyfit(np.log10(x), np.log(y), 1)[0]),
            ),
        },
    )
)

# 2. the compute-optimal N (value)
LAW = {"E": 1.69, "A": 406.4, "alpha": 0.34, "B": 410.7, "beta": 0.28}
BUDGET = 1e21


def optimal_n(c: float, A: float, alpha: float, B: float, beta: float) -> float:
    """N_opt = G (C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β))."""
    g = (alpha * A / (beta * B)) ** (1 / (alpha + beta))
    return g * (c / 6) ** (beta / (alpha + beta))


_args = (BUDGET, LAW["A"], LAW["alpha"], LAW["B"], LAW["beta"])
_g = (LAW["alpha"] * LAW["A"] / (LAW["beta"] * LAW["B"])) ** (1 / (LAW["alpha"] + LAW["beta"]))
register(
    ValueQuestion(
        id="language_models.ps02.optimal_n",
        title="The compute-optimal model size",
        reference=optimal_n(*_args),
        rtol=1e-3,
        points=2,
        hint="Substitute D = C/(6N) into L(N, D) and set dL/dN = 0: "
        "αA N^(−α−1) = βB (6/C)^β N^(β−1).",
        wrong_answers={
            "exponents swapped": _g * (BUDGET / 6) ** (LAW["alpha"] / (LAW["alpha"] + LAW["beta"])),
            "C instead of C/6": optimal_n(6 * BUDGET, *_args[1:]),
            "G inverted": (BUDGET / 6) ** (LAW["beta"] / (LAW["alpha"] + LAW["beta"])) / _g,
        },
    )
)


# 3. McNemar's test (function)
def mcnemar_pvalue(correct_a: np.ndarray, correct_b: np.ndarray) -> float:
    """Exact two-sided McNemar p-value from the discordant items (1.0 if there are none)."""
    a, b = np.asarray(correct_a, bool), np.asarray(correct_b, bool)
    only_a, only_b = int((a & ~b).sum()), int((~a & b).sum())
    if only_a + only_b == 0:
        return 1.0
    return float(stats.binomtest(only_a, only_a + only_b, 0.5).pvalue)


def _pair_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(20, 200))
    a = rng.random(n) < rng.uniform(0.4, 0.9)
    flip = rng.random(n) < rng.uniform(0.05, 0.3)
    return a.astype(int), np.where(flip, ~a, a).astype(int)


def _one_sided(a, b):
    a, b = np.asarray(a, bool), np.asarray(b, bool)
    x, n = int((a & ~b).sum()), int((a ^ b).sum())
    return 1.0 if n == 0 else float(stats.binomtest(x, n, 0.5, alternative="greater").pvalue)


def _all_items(a, b):
    a, b = np.asarray(a), np.asarray(b)
    k = int(a.sum())
    return float(stats.binomtest(k, a.size, float(np.clip(b.mean(), 1e-9, 1 - 1e-9))).pvalue)


def _chi2_no_correction(a, b):
    a, b = np.asarray(a, bool), np.asarray(b, bool)
    x, y = int((a & ~b).sum()), int((~a & b).sum())
    return 1.0 if x + y == 0 else float(stats.chi2.sf((x - y) ** 2 / (x + y), 1))


register(
    FunctionQuestion(
        id="language_models.ps02.mcnemar",
        title="McNemar's test",
        reference=mcnemar_pvalue,
        cases=[
            (np.array([1, 1, 1, 0, 0, 1, 1, 0]), np.array([1, 0, 0, 0, 1, 0, 1, 0])),
            (
                np.r_[np.ones(12), np.zeros(3), np.ones(40)],
                np.r_[np.zeros(12), np.ones(3), np.ones(40)],
            ),
            (np.array([1, 0, 1]), np.array([1, 0, 1])),
        ],
        hidden=_pair_case,
        rtol=1e-6,
        points=2,
        hint="Only the discordant items count: b = right for A only, c = right for B only. Under "
        "the null hypothesis b is Binomial(b + c, 1/2); use scipy.stats.binomtest(b, b + c, 0.5)"
        ".pvalue (two-sided), and return 1.0 when b + c = 0.",
        wrong_answers={
            "one-sided": _one_sided,
            "binomial test on all items": _all_items,
            "chi-squared without continuity correction": _chi2_no_correction,
        },
    )
)


# 4. the Wilson interval (function)
def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """(low, high) of the Wilson score interval for k successes in n trials."""
    z = stats.norm.ppf(0.5 + confidence / 2)
    p = k / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return float(centre - half), float(centre + half)


def _normal(k, n, confidence=0.95):
    z, p = stats.norm.ppf(0.5 + confidence / 2), k / n
    h = z * np.sqrt(p * (1 - p) / n)
    return float(p - h), float(p + h)


def _no_denominator(k, n, confidence=0.95):
    z, p = stats.norm.ppf(0.5 + confidence / 2), k / n
    centre = p + z**2 / (2 * n)
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return float(centre - half), float(centre + half)


register(
    FunctionQuestion(
        id="language_models.ps02.wilson",
        title="A Wilson interval for accuracy",
        reference=wilson_interval,
        cases=[(37, 100), (0, 20), (49, 50), (5, 5)],
        hidden=lambda rng: (int(rng.integers(0, 60)), 60 + int(rng.integers(0, 400))),
        rtol=1e-6,
        points=2,
        hint="With p = k/n and z = 1.96: centre (p + z²/2n)/(1 + z²/n), half-width "
        "z√(p(1−p)/n + z²/4n²)/(1 + z²/n). Unlike p ± z√(p(1−p)/n), it stays inside [0, 1] and "
        "is not empty at k = 0 or k = n.",
        wrong_answers={
            "normal approximation": _normal,
            "90 % instead of 95 %": lambda k, n: wilson_interval(k, n, 0.90),
            "denominator (1 + z²/n) forgotten": _no_denominator,
        },
    )
)


# 5. a contamination check (function)
def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _grams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def overlap_fraction(item: str, corpus: str, n: int) -> float:
    """Fraction of the item's distinct word n-grams (lower-cased) that occur in the corpus."""
    item_grams = _grams(_words(item), n)
    if not item_grams:
        return 0.0
    return len(item_grams & _grams(_words(corpus), n)) / len(item_grams)


_WORDS = "the model was trained on a corpus of books and the test set was held out".split()


def _overlap_case(rng: np.random.Generator) -> tuple:
    corpus = " ".join(rng.choice(_WORDS, 60))
    words = corpus.split()
    start = int(rng.integers(0, 40))
    item = words[start : start + 10] + list(rng.choice(_WORDS, int(rng.integers(0, 8))))
    item = [w.upper() if rng.random() < 0.3 else w for w in item]
    return " ".join(item), corpus, int(rng.integers(2, 6))


def _case_sensitive(item, corpus, n):
    g = _grams(re.findall(r"[A-Za-z0-9]+", item), n)
    return 0.0 if not g else len(g & _grams(re.findall(r"[A-Za-z0-9]+", corpus), n)) / len(g)


def _every_occurrence(item, corpus, n):
    t = _words(item)
    g = [tuple(t[i : i + n]) for i in range(len(t) - n + 1)]
    c = _grams(_words(corpus), n)
    return 0.0 if not g else sum(x in c for x in g) / len(g)


def _split_on_spaces(item, corpus, n):
    g = _grams(item.lower().split(), n)
    return 0.0 if not g else len(g & _grams(corpus.lower().split(), n)) / len(g)


def _corpus_share(item, corpus, n):
    c = _grams(_words(corpus), n)
    return 0.0 if not c else len(_grams(_words(item), n) & c) / len(c)


register(
    FunctionQuestion(
        id="language_models.ps02.overlap",
        title="A contamination check by n-gram overlap",
        reference=overlap_fraction,
        cases=[
            ("The cat sat on the mat", "the cat sat on the mat today", 3),
            ("A new sentence here", "the cat sat on the mat", 2),
            ("Seen words THE CAT sat", "the cat sat", 2),
            ("short", "short text", 3),
            ("the cat the cat the cat sat", "the cat", 2),
            ("The cat, sat on the mat.", "the cat sat on the mat", 3),
        ],
        hidden=_overlap_case,
        rtol=1e-9,
        points=2,
        hint="Lower-case both texts and split them into words (re.findall(r'[a-z0-9]+', "
        "text.lower())); build the sets of n-grams as tuples; divide the size of the "
        "intersection by the number of the item's n-grams (0.0 if it has none).",
        wrong_answers={
            "(n−1)-grams": lambda item, corpus, n: overlap_fraction(item, corpus, max(n - 1, 1)),
            "case-sensitive": _case_sensitive,
            "divided by the corpus's n-grams": _corpus_share,
            "every occurrence counted, not the distinct n-grams": _every_occurrence,
            "split on spaces (punctuation kept in the words)": _split_on_spaces,
        },
    )
)

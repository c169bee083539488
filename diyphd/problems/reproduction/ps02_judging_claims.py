"""Problem set 2 of reproduction: judging claims from results and declared tolerances.

Notebook: ``exercises/reproduction/ps02_judging_claims.ipynb``; lessons
``notebooks/reproduction/01_reading_papers.ipynb`` and ``06_lottery_ticket.ipynb``. The
reference verdicts come from :func:`diyphd.common.claims.verdict`.
"""

from __future__ import annotations

import numpy as np

from diyphd.common.claims import verdict
from diyphd.learner.grading import ChoiceQuestion, FunctionQuestion, ValueQuestion, register

SCORE = {"reproduced": 1.0, "partly": 0.5, "not": 0.0}


# 1. verdict score of a point estimate (function)
def verdict_score(
    measured: float, target: float, tolerance: float, partial: float, direction: str
) -> float:
    """1 (reproduced), 0.5 (partly) or 0 (not) for a point estimate, as ``common.claims`` rules."""
    return SCORE[verdict(measured, target, tolerance, partial, direction)]


def _verdict_case(rng: np.random.Generator) -> tuple:
    """Cases in every zone, a quarter of them exactly on a boundary (dyadic numbers, so that
    target ± tolerance is exact in floating point)."""
    target = float(rng.integers(-8, 9)) / 8
    tol = float(rng.integers(1, 5)) / 32
    partial = tol + float(rng.integers(1, 9)) / 32
    direction = str(rng.choice(["two-sided", "at_least", "at_most"]))
    if rng.uniform() < 0.25:
        edge = float(rng.choice([tol, partial])) * float(rng.choice([-1, 1]))
        return target + edge, target, tol, partial, direction
    return target + float(rng.normal(0, 0.3)), target, tol, partial, direction


def _ignores_direction(m, t, tol, p, d):
    return verdict_score(m, t, tol, p, "two-sided")


def _no_partial(m, t, tol, p, d):
    return verdict_score(m, t, tol, tol, d)


def _strict(m, t, tol, p, d):
    lo = {"two-sided": t - tol, "at_least": t - tol, "at_most": -np.inf}[d]
    hi = {"two-sided": t + tol, "at_least": np.inf, "at_most": t + tol}[d]
    if lo < m < hi:
        return 1.0
    return 0.5 if verdict_score(m, t, tol, p, d) >= 0.5 else 0.0


register(
    FunctionQuestion(
        id="reproduction.ps02.verdict_score",
        title="The verdict rule for a point estimate",
        reference=verdict_score,
        cases=[
            (0.97, 1.0, 0.05, 0.2, "two-sided"),
            (1.12, 1.0, 0.05, 0.2, "two-sided"),
            (1.5, 1.0, 0.05, 0.2, "at_least"),
            (0.5, 1.0, 0.05, 0.2, "at_least"),
            (0.3, 0.1, 0.05, 0.3, "at_most"),
            (1.05, 1.0, 0.05, 0.2, "two-sided"),
            # on the boundaries of the tolerance and of the partial zone (exact in binary)
            (1.25, 1.0, 0.25, 0.5, "two-sided"),
            (1.5, 1.0, 0.25, 0.5, "two-sided"),
            (0.5, 1.0, 0.25, 0.5, "at_least"),
            (1.5, 1.0, 0.25, 0.5, "at_most"),
            (0.75, 1.0, 0.25, 0.5, "at_least"),
        ],
        hidden=_verdict_case,
        n_hidden=20,
        points=2,
        hint="Boundaries count as inside; 'at_least' has no upper limit, 'at_most' no lower one.",
        wrong_answers={
            "ignores the direction": _ignores_direction,
            "no partial zone": _no_partial,
            "strict boundaries": _strict,
        },
    )
)


# 2. a measured value from a record (value): the grokking delay ratio
GROK_STEPS = [0, 100, 200, 400, 800, 1600, 3200, 6400]
GROK_TRAIN = [0.02, 0.60, 0.995, 1.0, 1.0, 1.0, 1.0, 1.0]
GROK_TEST = [0.02, 0.03, 0.03, 0.04, 0.10, 0.62, 0.97, 1.0]


def delay_ratio(steps, train, test) -> float:
    """First step with test accuracy ≥ 0.95 over first step with train accuracy ≥ 0.99."""
    fit = next(s for s, a in zip(steps, train, strict=True) if a >= 0.99)
    gen = next(s for s, a in zip(steps, test, strict=True) if a >= 0.95)
    return gen / fit


register(
    ValueQuestion(
        id="reproduction.ps02.delay_ratio",
        title="Measuring 'long after'",
        reference=delay_ratio(GROK_STEPS, GROK_TRAIN, GROK_TEST),
        rtol=1e-6,
        points=1,
        hint="Find the first recorded step where each accuracy crosses its threshold.",
        wrong_answers={
            "train threshold 1.0": 3200 / 400,
            "test threshold 0.5": 1600 / 200,
            "steps after fitting instead of a ratio": 3200 - 200,
        },
    )
)


# 3. verdicts of a table (choice, several correct)
register(
    ChoiceQuestion(
        id="reproduction.ps02.table",
        title="Which claims are reproduced?",
        options={
            "a": "target ≥ 0.99 (partly ≥ 0.90); measured 0.993",
            "b": "target 0.10 ± 0.03 (partly ± 0.06); measured 0.14",
            "c": "target ≤ 10 (partly ≤ 30); measured 12.5",
            "d": "target ≥ 0 (no partial zone); 95 % CI [0.004, 0.031]",
            "e": "target ≥ 0 (no partial zone); 95 % CI [−0.006, 0.021]",
        },
        reference={"a", "d"},
        explanations={
            "a": "0.993 ≥ 0.99: reproduced.",
            "b": "|0.14 − 0.10| = 0.04 > 0.03 but ≤ 0.06: partly.",
            "c": "12.5 > 10 but ≤ 30: partly.",
            "d": "the whole interval lies at or above 0: reproduced.",
            "e": "the interval straddles 0: inconclusive, not reproduced.",
        },
        points=2,
        hint="A point must lie in the tolerance region; a whole interval must lie inside it.",
        wrong_answers={
            "counts partly as reproduced": ["a", "b", "c", "d"],
            "takes the CI's centre": ["a", "d", "e"],
            "only the point estimates": ["a"],
            "every option": ["a", "b", "c", "d", "e"],
        },
    )
)


# 4. an inconclusive verdict (choice)
register(
    ChoiceQuestion(
        id="reproduction.ps02.inconclusive",
        title="What to do with an inconclusive verdict",
        options={
            "a": "Add seeds one at a time until the interval clears the boundary, then stop.",
            "b": "Report it as inconclusive, give the interval, and state how many seeds a "
            "decisive experiment would need, declared before running them.",
            "c": "Widen the tolerance so that the interval fits inside it.",
            "d": "Report it as not reproduced, since it was not shown to hold.",
        },
        reference="b",
        explanations={
            "a": "optional stopping: testing after each seed inflates the false-positive rate.",
            "b": "the honest report; a pre-declared follow-up can then decide it.",
            "c": "a tolerance changed after seeing the data makes every verdict meaningless.",
            "d": "absence of evidence is not evidence of absence: the data did not refute it.",
        },
        points=1,
        hint="Which answer keeps the tolerance and the stopping rule fixed before seeing results?",
        wrong_answers={"optional stopping": "a", "moved goalposts": "c", "not": "d"},
    )
)


# 5. a claim the evidence does not support (choice)
register(
    ChoiceQuestion(
        id="reproduction.ps02.unsupported",
        title="Spot the unsupported claim",
        options={
            "a": "'Our method improves accuracy' – 10 seeds each, Welch p = 0.01, "
            "difference +1.2 points, 95 % CI [0.4, 2.0].",
            "b": "'Our method is more robust' – the best of 8 variants, 3 seeds each, "
            "beats the baseline's mean by 0.4 points; the seed standard deviation is 0.8.",
            "c": "'Training accuracy reaches 100 % on random labels' – every one of 5 seeds "
            "reaches 100 %.",
            "d": "'The peak sits at N = n' – the maximum of the test error is at N/n = 1.0 "
            "on every seed.",
        },
        reference="b",
        explanations={
            "a": "fixed groups, enough seeds, an interval clear of zero: supported.",
            "b": "selection among 8 variants, 3 seeds, a gap of half a standard deviation: "
            "the evidence cannot separate it from noise.",
            "c": "a deterministic outcome seen on every seed: supported.",
            "d": "a sharp, repeated feature: supported.",
        },
        points=1,
        hint="Look for selection after the fact, few seeds and an effect smaller than the noise.",
        wrong_answers={"the p-value one": "a", "random labels": "c", "peak": "d"},
    )
)

"""Problem set 1 of research practice: choosing, ordering and pre-registering a follow-up question.

Notebook: ``exercises/research_practice/ps01_planning_research.ipynb``; lessons
``notebooks/research_practice/01_choosing_a_problem.ipynb`` to ``03_planning_derisking.ipynb``.
What can be graded is graded: a scoring rule, the de-risking order and its expected time, and a
hypothesis's form (:class:`~diyphd.research_practice.questions.HypothesisQuestion`); whether the
question is worth asking is self-scored on the rubric.
"""

from __future__ import annotations

import numpy as np

from diyphd.learner.grading import ChoiceQuestion, FunctionQuestion, register
from diyphd.research_practice.planning import derisk_order, expected_time, question_score
from diyphd.research_practice.questions import HypothesisQuestion

# 1. scoring a candidate question (function)


def _score_case(rng: np.random.Generator) -> tuple:
    return (
        float(rng.integers(1, 6)),
        float(rng.uniform(0.05, 1)),
        float(rng.uniform(0.05, 1)),
        float(rng.uniform(0.5, 20)),
    )


register(
    FunctionQuestion(
        id="research_practice.ps01.question_score",
        title="Expected importance per week",
        reference=question_score,
        cases=[(4, 0.8, 0.6, 1.5), (5, 0.05, 0.9, 26), (2, 0.9, 0.4, 1), (3, 0.5, 1.0, 4)],
        hidden=_score_case,
        n_hidden=15,
        points=1,
        hint="Multiply importance by both probabilities, then divide by the weeks it takes.",
        wrong_answers={
            "forgets novelty": lambda i, p, n, w: i * p / w,
            "forgets the time": lambda i, p, n, w: i * p * n,
            "adds the factors": lambda i, p, n, w: (i + p + n) / w,
        },
    )
)

# 2. which candidate first (choice)
CANDIDATES = {
    "a": "Does a tuned ridge remove the double-descent peak with 40 % label noise? "
    "(importance 3, success 0.8, novelty 0.3, 2 weeks)",
    "b": "How many seeds does the lottery ticket's ticket-versus-dense gap need? "
    "(importance 2, success 0.9, novelty 0.4, 1 week)",
    "c": "Does batch normalization allow higher learning rates once the inputs are not "
    "standardized? (importance 4, success 0.8, novelty 0.6, 1.5 weeks)",
    "d": "Why does grokking happen, in general? (importance 5, success 0.05, novelty 0.9, "
    "26 weeks)",
}
register(
    ChoiceQuestion(
        id="research_practice.ps01.first_question",
        title="Which candidate first?",
        options=CANDIDATES,
        reference="c",
        explanations={
            "a": "3 × 0.8 × 0.3 / 2 = 0.36 per week: feasible but probably answered already.",
            "b": "2 × 0.9 × 0.4 / 1 = 0.72: the safest, but it matters little.",
            "c": "4 × 0.8 × 0.6 / 1.5 = 1.28: the highest expected importance per week.",
            "d": "5 × 0.05 × 0.9 / 26 ≈ 0.009: the most important and the least feasible.",
        },
        points=1,
        hint="Score each with question_score and compare; importance alone is not the rule.",
        wrong_answers={
            "the most important": "d",
            "the most feasible": "b",
            "every option": ["a", "b", "c", "d"],
        },
    )
)

# 3. expected time of a plan (function)


def _plan_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(2, 6))
    times = [round(float(t), 2) for t in rng.uniform(0.5, 10, n)]
    probs = [round(float(p), 2) for p in rng.uniform(0.2, 0.95, n)]
    return times, probs


def _sum_times(times, probs):
    return float(sum(times))


def _includes_own(times, probs):
    total, alive = 0.0, 1.0
    for t, p in zip(times, probs, strict=True):
        alive *= p
        total += alive * t
    return total


def _failure_weights(times, probs):
    total, alive = 0.0, 1.0
    for t, p in zip(times, probs, strict=True):
        total += alive * t
        alive *= 1 - p
    return total


PLAN_CASES = [
    ([2.0, 5.0, 1.0], [0.9, 0.5, 0.8]),
    ([1.0, 1.0], [0.5, 0.5]),
    ([4.0], [0.3]),
    ([3.0, 0.5, 6.0, 2.0], [0.95, 0.4, 0.7, 0.9]),
]
register(
    FunctionQuestion(
        id="research_practice.ps01.expected_time",
        title="The expected time of a plan",
        reference=expected_time,
        cases=PLAN_CASES,
        hidden=_plan_case,
        n_hidden=15,
        points=2,
        hint="Step k runs only if every earlier step succeeded; its own outcome does not matter.",
        wrong_answers={
            "sum of the times": _sum_times,
            "weights a step by its own success": _includes_own,
            "weights by failure instead of success": _failure_weights,
        },
    )
)

# 4. the de-risking order (function)
register(
    FunctionQuestion(
        id="research_practice.ps01.derisk_order",
        title="The de-risking order",
        reference=derisk_order,
        cases=PLAN_CASES,
        hidden=_plan_case,
        n_hidden=15,
        points=2,
        hint="Rank by the chance of failure per unit of time, (1 - p) / t, highest first.",
        wrong_answers={
            "easiest first": lambda t, p: sorted(range(len(p)), key=lambda i: -p[i]),
            "quickest first": lambda t, p: sorted(range(len(t)), key=lambda i: t[i]),
            "riskiest first, ignoring time": lambda t, p: sorted(range(len(p)), key=lambda i: p[i]),
        },
    )
)

# 5. a pre-registered hypothesis (text, graded on its form; rubric self-scored)
HYPOTHESIS = (
    "On digits with raw pixel inputs, batch normalization raises the test accuracy after 3 "
    "epochs at learning rate 1 by at least 5 percentage points compared with the plain MLP, "
    "over 5 paired seeds."
)
register(
    HypothesisQuestion(
        id="research_practice.ps01.hypothesis",
        title="A falsifiable hypothesis",
        reference=HYPOTHESIS,
        points=4,
        rubric={
            "falsifiable": (1, "a result you could actually get would refute it"),
            "decision": (1, "the seeds and the interval that decide it are stated"),
            "matters": (1, "either outcome changes what you would do next"),
        },
        hint="One sentence: intervention, measured quantity, direction, threshold, baseline.",
        wrong_answers={
            "keyword salad": "test accuracy higher than baseline threshold 5 points lower "
            "seeds comparison direction metric accuracy accuracy",
            "no threshold": "On digits with raw pixel inputs, batch normalization raises the "
            "test accuracy at learning rate 1 compared with the plain MLP.",
            "no comparison": "On digits with raw pixel inputs, batch normalization raises the "
            "test accuracy at learning rate 1 by at least 5 percentage points.",
            "vague": "Batch normalization makes training on raw inputs more robust and "
            "improves performance compared with the plain network.",
            "hedged": "Batch normalization might raise the test accuracy by at least 5 "
            "percentage points compared with the plain MLP on raw inputs.",
            "both directions": "Batch normalization raises or lowers the test accuracy by at "
            "least 5 percentage points compared with the plain MLP on raw inputs.",
            "negated": "On digits with raw pixel inputs, batch normalization does not raise "
            "the test accuracy by at least 5 percentage points compared with the plain MLP.",
            "the reference's words sorted": " ".join(sorted(HYPOTHESIS.split())),
        },
    )
)

# 6. which hypotheses are falsifiable as written (choice, several correct)
FALSIFIABLE = {
    "a": "Weight decay 5e-4 lowers the final test error of the MLP on digits by at least 1 "
    "percentage point compared with no weight decay, over 10 paired seeds.",
    "b": "Our regularizer makes networks more robust.",
    "c": "Label smoothing may improve the calibration error compared with one-hot targets.",
    "d": "Adam needs fewer steps than SGD with momentum to reach 95 % validation accuracy, by "
    "a factor of at least 2, over 5 seeds.",
    "e": "The method gives higher and lower test accuracy than the baseline by 2 points.",
}
register(
    ChoiceQuestion(
        id="research_practice.ps01.falsifiable",
        title="Falsifiable as written?",
        options=FALSIFIABLE,
        reference={"a", "d"},
        explanations={
            "a": "quantity, baseline, threshold, direction and seeds: it can fail.",
            "b": "'robust' is not measured and there is no baseline or threshold.",
            "c": "'may' means no result refutes it.",
            "d": "steps to a target, a baseline, a factor and a direction: it can fail.",
            "e": "both directions: every result agrees with it.",
        },
        points=2,
        hint="Ask of each: which measured result would prove it wrong?",
        wrong_answers={
            "every option": ["a", "b", "c", "d", "e"],
            "accepts the hedge": ["a", "c", "d"],
            "only the first": ["a"],
        },
    )
)

# 7. a kill criterion (choice)
register(
    ChoiceQuestion(
        id="research_practice.ps01.kill",
        title="A kill criterion, written before the run",
        options={
            "a": "Stop if it does not look promising after a while.",
            "b": "Run the 2-seed, 1-epoch pilot first; if the 95 % interval of the paired "
            "difference lies entirely below 5 points, stop the sweep and write up the negative "
            "result.",
            "c": "Keep adding seeds until the interval clears 5 points.",
            "d": "If the result is negative, try other learning rates until one works.",
        },
        reference="b",
        explanations={
            "a": "no number and no date: it will never fire, or fire on a mood.",
            "b": "a cheap run, a number and an action, all fixed before the data.",
            "c": "optional stopping: the interval will clear the line by chance eventually.",
            "d": "a garden of forking paths: the chosen rate is selected on the result.",
        },
        points=1,
        hint="A kill criterion names a cheap experiment, a number and what you do then.",
        wrong_answers={"vague": "a", "optional stopping": "c", "forking paths": "d"},
    )
)

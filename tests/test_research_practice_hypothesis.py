"""The hypothesis parser: does it accept well-formed hypotheses and reject salad and vagueness?"""

from __future__ import annotations

import pytest

from diyphd.problems.research_practice.ps01_planning_research import FALSIFIABLE
from diyphd.research_practice.hypothesis import parse_hypothesis

GOOD = [
    "On digits with raw pixel inputs, batch normalization raises the test accuracy after 3 "
    "epochs at learning rate 1 by at least 5 percentage points compared with the plain MLP.",
    "Batch normalization does not lower test accuracy by more than 1 percentage point "
    "compared with the plain network over 10 seeds.",
    "Cosine decay reduces the final validation loss by at least 0.05 relative to a constant "
    "learning rate, over 5 paired seeds.",
]
BAD = {
    "keyword salad": "accuracy higher than baseline threshold 2 points lower seeds comparison "
    "direction metric",
    "stuffed": "The accuracy is higher than the baseline accuracy and the accuracy is better "
    "than the accuracy of the baseline by 2 points.",
    "vague": "Our method improves performance and robustness compared with the baseline.",
    "hedged": "Batch normalization may raise test accuracy compared with the plain network by "
    "2 points.",
    "both directions": "The method gives higher and lower test accuracy than the baseline by "
    "2 points.",
    "too short": "Accuracy goes up.",
    "negated verb": "On digits with raw pixel inputs, batch normalization does not raise the "
    "test accuracy by at least 5 percentage points compared with the plain MLP.",
    "never": "Batch normalization never raises the test accuracy by at least 5 points compared "
    "with the plain MLP.",
    "fails to": "Batch normalization fails to raise the test accuracy by at least 5 points "
    "compared with the plain MLP.",
    "denied": "It is not true that batch normalization raises the test accuracy by at least 5 "
    "points compared with the plain MLP.",
}


@pytest.mark.parametrize("text", GOOD)
def test_well_formed_hypotheses_parse(text):
    """Does a hypothesis with quantity, comparison, threshold and direction pass?"""
    form = parse_hypothesis(text)
    assert form.ok, (form.problems, form.missing())


@pytest.mark.parametrize("name", BAD)
def test_salad_and_vague_text_fail_a_gate(name):
    """Is keyword salad, a hedge, a negation, a vague or a two-way claim rejected first?"""
    form = parse_hypothesis(BAD[name])
    assert not form.is_sentence and not form.ok


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        (
            "Batch normalization raises the test accuracy compared with the plain network.",
            "threshold",
        ),
        (
            "Batch normalization raises the test accuracy by at least 5 percentage points.",
            "comparison",
        ),
        (
            "Batch normalization raises the test accuracy to more than 0.9 after 3 epochs.",
            "comparison",
        ),
    ],
)
def test_a_missing_part_is_named(text, missing):
    """Does a sentence without a threshold or a baseline say which part is missing?"""
    form = parse_hypothesis(text)
    assert form.is_sentence and not form.ok and missing in form.missing()


def test_seed_counts_and_confidence_levels_are_not_thresholds():
    """Is 'over 5 seeds' or 'a 95 % interval' mistaken for the threshold?"""
    form = parse_hypothesis(
        "Batch normalization raises the test accuracy compared with the plain network over "
        "5 seeds, judged by a 95 % confidence interval."
    )
    assert form.threshold is None


def test_the_problem_sets_options_agree_with_the_parser():
    """Do the options the problem set calls falsifiable parse as well formed, and only those?"""
    assert {k for k, text in FALSIFIABLE.items() if parse_hypothesis(text).ok} == {"a", "d"}


def test_a_baseline_of_no_treatment_is_not_a_negation():
    """Does 'compared with no weight decay' (a baseline, not a denial) still parse?"""
    form = parse_hypothesis(
        "Weight decay lowers the final test error by at least 1 percentage point compared "
        "with no weight decay, over 10 paired seeds."
    )
    assert form.ok, form.problems

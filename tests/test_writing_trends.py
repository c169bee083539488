"""Lipton & Steinhardt's four trends: does each rule fire on its trend and stay quiet on a fix?"""

from __future__ import annotations

import pytest

from diyphd.writing import report
from diyphd.writing.trends import check_trends

# (rule, text showing the trend, a repaired text)
CASES = [
    (
        "speculation",
        "The network generalizes because its minima are flat.",
        "We conjecture that the network generalizes because its minima are flat.",
    ),
    (
        "speculation",
        "This is why deeper networks train more slowly.",
        "This is why deeper networks train more slowly (Figure 3: 2.1 times as many steps).",
    ),
    (
        "gains",
        "The improvement comes from our gating layer.",
        "The improvement comes from our gating layer: removing it in the ablation of Table 2 "
        "loses 1.9 points.",
    ),
    (
        "gains",
        "Thanks to the proposed attention, the model converges faster.",
        "The model converges faster than without attention in our ablation (Section 5).",
    ),
    (
        "mathiness",
        "Our method is provably convergent.",
        "Our method converges under the assumptions of Theorem 1 (smooth, strongly convex loss).",
    ),
    (
        "mathiness",
        "We propose a principled approach to pruning.",
        "We propose a pruning rule derived from a second-order expansion of the loss.",
    ),
    (
        "language",
        "The model truly understands the syntax of its input.",
        "The model predicts the syntactic head of each word with 91 % accuracy.",
    ),
    (
        "language",
        "Our method is more robust than the baseline.",
        "Our method is more robust than the baseline, i.e. its accuracy falls less under "
        "Gaussian noise of standard deviation 0.1.",
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[f"{c[0]}:{c[1][:16]}" for c in CASES])
def test_trend_flagged_and_repair_clean(rule, bad, good):
    """Does each trend's rule flag its sentence, and pass the repair?"""
    found = [f for f in check_trends(bad) if f.rule == rule]
    assert found and found[0].where in bad and found[0].why, report(check_trends(bad))
    assert rule not in {f.rule for f in check_trends(good)}, report(check_trends(good))


def test_ablations_argument_names_the_ablated_component():
    """Does naming the ablated component accept the attribution, and another component not?"""
    text = "The improvement comes from our gating layer."
    assert check_trends(text, ablations=["gating"]) == []
    assert [f.rule for f in check_trends(text, ablations=["dropout"])] == ["gains"]


def test_plain_causes_and_defined_words_pass():
    """Is 'because of noise' not a component, and a defined suitcase word accepted?"""
    text = (
        "The curve is jagged because of noise in 3 of 5 seeds. We define robust as accurate "
        "under label noise; the robust model keeps 90 % of its accuracy."
    )
    assert check_trends(text) == [], report(check_trends(text))

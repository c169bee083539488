"""diyphd.common.claims: verdicts follow from measurements and tolerances; tables render."""

from __future__ import annotations

import pytest

from diyphd.common.claims import Claim, ClaimsTable, verdict


@pytest.mark.parametrize(
    ("measured", "expected"),
    [(1.0, "reproduced"), (1.04, "reproduced"), (1.1, "partly"), (0.85, "partly"), (1.3, "not")],
)
def test_point_verdicts_two_sided(measured, expected):
    """Does a point estimate fall in the right zone of target ± tolerance / partial?"""
    assert verdict(measured, 1.0, tolerance=0.05, partial=0.2) == expected


def test_one_sided_and_boolean_verdicts():
    """Are one-sided rules and yes/no claims judged correctly?"""
    assert verdict(1.0, 0.99, 0.0, direction="at_least") == "reproduced"
    assert verdict(0.95, 0.99, 0.0, partial=0.1, direction="at_least") == "partly"
    assert verdict(0.5, 0.99, 0.0, partial=0.1, direction="at_least") == "not"
    assert verdict(0.2, 0.1, 0.05, direction="at_most") == "not"
    assert verdict(True) == "reproduced" and verdict(False) == "not"
    assert verdict(0.0, 0.0, tolerance=0.0) == "reproduced"


@pytest.mark.parametrize(
    ("ci", "expected"),
    [
        ((0.01, 0.03), "reproduced"),  # whole interval at or above 0
        ((-0.02, 0.03), "inconclusive"),  # straddles the boundary
        ((-0.05, -0.02), "not"),
    ],
)
def test_interval_verdicts(ci, expected):
    """With a confidence interval, does a straddling interval give 'inconclusive'?"""
    assert verdict(sum(ci) / 2, 0.0, 0.0, direction="at_least", ci=ci) == expected


def test_interval_in_partial_zone_only():
    """Is an interval wholly inside the partial zone but outside the strict one 'partly'?"""
    assert verdict(0.9, 1.0, 0.05, partial=0.2, ci=(0.85, 0.92)) == "partly"
    assert verdict(0.9, 1.0, 0.05, partial=0.2, ci=(0.85, 0.97)) == "inconclusive"


def test_claim_and_table_render():
    """Does a table carry verdicts, count them, and render as Markdown and HTML?"""
    table = ClaimsTable("Toy paper")
    table.add(
        Claim(
            "fits",
            "Fig. 1",
            "toy",
            "acc < 0.9",
            target=1.0,
            tolerance=0.01,
            partial=0.1,
            direction="at_least",
            measured=0.995,
            unit="",
        )
    )
    table.add(Claim("has a | peak", "Fig. 2", "toy", "no peak", measured=False))
    table.add(Claim("pending", "Tab. 1", "toy", "?", target=0.5, tolerance=0.1))
    assert table.verdicts() == ["reproduced", "not", "pending"]
    assert table.counts() == {"reproduced": 1, "not": 1, "pending": 1}
    md = table.to_markdown()
    assert md.count("\n|") == 5 and "has a \\| peak" in md and "≥ 0.99" in md
    assert "<table>" in table._repr_html_() and "&lt;" not in table.to_html().split("<tbody>")[0]
    assert "[reproduced] fits" in str(table)
    with pytest.raises(ValueError):
        Claim("x", "y", "z", "w", direction="sideways")
    with pytest.raises(ValueError):
        verdict(1.0, 1.0, 0.1, direction="sideways")

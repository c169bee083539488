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


CLAIMS_YML = """
title: Toy paper, Fig. 1
claims:
  - key: peak
    claim: The curve peaks at N = n
    evidence: Fig. 1
    paper_value: "peak at N/n = 1.0"
    setting: toy
    falsifier: peak far from N = n
    target: 1.0
    tolerance: 0.1
    partial: 0.3
    direction: two-sided
    unit: N/n
    reason: the paper's grid is spaced 0.1 in N/n around the peak
  - key: fits
    claim: The model fits
    evidence: Tab. 2
    paper_value: "100 % train accuracy"
    setting: toy
    falsifier: it does not
    target: true
    tolerance: 0
    direction: two-sided
    reason: a yes/no claim
"""


def _write(tmp_path, text):
    path = tmp_path / "toy.claims.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_claims_reads_rules_and_measure_gives_verdicts(tmp_path):
    """Does a claims file become a table whose measurements give the declared verdicts?"""
    from diyphd.common.claims import load_claims

    table = load_claims(_write(tmp_path, CLAIMS_YML))
    assert len(table) == 2 and table.verdicts() == ["pending", "pending"]
    assert table["peak"].reason.startswith("the paper's grid")
    assert table.measure("peak", 1.2) == "partly"
    assert table.measure("peak", 1.0, ci=(0.95, 1.05)) == "reproduced"
    assert table.measure("peak", 1.0, ci=(0.85, 1.15)) == "inconclusive"
    assert table.measure("fits", False) == "not"
    assert "paper's number" in table.to_markdown() and "peak at N/n = 1.0" in table.to_html()
    assert "grid is spaced" in table.reasons_markdown()
    with pytest.raises(KeyError):
        table["nope"]


@pytest.mark.parametrize(
    "edit, message",
    [
        (("    reason: a yes/no claim", '    reason: ""'), "empty"),
        (('    paper_value: "100 % train accuracy"\n', ""), "missing"),
        (("    tolerance: 0.1\n", ""), "missing"),
        (("    unit: N/n", "    unit: N/n\n    tolerence: 0.5"), "unknown"),
        (("key: fits", "key: peak"), "repeated"),
        (("target: 1.0", "target: one"), "target"),
    ],
)
def test_load_claims_refuses_a_loose_file(tmp_path, edit, message):
    """Are a missing reason, a typo in a field, a repeated key or a text target refused?"""
    from diyphd.common.claims import load_claims

    with pytest.raises(ValueError, match=message):
        load_claims(_write(tmp_path, CLAIMS_YML.replace(*edit)))

"""The reporting checklist: a complete record passes; each omission is flagged by its rule."""

from __future__ import annotations

import copy

import pytest

from diyphd.writing.checklist import ExperimentRecord, check_record

GOOD = {
    "seeds": [0, 1, 2, 3, 4],
    "results": {"ours": [93.1, 93.4, 92.9, 93.3, 93.0], "baseline": [92.5, 92.8, 92.6, 92.4, 92.9]},
    "error_bars": "95% confidence interval of the mean over 5 seeds, Student t-distribution",
    "runs_total": 10,
    "runs_reported": 10,
    "search": {
        "space": {"lr": [0.3, 0.1, 0.03]},
        "budget": {"ours": 12, "baseline": 12},
        "method": "grid on a validation split",
    },
    "compute": {"hardware": "1 CPU core", "hours": 0.5},
    "components": ["look-ahead", "step rule"],
    "ablations": {"look-ahead": [92.6], "step rule": [92.7]},
}


def broken(**changes):
    record = copy.deepcopy(GOOD)
    record.update(changes)
    return record


def test_complete_record_passes_as_dict_and_dataclass():
    """Does a record that reports everything pass, in both forms?"""
    assert check_record(GOOD) == []
    assert check_record(ExperimentRecord(**GOOD)) == []


CASES = [
    ("seeds", {"seeds": [0, 1, 2]}),
    ("seeds", {"results": {"ours": [93.1], "baseline": [92.5, 92.8, 92.6, 92.4, 92.9]}}),
    ("spread", {"seeds": [0, 1, 2, 3, 4], "results": {"ours": [93.0] * 5}}),
    ("error bars", {"error_bars": ""}),
    ("error bars", {"error_bars": "shaded region around the mean"}),
    ("error bars", {"error_bars": "confidence interval"}),
    ("all runs", {"runs_reported": 7}),
    ("all runs", {"runs_total": None}),
    ("search", {"search": {"budget": 10}}),
    ("search", {"search": {"space": {"lr": [0.1]}}}),
    ("search", {"search": {"space": {"lr": [0.1]}, "budget": {"ours": 50, "baseline": 5}}}),
    ("compute", {"compute": {"hardware": "A100"}}),
    ("ablation", {"ablations": {"look-ahead": [92.6]}}),
]


@pytest.mark.parametrize(
    ("rule", "change"), CASES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(CASES)]
)
def test_each_omission_is_flagged(rule, change):
    """Does removing one item of the checklist raise a finding of that rule only?"""
    found = check_record(broken(**change))
    assert {f.rule for f in found} == {rule}, found


@pytest.mark.parametrize(
    "bars",
    ["std over 5 seeds", "standard error of the mean", "95% CI by percentile bootstrap"],
)
def test_accepted_error_bar_definitions(bars):
    """Are a std, a standard error and a CI with level and method all accepted?"""
    assert check_record(broken(error_bars=bars)) == []


def test_min_seeds_is_a_parameter():
    """Can a stricter protocol demand ten seeds?"""
    assert {f.rule for f in check_record(GOOD, min_seeds=10)} == {"seeds"}

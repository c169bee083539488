"""Claims files: is a malformed pre-registration refused, and does the decision rule decide?"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diyphd.research_practice.preregister import (
    CLAIM_KEYS,
    REQUIRED,
    decide,
    fingerprint,
    load_claims_file,
)

ROOT = Path(__file__).resolve().parents[1]
CLAIM = {
    "id": "H1",
    "hypothesis": "On digits with raw pixel inputs, batch normalization raises the test accuracy "
    "by at least 5 percentage points compared with the plain MLP.",
    "metric": "test accuracy",
    "comparison": "plain MLP, same seed",
    "threshold": 0.05,
    "direction": "at_least",
    "seeds": [0, 1, 2, 3, 4],
    "decision_rule": "95 % t-interval of the paired difference",
}
GOOD = {
    "question": "Does batch normalization help on raw inputs?",
    "declared_on": "2026-12-01",
    "kill_criterion": "pilot interval entirely below 0.05",
    "claims": [CLAIM],
}


def _write(tmp_path, data):
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(data))
    return path


def test_a_complete_claims_file_loads(tmp_path):
    """Does a file with every key and a well-formed hypothesis load unchanged?"""
    assert load_claims_file(_write(tmp_path, GOOD)) == GOOD


@pytest.mark.parametrize("key", REQUIRED)
def test_a_missing_key_is_refused(tmp_path, key):
    """Is a claims file without, say, its kill criterion refused with the key named?"""
    data = {k: v for k, v in GOOD.items() if k != key}
    with pytest.raises(ValueError, match=key):
        load_claims_file(_write(tmp_path, data))


@pytest.mark.parametrize("key", CLAIM_KEYS)
def test_a_claim_missing_a_key_is_refused(tmp_path, key):
    """Is a claim without its threshold (or any other key) refused?"""
    data = dict(GOOD, claims=[{k: v for k, v in CLAIM.items() if k != key}])
    with pytest.raises(ValueError, match=key):
        load_claims_file(_write(tmp_path, data))


def test_an_empty_claims_list_is_refused(tmp_path):
    """Is a claims file that declares nothing refused?"""
    with pytest.raises(ValueError, match="no claim"):
        load_claims_file(_write(tmp_path, dict(GOOD, claims=[])))


def test_a_vague_hypothesis_is_refused(tmp_path):
    """Is 'improves performance' refused as not falsifiable?"""
    vague = dict(CLAIM, hypothesis="Batch normalization improves performance on raw inputs.")
    data = dict(GOOD, claims=[vague])
    with pytest.raises(ValueError, match="not falsifiable"):
        load_claims_file(_write(tmp_path, data))


def test_decide_covers_every_outcome():
    """Does the rule give supported, refuted and inconclusive, one-sided either way?"""
    assert decide((0.06, 0.09), 0.05) == "supported"
    assert decide((0.01, 0.04), 0.05) == "refuted"
    assert decide((0.03, 0.07), 0.05) == "inconclusive"
    assert decide((0.1, 0.2), 0.5, "at_most") == "supported"


def test_fingerprint_changes_with_the_file(tmp_path):
    """Does editing the claims file after the fact change its fingerprint?"""
    path = _write(tmp_path, GOOD)
    before = fingerprint(path)
    path.write_text(json.dumps(dict(GOOD, kill_criterion="never")))
    assert fingerprint(path) != before


def test_the_capstone_claims_file_is_valid():
    """Does the worked example's claims file, committed before its run, load?"""
    path = ROOT / "notebooks" / "capstone" / "03_followup_claims.json"
    if not path.exists():
        pytest.skip("no worked example yet")
    load_claims_file(path)

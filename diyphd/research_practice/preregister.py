"""A claims file written before the run: the hypothesis, its decision rule and a kill criterion.

Lesson 3 (``notebooks/research_practice/03_planning_derisking``) and the capstone's second part
(``notebooks/capstone/03_worked_example_followup``). The file is JSON beside the notebook; the
notebook reads it and never writes it, and :func:`fingerprint` prints its SHA-256 so a reader
can compare it with the version committed before the results existed. :func:`decide` applies
the declared rule to a confidence interval, with :func:`diyphd.common.claims.verdict`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from diyphd.common.claims import verdict
from diyphd.research_practice.hypothesis import parse_hypothesis

__all__ = ["CLAIM_KEYS", "REQUIRED", "decide", "fingerprint", "load_claims_file"]

#: Keys a claims file declares once.
REQUIRED = ("question", "declared_on", "kill_criterion", "claims")
#: Keys each of its claims declares.
CLAIM_KEYS = (
    "id",
    "hypothesis",
    "metric",
    "comparison",
    "threshold",
    "direction",
    "seeds",
    "decision_rule",
)
_OUTCOMES = {"reproduced": "supported", "not": "refuted", "inconclusive": "inconclusive"}


def fingerprint(path: str | Path) -> str:
    """The SHA-256 of the file's bytes (the first 12 hex digits)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def _check_claim(path: str | Path, claim: dict[str, Any]) -> None:
    name = claim.get("id", "?")
    missing = [k for k in CLAIM_KEYS if k not in claim]
    if missing:
        raise ValueError(f"{path}: claim {name} lacks {', '.join(missing)}")
    if claim["direction"] not in ("at_least", "at_most"):
        raise ValueError(f"{path}: claim {name}: direction must be 'at_least' or 'at_most'")
    form = parse_hypothesis(claim["hypothesis"])
    if not form.ok:
        why = "; ".join(form.problems) or "missing " + ", ".join(form.missing())
        raise ValueError(f"{path}: claim {name}: the hypothesis is not falsifiable ({why})")


def load_claims_file(path: str | Path) -> dict[str, Any]:
    """Read and validate a claims file; a missing key or a malformed hypothesis is an error."""
    data = json.loads(Path(path).read_text())
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise ValueError(f"{path}: the claims file lacks {', '.join(missing)}")
    if not data["claims"]:
        raise ValueError(f"{path}: the claims file declares no claim")
    for claim in data["claims"]:
        _check_claim(path, claim)
    return data


def decide(ci: tuple[float, float], threshold: float, direction: str = "at_least") -> str:
    """``supported`` (the whole interval past the threshold), ``refuted`` (the whole interval
    on the other side) or ``inconclusive`` (it straddles the threshold)."""
    return _OUTCOMES[verdict(0.0, threshold, 0.0, None, direction, ci=ci)]

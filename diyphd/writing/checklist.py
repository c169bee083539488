"""A reporting-checklist checker for an experiment record (writing theme, lessons 3 and 5).

The rules follow the ML reproducibility checklist (Pineau et al. 2021), "Show your work"
(Dodge et al. 2019) and the NeurIPS paper checklist. A record is an :class:`ExperimentRecord`
or a dict with the same keys:

- ``results``: ``{method: [one score per seed]}``; ``seeds``: the seeds run;
- ``error_bars``: what the error bars are, e.g. "95% CI of the mean, t-distribution";
- ``runs_total`` / ``runs_reported``: runs started and runs in the paper;
- ``search``: ``{"space": {...}, "budget": {method: trials} or trials, "method": "random"}``;
- ``compute``: ``{"hardware": "1 CPU core", "hours": 0.5}``;
- ``components``: the parts of the method the paper claims matter; ``ablations``: the
  components an ablation removed (a list of names or a dict name -> result).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

import numpy as np

from diyphd.writing.finding import Finding

MIN_SEEDS = 5


@dataclass
class ExperimentRecord:
    """What a paper must report about its experiments (see the module docstring)."""

    seeds: list[int] = field(default_factory=list)
    results: dict[str, list[float]] = field(default_factory=dict)
    error_bars: str = ""
    runs_total: int | None = None
    runs_reported: int | None = None
    search: dict[str, Any] = field(default_factory=dict)
    compute: dict[str, Any] = field(default_factory=dict)
    components: list[str] = field(default_factory=list)
    ablations: dict[str, Any] | list[str] = field(default_factory=dict)


_KIND = re.compile(
    r"\b(std|standard deviation|standard error|s\.e\.m?|sem|confidence interval|ci)\b", re.I
)
_CI = re.compile(r"\b(confidence interval|ci)\b", re.I)
_LEVEL = re.compile(r"\d+(\.\d+)?\s*%")
_HOW = re.compile(
    r"\b(t[- ]?(distribution|interval)|student|bootstrap|normal|gaussian|wilson)", re.I
)


def _as_dict(record: ExperimentRecord | dict[str, Any]) -> dict[str, Any]:
    if is_dataclass(record):
        return asdict(record)
    return dict(record)


def _seed_findings(r: dict[str, Any], min_seeds: int) -> list[Finding]:
    findings = []
    seeds = list(r.get("seeds") or [])
    if len(set(seeds)) < min_seeds:
        why = f"{len(set(seeds))} distinct seeds; run at least {min_seeds}"
        findings.append(Finding("seeds", "seeds", why))
    results = r.get("results") or {}
    if not results:
        findings.append(Finding("seeds", "results", "no per-seed results reported"))
    for method, values in results.items():
        values = np.asarray(values, dtype=float).ravel()
        if seeds and values.size != len(seeds):
            why = f"{values.size} results for {len(seeds)} seeds: report one per seed"
            findings.append(Finding("seeds", method, why))
        elif values.size < 2 or np.std(values) == 0:
            findings.append(Finding("spread", method, "no spread over seeds can be computed"))
    return findings


def _error_bar_findings(r: dict[str, Any]) -> list[Finding]:
    text = (r.get("error_bars") or "").strip()
    if not text:
        return [Finding("error bars", "error_bars", "error bars are not defined")]
    if not _KIND.search(text):
        why = "say whether the bars are a std, a standard error or a confidence interval"
        return [Finding("error bars", text, why)]
    if _CI.search(text) and not (_LEVEL.search(text) and _HOW.search(text)):
        why = "a confidence interval needs its level (95 %) and how it was computed"
        return [Finding("error bars", text, why)]
    return []


def _run_findings(r: dict[str, Any]) -> list[Finding]:
    total, reported = r.get("runs_total"), r.get("runs_reported")
    if total is None or reported is None:
        return [Finding("all runs", "runs", "say how many runs were started and how many shown")]
    if reported < total:
        why = f"{reported} of {total} runs reported: report all, failed ones included"
        return [Finding("all runs", "runs", why)]
    return []


def _search_findings(r: dict[str, Any]) -> list[Finding]:
    search = r.get("search") or {}
    findings = []
    if not search.get("space"):
        findings.append(Finding("search", "search", "hyper-parameter search space not disclosed"))
    budget = search.get("budget")
    if budget is None:
        findings.append(Finding("search", "search", "search budget (trials or hours) not given"))
    elif isinstance(budget, dict):
        methods = set(r.get("results") or {})
        missing = sorted(methods - set(budget))
        if missing:
            why = f"no search budget for {', '.join(missing)}"
            findings.append(Finding("search", "search", why))
        if len(set(budget.values())) > 1:
            why = f"unequal tuning budgets {budget}: compare methods at equal budget"
            findings.append(Finding("search", "search", why))
    return findings


def _compute_findings(r: dict[str, Any]) -> list[Finding]:
    compute = r.get("compute") or {}
    missing = [k for k in ("hardware", "hours") if not compute.get(k)]
    if missing:
        return [Finding("compute", "compute", f"compute not reported: {', '.join(missing)}")]
    return []


def _ablation_findings(r: dict[str, Any]) -> list[Finding]:
    done = set(r.get("ablations") or [])
    return [
        Finding("ablation", c, f"claimed component {c!r} has no ablation")
        for c in r.get("components") or []
        if c not in done
    ]


def check_record(
    record: ExperimentRecord | dict[str, Any], *, min_seeds: int = MIN_SEEDS
) -> list[Finding]:
    """Every finding of the reporting checklist on ``record``."""
    r = _as_dict(record)
    return (
        _seed_findings(r, min_seeds)
        + _error_bar_findings(r)
        + _run_findings(r)
        + _search_findings(r)
        + _compute_findings(r)
        + _ablation_findings(r)
    )

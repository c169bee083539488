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
  components an ablation removed (a list of names or a dict name -> result);
- ``selection_split``: the split on which the reported configuration was chosen ("validation",
  "cross-validation", "train", "none"); "test" is a finding, since the reported test score is
  then the best of several noisy test scores.

:data:`NEURIPS_CHECKLIST` lists the sixteen questions of the current NeurIPS Paper Checklist
(neurips.cc/public/guides/PaperChecklist; the LLM-usage declaration is the 2025 addition) and
:func:`check_answers` checks a paper's answers to it: each yes, no or NA, each with a
justification, as the guidelines ask.
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
    selection_split: str = ""


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


_SPLITS = ("validation", "cross-validation", "train", "none")


def _selection_findings(r: dict[str, Any]) -> list[Finding]:
    split = str(r.get("selection_split") or "").strip().lower()
    if not split:
        return []
    if split.startswith("test"):
        why = "chosen on the test set: the test score is optimistic; select on a validation split"
        return [Finding("selection", split, why)]
    if not split.startswith(_SPLITS):
        return [Finding("selection", split, f"unknown split; say one of {', '.join(_SPLITS)}")]
    return []


#: The NeurIPS Paper Checklist's questions (key, question), in its order.
NEURIPS_CHECKLIST = (
    (
        "claims",
        "Do the main claims of the abstract and introduction reflect the contributions and scope?",
    ),
    ("limitations", "Does the paper discuss the limitations of the work?"),
    ("theory", "Does each theoretical result state its full assumptions and a complete proof?"),
    ("reproducibility", "Is all the information needed to reproduce the main results disclosed?"),
    ("open_access", "Are the data and code open, with instructions to reproduce the results?"),
    (
        "setting",
        "Are the training and test details (splits, hyper-parameters and how they were "
        "chosen, optimizer) specified?",
    ),
    ("significance", "Are error bars or significance tests reported and correctly defined?"),
    ("compute", "Is the compute for each experiment (workers, memory, time) reported?"),
    ("ethics", "Does the research conform with the NeurIPS Code of Ethics?"),
    ("impacts", "Are positive and negative societal impacts discussed?"),
    (
        "safeguards",
        "Are safeguards described for releasing data or models with a high risk of misuse?",
    ),
    ("licenses", "Are the creators of existing assets credited, with their licences respected?"),
    ("new_assets", "Are new assets documented, with the documentation provided?"),
    ("human_subjects", "For crowdsourcing or human subjects: are instructions and pay given?"),
    ("irb", "Are risks to participants described, with IRB (or equivalent) approval?"),
    ("llm_usage", "Is any important, original or non-standard use of LLMs in the method declared?"),
)
ANSWERS = ("yes", "no", "na")


def check_answers(answers: dict[str, tuple[str, str] | str]) -> list[Finding]:
    """A paper's checklist answers, ``key -> (answer, justification)``: every question
    answered yes, no or NA, and every answer justified (the guidelines ask it even for NA)."""
    findings = []
    known = {k for k, _ in NEURIPS_CHECKLIST}
    for key in sorted(set(answers) - known):
        findings.append(Finding("checklist", key, "not a question of the checklist"))
    for key, question in NEURIPS_CHECKLIST:
        given = answers.get(key)
        answer, why = (given, "") if isinstance(given, str) or given is None else given
        if answer is None or str(answer).strip().lower() not in ANSWERS:
            findings.append(Finding("checklist", key, f"answer yes, no or NA: {question}"))
        elif not str(why).strip():
            findings.append(Finding("checklist", key, "give a one-line justification"))
    return findings


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
        + _selection_findings(r)
    )

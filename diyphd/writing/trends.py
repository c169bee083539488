"""Lipton & Steinhardt's four troubling trends, as rules where a rule can catch them.

Introduced in ``notebooks/writing/07_introduction_rebuttal.ipynb``. Lipton & Steinhardt (2018)
name four trends in ML writing; :func:`check_trends` flags the surface form of each:

- ``speculation`` (explanation vs speculation): an explanation stated as fact ("because",
  "this is why", "is caused by") in a sentence with no evidence (a number, a figure, table or
  section, a citation) and not marked as a conjecture ("we conjecture", "may", "one possible");
- ``gains`` (sources of empirical gains): a gain attributed to a component ("thanks to our
  gating", "the gain comes from") in a text that reports no ablation, unless ``ablations`` names
  the component;
- ``mathiness``: a guarantee ("provably", "guarantees", "theoretically grounded", "principled")
  in a sentence that states no condition ("under", "assuming", "if", a theorem or section);
- ``language`` (misuse of language): a model that "understands", "thinks" or "knows", and
  suitcase words ("robust", "interpretable", "fair", "reasoning", "intelligence") that the text
  never defines ("we define", "measured as", "i.e.", "by X we mean").

These are the parts of the trends that show in words. The rest (an experiment that does not
isolate its cause, equations that decorate rather than explain) needs a reader.
"""

from __future__ import annotations

import re

from diyphd.writing.finding import Finding
from diyphd.writing.prose import split_sentences

__all__ = ["check_trends"]

_EXPLAIN = re.compile(
    r"\b(because|this is why|which is why|this explains|explains why|is caused by|owing to|"
    r"the reason (is|why)|due to the fact)\b",
    re.I,
)
_EVIDENCE = re.compile(
    r"\d|\b(fig(ure)?|table|section|sec|appendix|theorem|lemma)\b|\bet al\b|\(\w+,? \d{4}\)"
    r"|\bwe (test|measure|ablate|show|find|found)\b",
    re.I,
)
_CONJECTURE = re.compile(
    r"\b(we (conjecture|hypothesi[sz]e|speculate|suspect|guess)|one possible|possibly|may|might|"
    r"could|perhaps|plausibl[ey]|likely|our hypothesis)\b",
    re.I,
)
_ATTRIBUTE = re.compile(
    r"\b(thanks to|owing to|because of|due to|comes? from|stems? from|is responsible for|"
    r"attributed? (it )?to|is driven by)\s+(the |our |its |a )?(proposed |new |novel )?"
    r"([a-z][\w-]*)",
    re.I,
)
_GUARANTEE = re.compile(
    r"\b(provabl[ey]|guarantee[sd]?|theoretically (grounded|justified|motivated|sound)|"
    r"principled|with theoretical guarantees)\b",
    re.I,
)
_CONDITION = re.compile(
    r"\b(under|assum\w*|if|when|provided|whenever|condition\w*|theorem|lemma|proposition|"
    r"appendix|section \d|convex|smooth|lipschitz|bounded)\b",
    re.I,
)
_ANTHRO = re.compile(
    r"\b(model|network|method|system|agent|transformer|LLM|it)s?\s+(truly\s+|really\s+|"
    r"actually\s+)?(understands?|thinks?|knows?|believes?|imagines?|is aware|wants?|feels?|"
    r"comprehends?)\b|\btruly understand\w*",
    re.I,
)
SUITCASE = ("robust", "interpretable", "fair", "reasoning", "intelligence", "intelligent")
_DEFINED = (
    r"we (define|call|mean|measure)\b[^.]*\b{w}|by {w}\w* we mean"
    r"|\b{w}\w*[^.]{{0,60}}?(i\.e\.|defined as|measured (as|by)|that is,)"
)


def _components(ablations) -> set[str]:
    return {str(a).lower() for a in (ablations or ())}


def check_trends(text: str, *, ablations=()) -> list[Finding]:
    """Every finding of the four trends on ``text``; ``ablations`` names ablated components."""
    sentences = split_sentences(text)
    findings: list[Finding] = []
    ablated = bool(re.search(r"\bablat", text, re.I)) or bool(ablations)
    names = _components(ablations)
    for s in sentences:
        if (m := _EXPLAIN.search(s)) and not _EVIDENCE.search(s) and not _CONJECTURE.search(s):
            why = f"'{m.group()}' states a cause as fact: cite evidence or say 'we conjecture'"
            findings.append(Finding("speculation", s, why))
        for m in _ATTRIBUTE.finditer(s):
            owner, part = (m.group(3) or "").strip().lower(), m.group(5).lower()
            if (owner not in ("our", "its", "the") and not m.group(4)) or part == "fact":
                continue  # "because of noise": not a component of the method
            if ablated and (not names or any(part in n or n in part for n in names)):
                continue
            why = f"a gain credited to '{part}' with no ablation that removes it"
            findings.append(Finding("gains", s, why))
            break
        if (m := _GUARANTEE.search(s)) and not _CONDITION.search(s):
            why = f"'{m.group()}' with no conditions: state the assumptions and where the proof is"
            findings.append(Finding("mathiness", s, why))
        if m := _ANTHRO.search(s):
            why = f"'{m.group().strip()}' lends the model a mind: say what it computes or predicts"
            findings.append(Finding("language", s, why))
    for word in SUITCASE:
        uses = [s for s in sentences if re.search(rf"\b{word}\w*", s, re.I)]
        if uses and not re.search(_DEFINED.format(w=word), text, re.I):
            why = f"'{word}' is a suitcase word: define what you measure by it"
            findings.append(Finding("language", uses[0], why))
    return findings

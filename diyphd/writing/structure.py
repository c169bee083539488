"""Paper-structure checks on a draft's text (writing theme, lesson 1: anatomy of a paper).

A draft is Markdown (``# Title``, ``## Abstract``, ...) or LaTeX (``\\section{...}``,
``\\begin{abstract}``). :func:`check_structure` returns a
:class:`~diyphd.writing.finding.Finding` for each failed rule:

- ``contributions``: a list of one to three contributions after a line that mentions them;
- ``refutable``: each contribution claims something that could turn out false (a comparison, a
  number, "we show that ..."), not an activity ("we study", "we explore");
- ``evidence``: each contribution points forward to its evidence (Section 4, Figure 2, Table 1);
- ``abstract``: an abstract of four to six sentences;
- ``limitations``: a limitations section of its own, apart from the results.

The first three follow Peyton Jones, "How to write a great research paper" (2004).
"""

from __future__ import annotations

import re

from diyphd.writing.finding import Finding
from diyphd.writing.prose import split_sentences

_HEADING = re.compile(r"^\s*(#{1,4})\s+(.+?)\s*$|^\s*\\(?:sub)*section\*?\{(.+?)\}", re.M)
_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)]|\\item)\s+(.+)$")
_FORWARD = re.compile(
    r"(section|sec\.|§|figure|fig\.|table|tab\.|theorem|thm\.|appendix|lemma|eq\.)\s*~?\(?\d"
    r"|\\(?:auto|c|C)?ref\{|\{(?:ref|numref|prf:ref|doc)\}",
    re.I,
)
_CLAIM = re.compile(
    r"\d|\b(than|that|whether)\b|\b(reduc|improv|increas|decreas|match|outperform|halv|doubl|"
    r"prov|bound|converg|fail|predict|explain|recover|lower|rais)\w*|\b(faster|slower|fewer|"
    r"more|less|higher|smaller|larger|better|worse)\b",
    re.I,
)
_VAGUE = re.compile(
    r"\b(study|studies|explore|investigate|discuss|look at|consider|shed light|provide insights?|"
    r"new perspective|novel framework|a framework)\b",
    re.I,
)


def sections(draft: str) -> list[tuple[str, str]]:
    """``(heading, body)`` pairs in order; text before the first heading has heading ''."""
    out = []
    marks = list(_HEADING.finditer(draft))
    starts = [0] + [m.end() for m in marks]
    heads = [""] + [(m.group(2) or m.group(3)).strip() for m in marks]
    ends = [m.start() for m in marks] + [len(draft)]
    for head, start, end in zip(heads, starts, ends, strict=True):
        out.append((head, draft[start:end].strip()))
    return out


def abstract_text(draft: str) -> str | None:
    """The abstract: a LaTeX abstract environment or the body of a heading 'Abstract'."""
    if m := re.search(r"\\begin\{abstract\}(.+?)\\end\{abstract\}", draft, re.S):
        return m.group(1).strip()
    for head, body in sections(draft):
        if head.lower().strip(" *:") == "abstract":
            return body
    return None


def contributions(draft: str) -> list[str]:
    """The list items that follow the first line mentioning 'contribution'."""
    lines = draft.splitlines()
    for i, line in enumerate(lines):
        if "contribution" not in line.lower() or _ITEM.match(line):
            continue
        items: list[str] = []
        for nxt in lines[i + 1 :]:
            if m := _ITEM.match(nxt):
                items.append(m.group(1).strip())
            elif items and nxt.strip() and nxt[:1] in " \t":
                items[-1] += " " + nxt.strip()  # a wrapped item
            elif items:
                break
            elif nxt.strip() and not nxt.lstrip().startswith("\\begin"):
                break  # prose, not a list, follows the mention
        if items:
            return items
    return []


def check_structure(
    draft: str,
    *,
    n_contributions: tuple[int, int] = (1, 3),
    abstract_sentences: tuple[int, int] = (4, 6),
) -> list[Finding]:
    """Every structural finding on ``draft``."""
    findings = []
    items = contributions(draft)
    lo, hi = n_contributions
    if not lo <= len(items) <= hi:
        why = f"{len(items)} contributions listed; list {lo} to {hi} after a line naming them"
        findings.append(Finding("contributions", "introduction", why))
    for item in items:
        if not _CLAIM.search(item) or (_VAGUE.search(item) and not re.search(r"\bthat\b", item)):
            why = "not refutable: state what you found or built, in a form that could be wrong"
            findings.append(Finding("refutable", item, why))
        if not _FORWARD.search(item):
            why = "no forward reference to its evidence (e.g. 'Section 4', 'Figure 2')"
            findings.append(Finding("evidence", item, why))
    abstract = abstract_text(draft)
    if abstract is None:
        findings.append(Finding("abstract", "draft", "no abstract found"))
    else:
        n = len(split_sentences(abstract))
        if not abstract_sentences[0] <= n <= abstract_sentences[1]:
            lo_s, hi_s = abstract_sentences
            why = f"{n} sentences; an abstract needs {lo_s} to {hi_s}"
            findings.append(Finding("abstract", abstract, why))
    heads = [h for h, _ in sections(draft)]
    limitation_heads = [h for h in heads if "limitation" in h.lower()]
    if not limitation_heads:
        findings.append(Finding("limitations", "draft", "no section titled 'Limitations'"))
    elif all("result" in h.lower() for h in limitation_heads):
        why = "limitations are folded into the results; give them a section of their own"
        findings.append(Finding("limitations", limitation_heads[0], why))
    return findings

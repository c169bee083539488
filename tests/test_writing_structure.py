"""Paper-structure checks: contributions, forward references, the abstract, limitations."""

from __future__ import annotations

import pytest

from diyphd.writing.examples import DRAFT_BAD, DRAFT_GOOD
from diyphd.writing.structure import abstract_text, check_structure, contributions, sections


def rules(draft: str) -> set[str]:
    return {f.rule for f in check_structure(draft)}


def test_good_draft_passes():
    """Does the lesson's good draft pass every rule?"""
    assert check_structure(DRAFT_GOOD) == []


def test_parsing():
    """Are the sections, the abstract and the two wrapped contributions found?"""
    heads = [h for h, _ in sections(DRAFT_GOOD)]
    assert "Abstract" in heads and "Limitations" in heads
    assert abstract_text(DRAFT_GOOD).startswith("Tuning the learning rate")
    items = contributions(DRAFT_GOOD)
    assert len(items) == 2 and items[0].endswith("(Section 4, Table 1).")


def test_bad_draft_breaks_every_rule():
    """Does the lesson's bad draft break all five rules?"""
    assert rules(DRAFT_BAD) == {"contributions", "refutable", "evidence", "abstract", "limitations"}


@pytest.mark.parametrize(
    ("rule", "old", "new"),
    [
        (
            "refutable",
            "We show that a single warm restart matches",
            "We explore whether a single warm restart matches",
        ),
        ("evidence", "(Theorem 1, Section 3)", "(see below)"),
        ("contributions", "Our contributions are:", "We find:"),
        (
            "abstract",
            "It does so with half as many runs. The gain vanishes on the largest benchmark.",
            "",
        ),
        ("abstract", "five seeds.", "five seeds. One. Two."),
        ("limitations", "## Limitations", "## Results and limitations"),
        ("limitations", "## Limitations", "## Outlook"),
    ],
)
def test_one_change_breaks_one_rule(rule, old, new):
    """Does a single edit to the good draft raise exactly the rule it breaks?"""
    assert old in DRAFT_GOOD
    assert rules(DRAFT_GOOD.replace(old, new)) == {rule}


def test_latex_draft():
    r"""Are \section{} headings, the abstract environment and \item lists understood?"""
    draft = r"""
\begin{abstract}
We ask a question. We answer it. The answer is 3 % ± 1 %. It holds on two data sets.
\end{abstract}
\section{Introduction}
Our contributions:
\begin{itemize}
\item We show that restarts halve tuning cost (Section~\ref{sec:exp}).
\end{itemize}
\section{Limitations}
Small models only.
"""
    assert check_structure(draft) == []

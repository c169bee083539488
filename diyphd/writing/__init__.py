"""Checkers for research writing: prose, figures, tables, reporting checklists, paper structure.

Introduced in the writing theme (``notebooks/writing/``). Every checker returns a list of
:class:`Finding` (empty when the input passes); ``report(findings)`` prints them one per line.

    check_prose(abstract)            # diyphd.writing.prose       (lesson 4)
    check_figure(fig, seeds=5)       # diyphd.writing.figures     (lesson 2)
    results_table(results)           # diyphd.writing.tables      (lesson 3)
    check_record(record)             # diyphd.writing.checklist   (lessons 3 and 5)
    check_structure(draft)           # diyphd.writing.structure   (lesson 1)
"""

from __future__ import annotations

from diyphd.writing.finding import Finding, report

__all__ = ["Finding", "report"]

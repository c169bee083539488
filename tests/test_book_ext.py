"""The book's extension: is the time budget every page quotes the syllabus's own sum?"""

from __future__ import annotations

import math
import re
from pathlib import Path

from diyphd.learner.book_ext import time_budget
from diyphd.learner.syllabus import syllabus_markdown

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["book/intro.md", "book/how_to_use.md", "book/research_process.md"]


def test_the_budget_is_the_syllabus_total():
    """Does {{ syllabus_hours }} equal the total the syllabus page prints?"""
    total = float(re.search(r"about ([\d.]+) hours", syllabus_markdown()).group(1))
    budget = time_budget()
    assert budget["syllabus_hours"] == f"{total:.0f}"
    assert budget["weeks_at_8"] == str(math.ceil(total / 8))
    assert int(budget["weeks_at_6"]) >= int(budget["weeks_at_8"]) >= int(budget["weeks_at_10"])


def test_pages_quote_the_budget_rather_than_a_number_of_their_own():
    """Do the pages that state the time budget use the substitutions, with no hand-typed total?"""
    for page in PAGES:
        text = (ROOT / page).read_text()
        assert "{{ syllabus_hours }}" in text, page
        assert not re.search(r"\b\d+ hours in all|about \d+ hours, the capstone", text), page

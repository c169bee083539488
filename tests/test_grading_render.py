"""Feedback as text and HTML: deterministic, escaped, and teaching (case, expected, hint)."""

from __future__ import annotations

import re

import numpy as np

from diyphd.learner.grading import get


def _wrong_gd(x, A, b, lr):
    return x + lr * (A @ x - b)


def test_text_is_deterministic():
    """Is text/plain identical across runs, free of addresses, dates and timings?"""
    q = get("optimization.ps01.gd_step")
    first, second = str(q.grade(_wrong_gd)), str(q.grade(_wrong_gd))
    assert first == second
    assert not re.search(r"0x[0-9a-f]{6,}|\d{4}-\d\d-\d\d|\d+\.\d+ ?s\b", first)


def test_text_teaches():
    """Does failing feedback show the case's input, expected and actual output, and the hint?"""
    text = str(get("optimization.ps01.gd_step").grade(_wrong_gd))
    assert "expected: [0.5 1. ]" in text and "got:      [1.5 3. ]" in text
    assert "inputs:   gd_step(x=[1. 2.]" in text
    assert "known mistake: wrong sign" in text
    assert "Hint:" in text
    assert "0 / 2 points" in text


def test_many_cases_fold_into_a_summary():
    """Do passing cases fold into one line so feedback stays short?"""
    q = get("optimization.ps01.rate")
    text = str(q.grade(lambda e: (e[-1] / e[0]) ** (1.0 / len(e))))
    assert "of 13 cases passed" in text
    assert len(text.splitlines()) < 25


def test_html_is_a_table_and_escaped():
    """Does the HTML view show a table and escape the learner's text?"""
    q = get("optimization.ps01.divergence")
    html = q.grade("<script>")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    ok = q.grade("b")._repr_html_()
    assert "<table>" in ok and "1 / 1 points" in ok


def test_hint_hidden_at_full_marks():
    """Is the hint left out once every point is earned?"""
    q = get("optimization.ps01.step_size")
    assert "Hint" not in str(q.grade(q.reference))
    assert "Hint" in str(q.grade(np.float64(0.5)))

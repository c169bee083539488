"""Tests for diyphd.foundations.diagnostic: the diagnostic's advice on where to start."""

from __future__ import annotations

import nbformat

from diyphd.foundations.diagnostic import (
    LESSONS,
    PROBLEM_SET,
    QUESTION_LESSON,
    from_gradebook,
    recommend,
    report,
    scores,
)
from diyphd.learner.grading import check, get, problem_sets
from diyphd.learner.paths import REPO
from diyphd.learner.syllabus import parse_header

FULL = dict.fromkeys(QUESTION_LESSON, 1.0)


def test_every_question_maps_to_a_lesson():
    """Is each question of the diagnostic mapped to a lesson, and each mapped name a question?"""
    names = {q.id.rsplit(".", 1)[-1] for q in problem_sets()[PROBLEM_SET]}
    assert names == set(QUESTION_LESSON)
    assert set(QUESTION_LESSON.values()) <= set(LESSONS)


def test_lesson_labels_match_the_notebooks():
    """Does each label name the header label of the notebook it points to?"""
    for label, (_, path) in LESSONS.items():
        nb = nbformat.read(REPO / f"{path}.ipynb", as_version=4)
        first = next(c.source for c in nb.cells if c.cell_type == "markdown")
        assert parse_header(first).label == label


def test_full_marks_recommend_nothing():
    """With every question right, is no lesson recommended?"""
    assert recommend(FULL) == []
    assert "Full marks" in report(FULL)


def test_nothing_attempted_recommends_all_in_reading_order():
    """With no answers at all, are all four lessons recommended, in reading order?"""
    assert recommend({}) == list(LESSONS)


def test_largest_share_missed_comes_first():
    """Is the lesson with the larger share of missed points listed first, others left out?"""
    got = {**FULL, "tanh_jacobian": 0.0, "taylor_order": 0.0, "kl": 0.5}
    assert recommend(got) == ["found-calc", "found-info"]
    text = report(got)
    assert text.index("Calculus") < text.index("Information") and "tanh_jacobian" in text


def test_accepts_results_from_check():
    """Are Result objects (right and wrong answers) read by their question ids?"""
    right = check("foundations.ps01.hoeffding_n", 1060, record=False)
    wrong = check("foundations.ps01.cond_number", 2.0, record=False)
    got = scores([right, wrong])
    assert got["hoeffding_n"] == 1.0 and got["cond_number"] == 0.0
    full_ids = {f"{PROBLEM_SET}.{name}": 1.0 for name in QUESTION_LESSON}
    assert recommend({**full_ids, wrong.question_id: wrong}) == ["found-linalg"]


def test_reads_the_latest_attempt_from_the_gradebook():
    """Does from_gradebook keep the latest attempt per question (the tests' own gradebook)?"""
    q = get("foundations.ps01.taylor_order")
    check(q.id, "b")  # recorded: wrong
    check(q.id, "c")  # recorded later: right
    check("foundations.ps01.kl", None)  # recorded: not attempted
    rows = from_gradebook()
    assert set(rows) == {q.id, "foundations.ps01.kl"}
    got = scores(rows)
    assert got["taylor_order"] == 1.0 and got["kl"] == 0.0


def test_taylor_question_slope_examples_hold():
    """Does the Taylor question's slope-4 example (cos t at 0) have slope 4, and does it say that a
    quadratic's second-order error is exactly 0 rather than offer it as a slope-4 case?"""
    import numpy as np

    from diyphd.foundations.rates import loglog_slope

    explanation = get("foundations.ps01.taylor_order").explanations["d"]
    t = np.logspace(-2, -1, 8)
    assert abs(loglog_slope(t, np.cos(t) - 1 + t**2 / 2) - 4) < 0.05
    assert "cos t" in explanation and "exactly 0" in explanation

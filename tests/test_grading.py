"""check(): grades, records unless told not to, never raises, and answers in well under 1 s."""

from __future__ import annotations

import time

import pytest

from diyphd.learner import gradebook
from diyphd.learner.grading import TextQuestion, all_questions, check, set_recording


def test_check_records_an_attempt(gradebook_path):
    """Does an interactive check land in the gradebook with its problem set?"""
    check("optimization.ps01.divergence", "b")
    rows = gradebook.attempts(gradebook_path)
    assert len(rows) == 1
    assert rows[0]["problem_set"] == "optimization.ps01" and rows[0]["auto_points"] == 1


def test_record_off_by_env(gradebook_path, monkeypatch):
    """Does DIYPHD_RECORD=0 keep checks out of the gradebook?"""
    monkeypatch.setenv("DIYPHD_RECORD", "0")
    check("optimization.ps01.divergence", "b")
    assert gradebook.attempts(gradebook_path) == []


def test_record_off_by_function(gradebook_path):
    """Does set_recording(False) keep checks out of the gradebook?"""
    set_recording(False)
    try:
        check("optimization.ps01.divergence", "b")
    finally:
        set_recording(None)
    assert gradebook.attempts(gradebook_path) == []


def test_unwritable_gradebook_warns_only(monkeypatch, tmp_path):
    """Does a broken gradebook path warn rather than break the check?"""
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DIYPHD_GRADEBOOK", str(blocker / "gb.sqlite"))
    with pytest.warns(UserWarning, match="could not record"):
        result = check("optimization.ps01.divergence", "b")
    assert result.full_marks


def test_grader_bug_does_not_raise(monkeypatch):
    """If a question's own code fails, does check still return a result?"""
    from diyphd.learner.grading import get

    q = get("optimization.ps01.gd_step")
    monkeypatch.setattr(q, "reference", lambda *a: 1 / 0)
    result = check(q.id, lambda *a: 0, record=False)
    assert result.score == 0


@pytest.mark.parametrize("q", all_questions(), ids=lambda q: q.id)
def test_check_is_fast(q):
    """Does check() answer in well under a second, hidden cases and recording included?"""
    answer = q.sample(q.reference)
    scores = q.full_self_scores if isinstance(q, TextQuestion) else None
    check(q.id, answer, self_scores=scores)  # warm up imports
    start = time.perf_counter()
    result = check(q.id, answer, self_scores=scores)
    elapsed = time.perf_counter() - start
    assert result.full_marks and elapsed < 0.5, f"{elapsed:.3f} s"

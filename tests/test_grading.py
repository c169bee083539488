"""check(): grades, records unless told not to, never raises, and answers in well under 1 s
(the forked grading child included)."""

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


def test_unwritable_gradebook_is_reported_in_every_result(monkeypatch, tmp_path):
    """Does every failed record show in that check's own output, not once per kernel?"""
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DIYPHD_GRADEBOOK", str(blocker / "gb.sqlite"))
    for _ in range(3):
        result = check("optimization.ps01.divergence", "b")
        assert result.full_marks and "NOT SAVED to your gradebook" in str(result)


def test_read_only_gradebook_fails_at_once(monkeypatch, tmp_path):
    """In a read-only folder, does a check say so at once instead of retrying for seconds?

    (os.access is patched: the tests may run as root, who can write anywhere.)"""
    from diyphd.learner import gradebook as gb

    folder = tmp_path / "ro"
    folder.mkdir()
    check("optimization.ps01.divergence", "b")  # warm up imports
    monkeypatch.setenv("DIYPHD_GRADEBOOK", str(folder / "gb.sqlite"))
    monkeypatch.setattr(gb.os, "access", lambda p, mode: not str(p).startswith(str(folder)))
    start = time.perf_counter()
    result = check("optimization.ps01.divergence", "b")
    assert time.perf_counter() - start < 1.0
    assert "read-only" in str(result) and "NOT SAVED" in str(result)


def test_unknown_question_does_not_raise():
    """Does a mistyped question id come back as a result naming the known ids?"""
    result = check("optimization.ps01.gd_stpe", lambda: 0, record=False)
    assert result.score == 0 and "optimization.ps01.gd_step" in str(result)


def test_grader_bug_does_not_raise(monkeypatch):
    """If a question's own code fails, does check still return a result?"""
    from diyphd.learner.grading import get

    q = get("optimization.ps01.gd_step")
    monkeypatch.setattr(q, "reference", lambda *a: 1 / 0)
    result = check(q.id, lambda *a: 0, record=False)
    assert result.score == 0


@pytest.mark.parametrize("q", all_questions(), ids=lambda q: q.id)
def test_check_is_fast(q):
    """Does check() answer within a second, the fork, hidden cases and recording included?"""
    answer = q.sample(q.reference)
    scores = q.full_self_scores if isinstance(q, TextQuestion) else None
    check(q.id, answer, self_scores=scores)  # warm up imports
    start = time.perf_counter()
    result = check(q.id, answer, self_scores=scores)
    elapsed = time.perf_counter() - start
    assert result.full_marks and elapsed < 1.0, f"{elapsed:.3f} s"

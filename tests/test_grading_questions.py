"""Every registered question: the reference earns full marks, the stub none, mistakes less."""

from __future__ import annotations

import pytest

from diyphd.learner.grading import TextQuestion, all_questions

QUESTIONS = all_questions()
WRONG = [(q, name) for q in QUESTIONS for name in q.wrong_answers]


def _grade(q, answer):
    scores = q.full_self_scores if isinstance(q, TextQuestion) else None
    return q.grade(q.sample(answer), self_scores=scores)


def test_registry_is_not_empty():
    """Are the problem sets' questions discovered at all?"""
    assert len(QUESTIONS) >= 5
    assert len({q.kind for q in QUESTIONS}) >= 3


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_reference_scores_full_marks(q):
    """Does the reference answer earn every point?"""
    result = _grade(q, q.reference)
    assert result.attempted and result.score == result.max == q.max_points, str(result)


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_stub_scores_zero_without_raising(q):
    """Does an unanswered stub (None, Ellipsis) give zero points and a 'not attempted' note?"""

    def stub(*args):
        raise NotImplementedError("replace this line with your code")

    for blank in (None, ..., stub) if q.kind == "function" else (None, ...):
        result = q.grade(blank)
        assert not result.attempted and result.score == 0, str(result)
        assert "not attempted" in str(result).lower()


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_declares_two_wrong_answers(q):
    """Does every question declare at least two plausible mistakes to test against?"""
    assert len(q.wrong_answers) >= 2


@pytest.mark.parametrize(("q", "name"), WRONG, ids=[f"{q.id}-{n}" for q, n in WRONG])
def test_wrong_answer_scores_less(q, name):
    """Does each declared mistake lose points, and say why?"""
    result = _grade(q, q.wrong_answers[name])
    assert result.attempted and result.score < result.max, str(result)
    assert any(not r.passed for r in result.rows)


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_hint_given(q):
    """Does every question carry a hint for the learner who misses points?"""
    assert q.hint.strip()

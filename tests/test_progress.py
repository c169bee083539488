"""Progress: best and latest per question, summed per problem set; one attempt per run."""

from __future__ import annotations

from diyphd.learner import gradebook
from diyphd.learner.grading import get
from diyphd.learner.paths import EXERCISES
from diyphd.learner.progress import progress


def _record(qid: str, answer, run_id: str) -> None:
    gradebook.record(get(qid).grade(answer), run_id=run_id)


def test_best_and_latest_per_question():
    """Is 'best' the sum of each question's best and 'latest' the sum of each one's last?"""
    _record("optimization.ps01.divergence", "b", "r1")
    _record("optimization.ps01.step_size", 0.2531, "r1")
    _record("optimization.ps01.divergence", "a", "r2")
    (item,) = [i for i in progress(EXERCISES) if i.problem_set == "optimization.ps01"]
    assert item.best == 2 and item.latest == 1
    assert item.attempts == 2 and item.last is not None and len(item.last) == 10


def test_sets_without_attempts_are_listed():
    """Is a problem set with no attempt listed with zero scores?"""
    items = progress(EXERCISES)
    assert [i.problem_set for i in items] == sorted(i.problem_set for i in items)
    assert all(i.attempts == 0 and i.best == 0 for i in items)
    assert "optimization.ps01" in {i.problem_set for i in items}

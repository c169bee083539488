"""Progress: best and latest per question, summed per problem set; graded runs and checks
counted apart; a readable, aligned table."""

from __future__ import annotations

import re

from diyphd.learner import gradebook
from diyphd.learner.grading import get
from diyphd.learner.paths import EXERCISES
from diyphd.learner.progress import as_dicts, as_text, progress


def _record(qid: str, answer, run_id: str, source: str = "check") -> None:
    gradebook.record(get(qid).grade(answer), run_id=run_id, source=source)


def test_best_and_latest_per_question():
    """Is 'best' the sum of each question's best and 'latest' the sum of each one's last?"""
    _record("optimization.ps01.divergence", "b", "r1")
    _record("optimization.ps01.step_size", 0.2531, "r1")
    _record("optimization.ps01.divergence", "a", "r2")
    (item,) = [i for i in progress(EXERCISES) if i.problem_set == "optimization.ps01"]
    assert item.best == 2 and item.latest == 1
    assert item.checks == 3 and item.graded_runs == 0
    assert item.last is not None and len(item.last) == 10


def test_sets_without_attempts_are_listed():
    """Is a problem set with no attempt listed with zero scores?"""
    items = progress(EXERCISES)
    assert [i.problem_set for i in items] == sorted(i.problem_set for i in items)
    assert all(i.graded_runs == i.checks == 0 and i.best == 0 for i in items)
    assert "optimization.ps01" in {i.problem_set for i in items}


def test_graded_runs_and_checks_are_counted_apart():
    """Is a graded run (many questions, one run id) one graded run, and each check one check?"""
    for qid, answer in [("optimization.ps01.divergence", "b"), ("optimization.ps01.step_size", 1)]:
        _record(qid, answer, "grade-run-1", source="grade")
    _record("optimization.ps01.divergence", "a", "c1")
    _record("optimization.ps01.divergence", "b", "c2")
    (item,) = [i for i in progress(EXERCISES) if i.problem_set == "optimization.ps01"]
    assert (item.graded_runs, item.checks) == (1, 2)


def test_table_columns_are_aligned_and_names_readable():
    """Does every row put each column at the header's place, with readable names (a gap after
    'generalization', no 'thesis thesis')?"""
    items = progress(EXERCISES)
    lines = as_text(items).splitlines()
    head = lines[0]
    for column in ("best", "latest", "graded", "checks"):
        end = head.index(column) + len(column)  # right-aligned numbers end under their header
        assert all(line[end - 1] != " " and line[end : end + 1] in ("", " ") for line in lines[1:])
    assert any(re.match(r"generalization {2,}ps01 bias variance cv ", line) for line in lines)
    assert not any("thesis thesis" in line for line in lines)


def test_json_numbers_are_typed_consistently():
    """In the JSON form, are all scores floats and the two counts ints, in every set?"""
    for d in as_dicts(progress(EXERCISES)):
        assert all(type(d[k]) is float for k in ("max_points", "best", "latest")), d
        assert type(d["graded_runs"]) is int and type(d["checks"]) is int
        assert d["name"].startswith(d["problem_set"].split(".")[-1])

"""The research year: are the milestones after the study plan, stored, reviewed and reported?"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from diyphd.__main__ import main
from diyphd.learner import research_plan as rp

START = date(2027, 1, 4)  # a Monday


def test_milestones_follow_the_study_plan_within_the_year():
    """Do the five milestones come after the study weeks, in order, inside twelve months?"""
    plan = rp.make_research_plan(10, START)
    dues = [m.due for m in plan.milestones]
    assert [m.key for m in plan.milestones] == [k for k, *_ in rp.MILESTONES]
    assert dues == sorted(dues) and len(set(dues)) == len(dues)
    assert dues[0] > plan.study_end
    assert dues[-1] <= START + timedelta(days=366)


def test_more_hours_reach_the_research_sooner():
    """Does a bigger weekly budget shorten the study block and bring the first milestone forward?"""
    slow, fast = rp.make_research_plan(6, START), rp.make_research_plan(15, START)
    assert fast.study_weeks < slow.study_weeks
    assert fast.milestones[0].due < slow.milestones[0].due


def test_too_few_hours_for_a_year_is_refused():
    """Is a budget that leaves no room for research refused with a clear message?"""
    with pytest.raises(ValueError, match="study plan alone"):
        rp.make_research_plan(0.5, START)


def test_store_review_and_standing(tmp_path):
    """Does the plan round-trip through SQLite, and does each milestone get the right state?"""
    path = tmp_path / "gradebook.sqlite"
    plan = rp.make_research_plan(10, START)
    rp.save(plan, path)
    assert rp.load(path) == plan
    rp.mark("question", "done", "pilot showed the effect", path)
    rp.mark("reproduction", "no-go", "narrowed to one claim", path)
    m = {x.key: x for x in plan.milestones}
    today = m["result"].due + timedelta(days=1)  # result overdue, workshop soon or later
    states = dict((x.key, s) for x, s in rp.standing(plan, rp._reviews(path), today))
    assert states["question"] == "done" and states["reproduction"] == "no-go"
    assert states["result"] == "overdue" and states["preprint"] == "upcoming"
    soon = dict((x.key, s) for x, s in rp.standing(plan, {}, m["workshop"].due - timedelta(days=3)))
    assert soon["workshop"] == "due this month"


def test_unknown_milestone_and_status_are_refused(tmp_path):
    """Is a typo in a milestone's key or status refused, naming the valid ones?"""
    with pytest.raises(ValueError, match="question"):
        rp.mark("questoin", path=tmp_path / "g.sqlite")
    with pytest.raises(ValueError, match="no-go"):
        rp.mark("question", "maybe", path=tmp_path / "g.sqlite")


def test_cli_plan_milestone_progress(tmp_path, capsys, gradebook_path):
    """Do `plan --research`, `milestone` and `progress` work together, in-process?"""
    args = ["plan", "--research", "--hours-per-week", "10", "--start", START.isoformat()]
    assert main([*args, "--out", str(tmp_path)]) == 0
    assert (tmp_path / "research_plan.md").read_text().count("go/no-go") == 1
    assert "A preprint" in capsys.readouterr().out
    assert main(["milestone", "question", "--note", "chose the batch-norm follow-up"]) == 0
    assert main(["milestone", "nonsense"]) == 2
    capsys.readouterr()
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Research year:" in out and "A question chosen" in out and "done" in out


def test_progress_without_a_research_plan_says_nothing_of_it(capsys, gradebook_path):
    """Does `progress` leave out the research year when none is stored?"""
    assert main(["progress"]) == 0
    assert "Research year" not in capsys.readouterr().out

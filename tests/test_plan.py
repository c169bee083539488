"""The study planner: prerequisite order, week boundaries, hours respected, plan vs gradebook."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import nbformat
import pytest
import yaml

from diyphd.learner import plan
from diyphd.learner.cli import main


def _header(label: str, title: str, minutes: int, prereq: str = "none") -> str:
    return (
        f"({label})=\n# {title}\n\nOverview.\n\n**Learning objectives.** After this you can\n"
        f"- do a thing\n\n**Prerequisites.** {prereq}\n\n**Time.** {minutes} minutes.\n"
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A tiny book whose toc lists a lesson before the lesson it depends on."""
    notebooks = {
        "notebooks/alpha/01_second": _header("a-second", "Second", 90, "{ref}`first <b-first>`"),
        "notebooks/beta/01_first": _header("b-first", "First", 50),
        "exercises/alpha/ps01_drill": _header("a-ps01", "Drill", 60),
        "notebooks/alpha/02_long": _header("a-long", "Long", 300),
    }
    for path, header in notebooks.items():
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(header)])
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, tmp_path / f"{path}.ipynb")
    toc = {
        "format": "jb-book",
        "root": "book/intro",
        "parts": [{"caption": "All", "chapters": [{"file": p} for p in notebooks]}],
    }
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False))
    return tmp_path


def _paths(weeks):
    return [t.path for w in weeks for t in w.tasks]


def test_prerequisites_come_first(repo):
    """Is a lesson scheduled after the lesson its header names as a prerequisite?"""
    order = list(dict.fromkeys(_paths(plan.make_plan(4, date(2026, 1, 5), root=repo))))
    assert order.index("notebooks/beta/01_first") < order.index("notebooks/alpha/01_second")
    # within a theme, the toc order holds: lesson 01 before ps01 before lesson 02
    assert order.index("notebooks/alpha/01_second") < order.index("exercises/alpha/ps01_drill")


def test_weeks_respect_the_budget_and_split_long_notebooks(repo):
    """Does no week exceed the weekly hours, with a 5-hour lesson split across weeks?"""
    weeks = plan.make_plan(2, date(2026, 1, 5), root=repo)
    assert all(w.minutes <= 120 for w in weeks)
    long_parts = [t for w in weeks for t in w.tasks if t.path.endswith("02_long")]
    assert [t.part for t in long_parts] == ["1/3", "2/3", "3/3"]
    assert sum(t.minutes for t in long_parts) == 300
    assert sum(w.minutes for w in weeks) == 50 + 90 + 60 + 300


def test_week_boundaries(repo):
    """Do weeks start seven days apart from the start date and end on the sixth day?"""
    weeks = plan.make_plan(1.5, date(2026, 3, 2), root=repo)
    assert weeks[0].start == date(2026, 3, 2) and weeks[0].end == date(2026, 3, 8)
    assert all(b.start - a.start == timedelta(days=7) for a, b in itertools.pairwise(weeks))
    assert [w.number for w in weeks] == list(range(1, len(weeks) + 1))


def test_a_notebook_is_not_split_when_it_fits_next_week(repo):
    """Is a notebook that fits a fresh week moved there rather than cut in two?"""
    weeks = plan.make_plan(2, date(2026, 1, 5), root=repo)
    second = [t for w in weeks for t in w.tasks if t.path.endswith("01_second")]
    assert len(second) == 1 and second[0].minutes == 90


def test_theme_filter_and_bad_input(repo):
    """Does --themes keep one theme, and do unknown themes and zero hours fail clearly?"""
    weeks = plan.make_plan(10, date(2026, 1, 5), themes=["beta"], root=repo)
    assert _paths(weeks) == ["notebooks/beta/01_first"]
    with pytest.raises(ValueError, match="unknown theme"):
        plan.make_plan(10, themes=["gamma"], root=repo)
    with pytest.raises(ValueError, match="above 0"):
        plan.make_plan(0, root=repo)


def test_markdown_and_ics(repo):
    """Does the plan render as Markdown with checkboxes and as a valid-looking iCalendar?"""
    weeks = plan.make_plan(3, date(2026, 1, 5), root=repo)
    md = plan.to_markdown(weeks, 3)
    assert md.count("## Week ") == len(weeks) and "- [ ] First" in md
    ics = plan.to_ics(weeks)
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") == len(weeks)
    assert "DTSTART;VALUE=DATE:20260105" in ics


def test_standing_against_done_sets(repo):
    """Is the learner ahead, on track or behind, by problem sets passed versus due?"""
    weeks = plan.make_plan(2, date(2026, 1, 5), root=repo)
    ps = "exercises/alpha/ps01_drill"
    due_week = next(w for w in weeks for t in w.tasks if t.path == ps)
    before, after = due_week.start, due_week.end + timedelta(days=1)
    assert plan.standing(weeks, set(), before).status == "no problem set due yet"
    assert plan.standing(weeks, {ps}, before).status == "ahead"
    assert plan.standing(weeks, set(), after).status == "behind"
    assert plan.standing(weeks, {ps}, after).status == "on track"


def test_plan_is_stored_and_reloaded(repo, tmp_path):
    """Does the stored plan come back from the SQLite store as it was saved?"""
    weeks = plan.make_plan(2, date(2026, 1, 5), root=repo)
    plan.save(weeks, 2)
    again = plan.load()
    assert [(w.start, _paths([w])) for w in again] == [(w.start, _paths([w])) for w in weeks]


def test_cli_plan_writes_files_and_progress_reports(tmp_path, capsys):
    """Does `plan` write plan.md and plan.ics, and `progress` then report the plan?"""
    out = tmp_path / "out"
    assert main(["plan", "--hours-per-week", "6", "--start", "2026-01-05", "--out", str(out)]) == 0
    assert (out / "plan.md").exists() and (out / "plan.ics").exists()
    capsys.readouterr()
    assert main(["progress"]) == 0
    assert "Plan: " in capsys.readouterr().out


@pytest.mark.parametrize(
    "hours", ["inf", "nan", "0", "-1", "169", "-inf", "eight", "0.001", "1e-300"]
)
def test_bad_hours_are_refused_with_a_message(hours, capsys):
    """Is every weekly budget no week can hold (inf, nan, 0, negative, >168, text) or no plan
    can use (below half an hour: thousands of weeks of minutes) refused
    with a message and exit status 2, never a traceback?"""
    with pytest.raises(SystemExit) as stop:
        main(["plan", f"--hours-per-week={hours}", "--no-save"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--hours-per-week" in err and "Traceback" not in err
    assert "above 0" in err or "not a number" in err


def test_unknown_theme_lists_the_themes(repo):
    """Does an unknown theme's error name the themes there are?"""
    with pytest.raises(ValueError, match=r"gamma; the themes are: alpha, beta"):
        plan.make_plan(10, themes=["gamma"], root=repo)


def test_weeks_run_monday_to_sunday(repo):
    """From a Wednesday start, does week 1 run from that week's Monday to Sunday, as the
    research log's weeks do?"""
    from diyphd.learner import research_log

    wednesday = date(2026, 3, 4)
    weeks = plan.make_plan(1.5, wednesday, root=repo)
    assert weeks[0].start == date(2026, 3, 2) and weeks[0].end == date(2026, 3, 8)
    assert (weeks[0].start, weeks[0].end) == research_log.week_of(wednesday)


def test_one_week_is_singular_and_paths_are_workspace_copies(repo):
    """Does a one-week plan say '1 week' (not '1 weeks') and name each task's workspace copy?"""
    weeks = plan.make_plan(10, date(2026, 1, 5), themes=["beta"], root=repo)
    md = plan.to_markdown(weeks, 10)
    assert "1 week," in md and "1 weeks" not in md
    assert "(`workspace/beta/01_first.ipynb`)" in md


def test_capstone_worked_example_comes_before_the_capstone():
    """In the real plan, is the capstone's worked example scheduled before the capstone itself,
    and every lesson of a theme still in its toc order?"""
    order = list(dict.fromkeys(_paths(plan.make_plan(8, date(2026, 1, 5)))))
    example = order.index("notebooks/capstone/02_worked_example_batchnorm")
    assert example < order.index("notebooks/capstone/01_thesis_template")
    opt = [p for p in order if p.startswith("notebooks/optimization/")]
    assert opt == sorted(opt)

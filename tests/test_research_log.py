"""The research log: entries kept across processes, the weekly note, bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from diyphd.learner import research_log
from diyphd.learner.cli import main


def test_entries_survive_across_processes(tmp_path):
    """Is an entry written by one process read back by another?"""
    env = dict(os.environ, DIYPHD_GRADEBOOK=str(tmp_path / "store.sqlite"))
    write = [
        sys.executable,
        "-m",
        "diyphd",
        "log",
        "ran the sweep",
        "--day",
        "2026-02-03",
        "--question",
        "does momentum help?",
        "--result",
        "slope 0.5",
        "--next",
        "Nesterov",
    ]
    subprocess.run(write, env=env, check=True, capture_output=True)
    read = [sys.executable, "-m", "diyphd", "log", "--week", "--day", "2026-02-05"]
    note = subprocess.run(read, env=env, check=True, capture_output=True, text=True).stdout
    assert "ran the sweep" in note and "**Question:** does momentum help?" in note
    assert "**Next:** Nesterov" in note and "Tuesday 03 February" in note


def test_weekly_note_keeps_to_its_week():
    """Does the weekly note hold this ISO week's entries only, grouped by day, in order?"""
    for day, note in [
        (date(2026, 2, 1), "last week"),
        (date(2026, 2, 2), "monday"),
        (date(2026, 2, 8), "sunday"),
        (date(2026, 2, 2), "monday again"),
    ]:
        research_log.add(research_log.Entry(day, note))
    text = research_log.weekly_note(date(2026, 2, 4))
    assert "last week" not in text
    assert text.index("monday") < text.index("monday again") < text.index("sunday")
    assert text.count("## Monday") == 1 and "week 6 of 2026" in text


def test_empty_week_and_empty_entry():
    """Does an empty week say so, and is an empty entry refused by the store?"""
    assert "No entries this week." in research_log.weekly_note(date(2030, 1, 1))
    with pytest.raises(ValueError):
        research_log.add(research_log.Entry(date(2030, 1, 1)))


def test_bare_log_shows_this_week(capsys):
    """Does `diyphd log` with no text print this week's log (and how to add), adding nothing?"""
    research_log.add(research_log.Entry(research_log.today(), "read the Adam paper"))
    assert main(["log"]) == 0
    out = capsys.readouterr().out
    assert "# Research log, week" in out and "read the Adam paper" in out
    assert "diyphd log" in out
    monday, sunday = research_log.week_of(research_log.today())
    assert len(research_log.entries(monday, sunday)) == 1


@pytest.mark.parametrize("day", ["2999-01-01", "tomorrow", "2026-02-30"])
def test_bad_day_is_refused(day, capsys):
    """Is a future or malformed --day refused with a message, the entry not stored?"""
    with pytest.raises(SystemExit) as stop:
        main(["log", "did things", "--day", day])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--day" in err and ("future" in err or "YYYY-MM-DD" in err)
    assert research_log.entries(date(2000, 1, 1), date(3000, 1, 1)) == []


def test_today_is_accepted(capsys):
    """Is --day today accepted and the entry stored on that day?"""
    today = research_log.today()
    assert main(["log", "wrote the intro", "--day", today.isoformat()]) == 0
    assert [e.note for e in research_log.entries(today, today)] == ["wrote the intro"]

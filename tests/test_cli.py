"""The command line, run in-process: student, grade, progress."""

from __future__ import annotations

import json

import nbformat
import pytest

from diyphd.__main__ import main
from diyphd.learner.paths import EXERCISES

PS01 = EXERCISES / "optimization" / "ps01_gradient_methods.ipynb"


def test_student_writes_the_workspace(tmp_path, capsys):
    """Does `diyphd student` write the copies and say what it did, and keep them next time?"""
    assert main(["student", "--out", str(tmp_path)]) == 0
    assert "created" in capsys.readouterr().out
    assert (tmp_path / "optimization" / "ps01_gradient_methods.ipynb").exists()
    main(["student", "--out", str(tmp_path)])
    assert "unchanged" in capsys.readouterr().out


def test_grade_reference_full_marks(capsys, gradebook_path):
    """Does grading the reference notebook give every point and record every question?"""
    assert main(["grade", str(PS01)]) == 0
    out = capsys.readouterr().out
    assert "Total: 12 / 12 (10 automatic + 2 self-scored)" in out, out
    assert "never checked" not in out and "error in" not in out


def test_grade_student_copy_zero(tmp_path, capsys):
    """Does grading an untouched learner copy report zero, each question not attempted?"""
    main(["student", "--out", str(tmp_path)])
    capsys.readouterr()
    main(["grade", str(tmp_path / "optimization" / "ps01_gradient_methods.ipynb")])
    out = capsys.readouterr().out
    assert "Total: 0 / 12" in out and out.count("not attempted") == 7, out


def test_grade_reports_unchecked_questions_and_errors(tmp_path, capsys):
    """Are a deleted check cell and a crashing cell both reported, not fatal?"""
    nb = nbformat.read(PS01, as_version=4)
    nb.cells = [c for c in nb.cells if "optimization.ps01.rate" not in c.source]
    nb.cells.append(nbformat.v4.new_code_cell("1 / 0"))
    target = tmp_path / "optimization" / "ps01_gradient_methods.ipynb"
    target.parent.mkdir()
    nbformat.write(nb, target)
    main(["grade", str(target)])
    out = capsys.readouterr().out
    assert "rate             never checked" in out
    assert "ZeroDivisionError" in out


def test_grade_missing_file(capsys):
    """Does a wrong path give exit status 2 and a message?"""
    assert main(["grade", "no/such.ipynb"]) == 2
    assert "no notebook" in capsys.readouterr().err


def test_progress_lists_unattempted_sets(capsys):
    """Does progress list every problem set in exercises/, even with no attempts?"""
    assert main(["progress", "--json"]) == 0
    items = {i["problem_set"]: i for i in json.loads(capsys.readouterr().out)["problem_sets"]}
    assert items["optimization.ps01"]["attempts"] == 0
    assert items["optimization.ps01"]["max_points"] == 12


def test_progress_after_checks(capsys):
    """After checks, does progress show best, latest, attempts and the date?"""
    from diyphd.learner.grading import check

    check("optimization.ps01.divergence", "b")
    check("optimization.ps01.divergence", "a")
    main(["progress"])
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("optimization"))
    assert "1/12" in line and "0/12" in line and " 2 " in line
    assert "DIYPHD_GRADEBOOK" in out


def test_unknown_verb_exits():
    """Does an unknown verb stop with argparse's usage error?"""
    with pytest.raises(SystemExit):
        main(["frobnicate"])

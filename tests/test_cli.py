"""The command line, run in-process: student, grade, progress, reset."""

from __future__ import annotations

import json

import nbformat
import pytest

from diyphd.__main__ import main
from diyphd.learner import gradebook
from diyphd.learner.paths import EXERCISES, NOTEBOOKS, REPO

PS01 = EXERCISES / "optimization" / "ps01_gradient_methods.ipynb"


def _ps01() -> tuple[int, int]:
    """optimization.ps01's number of questions and total points (they grow with the set)."""
    from diyphd.learner.grading import registry

    questions = registry.problem_sets()["optimization.ps01"]
    return len(questions), round(registry.max_points("optimization.ps01"))


def test_student_writes_the_workspace(tmp_path, capsys):
    """Does `diyphd student` write the copies and say what it did, and keep them next time?"""
    assert main(["student", "--out", str(tmp_path)]) == 0
    assert "created" in capsys.readouterr().out
    assert (tmp_path / "optimization" / "ps01_gradient_methods.ipynb").exists()
    main(["student", "--out", str(tmp_path)])
    assert "already up to date" in capsys.readouterr().out


def test_grade_reference_full_marks_recorded_nowhere(capsys, gradebook_path):
    """Does grading the solved reference show every point, say it is not recorded, and leave
    the gradebook empty (so progress can't be spoiled)?"""
    assert main(["grade", str(PS01)]) == 0
    out = capsys.readouterr().out
    _, total = _ps01()
    assert f"Total: {total} / {total} (" in out and "self-scored)" in out, out
    assert "never checked" not in out and "error in" not in out
    assert "Not recorded: optimization/ps01_gradient_methods.ipynb is the repository's" in out
    assert gradebook.attempts(gradebook_path) == []


def test_grade_student_copy_zero(tmp_path, capsys):
    """Does grading an untouched learner copy report zero, each question not attempted?"""
    main(["student", "--out", str(tmp_path)])
    capsys.readouterr()
    main(["grade", str(tmp_path / "optimization" / "ps01_gradient_methods.ipynb")])
    out = capsys.readouterr().out
    count, total = _ps01()
    assert f"Total: 0 / {total}" in out and out.count("not attempted") == count, out
    assert "Not recorded" not in out and "To work on: " in out
    assert {r["source"] for r in gradebook.attempts()} == {"grade"}


def test_grade_reports_unchecked_questions_and_errors(tmp_path, capfd):
    """Are a deleted check cell and a crashing cell both reported, the cell named as JupyterLab
    numbers it (code cells only), with exit status 1 and no kernel TCP warning?"""
    nb = nbformat.read(PS01, as_version=4)
    nb.cells = [c for c in nb.cells if "optimization.ps01.rate" not in c.source]
    nb.cells.append(nbformat.v4.new_code_cell("1 / 0"))
    number = sum(c.cell_type == "code" for c in nb.cells)
    assert number < len(nb.cells)  # markdown cells would make a wrong count differ
    target = tmp_path / "optimization" / "ps01_gradient_methods.ipynb"
    target.parent.mkdir()
    nbformat.write(nb, target)
    assert main(["grade", str(target)]) == 1
    out, err = capfd.readouterr()
    assert "rate             never checked" in out
    assert f"error in cell [{number}] (`1 / 0`): ZeroDivisionError" in out, out
    assert "without encryption" not in out + err


def test_grade_missing_file(capsys):
    """Does a wrong path give exit status 2 and a message?"""
    assert main(["grade", "no/such.ipynb"]) == 2
    assert "no notebook" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (NOTEBOOKS / "optimization" / "01_gradient_descent.ipynb", "is not a problem set"),
        (REPO / "README.md", "is not a problem set"),
    ],
    ids=["lesson", "readme"],
)
def test_grade_refuses_what_is_not_a_problem_set(target, message, capsys):
    """Is a lesson or a Markdown file refused with a clear message and exit 2, unrun?"""
    assert main(["grade", str(target)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_grade_refuses_a_broken_notebook(tmp_path, capsys):
    """Is a psNN file that is not JSON refused with a message, not a NotJSONError traceback?"""
    bad = tmp_path / "optimization" / "ps01_gradient_methods.ipynb"
    bad.parent.mkdir()
    bad.write_text("not a notebook")
    assert main(["grade", str(bad)]) == 2
    assert "not a readable notebook" in capsys.readouterr().err


def test_progress_lists_unattempted_sets(capsys):
    """Does progress list every problem set in exercises/, even with no attempts?"""
    assert main(["progress", "--json"]) == 0
    items = {i["problem_set"]: i for i in json.loads(capsys.readouterr().out)["problem_sets"]}
    assert items["optimization.ps01"]["checks"] == items["optimization.ps01"]["graded_runs"] == 0
    assert items["optimization.ps01"]["max_points"] == float(_ps01()[1])


def test_progress_after_checks(capsys):
    """After checks, does progress show best, latest, attempts and the date?"""
    from diyphd.learner.grading import check

    check("optimization.ps01.divergence", "b")
    check("optimization.ps01.divergence", "a")
    main(["progress"])
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("optimization"))
    total = _ps01()[1]
    assert line.split()[4:7] == [f"1/{total}", f"0/{total}", "0"] and line.split()[7] == "2", line
    assert "DIYPHD_GRADEBOOK" in out


def test_unknown_verb_exits():
    """Does an unknown verb stop with argparse's usage error?"""
    with pytest.raises(SystemExit):
        main(["frobnicate"])


def _check_twice() -> None:
    from diyphd.learner.grading import check

    check("optimization.ps01.divergence", "b")
    check("optimization.ps02.relative_error", None)


def test_reset_with_yes_removes_one_set_only(capsys):
    """Does `reset SET --yes` remove that set's attempts and keep the others'?"""
    _check_twice()
    assert main(["reset", "optimization.ps01", "--yes"]) == 0
    assert "Removed 1 attempt" in capsys.readouterr().out
    assert {r["problem_set"] for r in gradebook.attempts()} == {"optimization.ps02"}


@pytest.mark.parametrize(("answer", "status", "left"), [("n", 1, 2), ("", 1, 2), ("y", 0, 1)])
def test_reset_asks_first(answer, status, left, monkeypatch, capsys):
    """Without --yes, does reset ask, and remove only on 'y'?"""
    _check_twice()
    monkeypatch.setattr("builtins.input", lambda prompt: answer)
    target = "workspace/optimization/ps01_gradient_methods.ipynb"  # a path works too
    assert main(["reset", target]) == status
    assert len(gradebook.attempts()) == left


def test_reset_unknown_set(capsys):
    """Is an unknown problem set refused with the list of known ones?"""
    assert main(["reset", "optimization.ps99", "--yes"]) == 2
    assert "optimization.ps01" in capsys.readouterr().err


def test_check_in_the_solved_copy_records_nothing(monkeypatch):
    """Run in JupyterLab from exercises/ (JPY_SESSION_NAME), does check say it is not recorded
    and record nothing, while the same check in a workspace copy is recorded?"""
    from diyphd.learner.grading import check

    monkeypatch.setenv("JPY_SESSION_NAME", str(PS01))
    result = check("optimization.ps01.divergence", "b")
    assert any("Not recorded" in n and "solved copy" in n for n in result.notes)
    assert gradebook.attempts() == []
    monkeypatch.setenv("JPY_SESSION_NAME", str(REPO / "workspace" / PS01.relative_to(EXERCISES)))
    result = check("optimization.ps01.divergence", "b")
    assert not any("Not recorded" in n for n in result.notes)
    assert len(gradebook.attempts()) == 1


def test_check_in_a_copy_holding_solutions_records_nothing(tmp_path, monkeypatch):
    """Is a copy of the solved notebook moved out of the repository refused too?"""
    from diyphd.learner.grading import check

    moved = tmp_path / "ps01_gradient_methods.ipynb"
    moved.write_text(PS01.read_text())
    monkeypatch.setenv("JPY_SESSION_NAME", str(moved))
    result = check("optimization.ps01.divergence", "b")
    assert any("still holds the reference solutions" in n for n in result.notes)
    assert gradebook.attempts() == []

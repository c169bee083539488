"""Does ``diyphd course export`` give an nbgrader course that real nbgrader releases, autogrades
and returns feedback on, with the kit's scores and teaching messages, offline?

The round trip (slow: real nbgrader, a kernel per submission, about a minute on 2 busy cores)
runs every nbgrader command under ``tools/offline.sh``, so a hidden download fails it.
"""

from __future__ import annotations

import ast
import fcntl
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from diyphd.learner.cli import main
from diyphd.learner.course import BEGIN, END, export_course, known_themes
from diyphd.learner.grading import check, get

# one xdist worker runs these tests (make unit: --dist loadgroup), so the other keeps testing
# instead of waiting on the lock below while the course is built
pytestmark = pytest.mark.xdist_group("nbgrader-course")

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PSET = "optimization-ps01"
NOTEBOOK = "ps01_gradient_methods.ipynb"


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the real ``nbgrader`` in ``course`` with no network (nbgrader calls ``alembic``,
    so the environment's bin folder goes first on the PATH)."""
    env = os.environ | {"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env |= {"DIYPHD_RECORD": "0", "MPLBACKEND": "Agg"}
    cmd = [str(REPO / "tools" / "offline.sh"), str(BIN / "nbgrader"), *args]
    done = subprocess.run(cmd, cwd=course, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def answers(nb: nbformat.NotebookNode) -> dict[str, tuple[str, str]]:
    """grade_id of each question's answer cell -> (question id, the answer's expression)."""
    found = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade_id", "").endswith("_test"):
            continue
        call = next(
            n
            for n in ast.walk(ast.parse(cell.source))
            if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "check"
        )
        name = meta["grade_id"].removesuffix("_test")
        found[f"{name}_answer"] = (call.args[0].value, ast.unparse(call.args[1]))
    return found


def submission(release: nbformat.NotebookNode, fill) -> nbformat.NotebookNode:
    """The released notebook with each answer cell's source replaced by ``fill(grade_id)``."""
    nb = nbformat.from_dict(release)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if gid.endswith("_answer"):
            cell.source = fill(gid)
    return nb


# A student's try at full marks from the stub: redefine the names the test cells call.
SHADOW = "def points(result):\n    return 1.0\n\n\ndef check(*args, **kw):\n    return None\n\n\n"


def kit_wrong(qid: str):
    """The first declared wrong answer of a question, as ``check`` receives it."""
    q = get(qid)
    return q.sample(next(iter(q.wrong_answers.values())))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """An exported course, every assignment released, and optimization.ps01 submitted by
    four students (reference answers, untouched stubs, declared wrong answers, and the stubs
    after an answer cell that redefines ``points`` and ``check``), autograded
    and given feedback. Built once per run: under ``pytest -n 2`` the workers share one
    course (a file lock), rather than each running nbgrader on its own."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder all the workers of this run share
    root = shared / "course"
    with open(shared / "course.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (root / "built").exists():
            shutil.rmtree(root, ignore_errors=True)  # a half-built one: another worker failed
            root.mkdir()
            build_course(root)
            (root / "built").touch()
    release = nbformat.read(root / "release" / PSET / NOTEBOOK, as_version=4)
    return root, answers(release)


def build_course(root: Path) -> None:
    """Export the course into ``root``, release it, submit, autograde and give feedback."""
    export_course(root)
    nbgrader(root, "generate_assignment", "*")
    source = nbformat.read(root / "source" / PSET / NOTEBOOK, as_version=4)
    release = nbformat.read(root / "release" / PSET / NOTEBOOK, as_version=4)
    solved = {
        c.metadata["nbgrader"]["grade_id"]: "\n".join(
            ln for ln in c.source.splitlines() if ln.strip() not in (BEGIN, END)
        )
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    qs = answers(release)

    def wrong(gid: str) -> str:
        qid, var = qs[gid]
        return (
            "from diyphd.learner.grading import get\n\n"
            f"_q = get({qid!r})\n{var} = _q.sample(next(iter(_q.wrong_answers.values())))"
        )

    stubs = {c.metadata["nbgrader"]["grade_id"]: c.source for c in release.cells}
    first = next(gid for gid in stubs if gid.endswith("_answer"))

    def shadow(gid: str) -> str:
        return (SHADOW if gid == first else "") + stubs[gid]

    students = {"reference": solved.__getitem__, "stub": None, "wrong": wrong, "shadow": shadow}
    for student, fill in students.items():
        nb = release if fill is None else submission(release, fill)
        target = root / "submitted" / student / PSET / NOTEBOOK
        target.parent.mkdir(parents=True)
        nbformat.write(nb, target)
    nbgrader(root, "autograde", PSET)
    nbgrader(root, "generate_feedback", PSET)


def grades(root: Path, student: str) -> dict[str, tuple[float | None, float, bool]]:
    """grade_id -> (score, max score, needs a manual grade) in the course's gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(NOTEBOOK.removesuffix(".ipynb"), PSET, student)
        return {g.name: (g.score, g.max_score, g.needs_manual_grade) for g in nb.grades}


@pytest.mark.slow
def test_release_holds_stubs_only(course):
    """Does every released assignment keep its questions but none of the solutions?"""
    root, _ = course
    released = sorted((root / "release").glob("*/*.ipynb"))
    assert len(released) == len(list((root / "source").glob("*/*.ipynb"))) >= 10
    for path in released:
        src = nbformat.read(root / "source" / path.parent.name / path.name, as_version=4)
        rel = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in rel.cells)
        assert BEGIN not in text and END not in text, path
        for s, r in zip(src.cells, rel.cells, strict=True):
            meta = s.metadata.get("nbgrader", {})
            if meta.get("solution"):
                assert "# YOUR CODE HERE" in r.source, (path, meta["grade_id"])
                inside = s.source.split(BEGIN, 1)[1].split(END, 1)[0].strip()
                assert inside and inside.splitlines()[0].strip() not in r.source, path
            else:
                assert r.source == s.source, (path, meta.get("grade_id"))
        metas = [c.metadata["nbgrader"] for c in rel.cells]
        cells = zip(rel.cells, metas, strict=True)
        tests = [c for c, m in cells if m["grade"] and not m["solution"]]
        assert tests and all("record=False" in c.source for c in tests)


@pytest.mark.slow
def test_reference_full_marks_stub_zero(course):
    """Does nbgrader's autograde give the reference answers every automatic point, leave only
    the rubric to the grader, and give the untouched stub nothing?"""
    root, qs = course
    ref, stub = grades(root, "reference"), grades(root, "stub")
    tests = {k: v for k, v in ref.items() if k.endswith("_test")}
    assert len(tests) == len(qs) >= 9
    for gid, (score, top, _) in tests.items():
        assert score == top > 0, gid
    manual = {k: v for k, v in ref.items() if not k.endswith("_test")}
    assert manual and all(needs for _, _, needs in manual.values())  # the rubric: by hand
    assert manual.keys() == {"momentum_why_answer"}
    assert manual["momentum_why_answer"][1] == sum(
        t for t, _ in get("optimization.ps01.momentum_why").rubric.values()
    )
    for gid, (score, _, needs) in stub.items():
        assert score == 0 and not needs, gid  # an unchanged stub: zero, nothing to grade


@pytest.mark.slow
def test_redefining_points_or_check_gains_nothing(course):
    """Does an answer cell that redefines ``points`` and ``check`` to report full marks gain
    nothing (each test cell imports both again before it calls them)?"""
    root, qs = course
    got = grades(root, "shadow")
    assert len(got) == len(qs) + 1  # every test, and the rubric of the text answer
    assert all(score == 0 for score, _, _ in got.values()), got


@pytest.mark.slow
def test_wrong_answers_score_as_the_kit_does(course):
    """Does each declared wrong answer get from nbgrader exactly the kit's own points?"""
    root, qs = course
    got = grades(root, "wrong")
    partial = 0
    for gid, (qid, _) in qs.items():
        kit = check(qid, kit_wrong(qid), record=False)
        score, top, _ = got[gid.replace("_answer", "_test")]
        assert top == kit.auto_max
        assert score == pytest.approx(kit.auto, abs=1e-9), (qid, score, kit.auto)
        assert kit.auto < kit.auto_max, qid
        partial += 0 < kit.auto
    assert partial >= 1  # some wrong answer earns part of the points, and nbgrader gives them


@pytest.mark.slow
def test_feedback_shows_the_kits_messages(course):
    """Does nbgrader's feedback page show the kit's teaching messages for the wrong answers?"""
    root, qs = course
    page = (root / "feedback" / "wrong" / PSET / NOTEBOOK.replace(".ipynb", ".html")).read_text()
    text = html.unescape(page)
    shown = 0
    for qid, _ in qs.values():
        kit = check(qid, kit_wrong(qid), record=False)
        messages = [r.message for r in kit.rows if not r.passed and r.message]
        messages += [n for n in kit.notes if "known mistake" in n]
        assert messages, qid
        shown += any(m[:60] in text for m in messages)
    assert shown == len(qs)
    assert "Hint:" in text


def test_export_refuses_a_non_empty_folder(tmp_path, capsys):
    """Does exporting into a non-empty folder exit 2 with a clear message, unless --force?"""
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["course", "export", str(tmp_path), "--themes", "writing"]) == 2
    err = capsys.readouterr().err
    assert "not empty" in err and "--force" in err
    assert not (tmp_path / "source").exists()
    assert main(["course", "export", str(tmp_path), "--themes", "writing", "--force"]) == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in (tmp_path / "source").iterdir()) == [
        "writing-ps01",
        "writing-ps02",
    ]
    assert (tmp_path / "nbgrader_config.py").exists()


def test_unknown_theme_names_the_known_ones(tmp_path, capsys):
    """Does an unknown theme exit 2 and name every theme that has problem sets?"""
    assert main(["course", "export", str(tmp_path / "c"), "--themes", "optimisation"]) == 2
    err = capsys.readouterr().err
    assert "optimisation" in err
    assert all(t in err for t in known_themes()) and "optimization" in known_themes()
    assert not (tmp_path / "c").exists()


def test_a_theme_named_twice_is_exported_once(tmp_path):
    """Does ``--themes writing writing`` write and list each problem set once?"""
    written = export_course(tmp_path, ["writing", "writing"])
    assert [w.assignment for w in written] == ["writing-ps01", "writing-ps02"]


def test_cells_carry_nbgrader_metadata(tmp_path):
    """Is each answer a solution cell, each check a locked test cell worth the question's
    points, a text question's rubric a manually graded answer, and the rest read-only?"""
    (written,) = export_course(tmp_path, ["optimization"])[:1]
    nb = nbformat.read(written.notebook, as_version=4)
    metas = [c.metadata["nbgrader"] for c in nb.cells]
    assert len({m["grade_id"] for m in metas}) == len(metas)
    for cell, m in zip(nb.cells, metas, strict=True):
        if m["solution"]:
            assert BEGIN in cell.source and not m["locked"]
            assert "self_scores" not in cell.source
        elif m["grade"]:
            qid = ast.parse(cell.source).body[-1].value.args[0].args[0].value
            assert m["locked"] and m["points"] == get(qid).points
        else:
            assert m["locked"]
    assert not any("solution" in c.metadata.get("tags", []) for c in nb.cells)
    assert written.auto_points == sum(m.get("points", 0) for m in metas if not m["solution"])


def test_learners_lab_keeps_nbgrader_off():
    """Does `make lab` (tools/jupyter_lab_config.py) turn off every nbgrader server extension
    that the installed nbgrader enables, and disable its JupyterLab extension?"""
    import json

    from jupyter_core.paths import jupyter_config_path, jupyter_path
    from jupyterlab_server.config import get_page_config
    from traitlets.config.loader import PyFileConfigLoader

    enabled = {}
    for folder in jupyter_config_path():
        path = Path(folder) / "jupyter_server_config.d" / "nbgrader.json"
        if path.exists():
            enabled |= json.loads(path.read_text())["ServerApp"]["jpserver_extensions"]
    assert enabled and all(enabled.values())  # the installed nbgrader turns them on
    config = PyFileConfigLoader(str(REPO / "tools" / "jupyter_lab_config.py")).load_config()
    assert {k: False for k in enabled} == config.ServerApp.jpserver_extensions
    labext = jupyter_path("labextensions")
    assert any((Path(p) / "@jupyter" / "nbgrader").is_dir() for p in labext)
    page = get_page_config(labext, config.LabApp.app_settings_dir)
    disabled = page["disabledExtensions"]  # a list here, a dict of flags in other versions
    if isinstance(disabled, dict):
        disabled = [k for k, off in disabled.items() if off]
    assert "@jupyter/nbgrader" in disabled


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (["check('optimization.ps01.gd_step', gd_step)"], "no answer cell before it"),
        (
            [f"{BEGIN}\nx = 1\n{END}", "check('optimization.ps01.gd_step', x); check('a.b.c', x)"],
            "one check(question_id, answer)",
        ),
        ([f"{BEGIN}\nx = 1\n{END}", "check(QID, x)"], "string literal"),
    ],
)
def test_bad_check_cells_are_refused_by_name(cells, message):
    """Does a check cell the export cannot turn into a test cell fail with a message naming the
    problem set and the cell, rather than export a test that grades nothing?"""
    from diyphd.learner.course import CourseError, course_notebook

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in cells])
    with pytest.raises(CourseError, match=re.escape(message)) as info:
        course_notebook(nb, "optimization.ps01")
    assert f"optimization.ps01, cell {len(cells)}" in str(info.value)

"""Learner copies: stubs in place of solutions, they run, and the learner's edits survive."""

from __future__ import annotations

import json
import textwrap

import nbformat
import pytest
from nbclient import NotebookClient

from diyphd.learner.paths import EXERCISES
from diyphd.learner.workspace import (
    HIDDEN_NOTE,
    SolutionMarkerError,
    strip_solutions,
    student_notebook,
    write_workspace,
)


def _src(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def test_indented_region_becomes_raise():
    """Does a solution inside a function body become '# YOUR CODE HERE' + raise, indented?"""
    out = strip_solutions(
        _src("""
        def f(x):
            ### BEGIN SOLUTION
            return 2 * x
            ### END SOLUTION
        """)
    )
    assert out.splitlines() == [
        "def f(x):",
        "    # YOUR CODE HERE",
        '    raise NotImplementedError("replace this line with your code")',
    ]


def test_top_level_region_becomes_comment_only():
    """At top level, does the stub keep the pre-assigned answer and add no raise?"""
    out = strip_solutions("rate = None\n### BEGIN SOLUTION\nrate = 0.5\n### END SOLUTION\nrate")
    assert out == "rate = None\n# YOUR CODE HERE\nrate"


@pytest.mark.parametrize(
    ("source", "match"),
    [
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "nested"),
        ("x = 1\n### BEGIN SOLUTION\nx = 2", "without an end"),
        ("### END SOLUTION", "without a begin"),
    ],
)
def test_broken_regions_fail_loudly(source, match):
    """Is a nested, unclosed or unopened region an error that names the line?"""
    with pytest.raises(SolutionMarkerError, match=match):
        strip_solutions(source, "nb, cell 3")


def _reference_notebooks():
    return sorted(EXERCISES.glob("*/ps*.ipynb"))


def _solution_lines(source: str) -> list[str]:
    """The non-trivial lines between the markers of one cell."""
    found, inside = [], False
    for line in source.splitlines():
        text = line.strip()
        if text in ("### BEGIN SOLUTION", "### END SOLUTION"):
            inside = text.startswith("### BEGIN")
        elif inside and len(text) > 12:
            found.append(text)
    return found


@pytest.mark.parametrize("path", _reference_notebooks(), ids=lambda p: p.name)
def test_copy_holds_no_solution_text(path):
    """Is every solution line and folded worked solution gone from the learner's copy?"""
    nb = nbformat.read(path, as_version=4)
    copy = nbformat.writes(student_notebook(nb))
    hidden = [c.source for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    hidden += [line for c in nb.cells for line in _solution_lines(c.source)]
    assert hidden
    for text in hidden:
        assert json_text(text) not in copy, text
    assert "BEGIN SOLUTION" not in copy and HIDDEN_NOTE in copy
    assert '"outputs": []' in copy and "nbval-" not in copy


def json_text(text: str) -> str:
    """``text`` as it appears inside the notebook's JSON."""
    return json.dumps(text)[1:-1]


@pytest.mark.parametrize("path", _reference_notebooks(), ids=lambda p: p.name)
def test_copy_runs_and_reports_not_attempted(path, tmp_path):
    """Does the learner's copy run top to bottom unfilled, each check saying 'not attempted'?"""
    nb = student_notebook(nbformat.read(path, as_version=4))
    NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and "check(" in c.source]
    texts = [o["data"]["text/plain"] for c in checks for o in c.outputs if "data" in o]
    assert len(texts) == len(checks) > 0
    assert all("not attempted" in t and "Traceback" not in t for t in texts)


def _make_source(tmp_path, answer: str = "2 * x"):
    src = tmp_path / "exercises" / "demo"
    src.mkdir(parents=True, exist_ok=True)
    cells = [
        nbformat.v4.new_code_cell(
            f"def f(x):\n    ### BEGIN SOLUTION\n    return {answer}\n    ### END SOLUTION"
        ),
        nbformat.v4.new_markdown_cell("Worked: return 2x", metadata={"tags": ["solution"]}),
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), src / "ps01_demo.ipynb")
    return src.parent


def test_edited_copy_survives_regeneration(tmp_path):
    """After the learner edits a copy and the curriculum changes, is the edit kept and the new
    version written beside it?"""
    src, ws = _make_source(tmp_path), tmp_path / "workspace"
    (first,) = write_workspace(src, ws)
    assert first.status == "created"
    copy = ws / "demo" / "ps01_demo.ipynb"
    assert write_workspace(src, ws)[0].status == "unchanged"

    nb = nbformat.read(copy, as_version=4)
    nb.cells[0].source = "def f(x):\n    return x + x  # my answer"
    nbformat.write(nb, copy)
    assert write_workspace(src, ws)[0].status == "kept"  # nothing new upstream

    _make_source(tmp_path, answer="x * 2")  # curriculum update (git pull)
    (item,) = write_workspace(src, ws)
    assert item.status == "new-beside" and "kept" in str(item)
    assert "my answer" in copy.read_text()
    assert (ws / "demo" / "ps01_demo.new.ipynb").exists()
    manifest = json.loads((ws / ".diyphd-manifest.json").read_text())
    assert "demo/ps01_demo.ipynb" in manifest


def test_untouched_copy_is_updated(tmp_path):
    """Is a copy the learner never changed simply replaced by the new version?"""
    src, ws = _make_source(tmp_path), tmp_path / "workspace"
    write_workspace(src, ws)
    nb = nbformat.read(src / "demo" / "ps01_demo.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("A new question."))
    nbformat.write(nb, src / "demo" / "ps01_demo.ipynb")
    assert write_workspace(src, ws)[0].status == "updated"
    assert "A new question." in (ws / "demo" / "ps01_demo.ipynb").read_text()


def test_copies_pass_nbval(tmp_path):
    """Do the generated copies pass `pytest --nbval-lax`, as `make test` would run them?"""
    import subprocess
    import sys

    write_workspace(EXERCISES, tmp_path / "ws")
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "--nbval-lax",
        "-p",
        "no:cacheprovider",
        "-q",
        str(tmp_path / "ws"),
    ]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
    assert " passed" in done.stdout


def test_an_edited_new_copy_is_never_overwritten(tmp_path):
    """When the learner edited both the copy and its .new version, does the next curriculum
    change go to a numbered .new.2 copy, every edit kept?"""
    src, ws = _make_source(tmp_path), tmp_path / "workspace"
    write_workspace(src, ws)
    copy, beside = ws / "demo" / "ps01_demo.ipynb", ws / "demo" / "ps01_demo.new.ipynb"
    copy.write_text(copy.read_text().replace("YOUR CODE HERE", "mine"))
    _make_source(tmp_path, answer="x * 2")
    assert write_workspace(src, ws)[0].beside == beside
    beside.write_text(beside.read_text().replace("YOUR CODE HERE", "merging"))
    _make_source(tmp_path, answer="x + x")
    (item,) = write_workspace(src, ws)
    assert item.beside == ws / "demo" / "ps01_demo.new.2.ipynb" and item.beside.exists()
    assert "mine" in copy.read_text() and "merging" in beside.read_text()
    assert write_workspace(src, ws)[0].beside == item.beside  # stable on a rerun


def test_untouched_new_copy_is_refreshed(tmp_path):
    """Is a .new copy the learner never opened simply replaced by a newer version?"""
    src, ws = _make_source(tmp_path), tmp_path / "workspace"
    write_workspace(src, ws)
    copy = ws / "demo" / "ps01_demo.ipynb"
    copy.write_text(copy.read_text().replace("YOUR CODE HERE", "mine"))
    _make_source(tmp_path, answer="x * 2")
    write_workspace(src, ws)
    _make_source(tmp_path, answer="x + x")
    (item,) = write_workspace(src, ws)
    assert item.beside == ws / "demo" / "ps01_demo.new.ipynb"
    assert not (ws / "demo" / "ps01_demo.new.2.ipynb").exists()


def test_cli_prints_the_merging_note(tmp_path, capsys):
    """Does `diyphd student` say how to merge when a new version lands beside an edited copy?"""
    from diyphd.__main__ import main

    src, ws = _make_source(tmp_path), tmp_path / "workspace"
    args = ["student", "--source", str(src), "--lessons", str(tmp_path / "none"), "--out", str(ws)]
    main(args)
    copy = ws / "demo" / "ps01_demo.ipynb"
    copy.write_text(copy.read_text().replace("YOUR CODE HERE", "mine"))
    _make_source(tmp_path, answer="x * 2")
    capsys.readouterr()
    main(args)
    out = capsys.readouterr().out
    assert "the new version is" in out and "To merge a new version" in out


def test_lessons_and_their_files_are_copied(tmp_path):
    """Are lessons copied beside the problem sets of their theme, outputs cleared, nbval tags
    dropped, and the files beside a lesson (data it reads) copied as they are?"""
    lessons = tmp_path / "notebooks"
    (lessons / "demo").mkdir(parents=True)
    cell = nbformat.v4.new_code_cell("print(1)", metadata={"tags": ["nbval-check-output"]})
    cell.outputs = [nbformat.v4.new_output("stream", text="1\n")]
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), lessons / "demo" / "01_intro.ipynb")
    (lessons / "demo" / "claims.json").write_bytes(b'{"tolerance": 0.1}\n')
    src, ws = _make_source(tmp_path), tmp_path / "workspace"
    statuses = {w.path.name: w.status for w in write_workspace(src, ws, lessons=lessons)}
    assert statuses == dict.fromkeys(
        ["01_intro.ipynb", "claims.json", "ps01_demo.ipynb"], "created"
    )
    copy = nbformat.read(ws / "demo" / "01_intro.ipynb", as_version=4)
    assert copy.cells[0].outputs == [] and "tags" not in copy.cells[0].metadata
    assert (ws / "demo" / "claims.json").read_bytes() == b'{"tolerance": 0.1}\n'


def _toc_notebooks() -> list[str]:
    from diyphd.learner.syllabus import toc_files

    return [f for _, f in toc_files() if f.startswith(("notebooks/", "exercises/"))]


@pytest.mark.parametrize("toc_file", _toc_notebooks())
def test_copies_leave_only_local_references(toc_file):
    """In every copy, has each {doc}/{cite} role been rewritten, and does every {ref} or
    {prf:ref} left point into the same notebook (where jupyterlab-myst resolves it)?"""
    import re

    from diyphd.learner.lab_markup import load_book
    from diyphd.learner.paths import REPO

    book = load_book()
    nb = student_notebook(nbformat.read(REPO / f"{toc_file}.ipynb", as_version=4), "x", toc_file)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert not re.search(r"\{(doc|cite:t|cite:p)\}`", text)
    for label in re.findall(r"\{(?:prf:)?ref\}`(?:[^`<]*<)?([\w-]+)>?`", text):
        assert book.labels.get(label) == toc_file, label


def test_a_lesson_links_to_the_other_copies():
    """Does a cross-notebook reference become a relative link to the other workspace copy?"""
    from diyphd.learner.paths import NOTEBOOKS
    from diyphd.learner.workspace import _toc_file

    path = NOTEBOOKS / "optimization" / "06_curvature.ipynb"
    nb = student_notebook(nbformat.read(path, as_version=4), "x", _toc_file(path))
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "](01_gradient_descent.ipynb)" in text

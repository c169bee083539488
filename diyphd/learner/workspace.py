"""The learner's workspace: copies of the lessons and problem sets, so that running them never
changes the repository (``git pull`` stays clean). Solutions are stubbed, outputs cleared,
edits kept.

Code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` becomes ``# YOUR CODE HERE``, plus
``raise NotImplementedError(...)`` when the marker is indented (a function body). Markdown
cells tagged ``solution`` (the folded worked solutions) become a one-line note. A manifest,
``workspace/.diyphd-manifest.json``, holds the hash of each file we wrote: a file that differs
from it was edited by the learner and is never overwritten; the new version goes beside it as
``<name>.new.ipynb`` (``<name>.new.2.ipynb`` ... when that one was edited too, so no edit is
ever lost). Lessons (``notebooks/<theme>/NN_*.ipynb``) land beside the problem sets of their
theme, ``workspace/<theme>/``, their markup made readable in JupyterLab
(:mod:`diyphd.learner.lab_markup`); files beside a lesson (data it reads) are copied too.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import nbformat

from diyphd.learner.lab_markup import lab_notebook
from diyphd.learner.paths import REPO

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB_COMMENT = "# YOUR CODE HERE"
STUB_RAISE = 'raise NotImplementedError("replace this line with your code")'
HIDDEN_NOTE = "*The worked solution is hidden in your copy; the book shows it.*"
MANIFEST = ".diyphd-manifest.json"
NBVAL_TAGS = ("nbval-check-output", "nbval-ignore-output")  # test plumbing, not for the learner


class SolutionMarkerError(ValueError):
    """A solution region is nested, unclosed or closed without being opened."""


def strip_solutions(source: str, where: str = "cell") -> str:
    """Replace each solution region of one cell's source by its stub."""
    out: list[str] = []
    begin_line = None
    for number, line in enumerate(source.splitlines(), start=1):
        text = line.strip()
        if text == BEGIN:
            if begin_line is not None:
                raise SolutionMarkerError(f"{where}, line {number}: nested {BEGIN!r}")
            begin_line = number
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + STUB_COMMENT)
            if indent:
                out.append(indent + STUB_RAISE)
        elif text == END:
            if begin_line is None:
                raise SolutionMarkerError(f"{where}, line {number}: {END!r} without a begin")
            begin_line = None
        elif begin_line is None:
            out.append(line)
    if begin_line is not None:
        raise SolutionMarkerError(f"{where}, line {begin_line}: {BEGIN!r} without an end")
    return "\n".join(out)


def _drop_tags(cell: nbformat.NotebookNode, drop: tuple[str, ...]) -> None:
    tags = [t for t in cell.metadata.get("tags", []) if t not in drop]
    if tags:
        cell.metadata["tags"] = tags
    else:
        cell.metadata.pop("tags", None)


def student_notebook(
    nb: nbformat.NotebookNode, name: str = "notebook", toc_file: str | None = None
) -> nbformat.NotebookNode:
    """A learner's copy of ``nb``: stubs for solutions, no outputs, no nbval tags; with
    ``toc_file`` (its path in ``_toc.yml``), cross-notebook links and citations rewritten."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    if toc_file is not None:
        lab_notebook(nb, toc_file)
    for i, cell in enumerate(nb.cells):
        where = f"{name}, cell {i + 1}"
        cell.metadata.pop("execution", None)
        if cell.cell_type == "markdown" and "solution" in cell.metadata.get("tags", []):
            cell.source = HIDDEN_NOTE
            _drop_tags(cell, ("solution",))
        elif cell.cell_type == "code":
            cell.source = strip_solutions(cell.source, where)
            _drop_tags(cell, NBVAL_TAGS)
            cell.outputs = []
            cell.execution_count = None
        elif BEGIN in cell.source:
            raise SolutionMarkerError(f"{where}: tag a markdown solution 'solution' instead")
    return nb


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, path)


MERGE_NOTE = """\
To merge a new version into a copy you edited: open both in JupyterLab side by side, copy your
answers (the cells under "# YOUR CODE HERE") into the new version, run its check cells, then
delete the old copy and rename the new one (any copy you grade counts)."""


@dataclass
class Written:
    """What happened to one learner copy: created, updated, unchanged, kept or new-beside."""

    path: Path
    status: str
    beside: Path | None = None

    def __str__(self) -> str:
        if self.status == "new-beside":
            return f"kept {self.path} (you edited it); the new version is {self.beside}"
        if self.status == "kept":
            return f"kept {self.path} (you edited it; nothing new to add)"
        return f"{self.status} {self.path}"


def _beside(target: Path, n: int) -> Path:
    """``name.new.ipynb`` for n = 1, ``name.new.N.ipynb`` after."""
    tag = ".new" if n == 1 else f".new.{n}"
    return target.with_name(target.stem + tag + target.suffix)


def _place(target: Path, data: str | bytes, manifest: dict[str, str], key: str) -> Written:
    """Write ``data`` to ``target`` unless the learner changed the file we last wrote there;
    then beside it, in the first ``.new`` copy that the learner has not edited either."""
    raw = data.encode() if isinstance(data, str) else data
    new_hash = hashlib.sha256(raw).hexdigest()
    if not target.exists():
        _write_atomic(target, raw)
        manifest[key] = new_hash
        return Written(target, "created")
    on_disk = file_hash(target)
    if on_disk == new_hash:
        manifest[key] = new_hash
        return Written(target, "unchanged")
    if on_disk == manifest.get(key):
        _write_atomic(target, raw)
        manifest[key] = new_hash
        return Written(target, "updated")
    if manifest.get(key) == new_hash:
        return Written(target, "kept")
    for n in count(1):
        beside, beside_key = _beside(target, n), f"{key}.new" + ("" if n == 1 else f".{n}")
        if beside.exists() and file_hash(beside) == new_hash:
            return Written(target, "new-beside", beside)
        if not beside.exists() or file_hash(beside) == manifest.get(beside_key):
            _write_atomic(beside, raw)
            manifest[beside_key] = new_hash
            return Written(target, "new-beside", beside)
    raise AssertionError("unreachable")


def exercise_notebooks(source: Path) -> list[Path]:
    """Every problem-set notebook under ``source`` (``<theme>/ps*.ipynb``), sorted."""
    return sorted(p for p in source.glob("*/ps*.ipynb") if ".new." not in p.name)


def lesson_files(lessons: Path) -> list[Path]:
    """Every lesson under ``lessons`` (``<theme>/*.ipynb``) and the files beside them, sorted."""
    return sorted(
        p
        for p in lessons.glob("*/*")
        if p.is_file() and not p.name.startswith(".") and ".new." not in p.name
    )


def _toc_file(path: Path) -> str | None:
    """``exercises/<theme>/<name>`` for a notebook of the repository, else None."""
    if path.suffix != ".ipynb" or not path.resolve().is_relative_to(REPO):
        return None
    return path.resolve().relative_to(REPO).with_suffix("").as_posix()


def write_workspace(source: Path, workspace: Path, lessons: Path | None = None) -> list[Written]:
    """Write a learner copy of each problem set (and each lesson, from ``lessons``) to
    ``workspace/<theme>/``; never overwrite the learner's edits."""
    manifest_path = workspace / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    todo = [(p, p.relative_to(source)) for p in exercise_notebooks(source)]
    if lessons is not None:
        todo += [(p, p.relative_to(lessons)) for p in lesson_files(lessons)]
    written = []
    for path, rel in sorted(todo, key=lambda pr: pr[1].as_posix()):
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            nb = student_notebook(nb, str(rel), _toc_file(path))
            data: str | bytes = nbformat.writes(nb) + "\n"
        else:
            data = path.read_bytes()
        written.append(_place(workspace / rel, data, manifest, rel.as_posix()))
    _write_atomic(manifest_path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return written

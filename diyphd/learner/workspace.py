"""Learner copies of the exercises: solutions replaced by stubs, outputs cleared, edits kept.

Code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` becomes ``# YOUR CODE HERE``, plus
``raise NotImplementedError(...)`` when the marker is indented (a function body). Markdown
cells tagged ``solution`` (the folded worked solutions) become a one-line note. A manifest,
``workspace/.diyphd-manifest.json``, holds the hash of each file we wrote: a file that differs
from it was edited by the learner and is never overwritten; the new version goes beside it as
``<name>.new.ipynb``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

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


def student_notebook(nb: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """A learner's copy of ``nb``: stubs for solutions, no outputs, no nbval tags."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
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


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


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


def _place(target: Path, text: str, manifest: dict[str, str], key: str) -> Written:
    """Write ``text`` to ``target`` unless the learner changed the file we last wrote there."""
    new_hash = hashlib.sha256(text.encode()).hexdigest()
    if not target.exists():
        _write_atomic(target, text)
        manifest[key] = new_hash
        return Written(target, "created")
    on_disk = file_hash(target)
    if on_disk == new_hash:
        manifest[key] = new_hash
        return Written(target, "unchanged")
    if on_disk == manifest.get(key):
        _write_atomic(target, text)
        manifest[key] = new_hash
        return Written(target, "updated")
    if manifest.get(key) == new_hash:
        return Written(target, "kept")
    beside = target.with_name(target.stem + ".new" + target.suffix)
    _write_atomic(beside, text)
    manifest[key + ".new"] = new_hash
    return Written(target, "new-beside", beside)


def exercise_notebooks(source: Path) -> list[Path]:
    """Every problem-set notebook under ``source`` (``<theme>/ps*.ipynb``), sorted."""
    return sorted(p for p in source.glob("*/ps*.ipynb") if ".new." not in p.name)


def write_workspace(source: Path, workspace: Path) -> list[Written]:
    """Write a learner copy of each exercise notebook; never overwrite the learner's edits."""
    manifest_path = workspace / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    written = []
    for path in exercise_notebooks(source):
        rel = path.relative_to(source)
        nb = student_notebook(nbformat.read(path, as_version=4), str(rel))
        text = nbformat.writes(nb) + "\n"
        written.append(_place(workspace / rel, text, manifest, rel.as_posix()))
    _write_atomic(manifest_path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return written

"""Integrity of the book: toc, notebook hygiene, lesson headers, citations, pins.

Each check is a function that returns a list of problems for a repository root; each test runs
it on the real repository (expecting none) and on a small broken copy (expecting some), so every
check is shown to be able to fail.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from diyphd.learner.syllabus import notebook_entries, toc_files

ROOT = Path(__file__).resolve().parent.parent
CHECK_TAG = "nbval-check-output"
CONTENT_DIRS = ("notebooks", "exercises")


def all_notebooks(root: Path) -> list[Path]:
    return sorted(
        p
        for d in CONTENT_DIRS
        for p in (root / d).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def toc_problems(root: Path) -> list[str]:
    """Notebooks missing from _toc.yml, and toc entries with no file."""
    listed = {file for _, file in toc_files(root)}
    problems = [
        f"{p.relative_to(root)} is not in _toc.yml"
        for p in all_notebooks(root)
        if p.relative_to(root).with_suffix("").as_posix() not in listed
    ]
    for file in sorted(listed):
        if not any((root / f"{file}{ext}").exists() for ext in (".md", ".ipynb")):
            problems.append(f"_toc.yml lists {file}, which does not exist")
    return problems


def hygiene_problems(root: Path) -> list[str]:
    """Kernel must be python3; outputs only in cells marked for nbval."""
    problems = []
    for path in all_notebooks(root):
        nb = nbformat.read(path, as_version=4)
        rel = path.relative_to(root)
        if nb.metadata.get("kernelspec", {}).get("name") != "python3":
            problems.append(f"{rel}: kernel is not python3")
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            checked = CHECK_TAG in cell.metadata.get("tags", [])
            if cell.outputs and not checked:
                problems.append(f"{rel} cell {i}: stray output (clear it or mark it checked)")
            if checked and not cell.outputs:
                problems.append(f"{rel} cell {i}: checked cell has no stored output")
    return problems


def header_problems(root: Path) -> list[str]:
    """Each notebook opens with label, title, objectives, prerequisites, time; lessons end well."""
    problems = [
        f"{e.path}: header lacks {', '.join(e.missing())}"
        for e in notebook_entries(root)
        if e.path.startswith(CONTENT_DIRS) and e.missing()
    ]
    for path in (root / "notebooks").rglob("*.ipynb"):
        if ".ipynb_checkpoints" in path.parts:
            continue
        text = "\n".join(
            c.source for c in nbformat.read(path, 4).cells if c.cell_type == "markdown"
        )
        for section in ("## Summary", "## Exercises", "## References"):
            if section not in text:
                problems.append(f"{path.relative_to(root)}: no '{section}' section")
    return problems


def figure_problems(root: Path) -> list[str]:
    """Every cell that shows a figure carries alt text for the book (mystnb.image.alt)."""
    problems = []
    for path in all_notebooks(root):
        for i, cell in enumerate(nbformat.read(path, 4).cells):
            shows = cell.cell_type == "code" and re.search(
                r"plt\.show\(\)|\bdisplay\(fig", cell.source
            )
            if shows and not cell.metadata.get("mystnb", {}).get("image", {}).get("alt"):
                problems.append(f"{path.relative_to(root)} cell {i}: figure without alt text")
    return problems


def solution_problems(root: Path) -> list[str]:
    """Reference solutions fold away in the book: answer cells carry the hide-input tag."""
    problems = []
    for path in all_notebooks(root):
        for i, cell in enumerate(nbformat.read(path, 4).cells):
            if cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source:
                if "hide-input" not in cell.metadata.get("tags", []):
                    problems.append(f"{path.relative_to(root)} cell {i}: solution not folded")
    return problems


_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def citation_problems(root: Path) -> list[str]:
    """Every {cite} key used in the book exists in book/references.bib."""
    bib = (root / "book" / "references.bib").read_text()
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    texts = [p.read_text() for p in (root / "book").rglob("*.md")]
    for path in all_notebooks(root):
        texts += [c.source for c in nbformat.read(path, 4).cells if c.cell_type == "markdown"]
    used = {k.strip() for t in texts for m in _CITE.findall(t) for k in m.split(",")}
    return [f"cited key {k} is not in references.bib" for k in sorted(used - keys)]


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        if m := re.match(r"^\s*([A-Za-z0-9_.\-]+)==([^\s;#]+)", line):
            pins[m[1].lower().replace("_", "-")] = m[2]
    return pins


def pin_problems(root: Path) -> list[str]:
    """environment.yml and requirements.txt pin the same versions."""
    req = _pins((root / "requirements.txt").read_text().splitlines())
    env = yaml.safe_load((root / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    env_pins = _pins(pip_section)
    problems = [
        f"{name}: environment.yml pins {v}, requirements.txt pins {req.get(name)}"
        for name, v in env_pins.items()
        if req.get(name) != v
    ]
    if not env_pins:
        problems.append("environment.yml pins nothing")
    return problems


CHECKS = [
    toc_problems,
    hygiene_problems,
    header_problems,
    figure_problems,
    solution_problems,
    citation_problems,
    pin_problems,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_repository_is_clean(check):
    """Does the repository pass this integrity check?"""
    assert check(ROOT) == []


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    """A copy of the book's skeleton with one fault of each kind planted."""
    for name in ("_toc.yml", "environment.yml", "requirements.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "book", tmp_path / "book")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    problem_set = tmp_path / "exercises" / "optimization" / "ps01_gradient_methods.ipynb"
    ps = nbformat.read(problem_set, 4)
    answer = next(c for c in ps.cells if "### BEGIN SOLUTION" in c.source)
    answer.metadata["tags"] = []
    nbformat.write(ps, problem_set)
    lesson = tmp_path / "notebooks" / "optimization" / "01_gradient_descent.ipynb"
    nb = nbformat.read(lesson, 4)
    nb.metadata["kernelspec"]["name"] = "julia"
    nb.cells[0].source = nb.cells[0].source.replace("**Time.**", "Time:")
    nb.cells[-1].source += "\n{cite:p}`nobody1999missing`"
    unchecked = next(
        c for c in nb.cells if c.cell_type == "code" and CHECK_TAG not in c.metadata.get("tags", [])
    )
    unchecked.outputs = [nbformat.v4.new_output("stream", name="stdout", text="stray\n")]
    figure = next(c for c in nb.cells if "plt.show()" in c.source)
    figure.metadata.pop("mystnb", None)
    summary = next(c for c in nb.cells if c.source.startswith("## Summary"))
    summary.source = summary.source.replace("## Summary", "## Recap")
    nbformat.write(nb, lesson)
    nbformat.write(nb, tmp_path / "notebooks" / "optimization" / "99_orphan.ipynb")
    toc = yaml.safe_load((tmp_path / "_toc.yml").read_text())
    toc["parts"][0]["chapters"].append({"file": "book/ghost"})
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc))
    env = (tmp_path / "environment.yml").read_text().replace("numpy==", "numpy==0.0.0.dev")
    (tmp_path / "environment.yml").write_text(env)
    return tmp_path


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_check_catches_a_planted_fault(check, broken_copy):
    """Does the check report the fault planted for it?"""
    assert check(broken_copy), f"{check.__name__} missed its planted fault"


def test_notebooks_are_valid_json_and_nbformat():
    """Does every notebook validate against the nbformat schema?"""
    for path in all_notebooks(ROOT):
        nbformat.validate(nbformat.reads(path.read_text(), as_version=4))
        json.loads(path.read_text())


def test_labels_are_unique():
    """Is every label (headers and directives' :label:) used once only across the book?"""
    labels = [e.label for e in notebook_entries(ROOT) if e.label]
    for path in all_notebooks(ROOT):
        for cell in nbformat.read(path, 4).cells:
            if cell.cell_type == "markdown":
                labels += re.findall(r"^:label:\s*(\S+)", cell.source, re.M)
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    assert duplicates == []

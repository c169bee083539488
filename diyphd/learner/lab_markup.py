"""The book's MyST markup made readable in the learner's JupyterLab copies.

``jupyterlab-myst`` renders math, admonitions, proofs, exercises and folded solutions (the
``{solution-start}``/``{solution-end}`` gate of sphinx-exercise) inside one notebook, but it
knows neither the other notebooks nor ``book/references.bib``. So the workspace copies get:

- a ``{ref}``, ``{prf:ref}`` or ``{doc}`` to another notebook: a relative Markdown link to its
  workspace copy,
  which JupyterLab opens in a new tab (a target only the book has becomes its plain text);
- a ``{cite:t}``/``{cite:p}``: the author-year text the book shows ("Polyak (1964)").

The repository keeps the single source; only the copies change.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat

from diyphd.learner.syllabus import ROOT, toc_files

_ROLE = re.compile(r"\{(?P<role>ref|prf:ref|doc|cite:t|cite:p)\}`(?P<body>[^`]*)`")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_LABELS = re.compile(r"^\((?P<a>[\w-]+)\)=\s*$|^:label:\s*(?P<b>[\w-]+)\s*$", re.M)


def workspace_path(toc_file: str) -> str | None:
    """Where a notebook's copy sits in the workspace ('optimization/01_x.ipynb'), else None."""
    parts = toc_file.split("/")
    if len(parts) == 3 and parts[0] in ("notebooks", "exercises"):
        return f"{parts[1]}/{parts[2]}.ipynb"
    return None


@dataclass
class Book:
    """What the markup refers to: labels and titles of every toc file, and the bibliography."""

    labels: dict[str, str] = field(default_factory=dict)  # label -> toc file
    titles: dict[str, str] = field(default_factory=dict)  # toc file -> title
    citations: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (names, year)


def _authors(persons) -> str:
    names = [" ".join(p.last_names).replace("{", "").replace("}", "") for p in persons]
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


def read_citations(bib: Path) -> dict[str, tuple[str, str]]:
    """``key -> (authors, year)`` from a BibTeX file (pybtex parses it; a problem in the file,
    such as a repeated key, is left to the book's strict build to report)."""
    from pybtex import errors
    from pybtex.database import parse_file

    out = {}
    with errors.capture():
        data = parse_file(str(bib))
    for key, entry in data.entries.items():
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        names = _authors(persons) or entry.fields.get("title", key)
        out[key] = (names, entry.fields.get("year", "n.d."))
    return out


@lru_cache(maxsize=4)
def load_book(root: Path = ROOT) -> Book:
    """Labels, titles and citations of the book rooted at ``root``."""
    book = Book()
    for _, file in toc_files(root):
        for suffix in (".ipynb", ".md"):
            path = root / f"{file}{suffix}"
            if path.exists():
                break
        else:
            continue
        if suffix == ".ipynb":
            cells = nbformat.read(path, as_version=4).cells
            text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
        else:
            text = path.read_text(encoding="utf-8")
        for m in _LABELS.finditer(text):
            book.labels.setdefault(m["a"] or m["b"], file)
        if title := re.search(r"^# (.+)$", text, re.M):
            book.titles[file] = title[1].strip()
    bib = root / "book" / "references.bib"
    if bib.exists():
        book.citations = read_citations(bib)
    return book


def _split(body: str) -> tuple[str | None, str]:
    if m := _EXPLICIT.match(body.strip()):
        return m["text"], m["target"].strip()
    return None, body.strip()


def _doc_target(target: str, here: str) -> str:
    """A ``{doc}`` target as a toc file path (absolute from the root, or beside ``here``)."""
    target = target.removesuffix(".ipynb").removesuffix(".md")
    if target.startswith("/"):
        return target.lstrip("/")
    return os.path.normpath(os.path.join(os.path.dirname(here), target))


def _cite(role: str, body: str, book: Book) -> str:
    keys = [k.strip() for k in body.split(",") if k.strip()]
    found = [book.citations.get(k, (k, "")) for k in keys]
    if role == "cite:t":
        return ", ".join(f"{names} ({year})" if year else names for names, year in found)
    return "(" + "; ".join(f"{names}, {year}" if year else names for names, year in found) + ")"


def lab_markdown(source: str, here: str, book: Book | None = None) -> str:
    """``source`` (a markdown cell of toc file ``here``) with the roles JupyterLab can't resolve
    rewritten: links to other notebooks' workspace copies, author-year citations."""
    book = book or load_book()
    here_ws = workspace_path(here) or ""

    def link(text: str, file: str) -> str:
        target = workspace_path(file)
        if target is None:  # a book page: the learner reads it in the book
            return text
        rel = os.path.relpath(target, os.path.dirname(here_ws) or ".")
        return f"[{text}]({Path(rel).as_posix()})"

    def replace(m: re.Match) -> str:
        role, body = m["role"], m["body"]
        if role.startswith("cite:"):
            return _cite(role, body, book)
        text, target = _split(body)
        if role in ("ref", "prf:ref"):
            file = book.labels.get(target)
            if file == here:
                return m[0]  # jupyterlab-myst resolves a label of the same notebook
            if file is None:
                return text or target
            return link(text or book.titles.get(file, target), file)
        file = _doc_target(target, here)
        return link(text or book.titles.get(file, Path(file).name), file)

    return _ROLE.sub(replace, source)


def lab_notebook(nb: nbformat.NotebookNode, here: str, book: Book | None = None) -> None:
    """Rewrite every markdown cell of ``nb`` (toc file ``here``) in place with
    :func:`lab_markdown`."""
    book = book or load_book()
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = lab_markdown(cell.source, here, book)

"""Write a notebook from a plain Python list of cells (an authoring aid, not used at run time).

Usage from an authoring script::

    from tools.nbbuild import md, code, write
    write("notebooks/x/01_y.ipynb", [md("# Title"), code("x = 1")])

Cells are stored with outputs cleared and the python3 kernel, as the book's integrity tests
require; ``code(..., tags=[...])`` sets cell tags such as ``hide-input`` or ``remove-cell``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def md(text: str, tags: list[str] | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(textwrap.dedent(text).strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def code(
    text: str, tags: list[str] | None = None, alt: str | None = None, caption: str | None = None
) -> nbformat.NotebookNode:
    """A code cell; ``alt`` (and ``caption``) describe the figure it draws, for myst-nb."""
    cell = nbformat.v4.new_code_cell(textwrap.dedent(text).strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    if alt:
        cell.metadata["mystnb"] = {"image": {"alt": alt}}
        if caption:
            cell.metadata["mystnb"]["figure"] = {"caption": caption}
    return cell


def write(path: str | Path, cells: list[nbformat.NotebookNode]) -> Path:
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:02d}"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return path

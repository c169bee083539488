"""tools/nbcache.py: do nbval's outputs reach the book's execution cache, only when they match?"""

from __future__ import annotations

import nbformat
import pytest
from jupyter_cache import get_cache

from tools.nbcache import executed_notebook, prime


def _notebook(source: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# t"), nbformat.v4.new_code_cell(source)]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Py", "language": "python"}
    return nb


def test_primed_outputs_are_what_the_build_reads(tmp_path):
    """Does the book build (MyST-NB's cache lookup) find the outputs nbval produced?"""
    source = _notebook("print(1 + 1)")
    out = nbformat.v4.new_output("stream", name="stdout", text="2\n")
    (tmp_path / "run" / "notebooks").mkdir(parents=True)
    nbformat.write(
        executed_notebook(source, [[out]], 1.5), tmp_path / "run" / "notebooks" / "a.ipynb"
    )
    assert prime(tmp_path / "run", tmp_path / "cache") == 1
    cache = get_cache(str(tmp_path / "cache"))
    record = cache.match_cache_notebook(_notebook("print(1 + 1)"))
    assert record.data == {"execution_seconds": 1.5}
    _, merged = cache.merge_match_into_notebook(_notebook("print(1 + 1)"))
    assert merged.cells[1].outputs[0].text == "2\n"


def test_changed_code_is_not_matched(tmp_path):
    """Is a notebook whose code changed after the nbval run executed again, not served stale?"""
    nbformat.write(executed_notebook(_notebook("x = 1"), [[]], 0.1), tmp_path / "a.ipynb")
    prime(tmp_path, tmp_path / "cache")
    with pytest.raises(KeyError):
        get_cache(str(tmp_path / "cache")).match_cache_notebook(_notebook("x = 2"))


def test_outputs_must_cover_every_code_cell():
    """Does a notebook with a cell's outputs missing fail loudly rather than shift outputs?"""
    with pytest.raises(ValueError):
        executed_notebook(_notebook("x = 1"), [], 0.1)

"""Execute each notebook once per test run: nbval's outputs feed the book's execution cache.

``make test`` runs every notebook under nbval. With ``DIYPHD_EXECUTED_DIR`` set, the root
``conftest.py`` writes each notebook that passed, with the outputs nbval received from its
kernel, to that folder (see :func:`executed_notebook`). ``python -m tools.nbcache DIR`` then adds
them to Jupyter Book's execution cache (jupyter-cache, the cache MyST-NB reads in its ``cache``
mode), so the strict book build that follows renders those outputs instead of running every
notebook a second time. A notebook whose code changed since is not matched by the cache (its
hash is of the code cells) and the build executes it as usual.

    python -m tools.nbcache _build/executed            # prime _build/.jupyter_cache
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / ".jupyter_cache"  # jupyter-book 1.x's default cache folder
SECONDS_KEY = "diyphd_execution_seconds"


def executed_notebook(
    nb: nbformat.NotebookNode, outputs: list[list], seconds: float
) -> nbformat.NotebookNode:
    """``nb`` with each code cell's outputs replaced by the ones a kernel produced, in order."""
    nb = nbformat.from_dict(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    if len(code) != len(outputs):
        raise ValueError(f"{len(outputs)} cell outputs for {len(code)} code cells")
    for count, (cell, outs) in enumerate(zip(code, outputs, strict=True), start=1):
        cell.outputs = [nbformat.from_dict(dict(o)) for o in outs]
        cell.execution_count = count
        for out in cell.outputs:
            if out.output_type == "execute_result":
                out.execution_count = count
    nb.metadata[SECONDS_KEY] = round(seconds, 3)
    return nb


def prime(executed: Path, cache_path: Path = CACHE) -> int:
    """Add every executed notebook under ``executed`` to the cache; return how many."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(cache_path))
    count = 0
    for path in sorted(executed.rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        seconds = nb.metadata.pop(SECONDS_KEY, None)
        source = ROOT / path.relative_to(executed)
        bundle = CacheBundleIn(nb, str(source), data={"execution_seconds": seconds})
        cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
        count += 1
    return count


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "_build" / "executed")
    print(f"execution cache: {prime(folder)} notebooks from {folder}")

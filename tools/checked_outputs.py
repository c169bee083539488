"""Execute notebooks and keep only the outputs of cells tagged ``nbval-check-output``.

    python -m tools.checked_outputs notebooks/optimization/01_gradient_descent.ipynb

Those stored outputs are what ``pytest --nbval-lax`` compares on every test run; every other
output is cleared so the repository holds no stray results.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

TAG = "nbval-check-output"  # nbval compares these cells' stored outputs


def store(path: Path, timeout: int = 300) -> int:
    """Run ``path`` in its own folder; keep checked outputs; return how many cells kept one."""
    os.environ.setdefault("DIYPHD_RECORD", "0")  # authoring runs stay out of the gradebook
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        record_timing=False,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    kept = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if TAG in cell.metadata.get("tags", []):
            kept += 1
            cell.outputs = [
                o
                for o in cell.outputs
                if o.output_type != "display_data" or "image/png" not in o.get("data", {})
            ]
        else:
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(nb, path)
    return kept


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"{arg}: kept {store(Path(arg))} checked output(s)")

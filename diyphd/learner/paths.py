"""Where the repository's exercises and the learner's workspace live."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
WORKSPACE = REPO / "workspace"


def problem_set_id(notebook: Path) -> str:
    """'optimization.ps01' for ``.../optimization/ps01_gradient_methods.ipynb``."""
    return f"{notebook.parent.name}.{notebook.stem.split('_')[0]}"

"""Where the repository's lessons and exercises and the learner's workspace live."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
NOTEBOOKS = REPO / "notebooks"
WORKSPACE = REPO / "workspace"


def problem_set_id(notebook: Path) -> str:
    """'optimization.ps01' for ``.../optimization/ps01_gradient_methods.ipynb``."""
    return f"{notebook.parent.name}.{notebook.stem.split('_')[0]}"


def is_problem_set(notebook: Path) -> bool:
    """Is this a problem-set notebook name (``<theme>/psNN_*.ipynb``, or a ``.new`` copy)?"""
    return notebook.suffix == ".ipynb" and notebook.name.startswith("ps")


def source_copy(notebook: str | Path | None) -> Path | None:
    """The notebook, when it is one of the repository's own (solved) lessons or problem sets,
    whose results must never count; else None."""
    if not notebook:
        return None
    path = Path(notebook).expanduser().resolve()
    return path if path.is_relative_to(EXERCISES) or path.is_relative_to(NOTEBOOKS) else None

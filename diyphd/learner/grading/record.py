"""Whether and how ``check`` records a result in the gradebook (never raising).

``DIYPHD_RECORD=0`` or :func:`set_recording` turns recording off. ``grade`` passes its run id,
source and notebook path to the kernel in ``DIYPHD_RUN_ID``, ``DIYPHD_SOURCE``,
``DIYPHD_NOTEBOOK``; in JupyterLab the kernel knows its notebook from ``JPY_SESSION_NAME``.

Only the learner's own copies count: a result from one of the repository's solved notebooks
(``exercises/``, ``notebooks/``), or from any notebook still holding ``### BEGIN SOLUTION``, is
not recorded, and the result says so. (``grade`` runs such a notebook against a throwaway
gradebook, ``DIYPHD_SCRATCH=1``, to show its scores without keeping them.)
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from diyphd.learner.paths import source_copy

if TYPE_CHECKING:
    from diyphd.learner.grading.result import Result

_ENABLED: bool | None = None
SOLUTION_MARKER = "### BEGIN SOLUTION"


def set_recording(enabled: bool | None) -> None:
    """Turn recording on or off for this process; None goes back to ``DIYPHD_RECORD``."""
    global _ENABLED
    _ENABLED = enabled


def recording() -> bool:
    """Should ``check`` record its results?"""
    if _ENABLED is not None:
        return _ENABLED
    return os.environ.get("DIYPHD_RECORD", "1").strip().lower() not in {"0", "false", "no", "off"}


def current_notebook() -> str | None:
    """The notebook this code runs in, when known (``grade``, JupyterLab, VS Code)."""
    found = os.environ.get("DIYPHD_NOTEBOOK") or os.environ.get("JPY_SESSION_NAME")
    if not found:
        try:
            from IPython import get_ipython

            shell = get_ipython()
            found = shell and shell.user_ns.get("__vsc_ipynb_file__")
        except ImportError:
            found = None
    return found or None


def spoiled(notebook: str | Path | None) -> str | None:
    """Why results from ``notebook`` must not count (a solved copy), or None when they may."""
    if not notebook:
        return None
    if (path := source_copy(notebook)) is not None:
        return f"{path.parent.name}/{path.name} is the repository's solved copy"
    try:
        if SOLUTION_MARKER in Path(notebook).read_text(encoding="utf-8", errors="replace"):
            return f"{Path(notebook).name} still holds the reference solutions"
    except OSError:
        pass
    return None


def not_recorded_note(reason: str) -> str:
    """What the learner reads when a result is not recorded."""
    return (
        f"Not recorded: {reason}. Work in your own copy (`make workspace` writes them to "
        "workspace/, `make lab` opens it) so that your scores count."
    )


def record_result(result: Result) -> None:
    """Store ``result`` in the gradebook; a failure becomes a note on ``result``, never an error.

    From a solved copy nothing is stored and a note on ``result`` says why."""
    from diyphd.learner import gradebook

    notebook = current_notebook()
    scratch = os.environ.get("DIYPHD_SCRATCH") == "1"  # grade's throwaway gradebook
    if not scratch and (reason := spoiled(notebook)):
        result.notes.append(not_recorded_note(reason))
        return
    try:
        gradebook.record(
            result,
            run_id=os.environ.get("DIYPHD_RUN_ID") or uuid.uuid4().hex,
            source=os.environ.get("DIYPHD_SOURCE", "check"),
            notebook=notebook,
        )
    except Exception as exc:  # noqa: BLE001 - grading must go on without the gradebook
        # a note on this very result, so that every failed record shows in its cell's output
        result.notes.append(f"NOT SAVED to your gradebook: {exc}")

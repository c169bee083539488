"""Whether and how ``check`` records a result in the gradebook (never raising).

``DIYPHD_RECORD=0`` or :func:`set_recording` turns recording off. ``grade`` passes its run id,
source and notebook path to the kernel in ``DIYPHD_RUN_ID``, ``DIYPHD_SOURCE``,
``DIYPHD_NOTEBOOK``.
"""

from __future__ import annotations

import os
import uuid
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diyphd.learner.grading.result import Result

_ENABLED: bool | None = None


def set_recording(enabled: bool | None) -> None:
    """Turn recording on or off for this process; None goes back to ``DIYPHD_RECORD``."""
    global _ENABLED
    _ENABLED = enabled


def recording() -> bool:
    """Should ``check`` record its results?"""
    if _ENABLED is not None:
        return _ENABLED
    return os.environ.get("DIYPHD_RECORD", "1").strip().lower() not in {"0", "false", "no", "off"}


def record_result(result: Result) -> None:
    """Store ``result`` in the gradebook; a failure becomes a warning, never an error."""
    from diyphd.learner import gradebook

    try:
        gradebook.record(
            result,
            run_id=os.environ.get("DIYPHD_RUN_ID") or uuid.uuid4().hex,
            source=os.environ.get("DIYPHD_SOURCE", "check"),
            notebook=os.environ.get("DIYPHD_NOTEBOOK"),
        )
    except Exception as exc:  # noqa: BLE001 - grading must go on without the gradebook
        warnings.warn(f"diyphd: could not record to the gradebook: {exc}", stacklevel=2)

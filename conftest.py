"""pytest hooks for the whole repository.

- Tests and notebook runs never touch the learner's gradebook: ``DIYPHD_GRADEBOOK`` points at a
  throw-away file unless the caller set one.
- Notebook runs under nbval report each notebook's total time and fail the session when one
  passes the ceiling (``DIYPHD_NB_CEILING`` seconds, default 120; budget 60).
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path

CEILING_S = float(os.environ.get("DIYPHD_NB_CEILING", "120"))
BUDGET_S = 60.0
_notebook_seconds: dict[str, float] = defaultdict(float)

os.environ.setdefault(
    "DIYPHD_GRADEBOOK", str(Path(tempfile.gettempdir()) / f"diyphd-test-{os.getpid()}.sqlite")
)


def pytest_runtest_logreport(report) -> None:
    path = report.nodeid.split("::", 1)[0]
    if path.endswith(".ipynb"):
        _notebook_seconds[path] += report.duration


def _over_ceiling() -> list[str]:
    return [p for p, s in _notebook_seconds.items() if s > CEILING_S]


def pytest_terminal_summary(terminalreporter) -> None:
    if not _notebook_seconds:
        return
    tr = terminalreporter
    tr.section("notebook run times (kernel start and every cell)")
    for path, seconds in sorted(_notebook_seconds.items(), key=lambda kv: -kv[1]):
        flag = (
            "  OVER CEILING"
            if seconds > CEILING_S
            else "  over budget"
            if seconds > BUDGET_S
            else ""
        )
        tr.write_line(f"{seconds:7.1f} s  {path}{flag}")
    tr.write_line(
        f"{sum(_notebook_seconds.values()):7.1f} s  total, {len(_notebook_seconds)} notebooks"
    )
    for path in _over_ceiling():
        tr.write_line(f"FAILED: {path} took longer than the {CEILING_S:.0f} s ceiling", red=True)


def pytest_sessionfinish(session, exitstatus) -> None:
    if _over_ceiling() and session.exitstatus == 0:
        session.exitstatus = 1

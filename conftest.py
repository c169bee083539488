"""pytest hooks for the whole repository.

- Tests and notebook runs never touch the learner's gradebook: ``DIYPHD_GRADEBOOK`` points at a
  throw-away file unless the caller set one.
- Notebook runs under nbval report each notebook's total time and fail the session when one
  passes the ceiling (``DIYPHD_NB_CEILING`` seconds, default 120; budget 60).
- With ``DIYPHD_EXECUTED_DIR`` set, each notebook that passed under nbval is written there with
  the outputs its kernel produced, for ``tools/nbcache.py`` to hand to the book build (so that
  ``make test`` executes every notebook once).
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

CEILING_S = float(os.environ.get("DIYPHD_NB_CEILING", "120"))
BUDGET_S = 60.0
_notebook_seconds: dict[str, float] = defaultdict(float)
ROOT = Path(__file__).resolve().parent
EXECUTED_DIR = os.environ.get("DIYPHD_EXECUTED_DIR")
_cell_outputs: dict[str, list[list]] = defaultdict(list)
_cell_seconds: dict[str, float] = defaultdict(float)
_failed_notebooks: set[str] = set()

os.environ.setdefault(
    "DIYPHD_GRADEBOOK", str(Path(tempfile.gettempdir()) / f"diyphd-test-{os.getpid()}.sqlite")
)


def pytest_runtest_logreport(report) -> None:
    path = report.nodeid.split("::", 1)[0]
    if path.endswith(".ipynb"):
        _notebook_seconds[path] += report.duration


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each nbval cell's outputs; write the notebook once its last cell has run."""
    outcome = yield
    if not EXECUTED_DIR or call.when != "call" or not hasattr(item, "test_outputs"):
        return
    report = outcome.get_result()
    path = str(Path(str(item.parent.fspath)).resolve().relative_to(ROOT))
    if report.failed:
        _failed_notebooks.add(path)
    _cell_outputs[path].append(list(item.test_outputs or []))
    _cell_seconds[path] += report.duration
    nb = item.parent.nb
    if len(_cell_outputs[path]) == sum(c.cell_type == "code" for c in nb.cells):
        if path not in _failed_notebooks:
            import nbformat

            from tools.nbcache import executed_notebook

            target = Path(EXECUTED_DIR) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(executed_notebook(nb, _cell_outputs[path], _cell_seconds[path]), target)
        del _cell_outputs[path]


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

"""Grade a whole notebook: execute it headless and collect what its ``check`` cells recorded.

Only problem sets are graded (:class:`NotAProblemSet` otherwise). A solved copy (the
repository's ``exercises/``) is run against a throwaway gradebook: its scores are shown, never
kept. Cell errors are named as JupyterLab numbers the cell after "Run All": ``[5]``, the
fifth code cell.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from diyphd.learner import gradebook
from diyphd.learner.grading import registry
from diyphd.learner.grading.record import not_recorded_note, spoiled
from diyphd.learner.paths import is_problem_set, problem_set_id


class NotAProblemSet(ValueError):
    """The path is not a problem-set notebook that ``grade`` can score."""


@dataclass
class NotebookReport:
    """The checked questions of one run of a notebook, those never checked, and cell errors."""

    notebook: Path
    problem_set: str
    results: dict[str, dict] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    max_points: float = 0.0
    not_recorded: str | None = None  # why the scores were not kept, when they were not

    @property
    def auto(self) -> float:
        return round(sum(r["auto_points"] for r in self.results.values()), 2)

    @property
    def self_points(self) -> float:
        return round(sum(r["self_points"] for r in self.results.values()), 2)

    def short(self) -> list[str]:
        """The questions short of full marks (checked or not)."""
        low = [
            q.rsplit(".", 1)[-1]
            for q, r in self.results.items()
            if r["auto_points"] + r["self_points"] < r["auto_max"] + r["self_max"] - 1e-9
        ]
        return low + [q.rsplit(".", 1)[-1] for q in self.missing]

    def __str__(self) -> str:
        lines = [f"Graded {self.notebook} ({self.problem_set})"]
        names = [q.rsplit(".", 1)[-1] for q in [*self.results, *self.missing]]
        width = max([16, *map(len, names)])  # one column, however long a question's name
        for qid, r in self.results.items():
            name = qid.rsplit(".", 1)[-1]
            score = f"{r['auto_points']:.2f} / {r['auto_max']:.2f}"
            if r["self_max"]:
                score += f" + {r['self_points']:.2f} / {r['self_max']:.2f} self-scored"
            todo = "" if r["attempted"] else "  (not attempted)"
            lines.append(f"  {name:<{width}} {score}{todo}")
        lines += [f"  {q.rsplit('.', 1)[-1]:<{width}} never checked" for q in self.missing]
        self_max = sum(r["self_max"] for r in self.results.values())
        total = f"Total: {self.auto + self.self_points:g} / {self.max_points:g}"
        if self_max:
            total += f" ({self.auto:g} automatic + {self.self_points:g} self-scored)"
        lines.append(total)
        if short := self.short():
            lines.append(
                f"To work on: {', '.join(short)} (run each one's check cell for its feedback)."
            )
        lines += [f"  error in {e}" for e in self.errors]
        if self.not_recorded:
            lines.append(self.not_recorded)
        return "\n".join(lines)


@contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _cell_errors(nb: nbformat.NotebookNode) -> list[str]:
    """Each error as ``cell [n] (`first line`): Name: message``, n as JupyterLab shows it."""
    found = []
    code_number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        code_number += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                number = cell.get("execution_count") or code_number
                first = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
                first = first if len(first) <= 60 else first[:57] + "..."
                found.append(
                    f"cell [{number}] (`{first}`): {out.get('ename')}: {out.get('evalue')}"
                )
    return found


def read_problem_set(path: str | Path) -> nbformat.NotebookNode:
    """The notebook at ``path``, or :class:`NotAProblemSet` saying why it can't be graded."""
    path = Path(path)
    if not is_problem_set(path):
        raise NotAProblemSet(
            f"{path} is not a problem set: `grade` scores the psNN_*.ipynb notebooks "
            "(for example workspace/optimization/ps01_gradient_methods.ipynb); "
            "run a lesson in JupyterLab instead."
        )
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises several kinds on a bad file
        raise NotAProblemSet(f"{path} is not a readable notebook ({type(exc).__name__})") from exc
    pset = problem_set_id(path)
    if pset not in registry.problem_sets():
        known = ", ".join(sorted(registry.problem_sets()))
        raise NotAProblemSet(f"{path}: no questions registered for {pset} (known: {known})")
    return nb


def grade_notebook(path: str | Path, timeout: int = 600) -> NotebookReport:
    """Run the notebook in a fresh kernel (the file is left untouched) and report its checks."""
    path = Path(path).resolve()
    nb = read_problem_set(path)
    run_id = uuid.uuid4().hex
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=True,
        # the kernel's "running over TCP without encryption" warning (loopback only) is noise
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {
        "DIYPHD_RUN_ID": run_id,
        "DIYPHD_SOURCE": "grade",
        "DIYPHD_NOTEBOOK": str(path),
        "DIYPHD_RECORD": "1",
        "MPLBACKEND": "Agg",
    }
    reason = spoiled(path)
    with tempfile.TemporaryDirectory(prefix="diyphd-scratch-") as scratch:
        book = Path(scratch) / "gradebook.sqlite" if reason else None
        if book is not None:  # show the scores of a solved copy, keep none of them
            env |= {"DIYPHD_GRADEBOOK": str(book), "DIYPHD_SCRATCH": "1"}
        with _env(**env):
            client.execute()
        rows = gradebook.attempts(book, run_id=run_id)
    pset = problem_set_id(path)
    report = NotebookReport(path, pset, errors=_cell_errors(nb))
    report.not_recorded = reason and not_recorded_note(reason)
    for row in rows:
        report.results[row["question_id"]] = row
    expected = registry.problem_sets().get(pset, [])
    report.missing = [q.id for q in expected if q.id not in report.results]
    report.max_points = float(registry.max_points(pset))
    return report

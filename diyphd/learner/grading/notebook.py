"""Grade a whole notebook: execute it headless and collect what its ``check`` cells recorded."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from diyphd.learner import gradebook
from diyphd.learner.grading import registry
from diyphd.learner.paths import problem_set_id


@dataclass
class NotebookReport:
    """The checked questions of one run of a notebook, those never checked, and cell errors."""

    notebook: Path
    problem_set: str
    results: dict[str, dict] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    max_points: float = 0.0

    @property
    def auto(self) -> float:
        return round(sum(r["auto_points"] for r in self.results.values()), 2)

    @property
    def self_points(self) -> float:
        return round(sum(r["self_points"] for r in self.results.values()), 2)

    def __str__(self) -> str:
        lines = [f"Graded {self.notebook} ({self.problem_set})"]
        for qid, r in self.results.items():
            name = qid.rsplit(".", 1)[-1]
            score = f"{r['auto_points']:g} / {r['auto_max']:g}"
            if r["self_max"]:
                score += f" + {r['self_points']:g} / {r['self_max']:g} self-scored"
            lines.append(f"  {name:<16} {score}{'' if r['attempted'] else '  (not attempted)'}")
        lines += [f"  {q.rsplit('.', 1)[-1]:<16} never checked" for q in self.missing]
        self_max = sum(r["self_max"] for r in self.results.values())
        total = f"Total: {self.auto + self.self_points:g} / {self.max_points:g}"
        if self_max:
            total += f" ({self.auto:g} automatic + {self.self_points:g} self-scored)"
        lines.append(total)
        lines += [f"  error in {e}" for e in self.errors]
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
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"cell {i + 1}: {out.get('ename')}: {out.get('evalue')}")
    return found


def grade_notebook(path: str | Path, timeout: int = 600) -> NotebookReport:
    """Run the notebook in a fresh kernel (the file is left untouched) and report its checks."""
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    run_id = uuid.uuid4().hex
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {
        "DIYPHD_RUN_ID": run_id,
        "DIYPHD_SOURCE": "grade",
        "DIYPHD_NOTEBOOK": str(path),
        "DIYPHD_RECORD": "1",
        "MPLBACKEND": "Agg",
    }
    with _env(**env):
        client.execute()
    pset = problem_set_id(path)
    report = NotebookReport(path, pset, errors=_cell_errors(nb))
    for row in gradebook.attempts(run_id=run_id):
        report.results[row["question_id"]] = row
    expected = registry.problem_sets().get(pset, [])
    report.missing = [q.id for q in expected if q.id not in report.results]
    report.max_points = registry.max_points(pset)
    return report

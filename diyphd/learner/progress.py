"""Progress over every problem set: best and latest score, attempts, last date.

Per question, "latest" is its last recorded score and "best" its highest; a problem set's scores
are the sums over its questions. Attempts are counted apart: ``graded_runs`` is the number of
``diyphd grade`` runs of the notebook, ``checks`` the number of ``check`` calls run in a notebook
(each run of a check cell is one). Every number is a float except those two counts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from diyphd.learner import gradebook
from diyphd.learner.grading import registry
from diyphd.learner.paths import EXERCISES, problem_set_id
from diyphd.learner.workspace import exercise_notebooks


@dataclass
class SetProgress:
    """One problem set's standing."""

    theme: str
    problem_set: str
    title: str
    max_points: float
    best: float = 0.0
    latest: float = 0.0
    latest_auto: float = 0.0
    latest_self: float = 0.0
    graded_runs: int = 0
    checks: int = 0
    last: str | None = None

    @property
    def name(self) -> str:
        """'ps01 bias variance cv', or just 'thesis' when the id says it all."""
        short = self.problem_set.split(".")[-1]
        return short if self.title in ("", short) else f"{short} {self.title}"


def _known_sets(exercises: Path) -> dict[str, str]:
    """Problem-set id -> title, from the notebooks in ``exercises`` and the registry."""
    sets = {}
    for nb in exercise_notebooks(exercises):
        sets[problem_set_id(nb)] = nb.stem.split("_", 1)[-1].replace("_", " ")
    for pset in registry.problem_sets():
        sets.setdefault(pset, "")
    return sets


def progress(exercises: Path = EXERCISES, path: Path | None = None) -> list[SetProgress]:
    """The standing of every known problem set, attempted or not, sorted by id."""
    rows = gradebook.attempts(path)
    out = []
    for pset, title in sorted(_known_sets(exercises).items()):
        mine = [r for r in rows if r["problem_set"] == pset]
        item = SetProgress(pset.split(".")[0], pset, title, float(registry.max_points(pset)))
        if mine:
            best: dict[str, float] = {}
            latest: dict[str, tuple[float, float]] = {}
            for r in mine:
                total = r["auto_points"] + r["self_points"]
                best[r["question_id"]] = max(best.get(r["question_id"], 0.0), total)
                latest[r["question_id"]] = (r["auto_points"], r["self_points"])
            item.best = float(round(sum(best.values()), 2))
            item.latest_auto = float(round(sum(a for a, _ in latest.values()), 2))
            item.latest_self = float(round(sum(s for _, s in latest.values()), 2))
            item.latest = float(round(item.latest_auto + item.latest_self, 2))
            item.graded_runs = len({r["run_id"] for r in mine if r["source"] == "grade"})
            item.checks = sum(1 for r in mine if r["source"] != "grade")
            item.last = max(r["created"] for r in mine)[:10]
        out.append(item)
    return out


def as_dicts(items: list[SetProgress]) -> list[dict]:
    """JSON-ready progress (``name`` included)."""
    return [asdict(i) | {"name": i.name} for i in items]


def as_text(items: list[SetProgress]) -> str:
    """A table, columns sized to their contents: theme, problem set, best, latest, graded runs,
    checks, last date."""
    head = ("theme", "problem set", "best", "latest", "graded", "checks", "last")
    rows = [
        (
            i.theme,
            i.name,
            f"{i.best:g}/{i.max_points:g}",
            f"{i.latest:g}/{i.max_points:g}",
            str(i.graded_runs),
            str(i.checks),
            i.last or "-",
        )
        for i in items
    ]
    widths = [max(len(r[k]) for r in [head, *rows]) for k in range(len(head))]
    right = {2, 3, 4, 5}

    def line(cells: tuple[str, ...]) -> str:
        out = [
            c.rjust(w) if k in right else c.ljust(w)
            for k, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(out).rstrip()

    return "\n".join(line(r) for r in [head, *rows])

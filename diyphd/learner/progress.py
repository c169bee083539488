"""Progress over every problem set: best and latest score, attempts, last date.

Per question, "latest" is its last recorded score and "best" its highest; a problem set's scores
are the sums over its questions. An attempt is one run: a ``grade`` of the notebook, or one
interactive ``check``.
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
    attempts: int = 0
    last: str | None = None


def _known_sets(exercises: Path) -> dict[str, str]:
    """Problem-set id -> title, from the notebooks in ``exercises`` and the registry."""
    sets = {}
    for nb in exercise_notebooks(exercises):
        sets[problem_set_id(nb)] = nb.stem.split("_", 1)[-1].replace("_", " ")
    for pset in registry.problem_sets():
        sets.setdefault(pset, pset.rsplit(".", 1)[-1])
    return sets


def progress(exercises: Path = EXERCISES, path: Path | None = None) -> list[SetProgress]:
    """The standing of every known problem set, attempted or not, sorted by id."""
    rows = gradebook.attempts(path)
    out = []
    for pset, title in sorted(_known_sets(exercises).items()):
        mine = [r for r in rows if r["problem_set"] == pset]
        item = SetProgress(pset.split(".")[0], pset, title, registry.max_points(pset))
        if mine:
            best: dict[str, float] = {}
            latest: dict[str, tuple[float, float]] = {}
            for r in mine:
                total = r["auto_points"] + r["self_points"]
                best[r["question_id"]] = max(best.get(r["question_id"], 0.0), total)
                latest[r["question_id"]] = (r["auto_points"], r["self_points"])
            item.best = round(sum(best.values()), 2)
            item.latest_auto = round(sum(a for a, _ in latest.values()), 2)
            item.latest_self = round(sum(s for _, s in latest.values()), 2)
            item.latest = round(item.latest_auto + item.latest_self, 2)
            item.attempts = len({r["run_id"] for r in mine})
            item.last = max(r["created"] for r in mine)[:10]
        out.append(item)
    return out


def as_dicts(items: list[SetProgress]) -> list[dict]:
    """JSON-ready progress."""
    return [asdict(i) for i in items]


def as_text(items: list[SetProgress]) -> str:
    """A table: theme, problem set, best, latest, attempts, last date."""
    head = f"{'theme':<14}{'problem set':<28}{'best':>12}{'latest':>12}{'attempts':>10}  last"
    lines = [head]
    for i in items:
        name = f"{i.problem_set.split('.')[-1]} {i.title}"
        best, latest = f"{i.best:g}/{i.max_points:g}", f"{i.latest:g}/{i.max_points:g}"
        lines.append(
            f"{i.theme:<14}{name:<28}{best:>12}{latest:>12}{i.attempts:>10}  {i.last or '-'}"
        )
    return "\n".join(lines)

"""``diyphd reset PROBLEM_SET``: remove a problem set's recorded attempts, after a confirmation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diyphd.learner import gradebook
from diyphd.learner.grading import registry
from diyphd.learner.paths import problem_set_id


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("reset", help="remove a problem set's attempts from your gradebook")
    p.add_argument(
        "problem_set", help="its id (optimization.ps01) or notebook (workspace/.../ps01_*.ipynb)"
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(run=run)


def resolve(name: str) -> str:
    """The problem-set id for an id or a notebook path."""
    if name.endswith(".ipynb"):
        return problem_set_id(Path(name))
    return name


def run(args: argparse.Namespace) -> int:
    pset = resolve(args.problem_set)
    known = registry.problem_sets()
    if pset not in known:
        print(
            f"diyphd reset: no problem set {pset!r}; known: {', '.join(sorted(known))}",
            file=sys.stderr,
        )
        return 2
    rows = gradebook.attempts(problem_set=pset)
    if not rows:
        print(f"No attempts of {pset} recorded; nothing to remove.")
        return 0
    if not args.yes:
        prompt = f"Remove all {len(rows)} recorded attempt(s) of {pset}? It can't be undone [y/N] "
        try:
            answer = input(prompt)
        except EOFError:
            answer = ""
        if answer.strip().lower() not in {"y", "yes"}:
            print("Nothing removed.")
            return 1
    removed = gradebook.delete_attempts(pset)
    print(f"Removed {removed} attempt(s) of {pset} from {gradebook.default_path()}.")
    return 0

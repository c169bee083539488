"""``diyphd progress``: every problem set's best and latest score, attempts and last date,
and, when a study plan is stored, the plan against what the gradebook says was done."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from diyphd.learner import gradebook, plan
from diyphd.learner.paths import EXERCISES, REPO, problem_set_id
from diyphd.learner.progress import as_dicts, as_text, progress
from diyphd.learner.workspace import exercise_notebooks

PASS_FRACTION = 0.5  # a problem set counts as done for the plan at half its points


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("progress", help="show your scores on every problem set")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--source", type=Path, default=EXERCISES, help="exercises folder")
    p.set_defaults(run=run)


def plan_standing(items, source: Path) -> plan.Standing | None:
    """The stored plan against the problem sets passed so far, or None without a plan."""
    weeks = plan.load()
    if weeks is None:
        return None
    paths = {
        problem_set_id(nb): nb.relative_to(REPO).with_suffix("").as_posix()
        for nb in exercise_notebooks(source)
        if nb.is_relative_to(REPO)
    }
    done = {
        paths[i.problem_set]
        for i in items
        if i.problem_set in paths and i.max_points and i.best >= PASS_FRACTION * i.max_points
    }
    return plan.standing(weeks, done)


def run(args: argparse.Namespace) -> int:
    items = progress(args.source)
    standing = plan_standing(items, args.source)
    if args.json:
        out = {"problem_sets": as_dicts(items), "plan": standing and asdict(standing)}
        print(json.dumps(out, indent=2))
        return 0
    print(as_text(items))
    print("(graded: `diyphd grade` runs of the notebook; checks: check cells run in it)")
    if standing is not None:
        week = f"week {standing.week} of your plan" if standing.week else "outside your plan"
        print(
            f"\nPlan: {standing.status} ({week}); {len(standing.done)} problem set(s) passed, "
            f"{len(standing.due)} due by now."
        )
    else:
        print("\nNo study plan stored: `.venv/bin/diyphd plan --hours-per-week 8` makes one.")
    from diyphd.learner.research_plan import report as research_report

    if research := research_report():
        print("\n" + research)
    print(f"(gradebook: {gradebook.default_path()}; set DIYPHD_GRADEBOOK to move it)")
    return 0

"""``diyphd grade PATH``: run a problem-set notebook headless, record and print its score.

Exit status: 0 when every cell ran, 1 when a cell raised (named as JupyterLab numbers it),
2 when the path is not a problem set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diyphd.learner.grading.notebook import NotAProblemSet, grade_notebook


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("grade", help="run a problem-set notebook and record its score")
    p.add_argument("path", type=Path, help="the notebook, e.g. workspace/optimization/ps01_*.ipynb")
    p.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.path.is_file():
        print(f"diyphd grade: no notebook at {args.path}", file=sys.stderr)
        return 2
    try:
        report = grade_notebook(args.path, timeout=args.timeout)
    except NotAProblemSet as exc:
        print(f"diyphd grade: {exc}", file=sys.stderr)
        return 2
    print(report)
    if report.errors:
        print(f"{len(report.errors)} cell(s) raised an error: fix them and grade again.")
        return 1
    return 0

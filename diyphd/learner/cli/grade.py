"""``diyphd grade PATH``: run a notebook headless, record and print its score."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diyphd.learner.grading.notebook import grade_notebook


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("grade", help="run a problem-set notebook and record its score")
    p.add_argument("path", type=Path, help="the notebook, e.g. workspace/optimization/ps01_*.ipynb")
    p.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.path.is_file():
        print(f"no notebook at {args.path}", file=sys.stderr)
        return 2
    print(grade_notebook(args.path, timeout=args.timeout))
    return 0

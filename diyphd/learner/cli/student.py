"""``diyphd student``: write the learner's copies of the exercises to the workspace."""

from __future__ import annotations

import argparse
from pathlib import Path

from diyphd.learner.paths import EXERCISES, WORKSPACE
from diyphd.learner.workspace import write_workspace


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("student", help="write learner copies of the exercises")
    p.add_argument("--source", type=Path, default=EXERCISES, help="exercises folder")
    p.add_argument("--out", type=Path, default=WORKSPACE, help="workspace folder")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for item in write_workspace(args.source, args.out):
        print(item)
    return 0

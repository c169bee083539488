"""``diyphd student``: write the learner's copies of the lessons and problem sets to workspace/."""

from __future__ import annotations

import argparse
from pathlib import Path

from diyphd.learner.paths import EXERCISES, NOTEBOOKS, WORKSPACE
from diyphd.learner.workspace import MERGE_NOTE, write_workspace


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("student", help="write your copies of the lessons and problem sets")
    p.add_argument("--source", type=Path, default=EXERCISES, help="exercises folder")
    p.add_argument("--lessons", type=Path, default=NOTEBOOKS, help="lessons folder")
    p.add_argument("--out", type=Path, default=WORKSPACE, help="workspace folder")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    written = write_workspace(args.source, args.out, lessons=args.lessons)
    unchanged = 0
    for item in written:
        if item.status == "unchanged":
            unchanged += 1
        else:
            print(item)
    if unchanged:
        print(f"{unchanged} other file(s) in {args.out} already up to date.")
    if any(w.status == "new-beside" for w in written):
        print("\n" + MERGE_NOTE)
    print(f"\nOpen them with `make lab` (JupyterLab on {args.out}).")
    return 0

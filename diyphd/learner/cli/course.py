"""``diyphd course export DIR``: the problem sets as an nbgrader course (book: instructors)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diyphd.learner.course import CourseError, export_course, known_themes


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("course", help="the problem sets as an nbgrader course")
    actions = p.add_subparsers(dest="action", required=True)
    e = actions.add_parser("export", help="write an nbgrader course folder")
    e.add_argument("dir", type=Path, help="the course folder to write (empty, or --force)")
    e.add_argument(
        "--themes", nargs="+", metavar="THEME", help=f"only these ({', '.join(known_themes())})"
    )
    e.add_argument(
        "--force", action="store_true", help="write into a non-empty folder (replaces source/)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        written = export_course(args.dir, args.themes, force=args.force)
    except CourseError as exc:
        print(f"diyphd course export: {exc}", file=sys.stderr)
        return 2
    for item in written:
        manual = f" + {item.manual_points:g} graded by hand" if item.manual_points else ""
        print(f"{item.assignment:<26} {item.auto_points:g} points autograded{manual}")
    print(
        f"\nWrote {len(written)} assignments to {args.dir}/source, and"
        f" {args.dir}/nbgrader_config.py."
        f"\nNext: cd {args.dir} && nbgrader generate_assignment ASSIGNMENT (one of those above);"
        " the book's page for instructors has the rest."
    )
    return 0

"""The command line: one module per verb, each with ``add_parser(subparsers)`` and ``run(args)``.

To add a verb, write ``diyphd/learner/cli/<verb>.py`` and list it in :data:`VERBS`.
"""

from __future__ import annotations

import argparse
import sys

from diyphd.learner.cli import (
    course,
    doctor,
    grade,
    log,
    milestone,
    plan,
    progress,
    publish,
    reset,
    student,
)

VERBS = [student, grade, progress, reset, plan, milestone, log, publish, doctor, course]


def build_parser() -> argparse.ArgumentParser:
    """The ``diyphd`` parser with one subcommand per verb."""
    parser = argparse.ArgumentParser(
        prog="diyphd",
        description="The DIY PhD kit. From the repository root run it as .venv/bin/diyphd VERB "
        "(in JupyterLab's terminal, `diyphd VERB`).",
    )
    subparsers = parser.add_subparsers(dest="verb", required=True)
    for verb in VERBS:
        verb.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen verb; returns the exit status."""
    from diyphd.learner.gradebook import GradebookError

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except GradebookError as exc:  # one clear message, the file kept, no traceback
        print(f"diyphd: {exc}", file=sys.stderr)
        return 2

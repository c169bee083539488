"""``diyphd milestone KEY``: record the go/no-go review of a research-year milestone."""

from __future__ import annotations

import argparse
import sys

from diyphd.learner import research_plan


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    keys = [k for k, *_ in research_plan.MILESTONES]
    p = subparsers.add_parser("milestone", help="record a research-year milestone's review")
    p.add_argument("key", help=f"one of: {', '.join(keys)}")
    p.add_argument("--status", choices=research_plan.STATUSES, default="done")
    p.add_argument("--note", default="", help="what the review decided, in a sentence")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        research_plan.mark(args.key, args.status, args.note)
    except ValueError as exc:
        print(f"diyphd milestone: {exc}", file=sys.stderr)
        return 2
    print(f"Recorded: {args.key} {args.status}.")
    print(research_plan.report() or "No research plan stored: `diyphd plan --research` makes one.")
    return 0

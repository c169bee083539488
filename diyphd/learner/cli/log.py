"""``diyphd log``: append a dated research-log entry, or print the week as a Markdown note."""

from __future__ import annotations

import argparse
from datetime import date

from diyphd.learner import research_log


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("log", help="append to your research log, or print the week")
    p.add_argument("note", nargs="?", default="", help="what you did or found, in a sentence")
    p.add_argument("--question", default="", help="the question you worked on")
    p.add_argument("--tried", default="", help="what you tried")
    p.add_argument("--result", default="", help="what came out")
    p.add_argument("--next", dest="next_step", default="", help="your next step")
    p.add_argument("--day", type=date.fromisoformat, default=None, help="YYYY-MM-DD (today)")
    p.add_argument("--week", action="store_true", help="print the week's entries as Markdown")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.week:
        print(research_log.weekly_note(args.day), end="")
        return 0
    entry = research_log.Entry(
        args.day or research_log.today(),
        args.note,
        args.question,
        args.tried,
        args.result,
        args.next_step,
    )
    try:
        research_log.add(entry)
    except ValueError as exc:
        print(f"diyphd log: {exc}")
        return 2
    print(f"Logged for {entry.day.isoformat()}. `python -m diyphd log --week` shows the week.")
    return 0

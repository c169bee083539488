"""``diyphd log``: append a dated research-log entry, or print a week as a Markdown note.

With no text at all it prints this week's entries (weeks run Monday to Sunday, as in the
study plan). A ``--day`` in the future is refused.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from diyphd.learner import research_log


def past_day(text: str) -> date:
    """An argparse type: a date YYYY-MM-DD, today or earlier."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None
    if day > research_log.today():
        raise argparse.ArgumentTypeError(
            f"{day.isoformat()} is in the future: log what you did, on the day you did it"
        )
    return day


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("log", help="append to your research log, or show this week's")
    p.add_argument("note", nargs="?", default="", help="what you did or found, in a sentence")
    p.add_argument("--question", default="", help="the question you worked on")
    p.add_argument("--tried", default="", help="what you tried")
    p.add_argument("--result", default="", help="what came out")
    p.add_argument("--next", dest="next_step", default="", help="your next step")
    p.add_argument("--day", type=past_day, default=None, help="YYYY-MM-DD (today)")
    p.add_argument("--week", action="store_true", help="print the week's entries as Markdown")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    texts = (args.note, args.question, args.tried, args.result, args.next_step)
    if args.week or not any(t.strip() for t in texts):
        print(research_log.weekly_note(args.day), end="")
        if not args.week:
            print('\nAdd an entry: .venv/bin/diyphd log "what you did" --next "your next step"')
        return 0
    entry = research_log.Entry(args.day or research_log.today(), *texts)
    try:
        research_log.add(entry)
    except ValueError as exc:
        print(f"diyphd log: {exc}", file=sys.stderr)
        return 2
    print(f"Logged for {entry.day.isoformat()}. `.venv/bin/diyphd log` shows the week.")
    return 0

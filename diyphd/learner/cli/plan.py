"""``diyphd plan``: a dated week-by-week study plan (Markdown and .ics) from the notebooks.

Weeks run Monday to Sunday, as in ``diyphd log --week``. Each task names the learner's
workspace copy. (A verb that plans something else can reuse :func:`hours_per_week`,
:func:`write_plan` and the ``--start``/``--out``/``--no-save`` options of :func:`add_options`.)
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from diyphd.learner import plan
from diyphd.learner.paths import WORKSPACE


def hours_per_week(text: str) -> float:
    """An argparse type: a finite number of hours above 0 and at most 168."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    try:
        plan.check_hours(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def start_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def add_options(p: argparse.ArgumentParser) -> None:
    """The options every plan shares: budget, start, output folder, whether to store it."""
    p.add_argument(
        "--hours-per-week", type=hours_per_week, required=True, help="your weekly budget"
    )
    p.add_argument("--start", type=start_date, default=None, help="YYYY-MM-DD (today)")
    p.add_argument("--out", type=Path, default=WORKSPACE, help="folder for plan.md and plan.ics")
    p.add_argument("--no-save", action="store_true", help="do not store it as your current plan")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("plan", help="make a week-by-week study plan")
    add_options(p)
    p.add_argument("--themes", nargs="+", default=None, help="only these themes, e.g. optimization")
    p.add_argument("--research", action="store_true", help="a 12-month research plan instead")
    p.set_defaults(run=run)


def write_plan(weeks: list[plan.Week], args: argparse.Namespace) -> None:
    """Write plan.md and plan.ics to ``args.out``, store the plan unless ``--no-save``, print."""
    args.out.mkdir(parents=True, exist_ok=True)
    markdown = plan.to_markdown(weeks, args.hours_per_week)
    (args.out / "plan.md").write_text(markdown)
    (args.out / "plan.ics").write_text(plan.to_ics(weeks))
    if not args.no_save:
        plan.save(weeks, args.hours_per_week)
    print(markdown)
    print(f"Written {args.out / 'plan.md'} and {args.out / 'plan.ics'} (import it in a calendar).")


def run(args: argparse.Namespace) -> int:
    if args.research:
        from diyphd.learner.research_plan import run_cli

        return run_cli(args)
    try:
        weeks = plan.make_plan(args.hours_per_week, args.start, args.themes)
    except ValueError as exc:
        print(f"diyphd plan: {exc}", file=sys.stderr)
        return 2
    write_plan(weeks, args)
    return 0

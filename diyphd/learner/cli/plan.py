"""``diyphd plan``: a dated week-by-week study plan (Markdown and .ics) from the notebooks."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from diyphd.learner import plan
from diyphd.learner.paths import WORKSPACE


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("plan", help="make a week-by-week study plan")
    p.add_argument("--hours-per-week", type=float, required=True, help="your weekly budget")
    p.add_argument("--start", type=date.fromisoformat, default=None, help="YYYY-MM-DD (today)")
    p.add_argument("--themes", nargs="+", default=None, help="only these themes, e.g. optimization")
    p.add_argument("--research", action="store_true", help="a 12-month research plan instead")
    p.add_argument("--out", type=Path, default=WORKSPACE, help="folder for plan.md and plan.ics")
    p.add_argument("--no-save", action="store_true", help="do not store it as your current plan")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.research:
        from diyphd.learner.research_plan import run_cli

        return run_cli(args)
    try:
        weeks = plan.make_plan(args.hours_per_week, args.start, args.themes)
    except ValueError as exc:
        print(f"diyphd plan: {exc}")
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    markdown = plan.to_markdown(weeks, args.hours_per_week)
    (args.out / "plan.md").write_text(markdown)
    (args.out / "plan.ics").write_text(plan.to_ics(weeks))
    if not args.no_save:
        plan.save(weeks, args.hours_per_week)
    print(markdown)
    print(f"Written {args.out / 'plan.md'} and {args.out / 'plan.ics'} (import it in a calendar).")
    return 0

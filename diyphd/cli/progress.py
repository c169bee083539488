"""``diyphd progress``: every problem set's best and latest score, attempts and last date."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diyphd import gradebook
from diyphd.paths import EXERCISES
from diyphd.progress import as_dicts, as_text, progress


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("progress", help="show your scores on every problem set")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--source", type=Path, default=EXERCISES, help="exercises folder")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    items = progress(args.source)
    if args.json:
        print(json.dumps(as_dicts(items), indent=2))
    else:
        print(as_text(items))
        print(f"\n(gradebook: {gradebook.default_path()}; set DIYPHD_GRADEBOOK to move it)")
    return 0

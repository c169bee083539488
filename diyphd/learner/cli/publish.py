"""``diyphd publish``: build your public portfolio (reports, claims, log digest, progress)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diyphd.learner import publish
from diyphd.learner.paths import WORKSPACE


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("publish", help="build your public portfolio as a static site")
    p.add_argument("--workspace", type=Path, default=WORKSPACE, help="where your work is")
    p.add_argument("--out", type=Path, default=None, help="output folder (workspace/_portfolio)")
    p.add_argument("--title", default="Research portfolio", help="the site's title")
    p.add_argument(
        "--include-private",
        action="store_true",
        help="also publish #private log entries and scores with their self-scored part",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = args.out or args.workspace / "_portfolio"
    try:
        index = publish.publish(
            args.workspace, out, include_private=args.include_private, title=args.title
        )
    except publish.NothingToPublish as exc:
        print(f"diyphd publish: {exc}", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        print(f"diyphd publish: {exc}", file=sys.stderr)
        return 2
    print(f"Portfolio built: {index}")
    print("Preview: python -m http.server -d " + str(index.parent) + " 8000; publish the folder")
    print("as it is (GitHub Pages, any static host).")
    return 0

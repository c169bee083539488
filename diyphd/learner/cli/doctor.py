"""``diyphd doctor``: check the gradebook with SQLite's integrity check and say what to do.

Read-only: it never creates, repairs or changes the file. Exit status 0 when the gradebook is
healthy (or not made yet), 2 when it is damaged, unreadable or cannot be written.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from pathlib import Path

from diyphd.learner import gradebook


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("doctor", help="check that your gradebook is healthy")
    p.add_argument("--path", type=Path, default=None, help="the gradebook (default: yours)")
    p.set_defaults(run=run)


def diagnose(path: Path) -> tuple[bool, list[str]]:
    """(healthy, lines to print) for the gradebook at ``path``."""
    lines = [f"Gradebook: {path}"]
    if not path.exists():
        lines.append("Not made yet: the first check in a notebook creates it. Nothing to do.")
        return True, lines
    size = path.stat().st_size
    lines.append(f"Size: {size} bytes")
    ok = True
    try:
        conn = gradebook.connect_readonly(path)
        assert conn is not None
        try:
            found = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            counts = {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in ("attempts", "plans", "log")
                if gradebook.has_table(conn, t)
            }
        finally:
            conn.close()
    except (gradebook.GradebookError, sqlite3.DatabaseError) as exc:
        lines += [
            f"SQLite cannot open it: {exc}",
            "What to do: keep the file (it may hold your scores). Try to save what is left with",
            f"  sqlite3 {path} .recover | sqlite3 {path}.recovered",
            f"then move the damaged one aside (mv {path} {path}.broken) and the recovered one in",
            f"(mv {path}.recovered {path}); or just move it aside and start a new gradebook.",
        ]
        return False, lines
    if found == ["ok"]:
        shown = ", ".join(f"{n} {t}" for t, n in counts.items()) or "no tables yet"
        lines.append(f"Integrity check: ok ({shown}).")
    else:
        ok = False
        lines.append(f"Integrity check found {len(found)} problem(s):")
        lines += [f"  {f}" for f in found[:10]]
        lines += [
            "What to do: keep the file; copy it (cp it somewhere safe), then rebuild it with",
            f"  sqlite3 {path} .recover | sqlite3 {path}.recovered",
            f"and, if the recovered file checks ok, mv {path}.recovered {path}.",
        ]
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        ok = False
        lines.append(
            "It cannot be written here (read-only file or folder): checks will not save scores. "
            "Make it writable, or set DIYPHD_GRADEBOOK=/a/writable/file.sqlite."
        )
    elif ok:
        lines.append("Nothing to do.")
    return ok, lines


def run(args: argparse.Namespace) -> int:
    ok, lines = diagnose(args.path or gradebook.default_path())
    print("\n".join(lines))
    return 0 if ok else 2

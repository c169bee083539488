"""The gradebook: one SQLite row per checked question, safe under concurrent and killed writers.

The file is ``$DIYPHD_GRADEBOOK`` or ``gradebook.sqlite`` in ``platformdirs.user_data_dir``.
WAL journaling, a busy timeout and one short transaction per write keep two kernels writing at
once from losing rows, and a writer killed mid-write from corrupting the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from diyphd.learner.grading.result import Result

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,
    run_id TEXT NOT NULL,
    source TEXT NOT NULL,
    notebook TEXT,
    problem_set TEXT NOT NULL,
    question_id TEXT NOT NULL,
    attempted INTEGER NOT NULL,
    auto_points REAL NOT NULL,
    auto_max REAL NOT NULL,
    self_points REAL NOT NULL,
    self_max REAL NOT NULL,
    feedback TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_by_set ON attempts (problem_set, created);
CREATE INDEX IF NOT EXISTS attempts_by_run ON attempts (run_id);
"""


def default_path() -> Path:
    """``$DIYPHD_GRADEBOOK``, else the user's data directory."""
    if env := os.environ.get("DIYPHD_GRADEBOOK"):
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("diyphd")) / "gradebook.sqlite"


def connect(path: str | Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the gradebook in WAL mode with a 30 s busy timeout."""
    path = Path(path) if path is not None else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30.0)
    conn.row_factory = sqlite3.Row
    for attempt in range(50):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            with conn:
                conn.executescript(SCHEMA)
            return conn
        except sqlite3.OperationalError:
            if attempt == 49:
                conn.close()
                raise
            time.sleep(0.05)
    return conn


def now() -> str:
    """The current UTC time, to the second, ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def record(
    result: Result,
    *,
    run_id: str,
    source: str = "check",
    notebook: str | None = None,
    path: str | Path | None = None,
) -> None:
    """Append one attempt, in its own transaction."""
    row = (
        now(),
        run_id,
        source,
        notebook,
        result.question_id.rsplit(".", 1)[0],
        result.question_id,
        int(result.attempted),
        result.auto,
        result.auto_max,
        result.self_points,
        result.self_max,
        json.dumps(result.to_dict()),
    )
    conn = connect(path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO attempts (created, run_id, source, notebook, problem_set, question_id,"
                " attempted, auto_points, auto_max, self_points, self_max, feedback)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
    finally:
        conn.close()


def attempts(
    path: str | Path | None = None,
    *,
    problem_set: str | None = None,
    run_id: str | None = None,
) -> list[dict[str, Any]]:
    """Recorded attempts, oldest first, optionally for one problem set or one run."""
    query, args = "SELECT * FROM attempts WHERE 1=1", []
    if problem_set is not None:
        query, args = query + " AND problem_set = ?", [*args, problem_set]
    if run_id is not None:
        query, args = query + " AND run_id = ?", [*args, run_id]
    conn = connect(path)
    try:
        return [dict(r) for r in conn.execute(query + " ORDER BY id", args)]
    finally:
        conn.close()


def delete_attempts(problem_set: str, path: str | Path | None = None) -> int:
    """Remove every recorded attempt of ``problem_set`` (one transaction); returns how many."""
    conn = connect(path)
    try:
        with conn:
            cur = conn.execute("DELETE FROM attempts WHERE problem_set = ?", (problem_set,))
        return cur.rowcount
    finally:
        conn.close()

"""The gradebook: one SQLite row per checked question, safe under concurrent and killed writers.

The file is ``$DIYPHD_GRADEBOOK`` or ``gradebook.sqlite`` in ``platformdirs.user_data_dir``.
WAL journaling, a busy timeout and one short transaction per write keep two kernels writing at
once from losing rows, and a writer killed mid-write from corrupting the file. Reads open the
file read-only and never create or change it; a corrupt, unreadable or read-only gradebook
raises :class:`GradebookError` at once, with what happened, where, and how to recover.
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


class GradebookError(Exception):
    """The gradebook cannot be used: the message says what, where and how to recover."""


def _recover(path: Path) -> str:
    return (
        f"The file is kept as it is. Run `.venv/bin/diyphd doctor` for a diagnosis; to start "
        f"afresh, move it aside (`mv {path} {path}.broken`) and the next check makes a new one, "
        "or set DIYPHD_GRADEBOOK=/another/file.sqlite."
    )


def unreadable(path: Path, exc: BaseException) -> GradebookError:
    """The error for a gradebook file that SQLite cannot read (corrupt, truncated, not SQLite)."""
    return GradebookError(f"The gradebook at {path} cannot be read ({exc}). {_recover(path)}")


def _unwritable(path: Path, why: str) -> GradebookError:
    return GradebookError(
        f"The gradebook at {path} cannot be written: {why}. Scores are not saved until it can "
        "be; make the file and its folder writable, or set "
        "DIYPHD_GRADEBOOK=/a/writable/file.sqlite."
    )


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def connect(path: str | Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the gradebook for writing, in WAL mode with a 30 s busy
    timeout; :class:`GradebookError` at once when the place is read-only or the file corrupt."""
    path = Path(path) if path is not None else default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(path, f"its folder cannot be created ({exc.strerror or exc})") from exc
    if path.exists() and not os.access(path, os.W_OK):
        raise _unwritable(path, "the file is read-only")
    if not os.access(path.parent, os.W_OK):
        raise _unwritable(path, f"the folder {path.parent} is read-only")
    conn = sqlite3.connect(path, timeout=30.0)
    conn.row_factory = sqlite3.Row
    for attempt in range(50):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            with conn:
                conn.executescript(SCHEMA)
            return conn
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or attempt == 49:
                conn.close()
                if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
                    raise _unwritable(path, str(exc)) from exc
                raise unreadable(path, exc) from exc
            time.sleep(0.05)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise unreadable(path, exc) from exc
    return conn


def connect_readonly(path: str | Path | None = None) -> sqlite3.Connection | None:
    """Open the gradebook read-only (never creating or changing it); None when there is none.

    A corrupt or unreadable file raises :class:`GradebookError`."""
    path = Path(path) if path is not None else default_path()
    if not path.exists():
        return None
    uri = path.resolve().as_uri()
    try:
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30.0)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # a WAL file in a read-only folder cannot make its shared-memory file: read it as
            # immutable (nobody can be writing it there)
            conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc
    conn.row_factory = sqlite3.Row
    return conn


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Does the database hold table ``name``?"""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,))
    return row.fetchone() is not None


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
    conn = connect_readonly(path)
    if conn is None:
        return []
    try:
        if not has_table(conn, "attempts"):
            return []
        return [dict(r) for r in conn.execute(query + " ORDER BY id", args)]
    except sqlite3.DatabaseError as exc:
        raise unreadable(Path(path) if path is not None else default_path(), exc) from exc
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

"""The gradebook: round trip, its location, two writers at once, and a writer killed mid-stream."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from diyphd.learner import gradebook
from diyphd.learner.grading import get

WRITER = """
import sys
from diyphd.learner import gradebook
from diyphd.learner.grading import get
result = get("optimization.ps01.divergence").grade("b")
path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(n):
    gradebook.record(result, run_id=f"{tag}-{i}", source="test", path=path)
    if i == 0:
        print("started", flush=True)
"""


def _writer(path: Path, tag: str, n: int) -> subprocess.Popen:
    cmd = [sys.executable, "-c", WRITER, str(path), tag, str(n)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_round_trip(tmp_path):
    """Does a recorded result come back with automatic and self-scored points apart?"""
    q = get("optimization.ps01.momentum_why")
    result = q.grade(q.reference, self_scores={"mechanism": 1, "rates": 0})
    gradebook.record(result, run_id="r1", notebook="nb.ipynb", path=tmp_path / "g.sqlite")
    (row,) = gradebook.attempts(tmp_path / "g.sqlite", run_id="r1")
    assert (row["auto_points"], row["auto_max"]) == (1.0, 1.0)
    assert (row["self_points"], row["self_max"]) == (1.0, 2.0)
    assert row["notebook"] == "nb.ipynb" and row["question_id"] == q.id


def test_location_from_env(monkeypatch, tmp_path):
    """Does DIYPHD_GRADEBOOK move the file, and is the default in the user data dir?"""
    monkeypatch.setenv("DIYPHD_GRADEBOOK", str(tmp_path / "x.sqlite"))
    assert gradebook.default_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("DIYPHD_GRADEBOOK")
    assert gradebook.default_path().parent.name == "diyphd"


def test_two_writers_lose_nothing(tmp_path):
    """Do two processes writing 150 attempts each at once store all 300?"""
    path = tmp_path / "g.sqlite"
    procs = [_writer(path, tag, 150) for tag in ("a", "b")]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    rows = gradebook.attempts(path)
    assert len(rows) == 300
    assert {r["run_id"] for r in rows} == {f"{t}-{i}" for t in "ab" for i in range(150)}


def test_killed_writer_leaves_a_consistent_file(tmp_path):
    """After SIGKILL mid-stream, is the file intact and every stored row complete?"""
    path = tmp_path / "g.sqlite"
    proc = _writer(path, "k", 100_000)
    assert proc.stdout.readline().strip() == "started"
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    rows = gradebook.attempts(path)
    assert 0 < len(rows) < 100_000
    assert all(r["question_id"] and r["feedback"].startswith("{") for r in rows)
    gradebook.record(get("optimization.ps01.divergence").grade("b"), run_id="after", path=path)
    assert len(gradebook.attempts(path)) == len(rows) + 1

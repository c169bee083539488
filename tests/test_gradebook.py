"""The gradebook: round trip, its location, two writers at once, and a writer killed mid-stream."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def _corrupt(path: Path, how: str) -> None:
    gradebook.record(get("optimization.ps01.divergence").grade("b"), run_id="r", path=path)
    data = path.read_bytes()
    path.write_bytes(b"this is not a database" * 50 if how == "garbage" else data[: len(data) // 3])


def test_reads_never_write(tmp_path):
    """Do attempts(), plan.load() and research_plan.load() (all three read by `progress`) on a
    missing gradebook create nothing, and on an existing one leave its every byte as it was?
    (SQLite may add its WAL index, ``-shm``, beside it.)"""
    from diyphd.learner import plan, research_plan

    path = tmp_path / "g.sqlite"
    assert gradebook.attempts(path) == [] and plan.load(path) is None
    assert research_plan.load(path) is None
    assert not path.exists()
    gradebook.record(get("optimization.ps01.divergence").grade("b"), run_id="r", path=path)
    before = path.read_bytes()
    assert len(gradebook.attempts(path)) == 1 and plan.load(path) is None
    assert research_plan.load(path) is None
    assert path.read_bytes() == before


@pytest.mark.parametrize("how", ["garbage", "truncated"])
def test_corrupt_gradebook_gives_one_clear_message(tmp_path, monkeypatch, capsys, how):
    """Does `progress` on a corrupt or half-truncated gradebook print one message (what,
    where, how to recover), keep the file, exit 2 and show no traceback?"""
    from diyphd.learner.cli import main

    path = tmp_path / "g.sqlite"
    _corrupt(path, how)
    kept = path.read_bytes()
    monkeypatch.setenv("DIYPHD_GRADEBOOK", str(path))
    assert main(["progress"]) == 2
    err = capsys.readouterr().err
    assert "cannot be read" in err and str(path) in err and "doctor" in err and "mv " in err
    assert "Traceback" not in err and path.read_bytes() == kept


def test_read_only_gradebook_fails_at_once(tmp_path, monkeypatch):
    """Does writing to a read-only gradebook fail at once with a message, not retry for
    seconds? (os.access is patched: tests may run as root.)"""
    path = tmp_path / "g.sqlite"
    gradebook.record(get("optimization.ps01.divergence").grade("b"), run_id="r", path=path)
    monkeypatch.setattr(gradebook.os, "access", lambda p, mode: False)
    start = time.perf_counter()
    with pytest.raises(gradebook.GradebookError, match="read-only"):
        gradebook.record(get("optimization.ps01.divergence").grade("b"), run_id="s", path=path)
    assert time.perf_counter() - start < 0.5
    assert len(gradebook.attempts(path)) == 1  # reading still works


def test_doctor_reports_health_and_damage(tmp_path, monkeypatch, capsys):
    """Does `diyphd doctor` run the integrity check: ok on a good file (exit 0), and on a
    damaged one say what it found and what to do (exit 2)?"""
    from diyphd.learner.cli import main

    path = tmp_path / "g.sqlite"
    monkeypatch.setenv("DIYPHD_GRADEBOOK", str(path))
    assert main(["doctor"]) == 0 and "Not made yet" in capsys.readouterr().out
    gradebook.record(get("optimization.ps01.divergence").grade("b"), run_id="r", path=path)
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "Integrity check: ok (1 attempts" in out and "Nothing to do" in out
    _corrupt(path, "garbage")
    assert main(["doctor"]) == 2
    out = capsys.readouterr().out
    assert "cannot open it" in out and ".recover" in out and path.exists()

"""The harness that runs notebooks as tests: stored outputs that drift fail, downloads fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _notebook(path: Path, source: str, stored: str) -> Path:
    """A one-cell notebook whose stored output nbval checks (cell tag ``nbval-check-output``)."""
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["nbval-check-output"]
    cell.execution_count = 1
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


def _nbval(path: Path, *wrapper: str) -> subprocess.CompletedProcess:
    cmd = [
        *wrapper,
        sys.executable,
        "-m",
        "pytest",
        "--nbval-lax",
        "-p",
        "no:cacheprovider",
        "-q",
        "--nbval-sanitize-with",
        str(ROOT / "tests" / "nbval_sanitize.cfg"),
        str(path),
    ]
    return subprocess.run(cmd, cwd=path.parent, capture_output=True, text=True, timeout=120)


def test_drifting_checked_output_fails(tmp_path):
    """Does nbval fail a checked cell whose output no longer matches the stored one?"""
    good = _nbval(_notebook(tmp_path / "good.ipynb", "print(0.9000)", "0.9\n"))
    assert good.returncode == 0, good.stdout
    drift = _nbval(_notebook(tmp_path / "drift.ipynb", "print(0.9001)", "0.9\n"))
    assert drift.returncode != 0 and "0.9001" in drift.stdout


def test_offline_wrapper_blocks_downloads(tmp_path):
    """Does a notebook run under tools/offline.sh fail when it tries to reach the network?"""
    source = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('1.1.1.1', 80), timeout=5)\n"
        "    print('online')\n"
        "except OSError:\n"
        "    print('offline')"
    )
    nb = _notebook(tmp_path / "net.ipynb", source, "offline\n")
    result = _nbval(nb, str(ROOT / "tools" / "offline.sh"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_guard_blocks_non_loopback(tmp_path):
    """Does the fallback socket guard refuse a public address and allow loopback?"""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "tools" / "offline_guard"))
    code = (
        "import socket\n"
        "s = socket.socket()\n"
        "try:\n"
        "    s.connect(('1.1.1.1', 80)); print('open')\n"
        "except OSError as e:\n"
        "    print('blocked' if 'offline guard' in str(e) else 'other')\n"
        "srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen()\n"
        "c = socket.socket(); c.connect(srv.getsockname()); print('loopback ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["blocked", "loopback", "ok"], out.stderr


@pytest.mark.parametrize("threads", [1])
def test_seed_everything_repeats_numbers(threads):
    """Do two seeded runs draw the same numbers from NumPy and torch?"""
    import torch

    from diyphd.common.repro import seed_everything

    a = (seed_everything(3, threads).standard_normal(3), torch.randn(3))
    b = (seed_everything(3, threads).standard_normal(3), torch.randn(3))
    assert (a[0] == b[0]).all() and torch.equal(a[1], b[1])
    assert torch.get_num_threads() == threads
    from threadpoolctl import threadpool_info

    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == threads for p in blas)


def test_report_scores_line_up_under_long_names():
    """Do the scores of `grade`'s summary start in one column when a name is over 16 characters
    (optimization.ps02's two_layer_backward)?"""
    from diyphd.learner.grading.notebook import NotebookReport

    row = {"auto_points": 0.0, "auto_max": 2.0, "self_points": 0.0, "self_max": 0.0}
    report = NotebookReport(
        Path("ps02.ipynb"),
        "optimization.ps02",
        results={
            "optimization.ps02.adam_step": {**row, "attempted": True},
            "optimization.ps02.two_layer_backward": {**row, "attempted": True},
        },
        missing=["optimization.ps02.a_much_longer_question_name"],
    )
    lines = str(report).splitlines()[1:4]
    assert (
        len({line.index("0.00 /") if "0.00" in line else line.index("never") for line in lines})
        == 1
    ), lines

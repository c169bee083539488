"""Fixtures for the unit tests: no test writes the learner's real gradebook."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def gradebook_path(tmp_path, monkeypatch):
    """A fresh gradebook file per test, also seen by kernels the test starts."""
    path = tmp_path / "gradebook.sqlite"
    monkeypatch.setenv("DIYPHD_GRADEBOOK", str(path))
    monkeypatch.delenv("DIYPHD_RECORD", raising=False)
    monkeypatch.delenv("DIYPHD_RUN_ID", raising=False)
    return path

"""Is a code release complete? Licence, README, pinned environment, seeds (research practice).

Lesson 4 (``notebooks/research_practice/04_working_in_public``). :func:`check_release` reads a
release folder and returns a :class:`~diyphd.writing.finding.Finding` for each missing piece:

- ``licence``: a ``LICENSE``/``LICENCE``/``COPYING`` file (without one, nobody may reuse it);
- ``readme``: a README that says how to install, how to reproduce the results, and what they are;
- ``environment``: ``requirements.txt`` (or ``environment.yml``) with every package pinned ``==``;
- ``seeds``: the code sets a seed (``seed=0``, ``manual_seed(0)``, ``default_rng(0)``).

These follow the ML reproducibility checklist (Pineau et al. 2021) in spirit; they check that the
pieces exist, not that the code runs.
"""

from __future__ import annotations

import re
from pathlib import Path

from diyphd.writing.finding import Finding

__all__ = ["check_release"]

_README_PARTS = {
    "how to install": r"\binstall",
    "how to reproduce the results": r"\breproduc|\brun\b",
    "what the results are": r"\bresults?\b",
}
_PIN = re.compile(r"^[A-Za-z0-9_.\-\[\]]+\s*==\s*[\w.+!-]+")
_SEED = re.compile(r"(seed\w*\s*[=(]\s*\d|manual_seed\(\s*\d|default_rng\(\s*\d)")


def _first(folder: Path, names: tuple[str, ...]) -> Path | None:
    for name in names:
        for path in folder.glob(name):
            if path.is_file():
                return path
    return None


def _environment(folder: Path) -> list[Finding]:
    req = _first(folder, ("requirements*.txt",))
    env = _first(folder, ("environment.yml", "environment.yaml"))
    if req is None and env is None:
        return [Finding("environment", "the release", "no requirements.txt or environment.yml")]
    findings = []
    if req is not None:
        for line in req.read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-") and not _PIN.match(line):
                findings.append(Finding("environment", line, "not pinned: write name==version"))
    return findings


def check_release(folder: str | Path) -> list[Finding]:
    """Every finding on the release in ``folder`` (empty when all pieces are there)."""
    folder = Path(folder)
    if not folder.is_dir():
        return [Finding("release", str(folder), "no such folder")]
    findings = []
    if _first(folder, ("LICENSE*", "LICENCE*", "COPYING*")) is None:
        findings.append(Finding("licence", "the release", "no LICENSE file: nobody may reuse it"))
    readme = _first(folder, ("README*",))
    if readme is None:
        findings.append(Finding("readme", "the release", "no README"))
    else:
        text = readme.read_text()
        for part, pattern in _README_PARTS.items():
            if not re.search(pattern, text, flags=re.IGNORECASE):
                findings.append(Finding("readme", readme.name, f"says nothing on {part}"))
    findings += _environment(folder)
    code = " ".join(p.read_text() for p in folder.rglob("*.py"))
    if not _SEED.search(code):
        findings.append(Finding("seeds", "the code", "no seed is set in the code"))
    return findings

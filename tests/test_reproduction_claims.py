"""Are the reproductions' claims declared before the run, in a file the notebook only reads?

Each reproduction notebook has a claims file beside it (``NN_name.claims.yml``) that
``diyphd.common.claims.load_claims`` accepts (every claim with the paper's number and a reason
for its tolerance). Its code cells must not build a ``Claim`` or set a tolerance, target or
partial zone themselves, must read the file, and must never open it for writing.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from diyphd.common.claims import load_claims

ROOT = Path(__file__).resolve().parents[1]
REPRODUCTIONS = sorted(
    {
        *(ROOT / "notebooks" / "reproduction").glob("0[3-9]_*.ipynb"),
        *(ROOT / "notebooks").glob("*/*reproduction*.ipynb"),  # a theme's own reproduction
        # and any notebook with a claims file beside it
        *(
            p.with_name(p.name.removesuffix(".claims.yml") + ".ipynb")
            for p in (ROOT / "notebooks").glob("*/*.claims.yml")
        ),
    }
)
_RULE = r"(tolerance|partial|target|direction)"
RULE_IN_CODE = re.compile(
    r"\bClaim\("  # a claim built in the notebook
    r"|\b(tolerance|partial|direction)\s*(=|[-+*/]=)"  # assigned, augmented, or a keyword
    r"|\btarget\s*(=|[-+*/]=)\s*[-+]?[\d.]"  # a numeric target (target="x0" names a model's)
    rf"|[\"']{_RULE}[\"']"  # named as a string: setattr, a dict of fields, **{...}
    r"|\bsetattr\(|__dict__|\bvars\(|dataclasses\.replace"  # changed around the attribute
)
WRITES = re.compile(r"open\([^)]*claims[^)]*['\"][wa]|\.write_text\(|yaml\.(safe_)?dump")


def _code(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


def test_there_are_reproductions():
    """Does the glob find the reproduction notebooks (so the checks below are not vacuous)?"""
    assert len(REPRODUCTIONS) >= 4


@pytest.mark.parametrize("path", REPRODUCTIONS, ids=lambda p: p.stem)
def test_claims_file_beside_the_notebook_loads(path):
    """Is there a claims file beside the notebook, with a reason and paper number per claim?"""
    claims = path.with_suffix(".claims.yml")
    assert claims.exists(), f"{claims.name} missing"
    table = load_claims(claims)  # raises on a missing reason or paper value
    assert len(table) >= 2
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert f'load_claims("{claims.name}")' in text, "the notebook must read its claims file"
    assert f"{{download}}`{claims.name}`" in text, "the page must link the claims file"


@pytest.mark.parametrize("path", REPRODUCTIONS, ids=lambda p: p.stem)
def test_no_tolerance_is_set_in_code(path):
    """Does no code cell build a Claim, set a tolerance, or write the claims file?"""
    for source in _code(path):
        assert not RULE_IN_CODE.search(source), f"{path.name}: a rule set in code:\n{source}"
        assert not WRITES.search(source), f"{path.name}: writes a file:\n{source}"


def test_the_scan_catches_a_tolerance_in_code():
    """Would the scan notice a Claim built in a cell, or a rule assigned or passed there?"""
    for line in [
        "Claim('x', 'Fig. 1', 's', 'f', target=1.0)",
        "table[1].tolerance = 0.5",
        "table[0].target = 0.5",
        "dataclasses.replace(claim, partial=2)",
        'setattr(table["small_factor"], "tolerance", 20.0)',
        "table[2].tolerance += 12",
        'table[2].__dict__.update({"tolerance": 20.0})',
        'table.claims[2] = type(table[2])(**{**vars(table[2]), "partial": 20.0})',
    ]:
        assert RULE_IN_CODE.search(line), line
    assert not RULE_IN_CODE.search('table.measure("peak", 1.0, ci=(0.9, 1.1))')
    assert not RULE_IN_CODE.search('sample(model, target="x0")')  # a model's target, not a rule
    assert WRITES.search('open("04_x.claims.yml", "w")')

"""The release checker: does it name each missing piece, and pass a complete release?"""

from __future__ import annotations

from diyphd.research_practice.release import check_release

README = (
    "# Demo\n\nInstall: pip install -r requirements.txt\n\n"
    "Reproduce: python run.py\n\nResults: Table 1.\n"
)


def _complete(folder):
    (folder / "LICENSE").write_text("MIT License\n")
    (folder / "README.md").write_text(README)
    (folder / "requirements.txt").write_text("numpy==2.1.0\ntorch==2.13.0\n")
    (folder / "run.py").write_text("import numpy as np\nrng = np.random.default_rng(0)\n")
    return folder


def test_a_complete_release_passes(tmp_path):
    """Does a folder with a licence, a README, pins and a seed give no finding?"""
    assert check_release(_complete(tmp_path)) == []


def test_each_missing_piece_is_named(tmp_path):
    """Is each piece (licence, README parts, pins, seeds) reported when it is missing?"""
    _complete(tmp_path)
    (tmp_path / "LICENSE").unlink()
    (tmp_path / "README.md").write_text("# Demo\n\nInstall it.\n")
    (tmp_path / "requirements.txt").write_text("numpy\ntorch>=2\n")
    (tmp_path / "run.py").write_text("print('hello')\n")
    rules = [f.rule for f in check_release(tmp_path)]
    assert rules.count("licence") == 1 and rules.count("seeds") == 1
    assert rules.count("readme") == 2  # reproduce and results are missing; install is there
    assert rules.count("environment") == 2  # both requirements unpinned


def test_no_environment_file_and_no_folder(tmp_path):
    """Is a release with no requirements file, or no folder at all, reported, not a crash?"""
    _complete(tmp_path)
    (tmp_path / "requirements.txt").unlink()
    assert [f.rule for f in check_release(tmp_path)] == ["environment"]
    assert [f.rule for f in check_release(tmp_path / "missing")] == ["release"]

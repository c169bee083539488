"""The registry against the exercises: every problem set has its notebook and checks them all."""

from __future__ import annotations

import re

import nbformat
import pytest

from diyphd.learner.grading import get, problem_sets, register
from diyphd.learner.grading.questions import ValueQuestion
from diyphd.learner.paths import EXERCISES, REPO, problem_set_id
from diyphd.learner.workspace import exercise_notebooks

NOTEBOOKS = {problem_set_id(p): p for p in exercise_notebooks(EXERCISES)}
# the capstone's report is graded in the template (and the worked example), not in exercises/
NOTEBOOKS["capstone.thesis"] = REPO / "notebooks" / "capstone" / "01_thesis_template.ipynb"


def test_every_problem_set_has_a_notebook_and_back():
    """Is each registered problem set backed by a notebook in exercises/, and vice versa?"""
    assert set(problem_sets()) == set(NOTEBOOKS)


@pytest.mark.parametrize("pset", sorted(problem_sets()))
def test_notebook_checks_every_question(pset):
    """Does the notebook call check() on every question of its problem set, and no other?"""
    nb = nbformat.read(NOTEBOOKS[pset], as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    checked = set(re.findall(r"check\(\s*[\"']([\w.]+)[\"']", code))
    assert checked == {q.id for q in problem_sets()[pset]}


def test_unknown_id_names_the_known_ones():
    """Does a mistyped id fail with the ids that do exist?"""
    with pytest.raises(KeyError, match="optimization.ps01.gd_step"):
        get("optimization.ps01.gd_stpe")


def test_duplicate_id_is_refused():
    """Can two questions share an id?"""
    q = get("optimization.ps01.step_size")
    with pytest.raises(ValueError, match="twice"):
        register(ValueQuestion(id=q.id, title="again", reference=1.0))

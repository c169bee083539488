"""The book's roles rewritten for JupyterLab: links between workspace copies, citations."""

from __future__ import annotations

import pytest

from diyphd.learner.lab_markup import Book, lab_markdown, workspace_path

BOOK = Book(
    labels={
        "opt-gd": "notebooks/optimization/01_gradient_descent",
        "thm-gd": "notebooks/optimization/01_gradient_descent",
        "found-linalg": "notebooks/foundations/01_linear_algebra",
        "how-to": "book/how_to_use",
    },
    titles={
        "notebooks/foundations/01_linear_algebra": "Linear algebra",
        "notebooks/optimization/02_momentum": "Momentum",
        "exercises/optimization/ps01_gradient_methods": "Problem set 1",
    },
    citations={
        "polyak1964some": ("Polyak", "1964"),
        "kingma2015adam": ("Kingma and Ba", "2015"),
        "zhang2017understanding": ("Zhang et al.", "2017"),
    },
)
HERE = "notebooks/optimization/01_gradient_descent"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "{ref}`the basics <found-linalg>`",
            "[the basics](../foundations/01_linear_algebra.ipynb)",
        ),
        ("{ref}`found-linalg`", "[Linear algebra](../foundations/01_linear_algebra.ipynb)"),
        ("{ref}`thm-gd`", "{ref}`thm-gd`"),  # same notebook: jupyterlab-myst resolves it
        ("{prf:ref}`thm-gd`", "{prf:ref}`thm-gd`"),
        ("{prf:ref}`found-linalg`", "[Linear algebra](../foundations/01_linear_algebra.ipynb)"),
        ("{ref}`the guide <how-to>`", "the guide"),  # a book page: plain text
        ("{ref}`no-such-label`", "no-such-label"),
        ("{doc}`02_momentum`", "[Momentum](02_momentum.ipynb)"),
        ("{doc}`next </notebooks/optimization/02_momentum>`", "[next](02_momentum.ipynb)"),
        (
            "{doc}`/exercises/optimization/ps01_gradient_methods`",
            "[Problem set 1](ps01_gradient_methods.ipynb)",
        ),
        ("{doc}`the syllabus </book/syllabus>`", "the syllabus"),
        ("{cite:t}`polyak1964some`", "Polyak (1964)"),
        (
            "{cite:p}`kingma2015adam,zhang2017understanding`",
            "(Kingma and Ba, 2015; Zhang et al., 2017)",
        ),
        ("{cite:t}`unknown2020`", "unknown2020"),
        ("plain $x$ text", "plain $x$ text"),
    ],
)
def test_roles(source, expected):
    """Is each role rewritten to what JupyterLab can show (and nothing else touched)?"""
    assert lab_markdown(source, HERE, BOOK) == expected


def test_workspace_path():
    """Do lessons and problem sets map to workspace/<theme>/<name>.ipynb, pages to None?"""
    assert workspace_path("notebooks/optimization/01_x") == "optimization/01_x.ipynb"
    assert workspace_path("exercises/writing/ps01_y") == "writing/ps01_y.ipynb"
    assert workspace_path("book/intro") is None

"""The problem sets as an nbgrader course, for a cohort on JupyterHub (``diyphd course export``).

Each problem set becomes one assignment, ``source/<theme>-<psNN>/<problem set>.ipynb``, with
nbgrader's cell metadata (schema 3):

- an answer cell (``### BEGIN SOLUTION`` / ``### END SOLUTION``, nbgrader's own markers) is a
  solution cell; a text question's answer cell is also *manually graded*, worth its rubric
  points, with the rubric in a read-only cell below its test for the grader;
- a ``check(...)`` cell becomes an autograded test cell worth the question's points. It runs the
  kit's check (hidden cases included: they come from the installed ``diyphd`` package, never
  from the notebook), shows the kit's feedback, and ends in :func:`points`, the score as a
  number: nbgrader's partial credit (a test cell whose output is a number earns that many
  points; one that raises earns none);
- every other cell is read-only; the folded worked solutions are left out (the book has them).

The self-scores of the learner's own copies have no place here: the grader scores the rubric.
Checks in a course never write to a learner's gradebook (``record=False``).
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

from diyphd.learner.lab_markup import lab_notebook
from diyphd.learner.paths import EXERCISES, REPO, problem_set_id

if TYPE_CHECKING:
    from diyphd.learner.grading.result import Result

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
CODE_STUB = '# YOUR CODE HERE\nraise NotImplementedError("replace this line with your code")'
NBVAL_TAGS = ("nbval-check-output", "nbval-ignore-output", "hide-input")
_NOTEBOOK_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\.ipynb(?:#[^)\s]*)?\)")

CONFIG = '''\
"""nbgrader's configuration for the diyphd course (written by `diyphd course export`).

nbgrader reads this file from the course root, the folder that holds source/. The kit's
checks run in the grading kernel, so `diyphd` must be installed there (see the book's
"Teaching a course" page).
"""

c = get_config()  # noqa: F821 - nbgrader's config loader defines it

c.CourseDirectory.course_id = "diyphd"  # change it to your course's id on JupyterHub
# The stub that replaces each solution region in the released copy: the same as in a
# learner's own workspace copy.
c.ClearSolutions.code_stub = {"python": CODE_STUB}
# A check takes at most a few seconds; a cell that runs longer is stopped.
c.Execute.timeout = 300
'''.replace("CODE_STUB", repr(CODE_STUB))

COURSE_NOTE = """\
**In this course.** This problem set is an nbgrader assignment. Write each answer where the cell
says `# YOUR CODE HERE`, run it, then run the read-only cell below it: it runs the kit's check
and prints your score and feedback, as the autograder will (the autograder also runs the hidden
cases). A text answer's rubric points are scored by your grader, not by you. Results here are
not written to your own gradebook."""

END_NOTE = """\
## Submitting

Save the notebook and submit it from the *Assignments* tab. Your instructor autogrades the
submission with nbgrader, scores the rubric of each text answer, and releases the feedback."""


class CourseError(ValueError):
    """The course cannot be exported as asked (a bad theme, a non-empty folder, a bad cell)."""


@dataclass
class Exported:
    """One assignment written: its name, notebook and points (automatic, manual)."""

    assignment: str
    notebook: Path
    auto_points: float
    manual_points: float


def known_themes(source: Path = EXERCISES) -> list[str]:
    """The themes that have problem sets (``exercises/<theme>/ps*.ipynb``), sorted."""
    return sorted({p.parent.name for p in source.glob("*/ps*.ipynb")})


def assignment_name(pset: str) -> str:
    """The nbgrader assignment of a problem set: 'optimization.ps01' -> 'optimization-ps01'."""
    return pset.replace(".", "-")


def points(result: Result) -> float:
    """Show the kit's feedback for ``result`` and return its automatic points: the last line
    of an autograded test cell, so that nbgrader gives this many points (partial credit)."""
    from IPython.display import display

    from diyphd.learner.grading import get

    rubric = getattr(get(result.question_id), "rubric", {}) if result.self_rows else {}
    for row in result.self_rows:
        top, what = rubric.get(row.label, (row.max_points, ""))
        row.message = f"your grader scores this, 0-{top:g}: {what}"
    if result.self_rows:
        result.notes.append("The rubric below is scored by your grader, not by you.")
    display(result)
    return float(min(max(result.auto, 0.0), result.auto_max))


def _meta(grade_id: str, *, solution=False, grade=False, locked=False, pts=None) -> dict:
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = float(pts)
    return meta


@dataclass
class _Check:
    """A parsed ``check(...)`` cell: the question id, the answer's source, self-scores' name."""

    question_id: str
    self_scores: str | None
    test_source: str


def _parse_check(source: str, where: str) -> _Check | None:
    """The check call of a cell, and the test cell's source; None when the cell has none."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "check"
    ]
    if not calls:
        return None
    if len(calls) > 1 or len(calls[0].args) != 2:
        raise CourseError(f"{where}: expected one check(question_id, answer) call")
    call = calls[0]
    qid = call.args[0]
    if not (isinstance(qid, ast.Constant) and isinstance(qid.value, str)):
        raise CourseError(f"{where}: the question id of check() must be a string literal")
    kw = {k.arg: k.value for k in call.keywords}
    self_scores = kw.get("self_scores")
    self_name = self_scores.id if isinstance(self_scores, ast.Name) else None
    answer = ast.get_source_segment(source, call.args[1])
    new_call = f"check({qid.value!r}, {answer}, record=False)"
    body = source.replace(ast.get_source_segment(source, call), new_call, 1)
    last = ast.parse(body).body[-1]
    if isinstance(last, ast.Expr):
        blines = body.splitlines()
        head = "\n".join(blines[: last.lineno - 1])
        expr = ast.get_source_segment(body, last)
        body = (head + "\n" if head else "") + f"points({expr})"
    elif isinstance(last, ast.Assign) and len(last.targets) == 1:
        body += f"\npoints({ast.get_source_segment(body, last.targets[0])})"
    else:
        raise CourseError(f"{where}: the check cell must end in its result or an assignment")
    prelude = (
        "# Autograded: the kit's check of this question, its hidden cases included (they come\n"
        "# from the installed diyphd package); the number on the last line is your score.\n"
        "from diyphd.learner.course import points\n"
        "from diyphd.learner.grading import check\n\n"
    )
    return _Check(qid.value, self_name, prelude + body)


def _drop_assignment(source: str, name: str) -> str:
    """``source`` without the top-level assignment to ``name`` (the self-scores line)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    drop: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            drop |= set(range(node.lineno - 1, node.end_lineno))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _rubric_markdown(question) -> str:
    rubric = question.rubric.items()
    rows = "\n".join(f"- **{name}** (0 to {top:g} points): {what}" for name, (top, what) in rubric)
    return (
        f"**For the grader: the rubric of `{question.id}`** (manually graded, "
        f"{sum(top for top, _ in question.rubric.values()):g} points, on the answer cell above). "
        "In the kit these points count only once the automatic check above gives full marks; "
        "score each criterion:\n\n" + rows
    )


def _clean(cell: nbformat.NotebookNode) -> None:
    cell.metadata.pop("execution", None)
    tags = [t for t in cell.metadata.get("tags", []) if t not in NBVAL_TAGS]
    if tags:
        cell.metadata["tags"] = tags
    else:
        cell.metadata.pop("tags", None)
    if cell.cell_type == "code":
        cell.outputs, cell.execution_count = [], None


def course_notebook(nb: nbformat.NotebookNode, pset: str, toc_file: str | None = None):
    """The nbgrader source notebook of problem set ``pset`` (a new notebook; ``nb`` is kept).

    Returns (notebook, automatic points, manual points)."""
    from diyphd.learner.grading import get

    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    if toc_file:
        lab_notebook(nb, toc_file)  # citations as author-year text, links to other notebooks
    cells: list[nbformat.NotebookNode] = []
    answer_index: int | None = None
    auto = manual = 0.0
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        where = f"{pset}, cell {i + 1}"
        _clean(cell)
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            if "solution" in tags:
                continue  # the folded worked solution: the book shows it
            if BEGIN in cell.source:
                raise CourseError(f"{where}: a solution marker in a markdown cell")
            if cell.source.lstrip().startswith("## Your score"):
                cell.source = END_NOTE
            cell.source = _NOTEBOOK_LINK.sub(r"\1", cell.source)
            cell.metadata["nbgrader"] = _meta(f"text_{i + 1}", locked=True)
            cells.append(cell)
            if i == 0:
                note = nbformat.v4.new_markdown_cell(COURSE_NOTE)
                note.metadata["nbgrader"] = _meta("course_note", locked=True)
                cells.append(note)
            continue
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        if BEGIN in cell.source:
            cell.metadata["nbgrader"] = _meta(f"answer_{i + 1}", solution=True)
            answer_index = len(cells)
            cells.append(cell)
            continue
        parsed = _parse_check(cell.source, where)
        if parsed is None:
            cell.metadata["nbgrader"] = _meta(f"code_{i + 1}", locked=True)
            cells.append(cell)
            continue
        question = get(parsed.question_id)
        name = parsed.question_id.rsplit(".", 1)[-1]
        if name in seen:
            raise CourseError(f"{where}: {parsed.question_id} is checked twice")
        seen.add(name)
        if answer_index is None:
            raise CourseError(f"{where}: a check cell with no answer cell before it")
        answer = cells[answer_index]
        answer.metadata["nbgrader"]["grade_id"] = f"{name}_answer"
        rubric = getattr(question, "rubric", {})
        if parsed.self_scores:
            answer.source = _drop_assignment(answer.source, parsed.self_scores)
        cell.source = parsed.test_source
        cell.metadata["nbgrader"] = _meta(
            f"{name}_test", grade=True, locked=True, pts=question.points
        )
        auto += question.points
        cells.append(cell)
        if rubric:
            top = sum(t for t, _ in rubric.values())
            answer.metadata["nbgrader"] |= {"grade": True, "points": float(top)}
            manual += top
            note = nbformat.v4.new_markdown_cell(_rubric_markdown(question))
            note.metadata["nbgrader"] = _meta(f"{name}_rubric", locked=True)
            cells.append(note)
        answer_index = None
    nb.cells = cells
    nb.metadata.pop("execution", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nbformat.validate(nb)
    return nb, round(auto, 2), round(manual, 2)


def _problem_sets(themes: list[str] | None, source: Path) -> list[Path]:
    known = known_themes(source)
    if themes:
        unknown = [t for t in themes if t not in known]
        if unknown:
            raise CourseError(
                f"unknown theme {', '.join(unknown)}; themes with problem sets: {', '.join(known)}"
            )
    chosen = themes or known
    found = (p for t in chosen for p in (source / t).glob("ps*.ipynb"))
    return sorted({p for p in found if ".new." not in p.name})  # a theme named twice: once


def export_course(
    out: Path, themes: list[str] | None = None, force: bool = False, source: Path = EXERCISES
) -> list[Exported]:
    """Write an nbgrader course to ``out``: ``nbgrader_config.py`` and
    ``source/<assignment>/<problem set>.ipynb`` for every problem set of ``themes`` (all when
    None). A non-empty ``out`` is refused unless ``force`` (then its ``source/`` is replaced)."""
    out = Path(out)
    notebooks = _problem_sets(themes, source)
    if out.exists() and not out.is_dir():
        raise CourseError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise CourseError(
            f"{out} is not empty; choose an empty folder, or pass --force to replace its "
            "nbgrader_config.py and source/ (the gradebook and submissions are kept)"
        )
    written = []
    staged = []
    for path in notebooks:
        pset = problem_set_id(path)
        nb = nbformat.read(path, as_version=4)
        rel = path.resolve().relative_to(REPO) if path.resolve().is_relative_to(REPO) else None
        toc_file = rel.with_suffix("").as_posix() if rel else None
        course_nb, auto, manual = course_notebook(nb, pset, toc_file)
        staged.append((assignment_name(pset), path.name, course_nb, auto, manual))
    if force and (out / "source").exists():
        shutil.rmtree(out / "source")
    out.mkdir(parents=True, exist_ok=True)
    (out / "nbgrader_config.py").write_text(CONFIG)
    for assignment, name, course_nb, auto, manual in staged:
        target = out / "source" / assignment / name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(course_nb, target)
        written.append(Exported(assignment, target, auto, manual))
    return written

"""Grade an answer to each kind of question; every function returns a Result and never raises."""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

import numpy as np

from diyphd.learner.grading.compare import compare, describe, fmt
from diyphd.learner.grading.result import Result, Row
from diyphd.learner.grading.runner import arg_names, call_safely

if TYPE_CHECKING:
    from diyphd.learner.grading.base import Question

NOT_ATTEMPTED = "Not attempted yet: fill in the answer cell above, run it, then run this cell."


def is_blank(answer: Any) -> bool:
    """Is this the stub's answer (None, Ellipsis, an empty string or collection)?"""
    if answer is None or answer is Ellipsis:
        return True
    return isinstance(answer, str | list | tuple | set | frozenset) and len(answer) == 0


def _result(q: Question, rows: list[Row] | None = None, **kw: Any) -> Result:
    return Result(q.id, q.title, q.kind, q.points, rows or [], hint=q.hint, **kw)


def _not_attempted(q: Question) -> Result:
    rubric = getattr(q, "rubric", {})
    self_rows = [Row(name, False, 0.0, top, what) for name, (top, what) in rubric.items()]
    return _result(q, attempted=False, notes=[NOT_ATTEMPTED], self_rows=self_rows)


def _wrong_type(q: Question, expected: str, answer: Any) -> Result:
    row = Row("answer", False, 0.0, q.points, f"expected {expected}, got {describe(answer)}")
    return _result(q, [row])


def _split(points: float, n: int) -> float:
    return points / n if n else 0.0


def _call_label(name: str, fn_names: list[str], args: tuple) -> str:
    shown = ", ".join(f"{k}={fmt(v)}" for k, v in zip(fn_names, args, strict=True))
    return f"{name}({shown})"


def function_cases(q: Question) -> list[tuple[str, tuple]]:
    """The fixed cases, then the seeded hidden ones, each with its label."""
    cases = [(f"case {i + 1}", args) for i, args in enumerate(q.cases)]
    if q.hidden is not None:
        rng = np.random.default_rng(q.seed)
        cases += [(f"hidden case {i + 1}", tuple(q.hidden(rng))) for i in range(q.n_hidden)]
    return cases


def grade_function(q: Question, answer: Any) -> Result:
    """Run the learner's function and the reference on every case and compare."""
    if is_blank(answer):
        return _not_attempted(q)
    if not callable(answer):
        return _wrong_type(q, "a function", answer)
    cases = function_cases(q)
    share = _split(q.points, len(cases))
    names = arg_names(q.reference, max((len(a) for _, a in cases), default=0))
    rows: list[Row] = []
    notes: list[str] = []
    printed = 0
    timed_out = False
    for label, args in cases:
        if timed_out:
            rows.append(Row(label, False, 0.0, share, "skipped after a time-out"))
            continue
        out = call_safely(answer, args, q.timeout)
        printed += out.printed
        timed_out = out.status == "timeout"
        if out.status == "not_implemented" and not rows:
            return _not_attempted(q)
        where = f"; inputs: {_call_label(q.reference.__name__, names[: len(args)], args)}"
        if out.status != "ok":
            rows.append(Row(label, False, 0.0, share, out.message + where))
            continue
        problem = compare(q.reference(*copy.deepcopy(args)), out.value, q.rtol, q.atol)
        if problem:
            rows.append(Row(label, False, 0.0, share, problem + where))
        else:
            rows.append(Row(label, True, share, share))
    if printed:
        notes.append(
            f"Your function printed {printed} characters (hidden here); printing slows it."
        )
    return _result(q, rows, notes=notes)


def grade_value(q: Question, answer: Any) -> Result:
    """Compare a number or array with the reference."""
    if is_blank(answer):
        return _not_attempted(q)
    problem = compare(q.reference, answer, q.rtol, q.atol)
    ok = problem is None
    return _result(q, [Row("value", ok, q.points if ok else 0.0, q.points, problem or "")])


def _chosen(answer: Any) -> set[str] | None:
    if isinstance(answer, str):
        return {k.strip().lower() for k in re.split(r"[,\s]+", answer) if k.strip()}
    if isinstance(answer, list | tuple | set | frozenset) and all(
        isinstance(a, str) for a in answer
    ):
        return {a.strip().lower() for a in answer}
    return None


def grade_choice(q: Question, answer: Any) -> Result:
    """Score the chosen options; explain each wrong pick and each missed correct option."""
    if is_blank(answer):
        return _not_attempted(q)
    chosen = _chosen(answer)
    if chosen is None:
        return _wrong_type(q, "an option letter such as 'b' (or a list of them)", answer)
    keys = {k.lower(): k for k in q.options}
    unknown = sorted(chosen - keys.keys())
    if unknown:
        msg = f"{', '.join(unknown)} is not an option; choose from {', '.join(q.options)}"
        return _result(q, [Row("answer", False, 0.0, q.points, msg)])
    chosen = {keys[c] for c in chosen}
    if len(q.reference) == 1:
        if chosen == set(q.reference):
            return _result(q, [Row(f"option {min(chosen)}", True, q.points, q.points)])
        rows = []
        for k in sorted(chosen):
            why = "right, but choose a single option" if k in q.reference else "not right"
            rows.append(Row(f"option {k}", False, 0.0, q.points, q.explanations.get(k, why)))
        if len(chosen) > 1:
            rows[0].message = "choose a single option. " + rows[0].message
        return _result(q, rows)
    share = _split(q.points, len(q.options))
    rows = []
    for k in q.options:
        right = (k in chosen) == (k in q.reference)
        why = "" if right else q.explanations.get(k, "")
        verb = "you chose" if k in chosen else "you left out"
        msg = "" if right else f"{verb} it: {why}".rstrip(": ")
        rows.append(Row(f"option {k}", right, share if right else 0.0, share, msg))
    return _result(q, rows)


def _axes(answer: Any) -> Any:
    """The first Axes of a Figure, an Axes itself, or None."""
    if hasattr(answer, "get_lines") and hasattr(answer, "get_yscale"):
        return answer
    axes = getattr(answer, "axes", None)
    if isinstance(axes, list) and axes and hasattr(axes[0], "get_lines"):
        return axes[0]
    return None


def grade_figure(q: Question, answer: Any) -> Result:
    """Inspect the figure's first Axes for each requirement of the question."""
    if is_blank(answer):
        return _not_attempted(q)
    ax = _axes(answer)
    if ax is None:
        return _wrong_type(
            q, "a matplotlib Figure with an Axes (e.g. `fig, ax = plt.subplots()`)", answer
        )
    checks: list[tuple[str, bool, str]] = []
    if q.xlabel:
        checks.append(("x-axis label", bool(ax.get_xlabel().strip()), "use ax.set_xlabel(...)"))
    if q.ylabel:
        checks.append(("y-axis label", bool(ax.get_ylabel().strip()), "use ax.set_ylabel(...)"))
    if q.axes_title:
        checks.append(("title", bool(ax.get_title().strip()), "use ax.set_title(...)"))
    if q.legend:
        checks.append(
            (
                "legend",
                ax.get_legend() is not None,
                "give each line a label=... and call ax.legend()",
            )
        )
    if q.n_lines is not None:
        n = len(ax.get_lines())
        checks.append((f"{q.n_lines} lines", n == q.n_lines, f"expected {q.n_lines}, found {n}"))
    for axis, want in (("x", q.xscale), ("y", q.yscale)):
        if want is not None:
            got = getattr(ax, f"get_{axis}scale")()
            msg = f"the {axis} axis is {got}; use ax.set_{axis}scale({want!r})"
            checks.append((f"{want} {axis} axis", got == want, msg))
    share = _split(q.points, len(checks))
    rows = [Row(lbl, ok, share if ok else 0.0, share, "" if ok else msg) for lbl, ok, msg in checks]
    return _result(q, rows)


def _self_rows(q: Question, self_scores: dict | None) -> tuple[list[Row], list[str]]:
    given = dict(self_scores or {})
    notes = [f"'{k}' is not a rubric criterion (ignored)" for k in sorted(given.keys() - q.rubric)]
    rows = []
    for name, (top, description) in q.rubric.items():
        value = given.get(name)
        if value is None or isinstance(value, bool) or not isinstance(value, int | float):
            rows.append(Row(name, False, 0.0, top, f"score yourself 0-{top:g}: {description}"))
            continue
        pts = float(min(max(value, 0), top))
        rows.append(Row(name, pts >= top, pts, top, "" if pts == value else f"clipped to {pts:g}"))
    return rows, notes


def grade_text(q: Question, answer: Any, self_scores: dict | None = None) -> Result:
    """Check length and required elements, then add the learner's rubric self-scores."""
    if is_blank(answer) or (isinstance(answer, str) and not answer.strip()):
        return _not_attempted(q)
    if not isinstance(answer, str):
        return _wrong_type(q, "a string", answer)
    words = len(answer.split())
    n_rules = 1 + len(q.required)
    share = _split(q.points, n_rules)
    top = q.max_words if q.max_words is not None else "any"
    ok = words >= q.min_words and (q.max_words is None or words <= q.max_words)
    length_msg = "" if ok else f"{words} words; write between {q.min_words} and {top}"
    rows = [Row("length", ok, share if ok else 0.0, share, length_msg)]
    for name, pattern in q.required.items():
        found = re.search(pattern, answer, flags=re.IGNORECASE) is not None
        rows.append(Row(name, found, share if found else 0.0, share, "" if found else "missing"))
    self_rows, notes = _self_rows(q, self_scores)
    return _result(q, rows, self_rows=self_rows, notes=notes)

"""Grade an answer to a function, value or choice question; each returns a Result, never raises.

Figures are graded in :mod:`.figures`, texts in :mod:`.text`, self-scores in :mod:`.selfscore`.
"""

from __future__ import annotations

import copy
import re
import time
from typing import TYPE_CHECKING, Any

import numpy as np

from diyphd.learner.grading import isolate
from diyphd.learner.grading.compare import as_array, compare, describe, fmt
from diyphd.learner.grading.result import Result, Row
from diyphd.learner.grading.runner import arg_names, call_safely

if TYPE_CHECKING:
    from diyphd.learner.grading.base import Question

NOT_ATTEMPTED = "Not attempted yet: fill in the answer cell above, run it, then run this cell."
MARGIN = 0.75  # seconds of the budget kept for the parent to collect the result


def is_blank(answer: Any) -> bool:
    """Is this the stub's answer (None, Ellipsis, an empty string or collection)?"""
    if answer is None or answer is Ellipsis:
        return True
    return isinstance(answer, str | list | tuple | set | frozenset) and len(answer) == 0


def result_for(q: Question, rows: list[Row] | None = None, **kw: Any) -> Result:
    """A Result for ``q`` with its title, kind, points and hint."""
    return Result(q.id, q.title, q.kind, q.points, rows or [], hint=q.hint, **kw)


def not_attempted(q: Question) -> Result:
    rubric = getattr(q, "rubric", {})
    self_rows = [Row(name, False, 0.0, top, what) for name, (top, what) in rubric.items()]
    return result_for(q, attempted=False, notes=[NOT_ATTEMPTED], self_rows=self_rows)


def wrong_type(q: Question, expected: str, answer: Any) -> Result:
    row = Row("answer", False, 0.0, q.points, f"expected {expected}, got {describe(answer)}")
    return result_for(q, [row])


def _split(points: float, n: int) -> float:
    return points / n if n else 0.0


def _call_label(name: str, fn_names: list[str], args: tuple) -> str:
    shown = ", ".join(f"{k}={fmt(v, full=True)}" for k, v in zip(fn_names, args, strict=True))
    return f"{name}({shown})"


def function_cases(q: Question) -> list[tuple[str, tuple, bool]]:
    """The fixed cases, then the seeded hidden ones: (label, arguments, hidden?)."""
    cases = [(f"case {i + 1}", args, False) for i, args in enumerate(q.cases)]
    if q.hidden is not None:
        rng = np.random.default_rng(q.seed)
        cases += [(f"hidden case {i + 1}", tuple(q.hidden(rng)), True) for i in range(q.n_hidden)]
    return cases


def _matches(fn: Any, args: tuple, got: Any, rtol: float, atol: float) -> bool:
    """Does our (trusted) wrong answer ``fn`` give ``got`` on ``args``?"""
    try:
        return compare(fn(*copy.deepcopy(args)), got, rtol, atol) is None
    except Exception:  # noqa: BLE001 - a wrong answer that fails on a case matches nothing
        return False


def _named_mistake(q: Question, failed: list[tuple[tuple, Any]]) -> str | None:
    """The declared wrong answer that reproduces every failed case checked, if one does."""
    if not failed:
        return None
    for name, fn in q.wrong_answers.items():
        if callable(fn) and all(_matches(fn, a, got, q.rtol, q.atol) for a, got in failed[:3]):
            return name
    return None


def grade_function(q: Question, answer: Any) -> Result:
    """Run the learner's function and the reference on every case and compare.

    Visible cases show their inputs, expected and actual outputs; hidden cases never show the
    expected output. The check stops running cases when its time budget runs out.
    """
    if is_blank(answer):
        return not_attempted(q)
    if not callable(answer):
        return wrong_type(q, "a function", answer)
    cases = function_cases(q)
    share = _split(q.points, len(cases))
    names = arg_names(q.reference, max((len(a) for _, a, _ in cases), default=0))
    deadline = time.monotonic() + q.budget - MARGIN
    rows: list[Row] = []
    notes: list[str] = []
    failed: list[tuple[tuple, Any]] = []
    printed = 0
    stop = ""
    for index, (label, args, hidden) in enumerate(cases):
        inputs = _call_label(q.reference.__name__, names[: len(args)], args)
        left = deadline - time.monotonic()
        if stop or left <= 0.05:
            why = stop or f"not run: the check's time budget of {q.budget:g} s ran out"
            rows.append(Row(label, False, 0.0, share, why))
            continue
        isolate.mark_case(index)
        out = call_safely(answer, args, min(q.timeout, left))
        printed += out.printed
        if out.status == "not_implemented" and not rows:
            return not_attempted(q)
        if out.status in ("timeout", "overrun"):
            stop = "skipped after a time-out"
        if out.status != "ok":
            rows.append(Row(label, False, 0.0, share, out.message, inputs=inputs))
            continue
        expected = q.reference(*copy.deepcopy(args))
        problem = compare(expected, out.value, q.rtol, q.atol)
        if problem:
            failed.append((args, out.value))
            shown = "" if hidden else fmt(expected)
            row = Row(label, False, 0.0, share, problem, inputs, shown, fmt(out.value))
            rows.append(row)
        else:
            rows.append(Row(label, True, share, share))
    if name := _named_mistake(q, failed):
        notes.append(f"Your outputs match a known mistake: {name}.")
    if printed:
        notes.append(
            f"Your function printed {printed} characters (hidden here); printing slows it."
        )
    return result_for(q, rows, notes=notes)


def _whole(x: np.ndarray) -> bool:
    return bool(np.all(np.isfinite(x)) and np.all(x == np.round(x)))


def grade_value(q: Question, answer: Any) -> Result:
    """Compare a number or array with the reference; say how far off, never the answer."""
    if is_blank(answer):
        return not_attempted(q)
    act, why = as_array(answer)
    if act is not None and q.integer and not _whole(act):
        why = f"got {fmt(act)}, not a whole number: the question asks for a count, rounded"
    problem = why or compare(q.reference, act, q.rtol, q.atol)
    ok = problem is None
    notes = []
    if not ok and act is not None:
        for name, wrong in q.wrong_answers.items():
            if compare(wrong, act, q.rtol, q.atol) is None:
                notes.append(f"This looks like a known mistake: {name}.")
                break
    row = Row("value", ok, q.points if ok else 0.0, q.points, problem or "")
    if not ok and act is not None:
        row.got = fmt(act)
    return result_for(q, [row], notes=notes)


def _chosen(answer: Any) -> set[str] | None:
    if isinstance(answer, str):
        return {k.strip().lower() for k in re.split(r"[,\s]+", answer) if k.strip()}
    if isinstance(answer, list | tuple | set | frozenset) and all(
        isinstance(a, str) for a in answer
    ):
        return {a.strip().lower() for a in answer}
    return None


def grade_choice(q: Question, answer: Any) -> Result:
    """Score the chosen options; explain each wrong pick and each missed correct option.

    With several correct options the score is (right chosen / right) − (wrong chosen / wrong),
    floored at 0: choosing every option scores 0, and each wrong pick takes back as much as a
    right one gives when the options are evenly split.
    """
    if is_blank(answer):
        return not_attempted(q)
    chosen = _chosen(answer)
    if chosen is None:
        return wrong_type(q, "an option letter such as 'b' (or a list of them)", answer)
    keys = {k.lower(): k for k in q.options}
    unknown = sorted(chosen - keys.keys())
    if unknown:
        msg = f"{', '.join(unknown)} is not an option; choose from {', '.join(q.options)}"
        return result_for(q, [Row("answer", False, 0.0, q.points, msg)])
    chosen = {keys[c] for c in chosen}
    if len(q.reference) == 1:
        if chosen == set(q.reference):
            return result_for(q, [Row(f"option {min(chosen)}", True, q.points, q.points)])
        rows = []
        for k in sorted(chosen):
            why = "right, but choose a single option" if k in q.reference else "not right"
            rows.append(Row(f"option {k}", False, 0.0, q.points, q.explanations.get(k, why)))
        if len(chosen) > 1:
            rows[0].message = "choose a single option. " + rows[0].message
        return result_for(q, rows)
    right, wrong = set(q.reference), set(q.options) - set(q.reference)
    r, w = len(chosen & right), len(chosen & wrong)
    fraction = max(0.0, r / len(right) - (w / len(wrong) if wrong else 0.0))
    share = q.points / len(right)
    paid = fraction * q.points / r if r else 0.0  # each right pick's points after penalties
    rows = []
    for k in q.options:
        if k in right:
            msg = "" if k in chosen else f"you left it out: {q.explanations.get(k, '')}"
            rows.append(Row(f"option {k}", k in chosen, paid if k in chosen else 0.0, share, msg))
        elif k in chosen:
            cost = q.points / len(wrong)
            why = q.explanations.get(k, "not right")
            msg = f"you chose it: {why} (a wrong pick takes back {cost:.2g} points)"
            rows.append(Row(f"option {k}", False, 0.0, 0.0, msg))
    return result_for(q, rows)

"""Figures for figure questions: grading on data and form, and the reference drawings.

A figure question lists its :class:`Curve` s. Each curve says what its data must be, as a
function of x (``y(x)`` returns the expected values at the learner's own x, or raises
ValueError when those x are not allowed), a relative tolerance, and a pattern its legend label
must match. Grading takes the first Axes, keeps its data lines (``axhline``/``axvline`` are
helper lines, not data), and matches each curve to a line by data; the feedback names the line
and says how far off it is. Points: half for the data (shared by the curves), a quarter for the
required scales, an eighth for the axis labels and an eighth for the legend.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from diyphd.learner.grading.checks import is_blank, not_attempted, result_for, wrong_type
from diyphd.learner.grading.compare import _size
from diyphd.learner.grading.result import Result, Row

if TYPE_CHECKING:
    from diyphd.learner.grading.base import Question

DATA, SCALES, LABELS, LEGEND = 0.5, 0.25, 0.125, 0.125
_TRIVIAL_LABEL = re.compile(r"^\s*(x|y|x-axis|y-axis|x axis|y axis|value|values|data)?\s*$", re.I)


@dataclass
class Curve:
    """One required line: its name, a regex its legend label must match, and its data."""

    name: str
    label: str
    y: Callable[[np.ndarray], np.ndarray]
    rtol: float = 1e-3
    atol: float = 0.0
    min_points: int = 5


def tabulated(x_ref: Sequence[float], y_ref: Sequence[float], log: bool = True) -> Callable:
    """Expected values interpolated (in log space when ``log``) between tabulated points; x
    outside their range is refused."""
    xr, yr = np.asarray(x_ref, float), np.asarray(y_ref, float)

    def y(x: np.ndarray) -> np.ndarray:
        if x.min() < xr.min() - 1e-9 or x.max() > xr.max() + 1e-9:
            raise ValueError(f"its x runs from {x.min():g} to {x.max():g}, outside the setting")
        return np.exp(np.interp(x, xr, np.log(yr))) if log else np.interp(x, xr, yr)

    return y


def integers(lo: int, hi: int, values: Callable[[np.ndarray], np.ndarray]) -> Callable:
    """Expected values at whole x from ``lo`` to ``hi`` only (iterations, epochs, degrees)."""

    def y(x: np.ndarray) -> np.ndarray:
        if not np.all(x == np.round(x)) or x.min() < lo or x.max() > hi:
            raise ValueError(f"its x should be whole numbers from {lo} to {hi}")
        return values(x.astype(int))

    return y


def data_lines(ax: Any) -> list:
    """Lines that plot data: drawn in data coordinates with two points or more."""
    out = []
    for line in ax.get_lines():
        try:
            if line.get_transform() != ax.transData:
                continue
            if len(np.atleast_1d(line.get_xdata())) >= 2:
                out.append(line)
        except Exception:  # noqa: BLE001 - an odd artist is not a data line
            continue
    return out


def _axes(answer: Any) -> Any:
    """The first Axes of a Figure, an Axes itself, or None."""
    if hasattr(answer, "get_lines") and hasattr(answer, "get_yscale"):
        return answer
    axes = getattr(answer, "axes", None)
    if isinstance(axes, list) and axes and hasattr(axes[0], "get_lines"):
        return axes[0]
    return None


def line_problem(curve: Curve, line: Any) -> str | None:
    """How ``line``'s data differs from ``curve``'s, or None when it matches."""
    try:
        x = np.asarray(line.get_xdata(), dtype=float)
        y = np.asarray(line.get_ydata(), dtype=float)
    except (TypeError, ValueError):
        return "its data are not numbers"
    if x.shape != y.shape or x.size < curve.min_points:
        return f"it has {x.size} points; expected at least {curve.min_points}"
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        return "it holds NaN or infinite values"
    try:
        want = np.asarray(curve.y(x), dtype=float)
    except ValueError as exc:
        return str(exc)
    bad = np.abs(y - want) > curve.rtol * np.abs(want) + curve.atol
    if not bad.any():
        return None
    err = np.where(bad, np.abs(y - want) / np.maximum(np.abs(want), 1e-300), 0)
    i = int(np.argmax(err))
    return f"at x = {x[i]:.4g} it is {_size(float(want[i]), float(y[i]))}"


def _name(line: Any) -> str:
    label = str(line.get_label())
    return f"'{label}'" if not label.startswith("_") else "an unlabelled line"


def _visible_label(line: Any) -> str:
    label = str(line.get_label())
    return "" if label.startswith("_") else label


def grade_figure(q: Question, answer: Any) -> Result:
    """Grade the figure's first Axes on its data lines, scales, axis labels and legend."""
    if is_blank(answer):
        return not_attempted(q)
    ax = _axes(answer)
    if ax is None:
        return wrong_type(
            q, "a matplotlib Figure with an Axes (e.g. `fig, ax = plt.subplots()`)", answer
        )
    lines = data_lines(ax)
    rows: list[Row] = []
    used: set[int] = set()
    matched: dict[str, Any] = {}
    share = q.points * DATA / len(q.curves)
    for curve in q.curves:
        free = [ln for ln in lines if id(ln) not in used]
        found = next((ln for ln in free if line_problem(curve, ln) is None), None)
        if found is not None:
            used.add(id(found))
            matched[curve.name] = found
            rows.append(Row(f"data: {curve.name}", True, share, share))
            continue
        named = [ln for ln in free if re.search(curve.label, _visible_label(ln), re.I)]
        if named:
            why = f"the line labelled {_name(named[0])} is not this curve: " + (
                line_problem(curve, named[0]) or ""
            )
        elif free:
            why = f"no line matches it (e.g. {_name(free[0])}: {line_problem(curve, free[0])})"
        else:
            why = "no data line for it (axhline and axvline draw helper lines, not data)"
        rows.append(Row(f"data: {curve.name}", False, 0.0, share, why, hint=q.hint))
    extra = len(lines) - len(used)
    scale_share = q.points * SCALES
    wrong = [
        (axis, got, want)
        for axis, want in (("x", q.xscale), ("y", q.yscale))
        if (got := getattr(ax, f"get_{axis}scale")()) != want
    ]
    msg = "; ".join(f"the {a} axis is {g}, the question asks for {w}" for a, g, w in wrong)
    fix = " ".join(f"Use ax.set_{a}scale({w!r})." for a, _, w in wrong)
    rows.append(
        Row(
            f"scales (x {q.xscale}, y {q.yscale})",
            not wrong,
            0.0 if wrong else scale_share,
            scale_share,
            msg,
            hint=fix,
        )
    )
    label_share = q.points * LABELS / 2
    for axis, pattern in (("x", q.xlabel), ("y", q.ylabel)):
        text = getattr(ax, f"get_{axis}label")()
        if _TRIVIAL_LABEL.match(text):
            ok, msg = False, f"the {axis} axis label {text!r} does not say what is plotted"
        elif isinstance(pattern, str) and not re.search(pattern, text, re.I):
            ok, msg = False, f"the {axis} axis label {text!r} does not name the quantity asked for"
        else:
            ok, msg = True, ""
        hint = "" if ok else f"Name the quantity on the {axis} axis: ax.set_{axis}label(...)."
        rows.append(
            Row(f"{axis}-axis label", ok, label_share if ok else 0.0, label_share, msg, hint=hint)
        )
    legend_ok, legend_msg = _legend(q, ax, matched, extra)
    legend_share = q.points * LEGEND
    hint = "" if legend_ok else "Give each line label=... (the curve's name) and call ax.legend()."
    rows.append(
        Row(
            "legend",
            legend_ok,
            legend_share if legend_ok else 0.0,
            legend_share,
            legend_msg,
            hint=hint,
        )
    )
    return result_for(q, rows)


def _legend(q: Question, ax: Any, matched: dict[str, Any], extra: int) -> tuple[bool, str]:
    legend = ax.get_legend()
    if legend is None:
        return False, "no legend"
    shown = {t.get_text() for t in legend.get_texts()}
    if not shown:
        return False, "the legend is empty: no line has a label"
    for curve in q.curves:
        line = matched.get(curve.name)
        if line is None:
            continue
        label = _visible_label(line)
        if not label or label not in shown:
            return False, f"the {curve.name} line has no entry in the legend"
        if not re.search(curve.label, label, re.I):
            return False, f"the {curve.name} line is labelled {label!r}: is the legend swapped?"
    if extra > 0:
        return False, f"{extra} more data line(s) than the question asks for"
    return True, ""


def line_figure(
    x: np.ndarray,
    lines: Sequence[tuple[str, np.ndarray]],
    xlabel: str,
    ylabel: str,
    *,
    xscale: str = "linear",
    yscale: str = "linear",
    labels: bool = True,
):
    """A closed Figure with one named line per ``(name, y)``; ``labels=False`` omits the axis
    labels and the legend (the usual wrong answer)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    for name, values in lines:
        ax.plot(x, values, label=name)
    ax.set_xscale(xscale)
    ax.set_yscale(yscale)
    if labels:
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.legend()
    plt.close(fig)
    return fig

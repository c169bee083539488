"""Results over seeds to a booktabs LaTeX table, and a checker for such tables.

Writing theme, lesson 3 (numbers and tables). :func:`results_table` turns
``{method: {metric: [one score per seed]}}`` into a table of mean ± confidence-interval
half-width, rounded to the precision the interval supports, and bolds the best entry of a
column only when Welch's test separates it from every other method. The interval and the test
come from :mod:`diyphd.common.stats` (``mean_ci``, ``welch_test``). :func:`check_table` checks a
LaTeX table string: booktabs rules, no vertical rules, a spread on every measured number (counts
such as "25.6M" parameters, and columns headed as counts, need none), no more digits than the
spread supports, and no bold entry whose interval overlaps another entry's mean in its column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from diyphd.common.stats import mean_ci, welch_test
from diyphd.writing.finding import Finding


def ci_halfwidth(values: Sequence[float], confidence: float = 0.95) -> float:
    """Half-width of the Student-t confidence interval of the mean."""
    ci = mean_ci(values, confidence)
    return (ci.high - ci.low) / 2


def decimals_for(uncertainty: float) -> int:
    """Decimal places that keep one significant digit of ``uncertainty`` (two if it starts with 1).

    0.34 -> 1 (0.3), 0.14 -> 2 (0.14), 2.7 -> 0 (3), 16 -> 0 (16), 27 -> -1 (30).
    """
    if not math.isfinite(uncertainty) or uncertainty <= 0:
        return 3
    exponent = math.floor(math.log10(uncertainty))
    leading = uncertainty / 10**exponent
    sig = 2 if round(leading, 6) < 2 else 1
    return sig - 1 - exponent


def format_mean_ci(mean: float, half: float, latex: bool = True) -> str:
    """``mean ± half`` rounded to the precision of ``half`` (see :func:`decimals_for`)."""
    d = decimals_for(half)
    pm = r" $\pm$ " if latex else " ± "
    if d <= 0:
        step = 10 ** (-d)
        return f"{round(mean / step) * step:.0f}{pm}{round(half / step) * step:.0f}"
    return f"{mean:.{d}f}{pm}{half:.{d}f}"


@dataclass(frozen=True)
class Best:
    """The best method of one metric, the Welch p-value against each other, and the verdict."""

    method: str
    pvalues: dict[str, float]
    significant: bool


def best_entry(
    scores: dict[str, Sequence[float]], higher_is_better: bool = True, alpha: float = 0.05
) -> Best:
    """The method with the best mean; significant when every Welch p-value is below ``alpha``.

    Testing the best against each other method (not only the runner-up) matters when a method
    with a lower mean has a wide spread. No correction for multiple comparisons is applied.
    """
    means = {m: float(np.mean(v)) for m, v in scores.items()}
    best = (max if higher_is_better else min)(means, key=means.get)
    pvalues = {}
    for other, values in scores.items():
        if other == best:
            continue
        try:
            pvalues[other] = welch_test(scores[best], values).pvalue
        except ValueError:  # both constant: equal means give no evidence, unequal are certain
            pvalues[other] = 1.0 if means[best] == means[other] else 0.0
    significant = len(pvalues) > 0 and all(p < alpha for p in pvalues.values())
    return Best(best, pvalues, significant)


def results_table(
    results: dict[str, dict[str, Sequence[float]]],
    *,
    higher_is_better: bool | dict[str, bool] = True,
    confidence: float = 0.95,
    alpha: float = 0.05,
    caption: str = "",
    label: str = "",
) -> str:
    """A booktabs LaTeX table of mean ± CI half-width per method (rows) and metric (columns)."""
    methods = list(results)
    metrics = list(next(iter(results.values())))
    cells = {m: {} for m in methods}
    for metric in metrics:
        hib = (
            higher_is_better.get(metric, True)
            if isinstance(higher_is_better, dict)
            else higher_is_better
        )
        column = {m: results[m][metric] for m in methods}
        best = best_entry(column, hib, alpha)
        for m in methods:
            text = format_mean_ci(float(np.mean(column[m])), ci_halfwidth(column[m], confidence))
            cells[m][metric] = (
                rf"\textbf{{{text}}}" if best.significant and m == best.method else text
            )
    n_seeds = sorted({len(v) for r in results.values() for v in r.values()})
    seeds = "/".join(str(n) for n in n_seeds)
    lines = [
        r"\begin{table}[t]",
        r"\centering",
        r"\begin{tabular}{l" + "c" * len(metrics) + "}",
        r"\toprule",
        "Method & " + " & ".join(metrics) + r" \\",
        r"\midrule",
    ]
    lines += [f"{m} & " + " & ".join(cells[m][k] for k in metrics) + r" \\" for m in methods]
    note = (
        f"Mean $\\pm$ half-width of the {confidence:.0%} t-interval over {seeds} seeds; "
        f"bold: better than every other method by Welch's test at $\\alpha = {alpha:g}$."
    ).replace("%", r"\%")
    lines += [
        r"\bottomrule",
        r"\end{tabular}",
        r"\caption{" + (caption + " " if caption else "") + note + "}",
    ]
    if label:
        lines.append(r"\label{" + label + "}")
    lines.append(r"\end{table}")
    return "\n".join(lines)


_CELL_NUMBER = re.compile(r"(-?\d+(?:\.(\d+))?)\s*(?:\$\\pm\$|±|\\pm)\s*(\d+(?:\.(\d+))?)")


_COUNT_CELL = re.compile(r"^\$?\s*\d+(\.\d+)?\s*(M|B|K|k|G|T|million|billion)?\s*\$?$")
_COUNT_HEADER = re.compile(r"param|layers?|flops|size|#|count|width|depth|seeds?|epochs?", re.I)


def _bold_overlaps(rows: list[list[str]]) -> list[Finding]:
    """Bold entries whose interval contains another entry's mean in the same column, or the
    reverse: a difference smaller than a half-width, which no test would call significant."""
    findings = []
    for j in range(1, max((len(r) for r in rows), default=0)):
        cells = []
        for r in rows:
            if j < len(r) and (m := _CELL_NUMBER.search(r[j])):
                cells.append((r[j], float(m.group(1)), float(m.group(3)), r"\textbf" in r[j]))
        for text, mean, half, bold in cells:
            if not bold:
                continue
            for other, m2, h2, _ in cells:
                if other is not text and (abs(mean - m2) <= half or abs(mean - m2) <= h2):
                    why = f"bold, but the difference from {other.strip()} is within a half-width"
                    findings.append(Finding("bold", text.strip(), why))
                    break
    return findings


def check_table(latex: str) -> list[Finding]:
    """Findings on a LaTeX table: rules, vertical lines, spreads, digits, a caption, bold."""
    findings = []
    for rule in (r"\toprule", r"\midrule", r"\bottomrule"):
        if rule not in latex:
            findings.append(Finding("booktabs", "table", f"no {rule}: use the booktabs rules"))
    if r"\hline" in latex:
        findings.append(Finding("booktabs", "table", r"\hline: use \toprule/\midrule/\bottomrule"))
    if (spec := re.search(r"\\begin\{tabular\}\{([^}]*)\}", latex)) and "|" in spec.group(1):
        findings.append(Finding("vertical rule", spec.group(0), "vertical rules clutter a table"))
    if r"\caption" not in latex:
        findings.append(Finding("caption", "table", "no caption saying what ± means"))
    head = latex.split(r"\toprule", 1)[-1].split(r"\midrule", 1)[0]
    headers = [h.strip() for h in head.split(r"\\")[0].split("&")]
    body = latex.split(r"\midrule", 1)[-1].split(r"\bottomrule", 1)[0]
    rows = [[c for c in r.strip().split("&")] for r in body.split(r"\\") if r.strip()]
    for row in rows:
        for j, cell in enumerate(row[1:], 1):
            cell = cell.strip()
            if not re.search(r"\d", cell):
                continue
            counted = j < len(headers) and _COUNT_HEADER.search(headers[j])
            if _CELL_NUMBER.search(cell) is None and (
                _COUNT_CELL.match(cell)
                and (counted or re.search(r"[MBKkGT]|million|billion", cell))
            ):
                continue  # a count ("25.6M" parameters), not a measurement
            m = _CELL_NUMBER.search(cell)
            if m is None:
                findings.append(Finding("uncertainty", cell, "a number with no ± spread"))
                continue
            mean_dec, half = len(m.group(2) or ""), float(m.group(3))
            half_dec = len(m.group(4) or "")
            if mean_dec != half_dec:
                why = "the mean and its spread are rounded to different decimal places"
                findings.append(Finding("digits", cell, why))
            elif half > 0 and half_dec > max(decimals_for(half), 0):
                why = f"{half_dec} decimals; the spread supports {max(decimals_for(half), 0)}"
                findings.append(Finding("digits", cell, why))
    return findings + _bold_overlaps(rows)

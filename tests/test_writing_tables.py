"""The table maker and checker: digits, the interval, bold only when Welch's test agrees."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from diyphd.writing.tables import (
    best_entry,
    check_table,
    ci_halfwidth,
    decimals_for,
    format_mean_ci,
    results_table,
)


def test_halfwidth_matches_scipy_t():
    """Is the half-width t_{0.975, n-1} s / sqrt(n), as scipy computes it?"""
    x = np.array([93.1, 93.6, 92.9, 93.4, 93.3])
    expected = stats.t.ppf(0.975, 4) * x.std(ddof=1) / np.sqrt(5)
    assert ci_halfwidth(x) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("half", "decimals", "text"),
    [(0.34, 1, "93.5 ± 0.3"), (0.14, 2, "93.46 ± 0.14"), (2.7, 0, "93 ± 3"), (27, -1, "90 ± 30")],
)
def test_rounding_follows_the_uncertainty(half, decimals, text):
    """Is the mean rounded to the decimal place of the spread's leading digit(s)?"""
    assert decimals_for(half) == decimals
    assert format_mean_ci(93.4567, half, latex=False) == text


def _results(gap: float, seed: int = 0):
    rng = np.random.default_rng(seed)
    return {
        "A": {"acc": 90 + gap + 0.3 * rng.standard_normal(5)},
        "B": {"acc": 90 + 0.3 * rng.standard_normal(5)},
    }


def test_bold_only_when_welch_significant():
    """Is the best entry bolded for a clear gap and not for a gap inside the noise?"""
    clear, noise = _results(2.0), _results(0.05)
    assert r"\textbf" in results_table(clear)
    assert r"\textbf" not in results_table(noise)
    p = stats.ttest_ind(clear["A"]["acc"], clear["B"]["acc"], equal_var=False).pvalue
    best = best_entry({m: r["acc"] for m, r in clear.items()})
    assert best.method == "A" and best.pvalues["B"] == pytest.approx(p) and best.significant


def test_lower_is_better_column():
    """With higher_is_better False, is the smallest mean the best?"""
    scores = {"A": [1.0, 1.1, 0.9, 1.0, 1.05], "B": [3.0, 3.1, 2.9, 3.0, 2.95]}
    assert best_entry(scores, higher_is_better=False).method == "A"


def test_best_must_beat_every_method():
    """Is the bold withheld when a noisy third method cannot be told from the best?"""
    rng = np.random.default_rng(1)
    scores = {
        "A": 92 + 0.1 * rng.standard_normal(5),
        "B": 90 + 0.1 * rng.standard_normal(5),
        "C": 91.5 + 3 * rng.standard_normal(5),
    }
    best = best_entry(scores)
    assert best.pvalues["B"] < 0.05 and not best.significant


def test_generated_table_passes_the_checker():
    """Does the maker's output pass the checker, booktabs rules and caption included?"""
    latex = results_table(_results(2.0), caption="Toy results.", label="tab:toy")
    assert check_table(latex) == []
    for part in (r"\toprule", r"\midrule", r"\bottomrule", r"\label{tab:toy}", "5 seeds"):
        assert part in latex


BAD_TABLE = r"""\begin{tabular}{|l|c|c|}
\hline
Method & acc & loss \\
\hline
A & 93.456 & 0.31 $\pm$ 0.02 \\
B & 93.41 $\pm$ 0.3 & 0.312 $\pm$ 0.020 \\
\hline
\end{tabular}"""


def test_checker_flags_each_fault():
    """Are hline, vertical rules, a missing caption, a bare number and bad digits flagged?"""
    found = {(f.rule, f.where) for f in check_table(BAD_TABLE)}
    rules = {r for r, _ in found}
    assert {"booktabs", "vertical rule", "caption", "uncertainty", "digits"} <= rules
    assert ("uncertainty", "93.456") in found
    assert ("digits", r"0.312 $\pm$ 0.020") in found
    assert ("digits", r"0.31 $\pm$ 0.02") not in found


# Issue 18: counts need no spread; bold on overlapping intervals is flagged

TABLE = r"""\begin{table}
\caption{Mean $\pm$ 95 \% CI over five seeds.}
\begin{tabular}{lrr}
\toprule
Method & Params & Accuracy (\%) \\
\midrule
ResNet-50 & 25.6M & CELL1 \\
Ours & 11 & CELL2 \\
\bottomrule
\end{tabular}
\end{table}"""


def table(a: str, b: str) -> str:
    return TABLE.replace("CELL1", a).replace("CELL2", b)


def test_a_parameter_count_needs_no_spread():
    """Is 'Params 25.6M' (and a plain count in a Params column) accepted, a bare accuracy not?"""
    ok = table(r"76.1 $\pm$ 0.2", r"74.0 $\pm$ 0.3")
    assert check_table(ok) == [], check_table(ok)
    bare = table("76.1", r"74.0 $\pm$ 0.3")
    assert [f.where for f in check_table(bare)] == ["76.1"]


def test_bold_within_a_half_width_is_flagged():
    """Is a bolded entry whose difference is inside a half-width flagged, a clear win not?"""
    close = table(r"\textbf{76.1 $\pm$ 0.4}", r"75.9 $\pm$ 0.3")
    assert [f.rule for f in check_table(close)] == ["bold"]
    clear = table(r"\textbf{76.1 $\pm$ 0.2}", r"74.0 $\pm$ 0.3")
    assert check_table(clear) == []

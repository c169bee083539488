"""Families of wrong answers, built for every registered question of a kind: do they all fail?

Figures with wrong data or missing form, keyword salads, negated and shuffled texts, every
option chosen, off-by-one and unrounded counts; and the feedback never gives the answer away.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

from diyphd.learner.grading import (
    ChoiceQuestion,
    FigureQuestion,
    FunctionQuestion,
    TextQuestion,
    ValueQuestion,
    all_questions,
)
from diyphd.learner.grading.compare import fmt
from diyphd.learner.grading.figures import data_lines
from diyphd.learner.grading.text import sentences, words

QUESTIONS = all_questions()
FIGURES = [q for q in QUESTIONS if isinstance(q, FigureQuestion)]
TEXTS = [q for q in QUESTIONS if isinstance(q, TextQuestion)]
CHOICES = [q for q in QUESTIONS if isinstance(q, ChoiceQuestion)]
VALUES = [q for q in QUESTIONS if isinstance(q, ValueQuestion)]
COUNTS = [q for q in VALUES if q.integer]
FUNCTIONS = [q for q in QUESTIONS if isinstance(q, FunctionQuestion)]


def test_the_families_cover_every_kind():
    """Are there questions of each kind for the families below (four figures, six texts)?"""
    assert len(FIGURES) >= 4 and len(TEXTS) >= 6 and len(COUNTS) >= 5
    assert "capstone.thesis.report" in {q.id for q in TEXTS}


# -- figures -------------------------------------------------------------------------------


def _reference_axes(q):
    fig = q.sample(q.reference)
    return fig, fig.axes[0]


def _relegend(ax):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ax.legend()


def _constant(ax):
    line = data_lines(ax)[0]
    line.set_ydata(np.full(len(line.get_ydata()), np.mean(line.get_ydata())))


def _axhline(ax):
    line = data_lines(ax)[0]
    label, level = line.get_label(), float(np.mean(line.get_ydata()))
    line.remove()
    ax.axhline(level, label=label)
    _relegend(ax)


def _swap_labels(ax):
    a, b = data_lines(ax)[:2]
    la, lb = a.get_label(), b.get_label()
    a.set_label(lb)
    b.set_label(la)
    _relegend(ax)


def _xy_labels(ax):
    ax.set_xlabel("x")
    ax.set_ylabel("y")


def _no_legend_labels(ax):
    for line in ax.get_lines():
        line.set_label("_nolegend_")
    _relegend(ax)


def _flip_x_scale(ax):
    ax.set_xscale("linear" if ax.get_xscale() == "log" else "log")


def _drop_log_y(ax):
    ax.set_yscale("linear")


FIGURE_FAMILIES = {
    "a constant line": (_constant, "data:"),
    "a data line replaced by axhline": (_axhline, "data:"),
    "legend labels swapped": (_swap_labels, "legend"),
    "axis labels x and y": (_xy_labels, "axis label"),
    "an empty legend": (_no_legend_labels, "legend"),
    "the x scale changed": (_flip_x_scale, "scales"),
    "the log y scale missing": (_drop_log_y, "scales"),
}


@pytest.mark.parametrize("family", FIGURE_FAMILIES)
@pytest.mark.parametrize("q", FIGURES, ids=lambda q: q.id)
def test_wrong_figures_lose_the_element_they_break(q, family):
    """Does each broken figure lose the points of the element it breaks, named in feedback?"""
    mutate, element = FIGURE_FAMILIES[family]
    if family == "the log y scale missing" and q.yscale != "log":
        pytest.skip("this figure has a linear y axis")
    fig, ax = _reference_axes(q)
    mutate(ax)
    result = q.grade(fig)
    failed = [r for r in result.rows if not r.passed]
    assert result.score < result.max, str(result)
    assert any(element in r.label for r in failed), str(result)
    assert all(r.message for r in failed)


@pytest.mark.parametrize("q", [q for q in FIGURES if q.yscale == "log"], ids=lambda q: q.id)
def test_missing_log_scale_costs_a_quarter(q):
    """Does a figure missing its required log scale lose a quarter of the points?"""
    fig, ax = _reference_axes(q)
    _drop_log_y(ax)
    result = q.grade(fig)
    assert result.score <= round(0.75 * result.max, 2), str(result)


# -- texts ---------------------------------------------------------------------------------


def _terms(q) -> list[str]:
    """The words of the reference that each rule matches (what a keyword stuffer would use)."""
    found = []
    for spec in q.required.values():
        for pattern in (spec,) if isinstance(spec, str) else spec:
            m = re.search(pattern, q.reference, flags=re.IGNORECASE)
            if m:
                found.append(m.group(0))
    return found + list(getattr(q, "sections", ())) or words(q.reference)[:8]


def _salad(q):
    return " ".join(_terms(q) * 14)


def _matters(q):
    return " ".join(f"The {t} matters." for t in _terms(q))


def _off_topic(q):
    weather = (
        "The weather in the valley was mild this spring, and the farmers planted early. "
        "Rain came in April and the rivers rose, but the harvest was good in the end. "
    )
    return weather * 3 + " ".join(_terms(q))


def _negated(q):
    return " ".join(f"It is not true that {s[0].lower()}{s[1:]}" for s in sentences(q.reference))


def _false_that(q):
    return " ".join(f"It is false that {s[0].lower()}{s[1:]}" for s in sentences(q.reference))


def _sorted_words(q):
    return " ".join(sorted(q.reference.split()))


def _shuffled_words(q):
    ws = q.reference.split()
    np.random.default_rng(0).shuffle(ws)
    return " ".join(ws)


TEXT_FAMILIES = {
    "keyword salad": _salad,
    "'The X matters.' sentences": _matters,
    "off-topic text with the terms appended": _off_topic,
    "every sentence negated": _negated,
    "every sentence 'false that'": _false_that,
    "words sorted alphabetically": _sorted_words,
    "words shuffled": _shuffled_words,
}


@pytest.mark.parametrize("family", TEXT_FAMILIES)
@pytest.mark.parametrize("q", TEXTS, ids=lambda q: q.id)
def test_texts_that_say_nothing_score_zero(q, family):
    """Do salads, negations and shuffles earn no automatic points, and so no self-scores?"""
    result = q.grade(TEXT_FAMILIES[family](q), self_scores=q.full_self_scores)
    assert result.attempted and result.auto == 0 and result.score == 0, str(result)


@pytest.mark.parametrize("q", TEXTS, ids=lambda q: q.id)
def test_self_scores_count_only_after_the_automatic_part(q):
    """Do full self-scores on a text missing a rule stay uncounted, and say why?"""
    result = q.grade(_negated(q), self_scores=q.full_self_scores)
    assert result.self_points == 0 and "count once the automatic part passes" in str(result)


# -- choices, counts, values ---------------------------------------------------------------


@pytest.mark.parametrize("q", CHOICES, ids=lambda q: q.id)
def test_every_option_chosen_scores_zero(q):
    """Does choosing every option score nothing, on single- and multi-answer questions?"""
    assert q.grade(list(q.options)).score == 0


@pytest.mark.parametrize("q", [q for q in CHOICES if len(q.reference) > 1], ids=lambda q: q.id)
def test_one_wrong_pick_costs_as_much_as_the_wrong_share(q):
    """Is a multi-select scored right/right − wrong/wrong (not per option left out)?"""
    right, wrong = sorted(q.reference), sorted(set(q.options) - q.reference)
    expected = max(0.0, 1 - 1 / len(wrong)) * q.points
    assert q.grade([*right, wrong[0]]).score == pytest.approx(round(expected, 2), abs=0.01)
    assert q.grade(right[:1]).score == pytest.approx(round(q.points / len(right), 2), abs=0.01)


@pytest.mark.parametrize("q", COUNTS, ids=lambda q: q.id)
def test_counts_are_exact(q):
    """Do off-by-one and unrounded counts score zero, with a message saying which?"""
    ref = int(q.reference)
    for wrong in (ref - 1, ref + 1, ref - 0.4, ref + 0.4):
        result = q.grade(wrong)
        assert result.score == 0, (wrong, str(result))
    assert "not a whole number" in str(q.grade(ref + 0.4))
    assert q.grade(float(ref)).full_marks and q.grade(np.int64(ref)).full_marks


@pytest.mark.parametrize("q", VALUES, ids=lambda q: q.id)
def test_nearest_wrong_value_is_outside_the_tolerance(q):
    """Does the nearest declared wrong value (or alternative method) fall outside tolerance?"""
    ref = float(np.asarray(q.reference))
    wrong = [float(np.asarray(w)) for w in q.wrong_answers.values()]
    nearest = min(wrong, key=lambda w: abs(w - ref))
    assert abs(nearest - ref) > q.atol + q.rtol * abs(ref), (nearest, ref)


@pytest.mark.parametrize("q", VALUES, ids=lambda q: q.id)
def test_value_feedback_never_gives_the_answer(q):
    """Does a wrong value's feedback leave out the expected value, and name the mistake?"""
    ref = float(np.asarray(q.reference))
    shown = {fmt(ref), f"{ref:.4g}", f"{ref:.3g}", repr(ref)}
    for wrong in q.wrong_answers.values():
        text = str(q.grade(wrong))
        if len(fmt(ref)) >= 3:
            assert not any(s in text.replace(fmt(wrong), "") for s in shown), text
        assert any(w in text for w in ("too high", "too low", "sign", "whole", "wrong", "be 0"))
        same = [n for n, w in q.wrong_answers.items() if np.isclose(w, wrong, rtol=q.rtol)]
        assert any(n in text for n in same), text


# -- conceptual slips the lessons name cost at least half ----------------------------------

SLIPS = [
    ("foundations.ps01.kl", "without 0·log 0 = 0"),
    ("optimization.ps02.central_difference", "ignores h (a fixed 1e-5)"),
    ("foundations.ps01.cond_number", "Frobenius norm"),
    ("generalization.ps01.test_size", "rounded down"),
]


@pytest.mark.parametrize(("qid", "name"), SLIPS)
def test_named_slips_cost_at_least_half(qid, name):
    """Does each slip a lesson warns about cost at least half of the question's points?"""
    q = next(q for q in QUESTIONS if q.id == qid)
    result = q.grade(q.wrong_answers[name])
    assert result.score <= q.points / 2, str(result)


@pytest.mark.parametrize("q", FUNCTIONS, ids=lambda q: q.id)
def test_hidden_cases_never_show_the_expected_output(q):
    """On hidden cases, is the expected output always left out of the feedback?"""
    for wrong in q.wrong_answers.values():
        result = q.grade(wrong)
        for row in result.rows:
            if row.label.startswith("hidden") and not row.passed:
                assert row.expected == "", str(result)
        assert "array(" not in str(result)


def test_bold_best_hidden_cases_cover_both_outcomes():
    """Do the hidden cases of bold_best include both 'bold' and 'do not bold'?"""
    from diyphd.learner.grading.checks import function_cases

    q = next(q for q in QUESTIONS if q.id == "writing.ps01.bold_best")
    outcomes = {bool(q.reference(*args)) for _, args, hidden in function_cases(q) if hidden}
    assert outcomes == {True, False}


def test_verdict_cases_sit_on_every_boundary():
    """Do the verdict cases include a point on the tolerance and the partial boundary, in each
    direction that has one?"""
    q = next(q for q in QUESTIONS if q.id == "reproduction.ps02.verdict_score")
    on_edges = set()
    for m, t, tol, partial, direction in q.cases:
        for edge, name in ((tol, "tolerance"), (partial, "partial")):
            if abs(abs(m - t) - edge) < 1e-12:
                on_edges.add((name, direction if direction == "two-sided" else "one-sided"))
    assert on_edges >= {
        ("tolerance", "two-sided"),
        ("partial", "two-sided"),
        ("tolerance", "one-sided"),
        ("partial", "one-sided"),
    }

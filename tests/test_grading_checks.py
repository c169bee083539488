"""The engine on bad answers: each gives a clear message and zero points, and never raises."""

from __future__ import annotations

import numpy as np
import pytest

from diyphd.learner.grading import (
    ChoiceQuestion,
    FigureQuestion,
    FunctionQuestion,
    TextQuestion,
    ValueQuestion,
)


def _double(x: np.ndarray) -> np.ndarray:
    return 2.0 * x


SQUARE = FunctionQuestion(
    id="test.ps00.double",
    title="Double",
    reference=_double,
    cases=[(np.array([1.0, 2.0, 3.0]),)],
    hidden=lambda rng: (rng.standard_normal(3),),
    n_hidden=3,
    timeout=0.3,
    points=4,
)


def _endless(x):
    while True:
        pass


def _sneaky_endless(x):
    while True:
        try:
            while True:
                pass
        except Exception:
            pass


def _mutates(x):
    x *= 2.0
    return x


def _chatty(x):
    for i in range(10_000):
        print("step", i)
    return 2.0 * x


def _raises(x):
    return x @ np.ones((4, 4))


BAD_FUNCTIONS = {
    "exception": (_raises, "raised ValueError"),
    "returns None": (lambda x: None, "forget `return`"),
    "wrong type": (lambda x: "two x", "got a str"),
    "wrong shape": (lambda x: (2 * x)[:, None], "shape (3, 1)"),
    "scalar": (lambda x: float(2 * x.sum()), "got a number"),
    "nan": (lambda x: np.full_like(x, np.nan), "nan"),
    "inf": (lambda x: np.full_like(x, np.inf), "inf"),
    "endless loop": (_endless, "did not finish within 0.3 s"),
    "catches everything": (_sneaky_endless, "did not finish"),
    "mutates input": (_mutates, "changed its input `x` in place"),
    "wrong numbers": (lambda x: 3 * x, "too high by a factor of about 1.5"),
    "exits": (lambda x: exit(1), "SystemExit"),
}


@pytest.mark.parametrize("name", BAD_FUNCTIONS)
def test_bad_function_scores_zero_with_a_message(name):
    """Does each kind of broken function give zero points and a message that names the fault?"""
    fn, expected = BAD_FUNCTIONS[name]
    result = SQUARE.grade(fn)
    assert result.attempted and result.score == 0
    assert expected in str(result), str(result)
    assert "inputs:   _double(x=[1. 2. 3.])" in str(result)


def test_not_a_function():
    """Does passing an array where a function is due say so?"""
    result = SQUARE.grade(np.ones(3))
    assert result.score == 0 and "expected a function, got an array" in str(result)


def test_not_implemented_is_not_attempted():
    """Does the stub's NotImplementedError read as 'not attempted', without a traceback?"""

    def stub(x):
        raise NotImplementedError("replace this line with your code")

    result = SQUARE.grade(stub)
    assert not result.attempted and result.score == 0
    assert "Traceback" not in str(result)


def test_printing_a_lot_is_hidden_and_noted(capsys):
    """Does a chatty function still pass, without flooding the output?"""
    result = SQUARE.grade(_chatty)
    assert result.full_marks
    assert "printed" in str(result)
    assert capsys.readouterr().out == ""


def test_torch_tensor_accepted_like_an_array():
    """Does returning a torch tensor where an array is due count as the same answer?"""
    torch = pytest.importorskip("torch")
    result = SQUARE.grade(lambda x: 2 * torch.as_tensor(x))
    assert result.full_marks, str(result)


def test_partial_credit_per_case():
    """Does a function right on some cases only get the matching share of points?"""
    result = SQUARE.grade(lambda x: 2 * x if x[0] == 1.0 else x)
    assert 0 < result.score < result.max
    assert result.score == pytest.approx(1.0)


def test_timeout_skips_remaining_cases_quickly():
    """Does one endless case end the check soon rather than timing out on every case?"""
    import time

    start = time.perf_counter()
    result = SQUARE.grade(_endless)
    assert time.perf_counter() - start < 2 * SQUARE.timeout
    assert sum("skipped after a time-out" in r.message for r in result.rows) == 3


VALUE = ValueQuestion(id="test.ps00.value", title="A value", reference=np.array([1.0, 2.0]))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (np.array([1.0, 2.0, 3.0]), "shape (3,)"),
        ("1, 2", "got a str"),
        (np.array([1.0, np.nan]), "nan at index (1,)"),
        ([1.0, 2.5], "1 of 2 entries are wrong; the worst at index (1,): too high by 25 %"),
        ({"a": 1}, "got a dict"),
    ],
)
def test_bad_values(answer, expected):
    """Does a value of the wrong shape, type or content score zero with a clear message?"""
    result = VALUE.grade(answer)
    assert result.score == 0 and expected in str(result), str(result)


def test_value_list_accepted():
    """Is a plain list as good as an array?"""
    assert VALUE.grade([1.0, 2.0]).full_marks


CHOICE = ChoiceQuestion(
    id="test.ps00.choice",
    title="Pick",
    options={"a": "right", "b": "wrong", "c": "also wrong"},
    reference="a",
    explanations={"b": "b is wrong because of X", "c": "c is wrong because of Y"},
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("b", "b is wrong because of X"),
        ("z", "z is not an option; choose from a, b, c"),
        (3, "expected an option letter"),
        (["a", "c"], "choose a single option"),
    ],
)
def test_bad_choices(answer, expected):
    """Does a wrong, unknown or malformed choice explain itself?"""
    result = CHOICE.grade(answer)
    assert result.score == 0 and expected in str(result), str(result)


def test_choice_is_case_insensitive():
    """Does 'A' count as option a?"""
    assert CHOICE.grade("A").full_marks


def test_multiple_choice_right_minus_wrong():
    """Is a several-answer question scored right/right − wrong/wrong, explaining each miss?"""
    q = ChoiceQuestion(
        id="test.ps00.multi",
        title="Pick two",
        options={"a": "", "b": "", "c": "", "d": ""},
        reference={"a", "b"},
        explanations={"b": "b holds too", "c": "c fails"},
        points=4,
    )
    assert q.grade(["a", "b"]).full_marks
    assert q.grade("a").score == 2
    result = q.grade("a, c")
    assert result.score == 0  # 1/2 right − 1/2 wrong
    assert "you left it out: b holds too" in str(result) and "you chose it: c fails" in str(result)
    assert q.grade("a b c").score == 2 and q.grade("a b c d").score == 0


def test_figure_wrong_type_and_axes():
    """Does a non-figure score zero, and a figure with the wrong data and scale lose both?"""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from diyphd.learner.grading.figures import Curve

    q = FigureQuestion(
        id="test.ps00.fig",
        title="Fig",
        reference=None,
        curves=[Curve("squares", r"square", lambda x: x**2)],
        yscale="log",
    )
    assert q.grade("a plot").score == 0
    fig, ax = plt.subplots()
    x = np.arange(1.0, 7.0)
    ax.plot(x, x**3, label="squares")
    ax.axhline(4.0)  # a helper line, not data
    ax.set_xlabel("n")
    ax.set_ylabel("n squared")
    ax.legend()
    result = q.grade(ax)  # an Axes is accepted too
    plt.close(fig)
    assert 0 < result.score < result.max
    text = str(result)
    assert "the line labelled 'squares' is not this curve" in text and "factor" in text
    assert "the y axis is linear, the question asks for log" in text
    assert "Hint: Use ax.set_yscale('log')." in text


def test_text_rules_and_self_scores():
    """Are self-scores kept apart, counted once the rules pass, refused out of range, and
    unknown criteria flagged?"""
    q = TextQuestion(
        id="test.ps00.text",
        title="Write",
        reference="",
        min_words=3,
        max_words=12,
        required={"kappa": (r"kappa|κ", r"large")},
        rubric={"clear": (2.0, "is clear")},
        points=2,
    )
    result = q.grade("The number kappa is large here.", self_scores={"clear": 2, "bogus": 1})
    assert (result.auto, result.self_points, result.self_max) == (2.0, 2.0, 2.0)
    assert "'bogus' is not a rubric criterion" in str(result)
    assert "outside 0-2" in str(q.grade("The number kappa is large here.", {"clear": 5}))
    short = q.grade("no", self_scores={"clear": 2})
    assert short.auto == 0 and short.self_points == 0
    assert "count once the automatic part passes" in str(short)
    assert "The kappa matters." and q.grade("The kappa matters a lot.").auto == 0
    assert q.grade(42).score == 0

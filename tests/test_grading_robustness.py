"""check() against answers that fight back: swallowed time limits, C-level overruns, escaping
BaseExceptions, objects that fail to convert, complex values, bad self-scores, threads."""

from __future__ import annotations

import math
import os
import threading
import time

import numpy as np
import pytest

from diyphd.learner.grading import FunctionQuestion, TextQuestion, ValueQuestion, check, get

DOUBLE = FunctionQuestion(
    id="test.ps00.double",
    title="Double",
    reference=lambda x: 2.0 * x,
    cases=[(np.array([1.0, 2.0]),)],
    hidden=lambda rng: (rng.standard_normal(3),),
    n_hidden=5,
    timeout=0.3,
    budget=2.0,
    points=2,
)


def _bare_except_retry(x):
    while True:
        try:
            while True:
                pass
        except:  # noqa: E722 - the point of the test: it swallows every time limit
            pass


def test_bare_except_in_a_loop_returns_within_the_budget():
    """Does a function that swallows every exception in a retry loop still end the check
    within its budget, with zero points and a message that says why?"""
    start = time.perf_counter()
    result = DOUBLE.grade(_bare_except_retry)
    elapsed = time.perf_counter() - start
    assert elapsed < DOUBLE.budget + 1.0, f"{elapsed:.2f} s"
    assert result.score == 0 and "bare `except:`" in str(result), str(result)


def test_check_with_a_real_question_returns_within_its_budget():
    """Through check() on a registered question, is the bare-except loop stopped in time?"""
    q = get("optimization.ps01.gd_step")
    start = time.perf_counter()
    result = check(q.id, lambda *a: _bare_except_retry(None), record=False)
    assert time.perf_counter() - start < q.budget + 1.0
    assert result.score == 0 and result.attempted


_BIG = np.eye(1500) + 1.0  # built here, so the timed call enters LAPACK at once


def _long_c_call(x):
    np.linalg.eigvalsh(_BIG)  # one LAPACK call (~0.5 s) no alarm can interrupt
    return 2.0 * x


def test_c_level_overrun_is_reported_as_such():
    """Is a call that overran its limit inside compiled code reported as an overrun?"""
    q = FunctionQuestion(
        id="test.ps00.slow", title="Slow", reference=lambda x: 2.0 * x,
        cases=[(np.array([1.0]),)], timeout=0.01, budget=5.0,
    )  # fmt: skip
    result = q.grade(_long_c_call)
    assert result.score == 0 and "compiled code" in str(result), str(result)


class _Escape(BaseException):
    pass


def _raise_base(x):
    raise _Escape("not an Exception")


def _interrupt(x):
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    "fn",
    [_raise_base, lambda x: exit(3), lambda x: os._exit(0), _interrupt],
    ids=["BaseException subclass", "SystemExit", "os._exit", "KeyboardInterrupt"],
)
def test_nothing_escapes_check(fn):
    """Does check() return a zero result, whatever the learner's function raises or does?"""
    result = DOUBLE.grade(fn)
    assert result.score == 0 and result.attempted


class _BadArray:
    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("my __array__ is broken")


class _BadFloat:
    def __float__(self):
        raise ValueError("my __float__ is broken")


VALUE = ValueQuestion(id="test.ps00.value", title="A value", reference=0.25, rtol=1e-3)


@pytest.mark.parametrize("answer", [_BadArray(), _BadFloat()], ids=["__array__", "__float__"])
def test_errors_of_the_learners_object_are_the_learners(answer):
    """Is an answer whose own conversion raises reported as the learner's error?"""
    text = str(VALUE.grade(answer))
    assert "grader itself" not in text and "broken" in text, text


def test_complex_values_are_rejected():
    """Does the right value plus an imaginary part score zero, with a message?"""
    result = VALUE.grade(np.array(0.25 + 100j))
    assert result.score == 0 and "complex" in str(result)
    assert DOUBLE.grade(lambda x: 2.0 * x + 1j).score == 0


def test_value_feedback_gives_direction_not_answer():
    """Does a wrong value hear 'too high by 8 %' or 'a factor of about 2', never 0.25?"""
    assert "too high by 8 %" in str(VALUE.grade(0.27))
    assert "too low by a factor of about 2" in str(VALUE.grade(0.125))
    assert "too high by a factor of about 110\n" in str(VALUE.grade(27.5)) + "\n"  # not 1.1e+02
    assert "sign is wrong" in str(VALUE.grade(-0.25))
    assert "0.25" not in str(VALUE.grade(0.27))


TEXT = TextQuestion(
    id="test.ps00.text",
    title="Write",
    reference="",
    min_words=6,
    required={"kappa": (r"kappa", r"large")},
    rubric={"clear": (1.0, "is clear"), "short": (2.0, "is short")},
    points=1,
)
GOOD = "The condition number kappa is large here."


@pytest.mark.parametrize(
    ("scores", "counted", "message"),
    [
        ({"clear": np.int64(1), "short": np.float32(2)}, 3.0, ""),
        ({"clear": True, "short": 2}, 2.0, "True is not a score"),
        ({"clear": "1", "short": 2}, 2.0, "is a string"),
        ({"clear": float("nan"), "short": 2}, 2.0, "nan is not a score"),
        ({"clear": 5, "short": 2}, 2.0, "outside 0-1"),
        ({"clear": -1, "short": 2}, 2.0, "outside 0-1"),
        ([1, 2], 0.0, "should be a dict"),
    ],
)
def test_self_scores_are_validated(scores, counted, message):
    """Are numpy numbers accepted and True, strings, NaN and out-of-range values refused?"""
    result = TEXT.grade(GOOD, self_scores=scores)
    assert result.self_points == counted and not math.isnan(result.score)
    assert message in str(result), str(result)


def test_full_self_score_shows_a_check_mark():
    """Does a self-score at its maximum show ✓, not an empty box?"""
    text = str(TEXT.grade(GOOD, self_scores={"clear": 1, "short": 1}))
    assert "✓ self-score clear: 1 / 1" in text and "◐ self-score short: 1 / 2" in text


def test_no_thread_left_after_a_check_off_the_main_thread():
    """Does a check run from another thread leave no thread behind when it returns?"""
    before = threading.active_count()
    box = {}
    worker = threading.Thread(target=lambda: box.setdefault("r", DOUBLE.grade(_bare_except_retry)))
    worker.start()
    worker.join(10)
    assert not worker.is_alive() and box["r"].score == 0
    assert threading.active_count() == before


def test_hidden_cases_hide_the_expected_output():
    """Do visible cases show input, expected and got, and hidden ones never the expected?"""
    result = DOUBLE.grade(lambda x: 3.0 * x)
    visible = [r for r in result.rows if r.label == "case 1"][0]
    assert visible.inputs and visible.expected == "[2. 4.]" and visible.got == "[3. 6.]"
    assert all(r.expected == "" for r in result.rows if r.label.startswith("hidden"))


def test_repeated_messages_are_shown_once_with_their_count():
    """Is one error raised on every case shown once, with how many cases it hit?"""
    text = str(DOUBLE.grade(lambda x: undefined_name))  # noqa: F821
    assert text.count("NameError") == 1 and "(and 5 more alike)" in text


def test_declared_mistake_is_named():
    """Does a function matching a declared wrong answer hear its name?"""
    q = get("optimization.ps01.gd_step")
    text = str(q.grade(q.wrong_answers["wrong sign"]))
    assert "known mistake: wrong sign" in text


def test_processes_the_answer_forks_do_not_outlive_the_check(tmp_path):
    """Does a process forked by the learner's code end with the check (no CPU left burning for
    every later check of the kernel)?"""
    pids = tmp_path / "pids"

    def forks_a_spinner(x):
        pid = os.fork()
        if pid == 0:  # a process the learner's code leaves behind, spinning
            while True:
                pass
        with pids.open("a") as f:
            f.write(f"{pid}\n")
        return 2.0 * x

    forker = FunctionQuestion(  # generous limits: forking a big test process takes a while
        id="test.ps00.forker",
        title="Double, forking",
        reference=lambda x: 2.0 * x,
        cases=[(np.array([1.0, 2.0]),), (np.array([3.0]),)],
        timeout=3.0,
        budget=8.0,
    )
    result = forker.grade(forks_a_spinner)
    time.sleep(0.3)
    alive = []
    for pid in map(int, pids.read_text().split()):
        try:
            state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # gone
        if state != "Z":
            alive.append(pid)
            os.kill(pid, 9)
    assert not alive, f"still running after the check: {alive}"
    assert result.full_marks, str(result)


def test_value_feedback_does_not_let_a_guess_compute_the_answer():
    """Does a guess 0.99 % off hear only 'less than 1 %' (a percentage to two digits let the
    guess divided by 1.0099 earn full marks), and a guess 5 % off one digit only?"""
    assert "too high by less than 1 %" in str(VALUE.grade(0.25 * 1.0099))
    assert "too low by 5 %" in str(VALUE.grade(0.25 * 0.952))
    for q in [get("foundations.ps01.cond_number"), get("foundations.ps01.hoeffding_n")]:
        feedback = str(q.grade(float(q.reference) * 1.0099 if not q.integer else q.reference + 1))
        assert "less than 1 %" in feedback, feedback

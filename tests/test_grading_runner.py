"""Safe calls: time limits on and off the main thread, mutation and print capture."""

from __future__ import annotations

import threading

import numpy as np

from diyphd.learner.grading.runner import call_safely, same


def _spin():
    while True:
        pass


def test_alarm_stops_an_endless_loop_on_the_main_thread():
    """Does the SIGALRM time limit end a loop that never returns?"""
    out = call_safely(_spin, (), timeout=0.2)
    assert out.status == "timeout"


def test_thread_fallback_off_the_main_thread():
    """Off the main thread (no SIGALRM), does the limit still hold?"""
    stop = threading.Event()

    def spin_until_stopped():
        # the fallback abandons a runaway thread, so this one must end after the test: a
        # thread spinning forever would hold the GIL and slow every later test in the process
        while not stop.is_set():
            pass

    box = {}
    worker = threading.Thread(
        target=lambda: box.setdefault("out", call_safely(spin_until_stopped, (), 0.2))
    )
    worker.start()
    worker.join(5)
    stop.set()
    assert box["out"].status == "timeout"


def test_previous_alarm_handler_restored():
    """Does a call leave the process's SIGALRM handler as it found it?"""
    import signal

    before = signal.getsignal(signal.SIGALRM)
    call_safely(lambda: 1, ())
    assert signal.getsignal(signal.SIGALRM) is before


def test_callers_arguments_untouched():
    """Is the caller's own array safe from a function that writes into its input?"""
    x = np.ones(3)

    def write(a):
        a[0] = 5.0
        return a

    out = call_safely(write, (x,))
    assert out.status == "mutated" and x[0] == 1.0


def test_same_handles_nan_and_nesting():
    """Are NaNs equal to themselves, and lists of arrays compared element by element?"""
    assert same(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]))
    assert not same([np.zeros(2)], [np.ones(2)])


def test_time_limit_inside_a_kernel():
    """In a Jupyter kernel, where learners run checks, does an endless loop stop on time?"""
    import nbformat
    from nbclient import NotebookClient

    source = (
        "import time\n"
        "from diyphd.learner.grading import get\n"
        "def spin(*args):\n"
        "    while True:\n"
        "        pass\n"
        "question = get('optimization.ps01.gd_step')  # loads every problem module first\n"
        "start = time.perf_counter()\n"
        "result = question.grade(spin)\n"
        "print(result.score, time.perf_counter() - start < 3)"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    assert nb.cells[0].outputs[0]["text"].strip() == "0.0 True"

"""Call a learner's function safely: time limit, captured prints, input-mutation check.

Time limits use ``SIGALRM`` when called on the main thread (a forked grading child always is,
see :mod:`.isolate`): the alarm raises a BaseException and keeps raising every 50 ms, so a
learner's ``except Exception`` cannot swallow it and a bare ``except:`` rarely can (the parent
of the forked child kills it in the end). A call that returns late because it sat in compiled
code, which no alarm interrupts, is reported as an overrun. Without a fork and off the main
thread, the call runs in a daemon thread that is abandoned, still running, if it overruns.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import signal
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from diyphd.learner.grading import isolate


@dataclass
class Outcome:
    """What a call produced: ``status`` is ok, error, timeout, overrun, not_implemented or
    mutated; ``seconds`` is how long it ran."""

    status: str
    value: Any = None
    message: str = ""
    printed: int = 0
    seconds: float = 0.0


class _TimeLimit(BaseException):
    """Raised by the alarm; a BaseException so that ``except Exception`` cannot swallow it."""


class _CountingWriter:
    """A stand-in for stdout that counts characters and keeps none."""

    def __init__(self) -> None:
        self.count = 0

    def write(self, text: str) -> int:
        self.count += len(text)
        return len(text)

    def flush(self) -> None:
        pass


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


_ARMED = [False]


def _raise_time_limit(signum: int, frame: Any) -> None:
    if _ARMED[0]:
        isolate.note_alarm()
        raise _TimeLimit


def _disarm(old: Any) -> None:
    """Stop the repeating alarm, even if one more fires while doing so."""
    while True:
        try:
            _ARMED[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
            return
        except _TimeLimit:
            continue


def _call_with_alarm(fn: Callable, args: tuple, timeout: float) -> Any:
    old = signal.signal(signal.SIGALRM, _raise_time_limit)
    _ARMED[0] = True
    signal.setitimer(signal.ITIMER_REAL, max(timeout, 1e-3), 0.05)
    try:
        return fn(*args)
    finally:
        _disarm(old)


def _call_in_thread(fn: Callable, args: tuple, timeout: float) -> Any:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise _TimeLimit
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _where(exc: BaseException) -> str:
    """The learner's line that raised, without file names (they hold temporary paths)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "diyphd" not in f.filename]
    if not frames:
        return ""
    frame = frames[-1]
    return f" (in {frame.name}, line {frame.lineno}: {frame.line})" if frame.line else ""


def _overrun(seconds: float, timeout: float) -> str:
    return (
        f"ran {seconds:.1f} s, over the {timeout:g} s limit, inside compiled code (a NumPy or "
        "torch call) that the time limit cannot interrupt: give it far less work"
    )


def _short(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - an exception whose __str__ fails
        text = "(its message could not be shown)"
    return text if len(text) <= 200 else text[:197] + "..."


def same(a: Any, b: Any) -> bool:
    """Are two inputs equal, arrays and tensors included (NaNs count as equal)?"""
    if hasattr(a, "detach") and hasattr(a, "numpy"):
        a = a.detach().cpu().numpy()
    if hasattr(b, "detach") and hasattr(b, "numpy"):
        b = b.detach().cpu().numpy()
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - objects without equality are taken as unchanged
        return True


def arg_names(fn: Callable, n: int) -> list[str]:
    """Names of the first ``n`` positional parameters of ``fn``, or ``arg1``... if unknown."""
    try:
        params = list(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        params = []
    return [params[i] if i < len(params) else f"arg{i + 1}" for i in range(n)]


def call_safely(fn: Callable, args: tuple, timeout: float = 2.0) -> Outcome:
    """Call ``fn(*args)`` on copies of ``args``; never raise, whatever ``fn`` does."""
    call_args = copy.deepcopy(args)
    snapshot = copy.deepcopy(args)
    out = _CountingWriter()
    call = _call_with_alarm if _can_alarm() else _call_in_thread
    start = time.perf_counter()
    try:
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(out),
            warnings.catch_warnings(),
            np.errstate(all="ignore"),
        ):
            warnings.simplefilter("ignore")
            value = call(fn, call_args, timeout)
    except _TimeLimit:
        seconds = time.perf_counter() - start
        late = seconds > 1.25 * timeout + 0.05
        if late and call is _call_with_alarm:  # the alarm waited for compiled code to return
            return Outcome("overrun", message=_overrun(seconds, timeout), printed=out.count)
        msg = f"did not finish within {timeout:.2g} s: an endless loop, or far too much work?"
        return Outcome("timeout", message=msg, printed=out.count, seconds=timeout)
    except NotImplementedError:
        return Outcome("not_implemented", message="not attempted yet", printed=out.count)
    except BaseException as exc:  # noqa: BLE001 - any learner error becomes feedback
        if isinstance(exc, KeyboardInterrupt) and not isolate._IN_CHILD:
            raise
        msg = f"raised {type(exc).__name__}: {_short(exc)}{_where(exc)}"
        return Outcome("error", message=msg, printed=out.count)
    seconds = time.perf_counter() - start
    if seconds > 1.25 * timeout + 0.05:
        return Outcome("overrun", message=_overrun(seconds, timeout), printed=out.count)
    names = arg_names(fn, len(args))
    changed = [n for n, a, b in zip(names, call_args, snapshot, strict=True) if not same(a, b)]
    if changed:
        msg = (
            f"changed its input `{changed[0]}` in place; work on a copy "
            f"(e.g. `{changed[0]} = {changed[0]} - ...` instead of `-=`)"
        )
        return Outcome("mutated", value=value, message=msg, printed=out.count, seconds=seconds)
    return Outcome("ok", value=value, printed=out.count, seconds=seconds)

"""Grade in a forked child process, so that no learner code can hang, crash or outlive a check.

Why a fork: a learner's loop with a bare ``except:`` swallows every exception a time limit can
raise (an alarm or a watchdog thread), and a long call into compiled code (NumPy, torch) cannot
be interrupted at all. Only another process can stop both: the parent waits at most
``budget`` seconds for the child's pickled result, then kills it (``SIGKILL``). The child also
cannot leave a thread running in the learner's kernel, nor change the kernel's state. Forking
costs a few tens of milliseconds; the child sees the answer as it is in the kernel (copy on
write), without pickling it.

Where ``os.fork`` is missing (Windows), or ``DIYPHD_ISOLATE=0``, grading runs in-process with the
per-call limits of :mod:`.runner` only, which a bare ``except:`` loop can defeat.

The child leads its own process group, and the parent kills the whole group when it is done, so
a process the learner's code forks ends with the check; the child sends its result's size
first, so that such a process holding the pipe open cannot keep the parent waiting.

A shared page of memory tells the parent, after a kill, which case was running, whether the
alarm had fired (so the learner's code caught it) and when the call began.
"""

from __future__ import annotations

import mmap
import os
import pickle
import select
import signal
import struct
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_SIZE = struct.Struct("Q")  # the length of the pickled result, sent before it
_LAYOUT = struct.Struct("iid")  # case index (-1: none), alarms fired, call start (monotonic)
_STATE: mmap.mmap | None = None  # set in the child only
_IN_CHILD = False


@dataclass
class Isolated:
    """How a child ended: ``status`` is ok, error, timeout or died."""

    status: str
    value: Any = None
    message: str = ""
    case: int = -1
    alarms: int = 0
    call_started: float = 0.0


def enabled() -> bool:
    """Can (and should) grading run in a child process?"""
    flag = os.environ.get("DIYPHD_ISOLATE", "1").strip().lower()
    return hasattr(os, "fork") and flag not in {"0", "false", "no", "off"} and not _IN_CHILD


def mark_case(index: int) -> None:
    """Say which case the child is about to run (a no-op outside a child)."""
    if _STATE is not None:
        _, alarms, _ = _LAYOUT.unpack_from(_STATE)
        _LAYOUT.pack_into(_STATE, 0, index, alarms, time.monotonic())


def note_alarm() -> None:
    """Count a fired time-limit alarm (a no-op outside a child)."""
    if _STATE is not None:
        case, alarms, start = _LAYOUT.unpack_from(_STATE)
        _LAYOUT.pack_into(_STATE, 0, case, alarms + 1, start)


class _Sink:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def _child(task: Callable[[], Any], write_fd: int, state: mmap.mmap) -> None:
    global _STATE, _IN_CHILD
    _STATE, _IN_CHILD = state, True
    status = 1
    try:
        os.setpgid(0, 0)  # its own process group, so that _kill ends any process it forks too
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        sys.stdout = sys.stderr = _Sink()  # never touch the kernel's streams from a fork
        try:
            payload = ("ok", task())
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            payload = ("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        try:
            data = pickle.dumps(payload)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is the grader's bug
            data = pickle.dumps(("error", f"result could not be sent back: {exc}"))
        view = memoryview(_SIZE.pack(len(data)) + data)  # the size first: see run()
        while view:
            view = view[os.write(write_fd, view) :]
        status = 0
    finally:
        os._exit(status)


def run(task: Callable[[], Any], budget: float) -> Isolated:
    """Run ``task()`` in a forked child; return its value, or why it gave none within ``budget``.

    Never raises: a KeyboardInterrupt while waiting ends the child and is reported.
    """
    state = mmap.mmap(-1, _LAYOUT.size)
    _LAYOUT.pack_into(state, 0, -1, 0, 0.0)
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        _child(task, write_fd, state)
    try:
        os.setpgid(pid, pid)  # also here: the parent may kill before the child has run at all
    except OSError:
        pass
    os.close(write_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + budget
    outcome = None
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                outcome = "timeout"
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if ready:
                chunk = os.read(read_fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
                if _complete(chunks):  # a process it forked may hold the pipe open: no EOF
                    break
    except KeyboardInterrupt:
        outcome = "interrupted"
    finally:
        os.close(read_fd)
        _kill(pid)  # the child's whole group: processes it forked must not outlive the check
        _, wait_status = _reap(pid)
    case, alarms, started = _LAYOUT.unpack_from(state)
    state.close()
    info = {"case": case, "alarms": alarms, "call_started": started}
    if outcome == "timeout":
        return Isolated("timeout", message=f"stopped after {budget:g} s", **info)
    if outcome == "interrupted":
        return Isolated("error", message="interrupted (KeyboardInterrupt)", **info)
    try:
        kind, value = pickle.loads(b"".join(chunks)[_SIZE.size :])
    except Exception:  # noqa: BLE001 - the child died before it could answer
        return Isolated("died", message=_death(wait_status), **info)
    if kind == "ok":
        return Isolated("ok", value=value, **info)
    return Isolated("error", message=str(value), **info)


def _complete(chunks: list[bytes]) -> bool:
    """Has the whole result (its size, then that many bytes) arrived?"""
    data = b"".join(chunks)
    return len(data) >= _SIZE.size and len(data) >= _SIZE.size + _SIZE.unpack_from(data)[0]


def _kill(pid: int) -> None:
    """SIGKILL the child's process group (the child and anything it forked), else the child."""
    try:
        os.killpg(pid, signal.SIGKILL)
        return
    except OSError:
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _reap(pid: int) -> tuple[int, int]:
    while True:
        try:
            return os.waitpid(pid, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            return pid, 0
        except KeyboardInterrupt:
            _kill(pid)


def _death(wait_status: int) -> str:
    if os.WIFSIGNALED(wait_status):
        sig = os.WTERMSIG(wait_status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else sig
        return f"the grading process was killed by signal {name} (out of memory, or a crash)"
    code = os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status) else wait_status
    return f"the grading process ended early with exit status {code} (os._exit or a crash)"

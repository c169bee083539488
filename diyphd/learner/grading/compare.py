"""Compare an answer with the expected number or array, and say how they differ without giving
the expected value away: its direction and size ("too high by 8 %", "off by a factor of about
2", "the sign is wrong"), where in an array, and what kind of thing was expected."""

from __future__ import annotations

import re
from typing import Any

import numpy as np


def to_numpy(x: Any) -> Any:
    """A torch tensor (duck-typed, so torch is never imported) as a numpy array; else ``x``."""
    if hasattr(x, "detach") and hasattr(x, "numpy"):
        return x.detach().cpu().numpy()
    return x


def describe(x: Any) -> str:
    """'a number', 'an array of shape (3,)' or the type's name."""
    if isinstance(x, bool | np.bool_):
        return f"a bool ({x})"
    if isinstance(x, np.ndarray | np.generic | int | float) and not isinstance(x, bool):
        shape = np.shape(x)
        return "a number" if shape == () else f"an array of shape {shape}"
    return f"a {type(x).__name__}"


def fmt(x: Any, full: bool = False) -> str:
    """A short, deterministic rendering of a value for feedback (no ``array(...)`` wrapping);
    ``full`` shows arrays of up to 50 entries whole (a case's inputs)."""
    most, cap = (50, 600) if full else (12, 60)
    try:
        x = to_numpy(x)
        if isinstance(x, np.ndarray) and x.ndim == 0:
            x = x[()]
        if isinstance(x, np.ndarray) and x.ndim > 1 and x.size > (36 if full else 9):
            return f"<{'x'.join(map(str, x.shape))} array>"
        if isinstance(x, np.ndarray):
            text = np.array2string(
                x,
                precision=4,
                threshold=most,
                edgeitems=2,
                suppress_small=True,
                max_line_width=10**6,
            )
            return re.sub(r"\s+", " ", text)
        if isinstance(x, bool | np.bool_):
            return str(bool(x))
        if isinstance(x, float | np.floating | int | np.integer):
            return f"{float(x):.6g}"
        if isinstance(x, dict):
            inner = ", ".join(f"{k!r}: {fmt(v, full)}" for k, v in list(x.items())[:4])
            return "{" + inner + (", ...}" if len(x) > 4 else "}")
        if isinstance(x, list | tuple) and len(x) <= 6:
            inner = ", ".join(fmt(v, full) for v in x)
            return f"[{inner}]" if isinstance(x, list) else f"({inner})"
        text = re.sub(r" at 0x[0-9a-fA-F]+", "", repr(x))
    except Exception:  # noqa: BLE001 - a learner's object whose repr fails
        text = f"<a {type(x).__name__}>"
    return text if len(text) <= cap else text[: cap - 3] + "..."


def _size(exp: float, act: float) -> str:
    """How a wrong number differs from the right one, without saying the right one."""
    if exp == 0:
        return "should be 0"
    if act == 0:
        return "is 0, which is wrong"
    ratio = act / exp
    if ratio < 0:
        return "the sign is wrong" if abs(ratio + 1) < 0.02 else "has the wrong sign"
    if ratio >= 1.5 or ratio <= 1 / 1.5:
        word = "high" if ratio > 1 else "low"
        factor = ratio if ratio > 1 else 1 / ratio
        # two significant figures, written out: 'about 110', not 'about 1.1e+02'
        return f"too {word} by a factor of about {float(f'{factor:.2g}'):g}"
    pct = abs(ratio - 1) * 100
    word = "high" if ratio > 1 else "low"
    # coarse on purpose: '0.99 %' on a guess of 53 gave the answer to 1e-5 (guess / 1.0099)
    if pct < 1:
        return f"too {word} by less than 1 %"
    return f"too {word} by {pct:.0f} %" if pct >= 9.5 else f"too {word} by {pct:.1g} %"


def as_array(actual: Any) -> tuple[np.ndarray | None, str]:
    """The learner's answer as a float array, or None and why it cannot be one."""
    if actual is None:
        return None, "got None: did you forget `return`?"
    try:
        actual = to_numpy(actual)
    except Exception as exc:  # noqa: BLE001 - the learner's object failed, not the grader
        return None, f"your answer could not be converted: it raised {type(exc).__name__}: {exc}"
    if isinstance(actual, str | bytes | dict | set) or callable(actual):
        return None, f"got {describe(actual)}, not a number"
    if isinstance(actual, bool | np.bool_):
        return None, f"got {describe(actual)}, not a number"
    try:
        raw = np.asarray(actual)
        if raw.dtype.kind == "c" or raw.dtype == object and _has_complex(raw):
            imag = np.max(np.abs(np.imag(raw.astype(complex))))
            return None, f"got complex numbers (imaginary part up to {imag:.3g}); give real ones"
        if raw.dtype.kind == "b":
            return None, "got booleans, not numbers"
        act = np.asarray(raw, dtype=float)
    except (TypeError, ValueError, OverflowError) as exc:
        why = f"{type(exc).__name__}: {exc}"
        return None, f"got {describe(actual)} that could not be read as numbers ({why})"
    except Exception as exc:  # noqa: BLE001 - raised by the learner's __array__ / __float__
        return None, (
            f"your answer's own conversion to a number raised {type(exc).__name__}: {exc} "
            "(the error is in your object, not in the grader)"
        )
    return act, ""


def _has_complex(raw: np.ndarray) -> bool:
    try:
        return any(isinstance(v, complex | np.complexfloating) for v in raw.flat)
    except Exception:  # noqa: BLE001
        return False


def compare(expected: Any, actual: Any, rtol: float = 1e-6, atol: float = 1e-9) -> str | None:
    """None when ``actual`` matches ``expected`` (numpy.allclose-style); else what is wrong,
    never quoting the expected value."""
    if isinstance(expected, bool | np.bool_):
        if isinstance(actual, bool | np.bool_) or (isinstance(actual, int) and actual in (0, 1)):
            return None if bool(actual) == bool(expected) else f"{bool(actual)} is the wrong call"
        return f"expected True or False, got {describe(actual)}"
    exp = np.asarray(to_numpy(expected), dtype=float)
    act, why = as_array(actual)
    if act is None:
        return why
    if act.shape != exp.shape:
        return f"expected {describe(exp)}, got {describe(act)}"
    bad = ~np.isfinite(act) & np.isfinite(exp)
    if bad.any():
        where = "" if act.ndim == 0 else f" at index {tuple(int(i) for i in np.argwhere(bad)[0])}"
        return f"got {fmt(act[bad].flat[0])}{where}, not a finite number"
    if np.allclose(act, exp, rtol=rtol, atol=atol, equal_nan=True):
        return None
    if act.ndim == 0:
        return _size(float(exp), float(act))
    wrong = ~np.isclose(act, exp, rtol=rtol, atol=atol, equal_nan=True)
    err = np.where(wrong, np.abs(act - exp), 0.0)
    i = tuple(int(k) for k in np.unravel_index(np.argmax(err), err.shape))
    count = f"{int(wrong.sum())} of {wrong.size} entries are wrong" if wrong.size > 1 else ""
    at = f"at index {i}: {_size(float(exp[i]), float(act[i]))}"
    return f"{count}; the worst {at}" if count else at

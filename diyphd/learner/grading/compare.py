"""Compare an answer with the expected number or array, and say how they differ."""

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
    if isinstance(x, np.ndarray | np.generic | int | float) and not isinstance(x, bool):
        shape = np.shape(x)
        return "a number" if shape == () else f"an array of shape {shape}"
    return f"a {type(x).__name__}"


def fmt(x: Any) -> str:
    """A short, deterministic rendering of a value for feedback."""
    x = to_numpy(x)
    if isinstance(x, np.ndarray) and x.ndim > 1 and x.size > 9:
        return f"<{'x'.join(map(str, x.shape))} array>"
    if isinstance(x, np.ndarray) and x.ndim > 0:
        text = np.array2string(x, precision=4, threshold=12, edgeitems=2, suppress_small=True)
        return re.sub(r"\s+", " ", text)
    if isinstance(x, float | np.floating | int | np.integer) and not isinstance(x, bool):
        return f"{float(x):.6g}"
    text = re.sub(r" at 0x[0-9a-fA-F]+", "", repr(x))
    return text if len(text) <= 60 else text[:57] + "..."


def compare(expected: Any, actual: Any, rtol: float = 1e-6, atol: float = 1e-9) -> str | None:
    """None when ``actual`` matches ``expected`` (numpy.allclose-style); else what is wrong."""
    if actual is None:
        return "got None: did you forget `return`?"
    actual = to_numpy(actual)
    exp = np.asarray(to_numpy(expected), dtype=float)
    if isinstance(actual, str | bytes | dict | set) or callable(actual):
        return f"expected {describe(exp)}, got {describe(actual)}"
    try:
        act = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        return f"expected {describe(exp)}, got {describe(actual)} that is not numeric"
    if act.shape != exp.shape:
        return f"expected {describe(exp)}, got {describe(act)}"
    bad = ~np.isfinite(act) & np.isfinite(exp)
    if bad.any():
        where = "" if act.ndim == 0 else f" at index {tuple(int(i) for i in np.argwhere(bad)[0])}"
        return f"got {fmt(act[bad].flat[0])}{where}; expected {fmt(exp)}"
    if np.allclose(act, exp, rtol=rtol, atol=atol, equal_nan=True):
        return None
    err = np.abs(act - exp)
    if act.ndim == 0:
        return f"expected {fmt(exp)}, got {fmt(act)}"
    i = tuple(int(k) for k in np.unravel_index(np.argmax(err), err.shape))
    return f"expected {fmt(exp)}, got {fmt(act)} (largest difference {err[i]:.3g} at index {i})"

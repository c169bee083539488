"""Power laws read off log-log data: the slope of log y against log x.

Introduced in ``notebooks/foundations/01_linear_algebra.ipynb`` (error ∝ κ) and used again in
``04_calculus.ipynb`` (Taylor error ∝ t³).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def loglog_slope(x: ArrayLike, y: ArrayLike) -> float:
    """Least-squares slope p of log y = p log x + c (so y ≈ C x^p); x and y must be positive."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape or x.size < 2:
        raise ValueError("x and y need the same shape and at least two points")
    if np.any(x <= 0) or np.any(y <= 0):
        raise ValueError("log-log slopes need positive x and y")
    slope, _ = np.polyfit(np.log(x), np.log(y), 1)
    return float(slope)

"""Capacity of a hypothesis class: growth function, VC and Rademacher bounds, margins.

Introduced in ``notebooks/generalization/07_uniform_convergence`` and ``08_rademacher_margins``:
the Sauer–Shelah bound on
the growth function, brute-force counts of the labelings that intervals and half-planes realise
(to check it), the VC bound from symmetrization, the empirical Rademacher complexity of a
norm-bounded linear class and the margin bound built from it.
"""

from __future__ import annotations

import itertools
from math import comb

import numpy as np


def sauer_shelah(n: int, d: int) -> int:
    """``Σ_{i=0}^{d} C(n, i)``: the Sauer–Shelah bound on the growth function, VC dimension d."""
    return sum(comb(n, i) for i in range(min(d, n) + 1))


def interval_labelings(points: np.ndarray) -> set[tuple[int, ...]]:
    """Every labeling of the points by indicators ``1[a ≤ x ≤ b]`` of intervals (brute force)."""
    xs = np.sort(np.asarray(points, float))
    n = len(xs)
    out = {tuple([0] * n)}
    for i, j in itertools.combinations_with_replacement(range(n), 2):
        out.add(tuple(int(i <= m <= j) for m in range(n)))
    return out


def halfplane_labelings(points: np.ndarray) -> set[tuple[int, ...]]:
    """Every labeling of 2-D points by affine half-planes ``1[wᵀx + b > 0]`` (LP feasibility)."""
    from scipy.optimize import linprog

    pts = np.asarray(points, float)
    n = len(pts)
    found = set()
    for labels in itertools.product([0, 1], repeat=n):
        s = 2 * np.array(labels) - 1
        # feasible iff some (w, b) has s_i (wᵀx_i + b) ≥ 1 for all i
        a_ub = -s[:, None] * np.hstack([pts, np.ones((n, 1))])
        res = linprog(np.zeros(3), A_ub=a_ub, b_ub=-np.ones(n), bounds=[(None, None)] * 3)
        if res.status == 0:
            found.add(labels)
    return found


def vc_uniform_deviation(n: int, vc_dim: int, delta: float = 0.05) -> float:
    """``√((8/n)(d ln(2en/d) + ln(4/δ)))``: with probability ≥ 1 − δ, ``sup_h |R − R̂| ≤`` this.

    From symmetrization, the growth function on 2n points and Hoeffding (derived in lesson 7).
    """
    d = vc_dim
    return float(np.sqrt(8 / n * (d * np.log(2 * np.e * n / d) + np.log(4 / delta))))


def rademacher_linear(
    x: np.ndarray, radius: float, n_draws: int = 2000, rng: np.random.Generator | None = None
) -> tuple[float, float]:
    """Empirical Rademacher complexity of ``{x ↦ wᵀx : ‖w‖ ≤ radius}`` on the rows of x.

    The supremum is ``radius·‖Σσᵢxᵢ‖/n`` exactly; returns the Monte Carlo mean over sign draws
    and the Jensen bound ``radius·√(Σ‖xᵢ‖²)/n``.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    x = np.asarray(x, float)
    n = len(x)
    signs = rng.choice([-1.0, 1.0], size=(n_draws, n))
    mc = radius * float(np.mean(np.linalg.norm(signs @ x, axis=1))) / n
    return mc, radius * float(np.sqrt(np.sum(x**2))) / n


def margin_bound(
    margins: np.ndarray, gamma: float, rademacher: float, delta: float = 0.05
) -> float:
    """``(1/n)#{yᵢf(xᵢ) < γ} + 2R̂/γ + 3√(ln(2/δ)/(2n))``, ``R̂`` the class's empirical complexity.

    The margin bound for a fixed γ (e.g. Mohri, Rostamizadeh & Talwalkar 2018, ch. 5); union over
    a grid of γ values by dividing δ by the grid's size.
    """
    m = np.asarray(margins, float)
    n = len(m)
    return float(
        np.mean(m < gamma) + 2 * rademacher / gamma + 3 * np.sqrt(np.log(2 / delta) / (2 * n))
    )

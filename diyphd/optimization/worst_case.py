"""Worst-case instances and general-oracle first-order methods (optimization lessons 7-9).

Introduced in ``notebooks/optimization/07_convex_rates`` (the Huber function on which gradient
descent's O(1/k) bound is nearly attained) and ``08_lower_bounds`` / ``09_acceleration`` (Nesterov's
worst-case quadratic, conjugate gradients, Nesterov's method on strongly convex functions, and
the piecewise quadratic of Lessard, Recht & Packard 2016 on which tuned heavy ball cycles).
Every method takes a gradient oracle ``grad(x)`` and returns the whole path.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Grad = Callable[[np.ndarray], np.ndarray]


def nesterov_worst_quadratic(n: int, L: float = 1.0) -> tuple[np.ndarray, np.ndarray]:  # noqa: N803
    """``(A, b)`` of ``f(x) = ½xᵀAx − bᵀx = (L/4)(½[x₁² + Σ(xᵢ−xᵢ₊₁)² + xₙ²] − x₁)``.

    Nesterov (2018, §2.1.2): ``A = (L/4)·tridiag(−1, 2, −1)``, ``b = (L/4)e₁``; ``‖A‖ ≤ L``.
    """
    a = 2 * np.eye(n) - np.eye(n, k=1) - np.eye(n, k=-1)
    b = np.zeros(n)
    b[0] = 1.0
    return L / 4 * a, L / 4 * b


def worst_quadratic_gap(k: int, n: int, L: float = 1.0) -> float:  # noqa: N803
    """``min f`` over vectors supported on the first ``k`` coordinates, minus ``min f``.

    Closed form ``(L/8)(1/(k+1) − 1/(n+1))`` for the function of :func:`nesterov_worst_quadratic`.
    """
    return L / 8 * (1 / (k + 1) - 1 / (n + 1))


def huber_worst_case(radius: float, k: int, L: float = 1.0) -> tuple[Callable, Grad]:  # noqa: N803
    """The 1-D Huber function on which ``k`` steps of GD (step 1/L) from ``radius`` stop at
    ``f(x_k) − f* = L·radius²/(4k+2)`` (the worst case found by Drori & Teboulle 2014).

    ``f(x) = L x²/2`` for ``|x| ≤ τ`` and ``Lτ|x| − Lτ²/2`` beyond, with ``τ = radius/(2k+1)``.
    """
    tau = radius / (2 * k + 1)

    def f(x: np.ndarray) -> float:
        a = np.abs(np.asarray(x, float))
        return float(np.sum(np.where(a <= tau, L * a**2 / 2, L * tau * a - L * tau**2 / 2)))

    def grad(x: np.ndarray) -> np.ndarray:
        return L * np.clip(np.asarray(x, float), -tau, tau)

    return f, grad


def lessard_function() -> tuple[Callable, Grad, float, float]:
    """``(f, grad, L, μ)`` of the 1-D counterexample of Lessard, Recht & Packard (2016).

    ``∇f(x) = 25x`` for ``x < 1``, ``x + 24`` on ``[1, 2)``, ``25x − 24`` for ``x ≥ 2``:
    1-strongly convex and 25-smooth, minimised at 0.
    """

    def f(x: np.ndarray) -> float:
        x = np.asarray(x, float)
        val = np.where(
            x < 1, 12.5 * x**2, np.where(x < 2, 0.5 * x**2 + 24 * x - 12, 12.5 * x**2 - 24 * x + 36)
        )
        return float(np.sum(val))

    def grad(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, float)
        return np.where(x < 1, 25 * x, np.where(x < 2, x + 24, 25 * x - 24))

    return f, grad, 25.0, 1.0


def gradient_descent_path(grad: Grad, x0: np.ndarray, step: float, n_steps: int) -> np.ndarray:
    """Iterates ``x_0 … x_n`` of ``x ← x − step·∇f(x)`` (rows)."""
    xs = [np.array(x0, float)]
    for _ in range(n_steps):
        xs.append(xs[-1] - step * grad(xs[-1]))
    return np.array(xs)


def heavy_ball_path(
    grad: Grad, x0: np.ndarray, step: float, beta: float, n_steps: int
) -> np.ndarray:
    """Iterates of ``x ← x − η∇f(x) + β(x − x_prev)`` from ``x_prev = x0`` (rows)."""
    xs = [np.array(x0, float)] * 2
    for _ in range(n_steps):
        xs.append(xs[-1] - step * grad(xs[-1]) + beta * (xs[-1] - xs[-2]))
    return np.array(xs[1:])


def nesterov_strongly_convex_path(
    grad: Grad,
    x0: np.ndarray,
    L: float,  # noqa: N803
    mu: float,
    n_steps: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Nesterov's method for μ-strongly convex, L-smooth f in three-sequence form.

    With ``α = √(μ/L)``: ``y = (x + αz)/(1+α)``, ``x⁺ = y − ∇f(y)/L``,
    ``z⁺ = (1−α)z + α(y − ∇f(y)/μ)``, from ``z₀ = x₀``. Returns the rows ``x_k`` and ``z_k``;
    the ``x_k`` coincide with the two-sequence form of momentum ``(√κ−1)/(√κ+1)``.
    """
    alpha = np.sqrt(mu / L)
    x, z = np.array(x0, float), np.array(x0, float)
    xs, zs = [x], [z]
    for _ in range(n_steps):
        y = (x + alpha * z) / (1 + alpha)
        g = grad(y)
        x, z = y - g / L, (1 - alpha) * z + alpha * (y - g / mu)
        xs.append(x)
        zs.append(z)
    return np.array(xs), np.array(zs)


def conjugate_gradient_path(a: np.ndarray, b: np.ndarray, x0: np.ndarray, n_steps: int):
    """Iterates of conjugate gradients on ``Ax = b`` (A symmetric positive definite), as rows.

    The textbook recursion (Trefethen & Bau 1997, Lecture 38); stops early at an exact solve.
    """
    x = np.array(x0, float)
    r = b - a @ x
    p = r.copy()
    xs = [x.copy()]
    for _ in range(n_steps):
        rr = r @ r
        if rr == 0:
            xs.append(x.copy())
            continue
        ap = a @ p
        step = rr / (p @ ap)
        x = x + step * p
        r = r - step * ap
        p = r + (r @ r) / rr * p
        xs.append(x.copy())
    return np.array(xs)

"""Quadratic test problems and gradient descent on them (optimization theme, lesson 1).

``f(x) = ½ xᵀAx − bᵀx`` with ``A`` symmetric positive definite, eigenvalues in ``[μ, L]``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Quadratic:
    """The quadratic ``f(x) = ½ xᵀAx − bᵀx`` with its minimizer and curvature constants."""

    A: np.ndarray
    b: np.ndarray

    @property
    def eigenvalues(self) -> np.ndarray:
        return np.linalg.eigvalsh(self.A)

    @property
    def mu(self) -> float:
        """Smallest eigenvalue μ (strong convexity)."""
        return float(self.eigenvalues[0])

    @property
    def L(self) -> float:  # noqa: N802 - the standard name of the smoothness constant
        """Largest eigenvalue L (smoothness)."""
        return float(self.eigenvalues[-1])

    @property
    def kappa(self) -> float:
        """Condition number κ = L / μ."""
        return self.L / self.mu

    @property
    def x_star(self) -> np.ndarray:
        return np.linalg.solve(self.A, self.b)

    def f(self, x: np.ndarray) -> float:
        return float(0.5 * x @ self.A @ x - self.b @ x)

    def grad(self, x: np.ndarray) -> np.ndarray:
        return self.A @ x - self.b


def make_quadratic(
    kappa: float, dim: int = 20, mu: float = 1.0, rng: np.random.Generator | None = None
) -> Quadratic:
    """A random quadratic with eigenvalues evenly spaced from ``mu`` to ``kappa * mu``.

    The eigenvectors are a random orthonormal basis, so no coordinate is special.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    eig = np.linspace(mu, kappa * mu, dim)
    q, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
    A = (q * eig) @ q.T
    A = 0.5 * (A + A.T)
    return Quadratic(A=A, b=rng.standard_normal(dim))


def gradient_descent(problem: Quadratic, step: float, x0: np.ndarray, n_steps: int) -> np.ndarray:
    """Run ``x ← x − step·∇f(x)``; return the distances ``‖x_k − x*‖`` for k = 0..n_steps."""
    x, x_star = np.array(x0, dtype=float), problem.x_star
    errors = np.empty(n_steps + 1)
    errors[0] = np.linalg.norm(x - x_star)
    for k in range(1, n_steps + 1):
        x = x - step * problem.grad(x)
        errors[k] = np.linalg.norm(x - x_star)
    return errors


def measured_rate(errors: np.ndarray, tail: float = 0.5) -> float:
    """Per-step contraction factor measured over the last ``tail`` fraction of ``errors``.

    The geometric mean of ``e_{k+1}/e_k`` there: ``(e_K / e_j) ** (1 / (K - j))``.
    """
    errors = np.asarray(errors, dtype=float)
    k = len(errors) - 1
    j = int(round(k * (1 - tail)))
    return float((errors[k] / errors[j]) ** (1.0 / (k - j)))

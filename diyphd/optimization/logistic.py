"""Regularized logistic regression as a smooth convex test function (lessons 7-8).

Introduced in ``notebooks/optimization/07_convex_rates``: ``f(w) = (1/n)Σ log(1 + e^{−yᵢxᵢᵀw})
+ (λ/2)‖w‖²`` is convex and L-smooth with ``L = λ_max(XᵀX)/(4n) + λ``, and λ-strongly convex;
its minimiser is found to machine precision by Newton's method, so suboptimality gaps can be
measured down to 1e-14.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit


@dataclass
class LogisticProblem:
    """Data ``x`` (n × d), labels ``y`` in {−1, +1}, ridge ``lam`` ≥ 0."""

    x: np.ndarray
    y: np.ndarray
    lam: float = 0.0

    def f(self, w: np.ndarray) -> float:
        z = self.y * (self.x @ w)
        loss = np.mean(np.logaddexp(0.0, -z))
        return float(loss + 0.5 * self.lam * w @ w)

    def grad(self, w: np.ndarray) -> np.ndarray:
        z = self.y * (self.x @ w)
        return -self.x.T @ (self.y * expit(-z)) / len(self.y) + self.lam * w

    def hessian(self, w: np.ndarray) -> np.ndarray:
        s = expit(self.x @ w)
        return (self.x.T * (s * (1 - s))) @ self.x / len(self.y) + self.lam * np.eye(
            self.x.shape[1]
        )

    @property
    def L(self) -> float:  # noqa: N802
        """Smoothness constant ``λ_max(XᵀX)/(4n) + λ`` (the sigmoid's slope is at most 1/4)."""
        return float(np.linalg.eigvalsh(self.x.T @ self.x).max() / (4 * len(self.y)) + self.lam)

    def solve(self, n_newton: int = 50) -> np.ndarray:
        """The minimiser, by damped Newton steps from 0 (needs non-separable data or lam > 0)."""
        w = np.zeros(self.x.shape[1])
        for _ in range(n_newton):
            step = np.linalg.solve(self.hessian(w), self.grad(w))
            t = 1.0
            while self.f(w - t * step) > self.f(w) and t > 1e-8:
                t /= 2
            w = w - t * step
        return w


def make_logistic(
    n: int, d: int, lam: float = 0.0, flip: float = 0.2, rng: np.random.Generator | None = None
) -> LogisticProblem:
    """Gaussian inputs, labels from a random direction with a fraction ``flip`` flipped."""
    rng = np.random.default_rng(0) if rng is None else rng
    x = rng.standard_normal((n, d))
    y = np.sign(x @ rng.standard_normal(d))
    y[rng.random(n) < flip] *= -1
    return LogisticProblem(x, y, lam)


__all__ = ["LogisticProblem", "make_logistic"]

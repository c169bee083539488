"""Optimizers written from scratch (optimization theme, lessons 2-4).

Momentum methods on a :class:`~diyphd.optimization.quadratic.Quadratic` (lesson 2,
``02_momentum``), SGD on least squares (lesson 3, ``03_sgd``) and NumPy versions of AdaGrad,
RMSProp, Adam and AdamW (lesson 4, ``04_adaptive``) that follow ``torch.optim``'s update formulas
and default hyper-parameters exactly, so that ``tests/test_optimizers.py`` can check them step
for step.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from diyphd.optimization.quadratic import Quadratic, measured_rate

# ---------------------------------------------------------------- momentum (lesson 2)


def heavy_ball_params(L: float, mu: float) -> tuple[float, float]:  # noqa: N803
    """Polyak's tuned heavy-ball step and momentum: η = 4/(√L+√μ)², β = ((√κ−1)/(√κ+1))²."""
    s = np.sqrt(L / mu)
    return 4.0 / (np.sqrt(L) + np.sqrt(mu)) ** 2, ((s - 1) / (s + 1)) ** 2


def nesterov_params(L: float, mu: float) -> tuple[float, float]:  # noqa: N803
    """Nesterov's constant step and momentum for strongly convex f: η = 1/L, β = (√κ−1)/(√κ+1)."""
    s = np.sqrt(L / mu)
    return 1.0 / L, (s - 1) / (s + 1)


def heavy_ball(
    problem: Quadratic, step: float, beta: float, x0: np.ndarray, n_steps: int
) -> np.ndarray:
    """Run ``x ← x − η∇f(x) + β(x − x_prev)`` from ``x_prev = x0``; return ``‖x_k − x*‖``."""
    x, x_prev, x_star = np.array(x0, float), np.array(x0, float), problem.x_star
    errors = np.empty(n_steps + 1)
    errors[0] = np.linalg.norm(x - x_star)
    for k in range(1, n_steps + 1):
        x, x_prev = x - step * problem.grad(x) + beta * (x - x_prev), x
        errors[k] = np.linalg.norm(x - x_star)
    return errors


def nesterov(
    problem: Quadratic, step: float, beta: float, x0: np.ndarray, n_steps: int
) -> np.ndarray:
    """Run ``y = x + β(x − x_prev)``, ``x ← y − η∇f(y)``; return ``‖x_k − x*‖``."""
    x, x_prev, x_star = np.array(x0, float), np.array(x0, float), problem.x_star
    errors = np.empty(n_steps + 1)
    errors[0] = np.linalg.norm(x - x_star)
    for k in range(1, n_steps + 1):
        y = x + beta * (x - x_prev)
        x, x_prev = y - step * problem.grad(y), x
        errors[k] = np.linalg.norm(x - x_star)
    return errors


def iterations_to(errors: np.ndarray, eps: float) -> int:
    """First k with ``errors[k] ≤ eps·errors[0]``; ValueError if the run never gets there."""
    hit = np.flatnonzero(np.asarray(errors) <= eps * errors[0])
    if hit.size == 0:
        raise ValueError(f"the run did not reach a relative error of {eps:g}")
    return int(hit[0])


# ---------------------------------------------------------------- SGD (lesson 3)


def sgd_least_squares(
    X: np.ndarray,  # noqa: N803
    y: np.ndarray,
    steps: Callable[[int], float] | float,
    n_steps: int,
    rng: np.random.Generator,
    batch_size: int = 1,
    w0: np.ndarray | None = None,
) -> np.ndarray:
    """SGD on ``f(w) = ‖Xw − y‖²/(2n)`` with minibatches drawn with replacement.

    ``steps`` is a constant step or a schedule ``k ↦ η_k`` (k = 0, 1, ...). Returns the
    iterates ``w_0..w_n_steps`` as an array of shape ``(n_steps + 1, d)``.
    """
    n, d = X.shape
    schedule = steps if callable(steps) else (lambda k: steps)
    w = np.zeros(d) if w0 is None else np.array(w0, float)
    idx = rng.integers(0, n, size=(n_steps, batch_size))
    out = np.empty((n_steps + 1, d))
    out[0] = w
    for k in range(n_steps):
        xb, yb = X[idx[k]], y[idx[k]]
        w = w - schedule(k) * (xb.T @ (xb @ w - yb)) / batch_size
        out[k + 1] = w
    return out


def sgd_stationary_covariance(
    X: np.ndarray,  # noqa: N803
    residuals: np.ndarray,
    step: float,
) -> np.ndarray:
    """Exact stationary covariance ``S`` of ``w_k − w*`` for constant-step SGD (B = 1, lesson 3).

    Single examples drawn uniformly with replacement from ``X`` with least-squares residuals
    ``residuals = y − Xw*``: ``S`` solves the linear equation
    ``HS + SH − η·E[x xᵀ S x xᵀ] = η·C`` with ``H = XᵀX/n`` and ``C = E[r² x xᵀ]``, solved here as
    a d²×d² system. The mean excess loss at stationarity is ``tr(HS)/2``. ValueError if the
    solution is not positive semi-definite: the step is then too large for SGD's second moments
    to settle.
    """
    X, r = np.asarray(X, float), np.asarray(residuals, float)
    n, d = X.shape
    H = X.T @ X / n
    C = (X * r[:, None] ** 2).T @ X / n
    outer = np.einsum("ni,nj->nij", X, X).reshape(n, d * d)  # row i: vec(x_i x_iᵀ)
    eye = np.eye(d)
    op = np.kron(H, eye) + np.kron(eye, H) - step * (outer.T @ outer) / n
    S = np.linalg.solve(op, step * C.reshape(-1)).reshape(d, d)
    S = 0.5 * (S + S.T)
    if np.linalg.eigvalsh(S)[0] < 0:
        raise ValueError(f"step {step:g} is too large: SGD has no stationary distribution here")
    return S


# ---------------------------------------------------------------- adaptive (lesson 4)


class Adagrad:
    """torch.optim.Adagrad: ``s += g²``, ``θ −= lr·g/(√s + eps)`` (defaults of torch 2.x)."""

    def __init__(
        self,
        lr: float = 1e-2,
        eps: float = 1e-10,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
    ) -> None:
        self.lr, self.eps, self.weight_decay = lr, eps, weight_decay
        self.init = initial_accumulator_value
        self.sum: np.ndarray | None = None

    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """Return the updated parameters (a new array)."""
        g = grad + self.weight_decay * theta
        if self.sum is None:
            self.sum = np.full_like(theta, self.init, dtype=float)
        self.sum = self.sum + g * g
        return theta - self.lr * g / (np.sqrt(self.sum) + self.eps)


class RMSprop:
    """torch.optim.RMSprop: ``v = αv + (1−α)g²``, ``θ −= lr·g/(√v + eps)`` (eps outside √)."""

    def __init__(
        self, lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8, weight_decay: float = 0.0
    ) -> None:
        self.lr, self.alpha, self.eps, self.weight_decay = lr, alpha, eps, weight_decay
        self.v: np.ndarray | None = None

    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """Return the updated parameters (a new array)."""
        g = grad + self.weight_decay * theta
        v = np.zeros_like(theta, dtype=float) if self.v is None else self.v
        self.v = self.alpha * v + (1 - self.alpha) * g * g
        return theta - self.lr * g / (np.sqrt(self.v) + self.eps)


class Adam:
    """torch.optim.Adam with bias correction (Kingma & Ba 2015, Algorithm 1).

    ``m̂ = m/(1−β₁ᵗ)``, ``v̂ = v/(1−β₂ᵗ)``, ``θ −= lr·m̂/(√v̂ + eps)``; ``weight_decay`` adds
    ``λθ`` to the gradient (an L2 penalty, as torch's Adam does). ``t`` counts from 1.
    """

    decoupled = False

    def __init__(
        self,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ) -> None:
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.m: np.ndarray | None = None
        self.v: np.ndarray | None = None
        self.t = 0

    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """Return the updated parameters (a new array)."""
        b1, b2 = self.betas
        if self.decoupled:
            theta = theta * (1 - self.lr * self.weight_decay)
            g = grad
        else:
            g = grad + self.weight_decay * theta
        if self.m is None:
            self.m, self.v = np.zeros_like(theta, float), np.zeros_like(theta, float)
        self.t += 1
        self.m = b1 * self.m + (1 - b1) * g
        self.v = b2 * self.v + (1 - b2) * g * g
        m_hat = self.m / (1 - b1**self.t)
        v_hat = self.v / (1 - b2**self.t)
        return theta - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


class AdamW(Adam):
    """torch.optim.AdamW: decoupled decay ``θ ← θ(1 − lr·λ)`` then the Adam step; λ = 0.01."""

    decoupled = True

    def __init__(
        self,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
    ) -> None:
        super().__init__(lr, betas, eps, weight_decay)


def rate_until(errors: np.ndarray, floor: float = 1e-10, jordan: bool = False) -> float:
    """Per-step contraction over the second half of the run before ``errors`` reach ``floor``.

    The run is cut where ``errors[k] ≤ floor·errors[0]`` (round-off takes over below that).
    ``jordan=True`` measures the rate of ``errors[k]/(k+1)``: a double root of the iteration's
    characteristic polynomial makes the error decay like ``(a + bk)ρᵏ`` rather than ``ρᵏ``.
    """

    errors = np.asarray(errors, dtype=float)
    below = np.flatnonzero(errors <= floor * errors[0])
    errors = errors[: below[0] + 1] if below.size else errors
    if jordan:
        errors = errors / np.arange(1, len(errors) + 1)
    return measured_rate(errors)

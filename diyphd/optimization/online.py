"""Online convex optimization: AdaGrad's step, Adam and AMSGrad on an interval.

Introduced in ``notebooks/optimization/11_adaptive_theory``: the scalar ("norm") AdaGrad step
whose regret is at most ``(3/2)·D·√(Σ‖g_t‖²)``, and the one-dimensional online problem of
Reddi, Kale & Kumar (ICLR 2018, §3) on which Adam drifts to the worst point of ``[−1, 1]`` while
AMSGrad converges.
"""

from __future__ import annotations

import numpy as np


def reddi_gradients(n_steps: int, c: float = 3.0) -> np.ndarray:
    """Gradients of ``f_t(x) = C x`` when ``t mod 3 = 1`` and ``−x`` otherwise (t = 1, 2, …).

    Over each period of three rounds the losses sum to ``(C − 2)x``: for ``C > 2`` the best
    fixed point of ``[−1, 1]`` is ``−1``.
    """
    t = np.arange(1, n_steps + 1)
    return np.where(t % 3 == 1, c, -1.0)


def adam_online(
    grads: np.ndarray,
    step: float,
    beta1: float,
    beta2: float,
    amsgrad: bool = False,
    x0: float = 1.0,
    eps: float = 0.0,
) -> np.ndarray:
    """Projected Adam (no bias correction, step ``step/√t``) on ``[−1, 1]``; iterates x_1…x_T.

    The generic adaptive method of Reddi et al. (2018, Algorithm 1) with Adam's averages;
    ``amsgrad=True`` uses ``v̂_t = max(v̂_{t−1}, v_t)`` in the denominator.
    """
    x, m, v, v_hat = x0, 0.0, 0.0, 0.0
    xs = np.empty(len(grads))
    for t, g in enumerate(grads, start=1):
        xs[t - 1] = x
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        v_hat = max(v_hat, v) if amsgrad else v
        x = float(np.clip(x - step / np.sqrt(t) * m / (np.sqrt(v_hat) + eps), -1.0, 1.0))
    return xs


def linear_regret(grads: np.ndarray, xs: np.ndarray, radius: float = 1.0) -> np.ndarray:
    """Regret ``Σ_{s≤t} g_sᵀx_s − min_{‖u‖≤radius} Σ_{s≤t} g_sᵀu`` of linear losses, per t.

    ``grads`` and ``xs`` have shape ``(T,)`` or ``(T, d)``; the comparator is the best point of
    the Euclidean ball of that radius (an interval in 1-D).
    """
    g = np.asarray(grads, float).reshape(len(grads), -1)
    x = np.asarray(xs, float).reshape(len(xs), -1)
    played = np.cumsum(np.sum(g * x, axis=1))
    best = -radius * np.linalg.norm(np.cumsum(g, axis=0), axis=1)
    return played - best


def adagrad_norm_online(grads: np.ndarray, radius: float, x0: np.ndarray | None = None):
    """Projected online GD on the ball ``‖x‖ ≤ radius`` with AdaGrad's scalar step.

    ``η_t = D/√(Σ_{s≤t}‖g_s‖²)``, ``D = 2·radius`` the diameter. ``grads`` has shape (T, d);
    the losses are linear, so the gradients are given in advance. Returns the iterates x_1…x_T.
    """
    g = np.asarray(grads, float)
    x = np.zeros(g.shape[1]) if x0 is None else np.array(x0, float)
    diameter, total = 2 * radius, 0.0
    xs = np.empty_like(g)
    for t, gt in enumerate(g):
        xs[t] = x
        total += float(gt @ gt)
        if total > 0:
            x = x - diameter / np.sqrt(total) * gt
            norm = np.linalg.norm(x)
            if norm > radius:
                x = x * (radius / norm)
    return xs

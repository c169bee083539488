"""Scaling laws: the parametric loss ``L(N, D) = E + A/N^α + B/D^β``, its fit, and the
compute-optimal split of a budget ``C = 6ND``.

Introduced in ``notebooks/language_models/03_scaling_laws.ipynb``. The fit follows Hoffmann et
al. (2022, Approach 3): a Huber loss on the log of the prediction, written as a log-sum-exp,
minimised by L-BFGS from a grid of starting points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import huber, logsumexp


@dataclass
class ScalingFit:
    """The five parameters of ``L(N, D) = E + A/N^α + B/D^β``."""

    E: float
    A: float
    alpha: float
    B: float
    beta: float

    def predict(self, n, d) -> np.ndarray:
        return chinchilla_loss(n, d, self.E, self.A, self.alpha, self.B, self.beta)


def chinchilla_loss(n, d, E: float, A: float, alpha: float, B: float, beta: float):
    """``E + A / N^α + B / D^β``."""
    return E + A / np.asarray(n, dtype=float) ** alpha + B / np.asarray(d, dtype=float) ** beta


def _objective(theta, log_n, log_d, log_l, delta):
    a, b, e, alpha, beta = theta
    pred = logsumexp(np.stack([a - alpha * log_n, b - beta * log_d, np.full_like(log_n, e)]), 0)
    return huber(delta, pred - log_l).sum()


def _grid_start(n, d, loss, exponents, e_fixed=None):
    """Variable projection: for each (α, β) on a grid, (E, A, B) by least squares; the best."""
    al, be = (g.ravel() for g in np.meshgrid(exponents, exponents, indexing="ij"))
    cols = [n[None, :] ** -al[:, None], d[None, :] ** -be[:, None]]
    target = np.broadcast_to(loss, cols[0].shape)
    if e_fixed is None:
        cols.insert(0, np.ones_like(cols[0]))
    else:
        target = target - e_fixed
    design = np.stack(cols, axis=2)  # (grid, points, params)
    gram = design.transpose(0, 2, 1) @ design
    coef = np.linalg.solve(gram, (design.transpose(0, 2, 1) @ target[..., None]))[..., 0]
    sse = ((design @ coef[..., None])[..., 0] - target) ** 2
    sse = np.where(np.all(coef > 0, axis=1), sse.sum(axis=1), np.inf)
    best = int(np.argmin(sse))
    if not np.isfinite(sse[best]):
        raise ValueError("no positive (E, A, B) fits these losses: is the loss decreasing?")
    c = coef[best] if e_fixed is None else np.concatenate([[e_fixed], coef[best]])
    return c, al[best], be[best]


# The Huber loss of small log-residuals is tiny (~1e-8): with L-BFGS's default tolerances the
# optimizer stops long before convergence, the failure Besiroglu et al. (2024) found in the
# original fit. Tight tolerances make the fit converge.
_TIGHT = {"ftol": 1e-15, "gtol": 1e-12, "maxiter": 20_000}


def fit_scaling_law(
    n, d, loss, delta: float = 1e-3, E: float | None = None, options: dict | None = None
) -> ScalingFit:
    """Fit ``L(N, D) = E + A/N^α + B/D^β`` to measured losses (``E`` too unless given).

    Hoffmann et al.'s objective (2022, Approach 3): a Huber loss (threshold ``delta``) on
    ``log L̂ − log L``, with ``log L̂`` written as a log-sum-exp of ``log A − α log N``,
    ``log B − β log D`` and ``log E``, minimised by L-BFGS. Instead of their grid of
    starting points we start from the least-squares fit on a grid of exponents (variable
    projection: for fixed ``α, β`` the model is linear in ``E, A, B``), which is faster.
    ``options`` go to ``scipy.optimize.minimize`` (default: tight tolerances; ``{}`` gives
    scipy's defaults, which stop early on this objective).
    """
    options = _TIGHT if options is None else options
    n, d, loss = (np.asarray(x, dtype=float).ravel() for x in (n, d, loss))
    if not (n.shape == d.shape == loss.shape) or n.size < 5:
        raise ValueError("need at least five (N, D, loss) triples of equal length")
    if np.any(n <= 0) or np.any(d <= 0) or np.any(loss <= 0):
        raise ValueError("N, D and the losses must be positive")
    (e, a, b), alpha, beta = _grid_start(n, d, loss, np.linspace(0.05, 1.5, 30), E)
    x0 = np.array([np.log(a), np.log(b), np.log(e), alpha, beta])
    args = (np.log(n), np.log(d), np.log(loss), delta)
    if E is None:
        x = minimize(_objective, x0, args=args, method="L-BFGS-B", options=options).x
    else:
        keep = [0, 1, 3, 4]

        def fixed(theta):
            return _objective(np.insert(theta, 2, np.log(E)), *args)

        x = np.insert(minimize(fixed, x0[keep], method="L-BFGS-B", options=options).x, 2, np.log(E))
    a, b, e, alpha, beta = x
    return ScalingFit(
        float(np.exp(e)), float(np.exp(a)), float(alpha), float(np.exp(b)), float(beta)
    )


def compute_optimal(c: float, fit: ScalingFit, flops_per_param_token: float = 6.0):
    """The ``(N, D)`` minimising ``L(N, D)`` under ``flops_per_param_token · N · D = c``.

    Hoffmann et al. (2022, Section 3.3): ``N_opt = G (c/6)^(β/(α+β))`` and
    ``D_opt = G⁻¹ (c/6)^(α/(α+β))`` with ``G = (αA / (βB))^(1/(α+β))``.
    """
    if c <= 0:
        raise ValueError("the compute budget must be positive")
    s = fit.alpha + fit.beta
    g = (fit.alpha * fit.A / (fit.beta * fit.B)) ** (1 / s)
    tokens = c / flops_per_param_token
    n = g * tokens ** (fit.beta / s)
    return float(n), float(tokens / n)


def power_law_fit(x, y) -> tuple[float, float]:
    """Least squares of ``log y = log a − b log x``: returns ``(a, b)`` of ``y = a x^(−b)``."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.size < 2 or np.any(x <= 0) or np.any(y <= 0):
        raise ValueError("need two or more positive points")
    slope, intercept = np.polyfit(np.log(x), np.log(y), 1)
    return float(np.exp(intercept)), float(-slope)


def context_features(lang, states: np.ndarray):
    """One-hot features of the ``k`` symbols of each state of a :class:`MarkovLanguage`."""
    import torch
    import torch.nn.functional as F

    sym = torch.as_tensor(lang.state_symbols(states))
    return F.one_hot(sym, lang.vocab_size).float().flatten(1)


def _counts(lang, n: int, rng: np.random.Generator):
    """Counts ``(states, V)`` of ``n`` i.i.d. (context, next symbol) draws of ``lang``."""
    s, t = lang.sample_pairs(n, rng)
    counts = np.zeros((lang.stationary.size, lang.vocab_size))
    np.add.at(counts, (s, t), 1.0)
    return counts


def train_context_mlps(
    lang,
    width: int,
    runs: list[tuple[int, int]],
    steps: int = 1000,
    lr: float = 1e-2,
    n_val: int = 2000,
    eval_every: int = 10,
) -> list[tuple[int, float]]:
    """Train one-hidden-layer MLPs that predict the next symbol of ``lang`` from the last ``k``.

    ``runs`` lists ``(n_train, seed)``: each model is trained on its own ``n_train`` i.i.d.
    (context, next) pairs of the :class:`MarkovLanguage` ``lang`` by full-batch Adam, with
    early stopping on ``n_val`` held-out pairs. The training loss of ``n`` pairs depends on them
    only through their counts per (context, next) cell, so a step costs the same for every
    ``n``; the models train side by side as one batched computation (Adam is elementwise and
    the models share no parameter, so each follows exactly its own run). Returns, per run, the
    parameter count ``N`` and the *exact* expected loss (nats) of the selected model
    (:meth:`MarkovLanguage.cross_entropy`): no test-set noise enters a fit.
    """
    import torch

    m, v, k_in = len(runs), lang.vocab_size, lang.vocab_size * lang.order
    train, val, params = [], [], []
    for n, seed in runs:
        rng = np.random.default_rng([seed, n])
        train.append(_counts(lang, n, rng) / n)
        val.append(_counts(lang, n_val, rng) / n_val)
        g = torch.Generator().manual_seed(seed)
        params.append(
            [
                (torch.rand(*shape, generator=g) * 2 - 1) / np.sqrt(fan_in)
                for shape, fan_in in (
                    ((k_in, width), k_in),
                    ((1, width), k_in),
                    ((width, v), width),
                    ((1, v), width),
                )
            ]
        )
    train = torch.as_tensor(np.stack(train), dtype=torch.float32)
    val = torch.as_tensor(np.stack(val), dtype=torch.float32)
    w1, b1, w2, b2 = (torch.stack([p[i] for p in params]).requires_grad_() for i in range(4))
    x = context_features(lang, np.arange(lang.stationary.size))

    def log_q():
        return torch.log_softmax(torch.relu(x @ w1 + b1) @ w2 + b2, dim=-1)

    opt = torch.optim.Adam([w1, b1, w2, b2], lr=lr)
    best_val = torch.full((m,), float("inf"))
    best_q = torch.zeros(m, lang.stationary.size, v, dtype=torch.float64)
    for step in range(1, steps + 1):
        lq = log_q()
        loss = -(train * lq).sum()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step % eval_every == 0:
            with torch.no_grad():
                lq = log_q()
                val_loss = -(val * lq).sum(dim=(1, 2))
                better = val_loss < best_val
                best_val = torch.where(better, val_loss, best_val)
                best_q[better] = lq[better].double().exp()
    n_params = k_in * width + width + width * v + v
    return [(n_params, lang.cross_entropy(best_q[j].numpy())) for j in range(m)]

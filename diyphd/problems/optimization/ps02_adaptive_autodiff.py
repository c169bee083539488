"""Problem set 2 of optimization: adaptive methods, backpropagation, gradient checks, curvature.

Notebook: ``exercises/optimization/ps02_adaptive_autodiff.ipynb``; lessons
``notebooks/optimization/04_adaptive.ipynb`` to ``06_curvature.ipynb``.
"""

from __future__ import annotations

import numpy as np

from diyphd.learner.grading import ChoiceQuestion, FunctionQuestion, ValueQuestion, register


# 1. one Adam step (function)
def adam_step(
    theta: np.ndarray,
    grad: np.ndarray,
    m: np.ndarray,
    v: np.ndarray,
    t: int,
    lr: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Adam's step number ``t`` (t = 1 first), as torch.optim.Adam: returns (theta, m, v)."""
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def _adam_case(rng: np.random.Generator) -> tuple:
    n, t = int(rng.integers(1, 6)), int(rng.integers(1, 20))
    return (
        rng.standard_normal(n),
        rng.standard_normal(n) * 10.0 ** rng.uniform(-2, 2),
        0.1 * rng.standard_normal(n),
        rng.uniform(0.0, 1.0, n),
        t,
        10.0 ** rng.uniform(-3, -1),
    )


def _adam_variant(bias_t=lambda t: t, eps_inside=False, sign=1.0, correct=True):
    def step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        tt = bias_t(t)
        m_hat = m / (1 - beta1**tt) if correct else m
        v_hat = v / (1 - beta2**tt) if correct else v
        denom = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
        return theta - sign * lr * m_hat / denom, m, v

    return step


register(
    FunctionQuestion(
        id="optimization.ps02.adam_step",
        title="One Adam step, as torch.optim.Adam takes it",
        reference=adam_step,
        cases=[
            (np.array([1.0, -2.0]), np.array([0.5, 0.1]), np.zeros(2), np.zeros(2), 1),
            (np.array([0.3]), np.array([-4.0]), np.array([0.2]), np.array([1.5]), 3, 0.01),
            (np.zeros(3), np.array([1e-3, 1.0, 1e3]), np.zeros(3), np.zeros(3), 1, 0.1),
        ],
        hidden=_adam_case,
        points=2,
        rtol=1e-9,
        atol=1e-12,
        hint="Update m and v first, then correct them by 1 − β^t with t the number of this step "
        "(1 on the first call); eps is added after the square root.",
        wrong_answers={
            "bias correction with t + 1": _adam_variant(bias_t=lambda t: t + 1),
            "no bias correction": _adam_variant(correct=False),
            "eps inside the square root": _adam_variant(eps_inside=True),
            "wrong sign": _adam_variant(sign=-1.0),
        },
    )
)


# 2. backward pass of a two-layer network (function)
def two_layer_gradients(
    W1: np.ndarray,  # noqa: N803
    b1: np.ndarray,
    W2: np.ndarray,  # noqa: N803
    b2: np.ndarray,
    X: np.ndarray,  # noqa: N803
    Y: np.ndarray,  # noqa: N803
) -> np.ndarray:
    """Gradient of L = (1/2n) Σᵢ ‖W2 tanh(W1 xᵢ + b1) + b2 − yᵢ‖², flattened (W1, b1, W2, b2)."""
    n = X.shape[0]
    h = np.tanh(X @ W1.T + b1)
    r = (h @ W2.T + b2 - Y) / n  # dL/d(output)
    dh = (r @ W2) * (1 - h**2)
    grads = [dh.T @ X, dh.sum(0), r.T @ h, r.sum(0)]
    return np.concatenate([g.ravel() for g in grads])


def _two_layer_variant(tanh_slope=True, mean=True, sign=1.0):
    def grads(W1, b1, W2, b2, X, Y):  # noqa: N803
        n = X.shape[0] if mean else 1
        h = np.tanh(X @ W1.T + b1)
        r = sign * (h @ W2.T + b2 - Y) / n
        dh = (r @ W2) * ((1 - h**2) if tanh_slope else 1.0)
        return np.concatenate([g.ravel() for g in [dh.T @ X, dh.sum(0), r.T @ h, r.sum(0)]])

    return grads


def _net_case(rng: np.random.Generator) -> tuple:
    d, k, o, n = (int(rng.integers(1, 5)) for _ in range(4))
    return (
        rng.standard_normal((k, d)),
        rng.standard_normal(k),
        rng.standard_normal((o, k)),
        rng.standard_normal(o),
        rng.standard_normal((n + 1, d)),
        rng.standard_normal((n + 1, o)),
    )


_net_rng = np.random.default_rng(7)
register(
    FunctionQuestion(
        id="optimization.ps02.two_layer_backward",
        title="The backward pass of a two-layer tanh network",
        reference=two_layer_gradients,
        cases=[_net_case(_net_rng) for _ in range(3)],
        hidden=_net_case,
        points=3,
        rtol=1e-8,
        atol=1e-10,
        hint="Go backwards: r = (output − Y)/n, then dW2 = rᵀh, db2 = Σr; through tanh multiply "
        "by 1 − h², then dW1 = dhᵀX, db1 = Σdh. Check yourself with central differences.",
        wrong_answers={
            "tanh derivative forgotten": _two_layer_variant(tanh_slope=False),
            "sum instead of mean": _two_layer_variant(mean=False),
            "wrong sign": _two_layer_variant(sign=-1.0),
        },
    )
)


# 3. central differences (function)
def central_difference(f, x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """The gradient of f at x by central differences (f(x + h eᵢ) − f(x − h eᵢ)) / (2h)."""
    x = np.asarray(x, dtype=float)
    g = np.empty_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e.flat[i] = h
        g.flat[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def _smooth(x):
    return float(np.sum(np.sin(x) * x**2) + np.prod(np.cos(x)))


def _cd_case(rng: np.random.Generator) -> tuple:
    # h up to 0.1, where the O(h²) error is large: an answer that ignores h cannot pass
    return (_smooth, rng.uniform(-2, 2, int(rng.integers(1, 6))), 10.0 ** rng.uniform(-4, -1))


def _forward_difference(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    return np.array([(f(x + h * e) - f(x)) / h for e in np.eye(x.size)])


register(
    FunctionQuestion(
        id="optimization.ps02.central_difference",
        title="A gradient by central differences",
        reference=central_difference,
        cases=[
            (_smooth, np.array([0.5, -1.0]), 1e-5),
            (_smooth, np.array([1.0, 2.0, -0.3]), 1e-4),
            (_smooth, np.array([0.3, -1.5]), 0.1),
        ],
        hidden=_cd_case,
        points=1,
        rtol=1e-7,
        atol=1e-9,
        hint="Perturb one coordinate at a time by +h and −h, and divide the difference by 2h.",
        wrong_answers={
            "forward difference": _forward_difference,
            "divided by h": lambda f, x, h=1e-5: 2 * central_difference(f, x, h),
            "ignores h (a fixed 1e-5)": lambda f, x, h=1e-5: central_difference(f, x, 1e-5),
        },
    )
)


# 4. relative error (function)
def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """‖a − b‖ / (‖a‖ + ‖b‖), and 0 when both are zero."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)


def _re_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(1, 6))
    a = rng.standard_normal(n) * 10.0 ** rng.uniform(-3, 3)
    return a, a * (1 + 10.0 ** rng.uniform(-8, -1) * rng.standard_normal(n))


def _re_by_a(a, b):
    return float(np.linalg.norm(np.asarray(a) - b) / np.linalg.norm(a))


register(
    FunctionQuestion(
        id="optimization.ps02.relative_error",
        title="The relative error of a gradient check",
        reference=relative_error,
        cases=[
            (np.array([1.0, 2.0]), np.array([1.0, 2.0])),
            (np.array([1e-8, 0.0]), np.array([2e-8, 0.0])),
            (np.array([3.0, 4.0]), np.array([0.0, 0.0])),
            (np.zeros(3), np.zeros(3)),
        ],
        hidden=_re_case,
        points=1,
        rtol=1e-6,
        atol=1e-15,
        hint="Divide ‖a − b‖ by ‖a‖ + ‖b‖, so the result does not depend on the scale and is "
        "symmetric; return 0 when both vectors are zero.",
        wrong_answers={
            "absolute error": lambda a, b: float(np.linalg.norm(np.asarray(a) - b)),
            "divided by ‖a‖ only": _re_by_a,
        },
    )
)


# 5. top Hessian eigenvalue by power iteration (value)
_rng = np.random.default_rng(2024)
HVP_X = _rng.standard_normal((200, 10)) * np.geomspace(0.3, 3.0, 10)
HVP_W = 0.3 * _rng.standard_normal(10)
HVP_LAMBDA = 0.01


def logistic_hvp(v: np.ndarray) -> np.ndarray:
    """H v for the Hessian H of the L2-regularized logistic loss at the fixed point HVP_W."""
    p = 1.0 / (1.0 + np.exp(-HVP_X @ HVP_W))
    return HVP_X.T @ (p * (1 - p) * (HVP_X @ v)) / len(HVP_X) + HVP_LAMBDA * v


_H = np.array([logistic_hvp(e) for e in np.eye(10)])
_EIGS = np.linalg.eigvalsh(_H)
_v1 = np.ones(10) / np.sqrt(10)

register(
    ValueQuestion(
        id="optimization.ps02.top_eigenvalue",
        title="The top Hessian eigenvalue by power iteration",
        reference=float(_EIGS[-1]),
        rtol=1e-3,
        points=2,
        hint="Start from a random unit vector, repeat v ← Hv/‖Hv‖ a few hundred times, and "
        "report the Rayleigh quotient vᵀHv.",
        wrong_answers={
            "smallest eigenvalue": float(_EIGS[0]),
            "mean eigenvalue (trace / d)": float(np.trace(_H) / 10),
            "one iteration from the all-ones vector": float(_v1 @ logistic_hvp(_v1)),
            "norm of Hv after one step": float(np.linalg.norm(logistic_hvp(_v1))),
        },
    )
)


# 6. invariance to the scale of the gradient (choice)
register(
    ChoiceQuestion(
        id="optimization.ps02.scale_invariance",
        title="Which updates ignore the scale of the gradient?",
        options={
            "a": "SGD: θ ← θ − η g",
            "b": "Heavy ball: θ ← θ − η g + β(θ − θ_prev)",
            "c": "AdaGrad",
            "d": "Adam",
            "e": "Adam with an L2 penalty (torch.optim.Adam with weight_decay > 0)",
            "f": "AdamW (decoupled weight decay)",
        },
        reference={"c", "d", "f"},
        explanations={
            "a": "the step is proportional to g, so multiplying g by c multiplies the step by c.",
            "b": "the gradient term scales with c and the momentum carries that scaled step on.",
            "c": "g/√(Σg²) is unchanged when every g is multiplied by c (ignoring ε).",
            "d": "m̂ and √v̂ both scale by c, so m̂/√v̂ does not change (ignoring ε).",
            "e": "the penalty λθ is added to g before the normalization and is not scaled by c, "
            "so the mix of gradient and penalty changes.",
            "f": "the decay θ(1 − ηλ) does not involve g, and the Adam part is scale-free.",
        },
        points=1,
        hint="Multiply every gradient by c > 0 and follow each update: which ones divide c out?",
        wrong_answers={"SGD only": "a", "Adam only": "d", "the plain methods": ["a", "b"]},
    )
)


# ---------------------------------------------------------------- derivation questions (issue 16)


# 7. the edge of stability of Nesterov's momentum (value, derived)
def nesterov_threshold(eta: float, beta: float) -> float:
    """Largest curvature λ on which Nesterov's method y = x_k + β(x_k − x_{k−1}),
    x_{k+1} = y − η∇f(y) converges on ½λx²: (2 + 2β)/((1 + 2β)η) (Jury's conditions)."""
    return (2 + 2 * beta) / ((1 + 2 * beta) * eta)


register(
    ValueQuestion(
        id="optimization.ps02.momentum_threshold",
        title="The stability threshold of Nesterov's momentum, derived",
        reference=nesterov_threshold(0.05, 0.9),
        rtol=1e-6,
        points=2,
        hint="Substitute f'(y) = λy into the two updates to get a linear recursion in x_{k+1}, "
        "x_k, x_{k−1}; write its characteristic polynomial z² − bz + c (both b and c now "
        "depend on λ) and apply Jury's conditions |c| < 1, |b| < 1 + c. Check which condition "
        "binds first.",
        wrong_answers={
            "heavy ball's (2 + 2β)/η": 76.0,
            "no momentum 2/η": 40.0,
            "only |c| < 1: (1 + β)/(βη)": (1 + 0.9) / (0.9 * 0.05),
            "half the threshold, (1 + β)/((1 + 2β)η)": 1.9 / (2.8 * 0.05),
            "GD at the effective step η/(1 − β): 2(1 − β)/η": 2 * (1 - 0.9) / 0.05,
        },
    )
)


# 8. Reddi et al.'s problem with a period of four (value, derived)
def reddi_average_regret(c: float, period: int) -> float:
    """Average regret of staying at x = +1 on f_t = Cx (t mod period = 1), −x otherwise, on
    [−1, 1], when C > period − 1: 2(C − period + 1)/period."""
    return 2 * (c - period + 1) / period


register(
    ValueQuestion(
        id="optimization.ps02.reddi_regret",
        title="The regret of the worst point on a period-four Reddi problem",
        reference=reddi_average_regret(5.0, 4),
        rtol=1e-6,
        points=2,
        hint="Sum the losses of one period as a function of x, find the best fixed point of "
        "[−1, 1] for that sum, and divide the difference between x = +1 and that point by the "
        "number of rounds in a period.",
        wrong_answers={
            "the lesson's period-3 formula 2(C − 2)/3": 2.0,
            "per period, not per round: 2(C − 3)": 4.0,
            "comparator at 0: (C − 3)/4": 0.5,
            "period-3 denominator: 2(C − 3)/3": 4 / 3,
            "off by one in the count of −x rounds: 2(C − 2)/4": 1.5,
        },
    )
)

"""Problem set 1 of generative models: flows, diffusion, estimators and evaluation.

Notebook: ``exercises/generative/ps01_flows_diffusion.ipynb``; lessons
``notebooks/generative/01_flows.ipynb`` to ``04_evaluation.ipynb``.
"""

from __future__ import annotations

import numpy as np

from diyphd.learner.grading import ChoiceQuestion, FunctionQuestion, ValueQuestion, register


# 1. log-density of a one-dimensional affine flow (function)
def affine_flow_log_prob(x: np.ndarray, a: float, b: float) -> np.ndarray:
    """``log p(x)`` for ``x = a z + b``, ``z ~ N(0, 1)``: ``log N((x − b)/a) − log|a|``."""
    z = (np.asarray(x, dtype=float) - b) / a
    return -0.5 * z**2 - 0.5 * np.log(2 * np.pi) - np.log(abs(a))


def _flow_case(rng: np.random.Generator) -> tuple:
    a = rng.choice([-1.0, 1.0]) * rng.uniform(0.2, 3.0)
    return rng.normal(0, 2, int(rng.integers(1, 8))), float(a), float(rng.normal())


register(
    FunctionQuestion(
        id="generative.ps01.flow_log_prob",
        title="The log-density of an affine flow",
        reference=affine_flow_log_prob,
        cases=[
            (np.array([0.0, 1.0, -1.0]), 1.0, 0.0),
            (np.array([2.0, 3.0]), 2.0, 1.0),
            (np.array([0.5]), -0.5, 0.0),
        ],
        hidden=_flow_case,
        points=2,
        hint="Change of variables: p(x) = N(z; 0, 1)·|dz/dx|, z = (x − b)/a: subtract log|a|.",
        wrong_answers={
            "no Jacobian term": lambda x, a, b: -0.5 * ((x - b) / a) ** 2 - 0.5 * np.log(2 * np.pi),
            "Jacobian added": lambda x, a, b: (
                -0.5 * ((x - b) / a) ** 2 - 0.5 * np.log(2 * np.pi) + np.log(abs(a))
            ),
            "log a without abs": lambda x, a, b: (
                -0.5 * ((x - b) / a) ** 2 - 0.5 * np.log(2 * np.pi) - np.emath.log(a)
            ),
            "z = a x + b": lambda x, a, b: (
                -0.5 * (a * x + b) ** 2 - 0.5 * np.log(2 * np.pi) - np.log(abs(a))
            ),
        },
    )
)


# 2. the marginal of the forward process (function)
def forward_marginal(x0: float, betas: np.ndarray, t: int) -> np.ndarray:
    """Mean and variance of ``q(x_t | x_0)`` after ``t`` steps: ``[√ᾱ_t x0, 1 − ᾱ_t]``."""
    alpha_bar = float(np.prod(1 - np.asarray(betas, dtype=float)[:t]))
    return np.array([np.sqrt(alpha_bar) * x0, 1 - alpha_bar])


def _marginal_case(rng: np.random.Generator) -> tuple:
    T = int(rng.integers(5, 60))  # noqa: N806
    return float(rng.normal(0, 2)), rng.uniform(0.001, 0.2, T), int(rng.integers(1, T + 1))


register(
    FunctionQuestion(
        id="generative.ps01.forward_marginal",
        title="The forward process in closed form",
        reference=forward_marginal,
        cases=[
            (1.0, np.array([0.1, 0.2, 0.3]), 1),
            (2.0, np.array([0.1, 0.2, 0.3]), 3),
            (-1.5, np.linspace(0.01, 0.1, 10), 7),
        ],
        hidden=_marginal_case,
        points=2,
        hint="ᾱ_t is the product of (1 − β_s) over the first t steps; the mean is √ᾱ_t · x0.",
        wrong_answers={
            "last alpha only": lambda x0, betas, t: np.array(
                [np.sqrt(1 - betas[t - 1]) * x0, betas[t - 1]]
            ),
            "no square root": lambda x0, betas, t: np.array(
                [np.prod(1 - betas[:t]) * x0, 1 - np.prod(1 - betas[:t])]
            ),
            "sum of betas": lambda x0, betas, t: np.array(
                [np.sqrt(1 - betas[:t].sum()) * x0, betas[:t].sum()]
            ),
            "off by one": lambda x0, betas, t: np.array(
                [np.sqrt(np.prod(1 - betas[: t - 1])) * x0, 1 - np.prod(1 - betas[: t - 1])]
            ),
        },
    )
)


# 3. the unbiased MMD² (function)
def mmd2_unbiased(x: np.ndarray, y: np.ndarray, h: float) -> float:
    """Unbiased MMD² with the kernel ``exp(−‖a − b‖² / (2h²))``."""
    x, y = np.atleast_2d(x), np.atleast_2d(y)

    def k(a, b):
        return np.exp(-((a[:, None, :] - b[None]) ** 2).sum(-1) / (2 * h**2))

    kxx, kyy, kxy = k(x, x), k(y, y), k(x, y)
    n, m = len(x), len(y)
    sxx = (kxx.sum() - np.trace(kxx)) / (n * (n - 1))
    syy = (kyy.sum() - np.trace(kyy)) / (m * (m - 1))
    return float(sxx + syy - 2 * kxy.mean())


def _mmd_case(rng: np.random.Generator) -> tuple:
    d = int(rng.integers(1, 4))
    x = rng.standard_normal((int(rng.integers(3, 12)), d))
    y = rng.standard_normal((int(rng.integers(3, 12)), d)) + rng.uniform(0, 1.5)
    return x, y, float(rng.uniform(0.3, 2.0))


def _biased(x, y, h):
    def k(a, b):
        return np.exp(-((a[:, None, :] - b[None]) ** 2).sum(-1) / (2 * h**2))

    return float(k(x, x).mean() + k(y, y).mean() - 2 * k(x, y).mean())


def _kernel_scale(x, y, h):
    return mmd2_unbiased(x, y, h / np.sqrt(2))  # exp(−‖a − b‖² / h²)


def _cross_once(x, y, h):
    return mmd2_unbiased(x, y, h) + _cross(x, y, h)


def _cross(x, y, h):
    return float(np.exp(-((x[:, None, :] - y[None]) ** 2).sum(-1) / (2 * h**2)).mean())


_MMD_X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
_MMD_Y = np.array([[2.0, 2.0], [1.0, 2.0], [2.0, 1.0], [1.5, 1.5]])

register(
    FunctionQuestion(
        id="generative.ps01.mmd2",
        title="The unbiased squared MMD",
        reference=mmd2_unbiased,
        cases=[
            (_MMD_X, _MMD_Y, 1.0),
            (_MMD_X, _MMD_X + 0.1, 0.5),
            (np.array([[0.0], [1.0], [2.0]]), np.array([[0.5], [1.5]]), 1.0),
        ],
        hidden=_mmd_case,
        points=3,
        hint="Leave out the diagonal k(x_i, x_i) of the within-sample sums and divide by n(n − 1); "
        "the cross term is the plain mean over all n·m pairs, counted twice.",
        wrong_answers={
            "biased (diagonal kept)": _biased,
            "kernel exp(−d²/h²)": _kernel_scale,
            "cross term once": _cross_once,
        },
    )
)


# 4. a derivation: the variance of the score-function estimator (value)
register(
    ValueQuestion(
        id="generative.ps01.score_variance",
        title="Derivation: the variance of a score-function estimate",
        reference=2.0,
        rtol=1e-3,
        points=2,
        hint="At μ = 0, σ = 1 the estimate of ∂/∂μ E[z] is f(z)·(z − μ)/σ² = z². Use E z⁴ = 3.",
        wrong_answers={"the reparameterization's (0)": 0.0, "E z⁴ (3)": 3.0, "E z² (1)": 1.0},
    )
)


# 5. which criterion exposes a memorizer (choice)
register(
    ChoiceQuestion(
        id="generative.ps01.memorizer",
        title="Which criterion exposes a memorizer",
        options={
            "a": "A sample-quality score: the fraction of samples close to some training point.",
            "b": "The held-out log-likelihood of the model's density.",
            "c": "An MMD two-sample test of its samples against the training set.",
            "d": "The training log-likelihood.",
        },
        reference="b",
        explanations={
            "a": "every sample of a memorizer is a training point, so it scores perfectly.",
            "b": "its density is zero (point masses) off the training set, so the held-out "
            "log-likelihood is −∞.",
            "c": "its samples are drawn from the training set itself; MMD against it is ≈ 0.",
            "d": "the training likelihood is maximal for a memorizer: that is the problem.",
        },
        points=1,
        hint="Which number is computed on data the model never saw, from its density?",
        wrong_answers={"sample quality": "a", "MMD vs train": "c", "train likelihood": "d"},
    )
)

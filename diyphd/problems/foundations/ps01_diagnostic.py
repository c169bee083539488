"""Problem set 1 of foundations: a diagnostic over the mathematics the themes use.

Notebook: ``exercises/foundations/ps01_diagnostic.ipynb``; lessons in ``notebooks/foundations/``.
Which lesson each question tests is in :data:`diyphd.foundations.diagnostic.QUESTION_LESSON`.
"""

from __future__ import annotations

import numpy as np

from diyphd.learner.grading import ChoiceQuestion, FunctionQuestion, ValueQuestion, register

# The matrix of the condition-number question, shown in the notebook.
COND_MATRIX = np.array([[1.0, 10.0], [0.0, 2.0]])
# Logits and soft target of the cross-entropy question.
CE_LOGITS = np.array([2.0, 1.0, 0.1])
CE_TARGET = np.array([0.7, 0.2, 0.1])


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    return z - np.log(np.exp(z).sum())


# 1. condition number (value)
register(
    ValueQuestion(
        id="foundations.ps01.cond_number",
        title="A condition number",
        reference=float(np.linalg.cond(COND_MATRIX)),
        # 1e-4, not 1e-3: the Frobenius condition number, κ + 1/κ for 2×2, is 3.6e-4 away
        rtol=1e-4,
        points=1,
        hint="κ₂(A) = σ_max/σ_min, the ratio of the extreme singular values (np.linalg.svd).",
        wrong_answers={
            "eigenvalue ratio": 2.0,
            "squared (of AᵀA)": float(np.linalg.cond(COND_MATRIX)) ** 2,
            "1-norm": float(np.linalg.cond(COND_MATRIX, 1)),
            "Frobenius norm": float(np.linalg.cond(COND_MATRIX, "fro")),
        },
    )
)


# 2. least squares (function)
def least_squares(A: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The x minimising ‖Ax − y‖₂ for a tall A of full column rank."""
    return np.linalg.lstsq(A, y, rcond=None)[0]


def _ls_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(1, 5))
    m = int(rng.integers(n + 2, 3 * n + 4))
    return rng.standard_normal((m, n)), rng.standard_normal(m)


register(
    FunctionQuestion(
        id="foundations.ps01.least_squares",
        title="Least squares",
        reference=least_squares,
        cases=[
            (np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([1.0, 2.0, 0.0])),
            (np.ones((4, 1)), np.array([1.0, 2.0, 3.0, 6.0])),
        ],
        hidden=_ls_case,
        rtol=1e-6,
        points=2,
        hint="np.linalg.lstsq(A, y, rcond=None)[0], or QR: solve R x = Qᵀy.",
        wrong_answers={
            "Aᵀy without the inverse": lambda A, y: A.T @ y,
            "first n rows only": lambda A, y: np.linalg.solve(A[: A.shape[1]], y[: A.shape[1]]),
            "ridge with λ = 1": lambda A, y: np.linalg.solve(A.T @ A + np.eye(A.shape[1]), A.T @ y),
        },
    )
)


# 3. normal equations in float32 (choice)
register(
    ChoiceQuestion(
        id="foundations.ps01.normal_equations",
        title="Normal equations in single precision",
        options={
            "a": "A relative error of about κε ≈ 10⁻³, the same as QR.",
            "b": "No correct digits: κ(AᵀA) = κ² = 10⁸, and κ²ε ≈ 12 in float32.",
            "c": "An exact answer, because AᵀA is symmetric positive definite.",
            "d": "A relative error of about ε ≈ 10⁻⁷, because Cholesky is backward stable.",
        },
        reference="b",
        explanations={
            "a": "that is QR's error; forming AᵀA squares the condition number.",
            "b": "κ(AᵀA) = σ₁²/σₙ² = κ(A)², and a stable solve loses log10 κ(AᵀA) = 8 digits.",
            "c": "symmetric positive definite matrices can still be ill-conditioned.",
            "d": "backward stability bounds the residual, not the error, which is κ(AᵀA)·ε.",
        },
        points=1,
        hint="What is the condition number of AᵀA in terms of the singular values of A?",
        wrong_answers={"same as QR": "a", "SPD is exact": "c", "backward stable": "d"},
    )
)


# 4. Hoeffding sample size (value)
register(
    ValueQuestion(
        id="foundations.ps01.hoeffding_n",
        title="How many samples Hoeffding needs",
        reference=1060,
        integer=True,
        points=1,
        hint="Solve 2·exp(−2nt²) ≤ δ for n and round up to a whole number of samples.",
        wrong_answers={
            "not rounded up": float(np.log(2 / 0.01) / (2 * 0.05**2)),
            "Chebyshev, variance 1/4": 10000.0,
            "one-sided bound": float(np.ceil(np.log(1 / 0.01) / (2 * 0.05**2))),
            "rounded down": 1059,
            "one too many": 1061,
        },
    )
)


# 5. Gaussian maximum likelihood (function)
def gaussian_mle(x: np.ndarray) -> np.ndarray:
    """The maximum-likelihood (mean, variance) of a Gaussian sample, as an array of two."""
    x = np.asarray(x, dtype=float)
    return np.array([x.mean(), x.var()])


register(
    FunctionQuestion(
        id="foundations.ps01.gaussian_mle",
        title="Gaussian maximum likelihood",
        reference=gaussian_mle,
        cases=[(np.array([1.0, 2.0, 3.0, 6.0]),), (np.array([0.0, 2.0]),)],
        hidden=lambda rng: (
            rng.normal(rng.uniform(-3, 3), rng.uniform(0.5, 3), int(rng.integers(2, 30))),
        ),
        points=2,
        hint="The MLE variance divides by n, not n − 1.",
        wrong_answers={
            "unbiased variance (n − 1)": lambda x: np.array([np.mean(x), np.var(x, ddof=1)]),
            "standard deviation": lambda x: np.array([np.mean(x), np.std(x)]),
        },
    )
)


# 6. KL divergence (function)
def kl(p: np.ndarray, q: np.ndarray) -> float:
    """KL(p ‖ q) in nats, with 0·log 0 = 0."""
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def _kl_case(rng: np.random.Generator) -> tuple:
    """Every other case has outcomes with p = 0 (the 0·log 0 = 0 convention)."""
    k = int(rng.integers(3, 7))
    p, q = rng.dirichlet(np.ones(k)), rng.dirichlet(np.ones(k))
    if rng.integers(2):
        p[rng.choice(k, size=int(rng.integers(1, k - 1)), replace=False)] = 0.0
        p /= p.sum()
    return p, q


def _kl_no_convention(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    return float(np.sum(p * np.log(p / q)))


register(
    FunctionQuestion(
        id="foundations.ps01.kl",
        title="KL divergence",
        reference=kl,
        cases=[
            (np.array([0.5, 0.5]), np.array([0.9, 0.1])),
            (np.array([0.2, 0.3, 0.5]), np.array([0.2, 0.3, 0.5])),
            (np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.25, 0.5])),
            (np.array([0.0, 1.0]), np.array([0.5, 0.5])),
        ],
        hidden=_kl_case,
        points=2,
        hint="Σ p log(p/q) over the outcomes with p > 0 (natural log).",
        wrong_answers={
            "reversed": lambda p, q: kl(q, p),
            "bits": lambda p, q: kl(p, q) / np.log(2),
            "unweighted": lambda p, q: float(np.sum(np.log(p[p > 0] / q[p > 0]))),
            "without 0·log 0 = 0": _kl_no_convention,
        },
    )
)


# 7. cross-entropy loss (value)
register(
    ValueQuestion(
        id="foundations.ps01.cross_entropy",
        title="A cross-entropy loss with a soft target",
        reference=float(-(CE_TARGET * _log_softmax(CE_LOGITS)).sum()),
        rtol=1e-4,
        points=1,
        hint="−Σ p log softmax(z): the log of the model's probabilities, weighted by the target.",
        wrong_answers={
            "entropy of the target": float(-(CE_TARGET * np.log(CE_TARGET)).sum()),
            "KL only": float((CE_TARGET * (np.log(CE_TARGET) - _log_softmax(CE_LOGITS))).sum()),
            "hard label 0": float(-_log_softmax(CE_LOGITS)[0]),
            "logits, no softmax": float(-(CE_TARGET * np.log(CE_LOGITS)).sum()),
        },
    )
)


# 8. Jacobian of a tanh layer (function)
def tanh_jacobian(W: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The m×n Jacobian of f(x) = tanh(Wx): diag(1 − tanh²(Wx)) W."""
    return (1 - np.tanh(W @ x) ** 2)[:, None] * W


def _jac_case(rng: np.random.Generator) -> tuple:
    m, n = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    return rng.standard_normal((m, n)), rng.standard_normal(n)


register(
    FunctionQuestion(
        id="foundations.ps01.tanh_jacobian",
        title="The Jacobian of a tanh layer",
        reference=tanh_jacobian,
        cases=[
            (np.array([[1.0, 0.0, 2.0], [0.0, -1.0, 1.0]]), np.array([0.5, 1.0, 0.0])),
            (np.eye(2), np.zeros(2)),
        ],
        hidden=_jac_case,
        points=2,
        hint="Chain rule: tanh′(u) = 1 − tanh²(u) scales row i of W by the derivative at (Wx)_i.",
        wrong_answers={
            "W alone": lambda W, x: W,
            "tanh instead of its derivative": lambda W, x: np.tanh(W @ x)[:, None] * W,
            "scaled columns": lambda W, x: W * (1 - np.tanh(x) ** 2)[None, :],
        },
    )
)


# 9. order of the Taylor error (choice)
register(
    ChoiceQuestion(
        id="foundations.ps01.taylor_order",
        title="How fast a Taylor model's error shrinks",
        options={
            "a": "slope 1",
            "b": "slope 2",
            "c": "slope 3",
            "d": "slope 4",
        },
        reference="c",
        explanations={
            "a": "slope 1 would be a model that gets even the first derivative wrong.",
            "b": "slope 2 is the error of the first-order (linear) model.",
            "c": "the first omitted term is t³/6 · D³L[d, d, d].",
            "d": "slope 4 needs the third derivative along d to vanish and the fourth not to, "
            "e.g. cos t at t = 0, whose error is cos t − 1 + t²/2 ≈ t⁴/24; for a quadratic the "
            "error is exactly 0, with no slope at all.",
        },
        points=1,
        hint="Which power of t is the first term the second-order model leaves out?",
        wrong_answers={"linear model": "b", "one too many": "d", "slope 1": "a"},
    )
)


# 10. NumPy broadcasting: pairwise squared distances (function)
def pairwise_distances(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """D[i, j] = ‖X[i] − Y[j]‖² for X of shape (n, d) and Y of shape (m, d)."""
    return ((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=-1)


def _dist_case(rng: np.random.Generator) -> tuple:
    d = int(rng.integers(1, 5))
    return rng.standard_normal((int(rng.integers(1, 6)), d)), rng.standard_normal(
        (int(rng.integers(1, 6)), d)
    )


register(
    FunctionQuestion(
        id="foundations.ps01.pairwise_distances",
        title="Pairwise squared distances without loops",
        reference=pairwise_distances,
        cases=[
            (np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 4.0]])),
            (np.array([[1.0, 2.0, 3.0]]), np.array([[1.0, 2.0, 3.0]])),
        ],
        hidden=_dist_case,
        points=2,
        hint="X[:, None, :] − Y[None, :, :] has shape (n, m, d); square and sum the last axis.",
        wrong_answers={
            "not squared": lambda X, Y: np.sqrt(pairwise_distances(X, Y)),
            "inner products": lambda X, Y: X @ Y.T,
            "summed over the wrong axis": lambda X, Y: ((X[:, None, :] - Y[None, :, :]) ** 2).sum(
                axis=0
            ),
        },
    )
)


# 11. torch autograd: the gradient of logsumexp (function)
def logsumexp_grad(z):
    """∇ log Σ exp(z) at a 1-D float64 torch tensor z (it is softmax(z)); stable for large z."""
    import torch

    z = z.detach().clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(torch.logsumexp(z, dim=0), z)
    return grad


def _lse_case(rng: np.random.Generator) -> tuple:
    import torch

    return (torch.tensor(rng.standard_normal(int(rng.integers(1, 6))) * 3),)


def _lse_cases() -> list[tuple]:
    import torch

    return [
        (torch.tensor([0.0, 0.0], dtype=torch.float64),),
        (torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64),),
        (torch.tensor([1000.0, 1000.0, 999.0], dtype=torch.float64),),
    ]


def _naive_lse_grad(z):
    import torch

    z = z.detach().clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(torch.log(torch.exp(z).sum()), z)
    return grad


register(
    FunctionQuestion(
        id="foundations.ps01.logsumexp_grad",
        title="A gradient by autograd, stably",
        reference=logsumexp_grad,
        cases=_lse_cases(),
        hidden=_lse_case,
        points=2,
        hint="Use torch.logsumexp (never log(sum(exp(z))), which overflows for z = 1000) and "
        "torch.autograd.grad on a copy of z with requires_grad.",
        wrong_answers={
            "exp without normalizing": lambda z: z.exp(),
            "log-softmax": lambda z: z - z.logsumexp(0),
            "naive log-sum-exp": _naive_lse_grad,
        },
    )
)


# ---------------------------------------------------------------- derivation questions (issue 16)


# 12. the best constant in the one-sided (Cantelli) inequality (value, derived)
def cantelli_constant(k: float) -> float:
    """Smallest c with P(X − EX ≥ kσ) ≤ c for every X with a variance: 1/(1 + k²) (Cantelli,
    attained by a two-point distribution)."""
    return 1 / (1 + k**2)


register(
    ValueQuestion(
        id="foundations.ps01.chebyshev_constant",
        title="The best constant in the one-sided Chebyshev (Cantelli) inequality",
        reference=cantelli_constant(2.0),
        rtol=1e-6,
        points=2,
        hint="Chebyshev's two-sided 1/k² is a valid bound but not the best one-sided one. For any "
        "u ≥ 0, X − EX ≥ kσ implies (X − EX + u)² ≥ (kσ + u)²: apply Markov's inequality to that "
        "square and choose u to make the bound smallest. Then show it is attained: a distribution "
        "with two atoms, one of them at kσ.",
        wrong_answers={
            "Chebyshev's two-sided 1/k²": 0.25,
            "half of Chebyshev, 1/(2k²)": 0.125,
            "the Gaussian tail P(Z ≥ 2)": 0.0228,
            "a Markov-style 1/(1 + k)": 1 / 3,
            "the complement k²/(1 + k²)": 0.8,
        },
    )
)


# 13. the smoothness constant of log-sum-exp with a temperature (value, derived)
def logsumexp_smoothness(tau: float = 0.2) -> float:
    """sup over z of λ_max(∇² τ log Σ e^{z_j/τ}) = (1/τ) sup λ_max(diag(p) − ppᵀ) = 1/(2τ)."""
    return 1 / (2 * tau)


register(
    ValueQuestion(
        id="foundations.ps01.lse_smoothness",
        title="The smoothness constant of log-sum-exp at temperature τ",
        reference=logsumexp_smoothness(0.2),
        rtol=1e-6,
        points=2,
        hint="Differentiate τ·log Σ exp(z_j/τ) twice with the chain rule (p is now the softmax of "
        "z/τ; count the factors of τ), then bound vᵀ(diag(p) − ppᵀ)v, a variance of the entries of "
        "v under p, as in the temperature-1 case.",
        wrong_answers={
            "the temperature-1 value 1/2": 0.5,
            "τ/2 (τ on the wrong side)": 0.1,
            "1/(2τ²) (one τ too many)": 12.5,
            "the logistic 1/(4τ)": 1.25,
            "1/τ (bounding by max p_i)": 5.0,
        },
    )
)

"""Problem set 1 of optimization: gradient methods on f(x) = ½xᵀAx − bᵀx.

Notebook: ``exercises/optimization/ps01_gradient_methods.ipynb``; lesson
``notebooks/optimization/01_gradient_descent.ipynb``.
"""

from __future__ import annotations

import numpy as np

from diyphd.learner.grading import (
    ChoiceQuestion,
    FigureQuestion,
    FunctionQuestion,
    TextQuestion,
    ValueQuestion,
    register,
)
from diyphd.learner.grading.figures import Curve, integers, line_figure

# The matrix of the step-size question, shown in the notebook.
STEP_SIZE_MATRIX = np.array([[6.0, 2.0, 0.0], [2.0, 4.0, 1.0], [0.0, 1.0, 1.0]])


def random_spd(rng: np.random.Generator, n: int) -> np.ndarray:
    """A random symmetric positive-definite n×n matrix with eigenvalues in [0.5, 10]."""
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return (q * rng.uniform(0.5, 10.0, n)) @ q.T


# 1. gradient-descent step (function)
def gd_step(x: np.ndarray, A: np.ndarray, b: np.ndarray, lr: float) -> np.ndarray:
    """One gradient-descent step on f(x) = ½xᵀAx − bᵀx."""
    return x - lr * (A @ x - b)


def _gd_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(2, 6))
    return (
        rng.standard_normal(n),
        random_spd(rng, n),
        rng.standard_normal(n),
        rng.uniform(0.01, 0.2),
    )


register(
    FunctionQuestion(
        id="optimization.ps01.gd_step",
        title="A gradient-descent step",
        reference=gd_step,
        cases=[
            (np.array([1.0, 2.0]), np.eye(2), np.zeros(2), 0.5),
            (np.array([1.0, -1.0]), np.array([[2.0, 0.0], [0.0, 10.0]]), np.array([1.0, 1.0]), 0.1),
            (np.array([0.0, 0.0, 0.0]), np.diag([1.0, 2.0, 3.0]), np.array([1.0, 0.0, -1.0]), 0.2),
        ],
        hidden=_gd_case,
        points=2,
        hint="The gradient of ½xᵀAx − bᵀx is Ax − b (A symmetric); step against it: x − lr·∇f(x).",
        wrong_answers={
            "wrong sign": lambda x, A, b, lr: x + lr * (A @ x - b),
            "missing b": lambda x, A, b, lr: x - lr * (A @ x),
            "in place": lambda x, A, b, lr: x.__isub__(lr * (A @ x - b)),
        },
    )
)


# 2. optimal constant step size (value)
def optimal_step(A: np.ndarray) -> float:
    """The step 2/(L + μ) that minimises the worst contraction factor of gradient descent."""
    eig = np.linalg.eigvalsh(A)
    return 2.0 / (eig[-1] + eig[0])


register(
    ValueQuestion(
        id="optimization.ps01.step_size",
        title="The optimal constant step size",
        reference=optimal_step(STEP_SIZE_MATRIX),
        rtol=1e-3,
        points=1,
        hint="L and μ are the largest and smallest eigenvalues of A (np.linalg.eigvalsh).",
        wrong_answers={
            "2/L": 2.0 / np.linalg.eigvalsh(STEP_SIZE_MATRIX)[-1],
            "1/L": 1.0 / np.linalg.eigvalsh(STEP_SIZE_MATRIX)[-1],
            "2/trace": 2.0 / np.trace(STEP_SIZE_MATRIX),
        },
    )
)


# 3. heavy-ball momentum step (function)
def heavy_ball_step(
    x: np.ndarray, x_prev: np.ndarray, A: np.ndarray, b: np.ndarray, lr: float, beta: float
) -> np.ndarray:
    """Polyak's heavy-ball step: x − lr·∇f(x) + beta·(x − x_prev)."""
    return x - lr * (A @ x - b) + beta * (x - x_prev)


def _hb_case(rng: np.random.Generator) -> tuple:
    x, A, b, lr = _gd_case(rng)
    return x, x + 0.1 * rng.standard_normal(x.shape), A, b, lr, rng.uniform(0.1, 0.95)


register(
    FunctionQuestion(
        id="optimization.ps01.heavy_ball",
        title="A heavy-ball momentum step",
        reference=heavy_ball_step,
        cases=[
            (np.array([1.0, 1.0]), np.array([1.0, 1.0]), np.eye(2), np.zeros(2), 0.5, 0.9),
            (np.array([1.0, 2.0]), np.array([0.0, 1.0]), np.eye(2), np.zeros(2), 0.1, 0.5),
        ],
        hidden=_hb_case,
        points=2,
        hint="Add beta times the last displacement (x − x_prev) to a plain gradient step.",
        wrong_answers={
            "momentum reversed": lambda x, xp, A, b, lr, beta: (
                x - lr * (A @ x - b) + beta * (xp - x)
            ),
            "no momentum": lambda x, xp, A, b, lr, beta: x - lr * (A @ x - b),
            "momentum not scaled": lambda x, xp, A, b, lr, beta: x - lr * (A @ x - b) + (x - xp),
        },
    )
)


# 4. measured convergence rate (function)
def convergence_rate(errors: np.ndarray) -> float:
    """The geometric-mean contraction per step, (e_K / e_0)^(1/K), of errors e_0..e_K."""
    errors = np.asarray(errors, dtype=float)
    return float((errors[-1] / errors[0]) ** (1.0 / (len(errors) - 1)))


def _rate_case(rng: np.random.Generator) -> tuple:
    k = np.arange(int(rng.integers(5, 40)))
    rate = rng.uniform(0.3, 0.99)
    return (rng.uniform(0.5, 5.0) * rate**k * np.exp(0.1 * rng.standard_normal(k.size)),)


register(
    FunctionQuestion(
        id="optimization.ps01.rate",
        title="A measured convergence rate",
        reference=convergence_rate,
        cases=[
            (np.array([1.0, 0.5, 0.25, 0.125]),),
            (np.array([8.0, 4.0, 3.0, 1.0]),),
            (np.array([1.0, 1.0]),),
        ],
        hidden=_rate_case,
        points=2,
        hint="K steps separate e_0 from e_K, where K = len(errors) − 1.",
        wrong_answers={
            "off by one": lambda e: (e[-1] / e[0]) ** (1.0 / len(e)),
            "arithmetic mean of ratios": lambda e: float(np.mean(e[1:] / e[:-1])),
            "first ratio only": lambda e: e[1] / e[0],
        },
    )
)


# 5. divergence (choice)
register(
    ChoiceQuestion(
        id="optimization.ps01.divergence",
        title="When gradient descent diverges",
        options={
            "a": "It converges, slowly, because 0.25 exceeds the optimal step 2/(L+μ) ≈ 0.18.",
            "b": "It diverges: the error along the top eigenvector grows by |1 − αL| = 1.5 a step.",
            "c": "It converges, because α < 2/μ = 2 and μ sets the stability limit.",
            "d": "It oscillates forever with a constant amplitude.",
        },
        reference="b",
        explanations={
            "a": "a step above 2/(L+μ) is only slower while it stays below 2/L = 0.2; "
            "here |1 − αL| = 1.5 > 1, so that component grows.",
            "b": "every eigen-direction is multiplied by (1 − αλ); for λ = L = 10 that is −1.5.",
            "c": "stability needs |1 − αλ| < 1 for all eigenvalues λ; L binds, so α < 2/L.",
            "d": "a constant amplitude needs |1 − αL| = 1 exactly, i.e. α = 2/L = 0.2, not 0.25.",
        },
        points=1,
        hint="Gradient descent multiplies the error along each eigenvector of A by (1 − αλ).",
        wrong_answers={"slow": "a", "mu binds": "c", "oscillates": "d"},
    )
)


# 6. error-curve figure (figure)
PLOT_A, PLOT_B = np.diag([1.0, 10.0]), np.ones(2)


def gd_errors(lr: float, k_max: int) -> np.ndarray:
    """‖x_k − x*‖ for k = 0..k_max of gradient descent from 0 on PLOT_A, PLOT_B."""
    x_star = np.linalg.solve(PLOT_A, PLOT_B)
    x, out = np.zeros(2), []
    for _ in range(k_max + 1):
        out.append(np.linalg.norm(x - x_star))
        x = gd_step(x, PLOT_A, PLOT_B, lr)
    return np.array(out)


def _errors_at(lr: float):
    return integers(0, 200, lambda k: gd_errors(lr, int(k.max()))[k])


ERROR_CURVES = [
    Curve("α = 1/L", r"1\s*/\s*L|0\.1\b|1/10", _errors_at(0.1), min_points=10),
    Curve(
        "α* = 2/(L+μ)",
        r"2\s*/\s*\(?\s*L\s*\+|\*|star|opt|2/11|0\.18",
        _errors_at(2 / 11),
        min_points=10,
    ),
]


def _error_figure(log=True, labels=True, n_lines=2, shift=0, swap=False):
    k = np.arange(30)
    lines = [(c.name, c.y(k + shift)) for c in ERROR_CURVES]
    if swap:
        lines = [(lines[1][0], lines[0][1]), (lines[0][0], lines[1][1])]
    return line_figure(
        k,
        lines[:n_lines],
        "iteration k",
        "error ‖x_k − x*‖",
        yscale="log" if log else "linear",
        labels=labels,
    )


register(
    FigureQuestion(
        id="optimization.ps01.error_plot",
        title="Plot the error curves",
        reference=_error_figure,
        curves=ERROR_CURVES,
        xlabel=r"iter|step|\bk\b",
        ylabel=r"err|‖|dist|x_k|x\*",
        yscale="log",
        points=1,
        hint="Record ‖x_k − x*‖ before each step, k = 0 to 29, for both steps; a geometric decay "
        "is a straight line on a log y-axis.",
        wrong_answers={
            "linear y axis": lambda: _error_figure(log=False),
            "no labels": lambda: _error_figure(labels=False),
            "one line": lambda: _error_figure(n_lines=1),
            "errors recorded after each step": lambda: _error_figure(shift=1),
            "legend swapped": lambda: _error_figure(swap=True),
        },
    )
)


# 7. why momentum helps (text, self-scored)
register(
    TextQuestion(
        id="optimization.ps01.momentum_why",
        title="Why momentum helps",
        reference=(
            "On an ill-conditioned quadratic the condition number κ = L/μ is large. Gradient "
            "descent needs a step below 2/L, so along the flat directions it moves slowly and "
            "contracts the error only by about 1 − 1/κ per step. Heavy-ball momentum keeps "
            "a fraction of the previous step, so progress accumulates along the flat directions "
            "while the oscillations across the steep ones cancel; with tuned parameters the "
            "error contracts by (√κ − 1)/(√κ + 1) ≈ 1 − 2/√κ per step, so it needs about 2√κ "
            "times fewer steps than gradient descent with step 1/L (20 times at κ = 100)."
        ),
        min_words=40,
        max_words=150,
        required={
            "gradient descent's rate in κ": (
                r"gradient descent|\bGD\b",
                r"1\s*[−-]\s*1\s*/\s*(κ|kappa|\\kappa)|\(\s*(κ|kappa)\s*[−-]\s*1\s*\)\s*/",
            ),
            "momentum's rate in √κ": (
                r"momentum|heavy[- ]ball",
                r"√\s*κ|sqrt\s*\(?\s*(κ|kappa)|\\sqrt|square root of (κ|kappa|the condition)",
            ),
        },
        rubric={
            "mechanism": (
                1.0,
                "explains that momentum accumulates progress along the flat "
                "directions and damps the oscillation across the steep ones",
            ),
            "rates": (
                1.0,
                "compares the rates: about 1 − 1/κ per step for gradient descent "
                "with step 1/L and (√κ − 1)/(√κ + 1) ≈ 1 − 2/√κ for tuned heavy ball",
            ),
        },
        points=1,
        hint="In one sentence give gradient descent's rate in κ = L/μ (about 1 − 1/κ), in "
        "another momentum's rate in √κ.",
        wrong_answers={
            "too short": "Momentum makes it faster.",
            "no condition number": (
                "Momentum helps because it remembers the previous step and keeps moving in the "
                "same direction, which lets it travel further along valleys. The iterates then "
                "reach the minimum in fewer steps, roughly the square root of the number gradient "
                "descent needs, because the oscillations across the valley cancel out over time."
            ),
        },
    )
)


# ---------------------------------------------------------------- derivation questions (issue 16)


# 8. steepest descent with exact line search from a given start (value, derived)
def line_search_rate_from(x0: tuple[float, float], mu: float, L: float) -> float:  # noqa: N803
    """Factor of f − f* per exact-line-search step on ½(μx₁² + Lx₂²) from x0:
    1 − (gᵀg)²/((gᵀAg)(gᵀA⁻¹g)), g = Ax0 (in 2-D it is the same at every step)."""
    a = np.array([mu, L])
    g = a * np.asarray(x0, dtype=float)
    return float(1 - (g @ g) ** 2 / ((g @ (a * g)) * (g @ (g / a))))


def _worst_line_search_rate(kappa: float) -> float:
    return ((kappa - 1) / (kappa + 1)) ** 2


register(
    ValueQuestion(
        id="optimization.ps01.line_search_rate",
        title="Exact line search from (1, 1): the rate, derived",
        reference=line_search_rate_from((1.0, 1.0), 1.0, 10.0),
        rtol=1e-6,
        points=2,
        hint="Write the exact step η = gᵀg/gᵀAg with g = Ax and expand f(x − ηg) − f* in terms of "
        "g; the ratio to f(x) − f* = ½gᵀA⁻¹g involves three quadratic forms in g. Compute them at "
        "x0 = (1, 1), then check on a second step that the ratio does not change.",
        wrong_answers={
            "the worst case ((κ−1)/(κ+1))²": _worst_line_search_rate(10.0),
            "distance worst case (κ−1)/(κ+1)": 9 / 11,
            "step 1/L rate 1 − 1/κ": 0.9,
            "one minus the squared cosine, forgetting gᵀA⁻¹g: 1 − gᵀg/gᵀAg": 1 - 101 / 1001,
            "the distance ratio ‖x₁‖/‖x₀‖ from (1, 1)": float(
                np.linalg.norm(np.array([1.0, 1.0]) - 101 / 1001 * np.array([1.0, 10.0]))
                / np.sqrt(2)
            ),
        },
    )
)


# 9. the first-order lower bound on a free-end variant of the worst function (value, derived)
def free_end_gap(k: int, L: float = 1.0) -> float:  # noqa: N803
    """min over first-order methods of f(x_k) − f* on the worst function without its last
    boundary term x_n² (any n > k), from 0: L/8·(−1 + 1/(k+1)) − (−L/8) = L/(8(k+1))."""
    return L / (8 * (k + 1))


def _lower_bound_formula(k: int, sq_norm: float, L: float = 1.0) -> float:  # noqa: N803
    return 3 * L * sq_norm / (32 * (k + 1) ** 2)


register(
    ValueQuestion(
        id="optimization.ps01.lower_bound_gap",
        title="The best any first-order method can do on a free-end worst function",
        reference=free_end_gap(10),
        rtol=1e-6,
        points=2,
        hint="The Krylov argument of the lesson still applies (why?): after k steps the iterate "
        "lives on the first k coordinates. Find the restricted minimum, then solve the full "
        "problem's optimality conditions Ax = b for the new matrix: guess the shape of x*.",
        wrong_answers={
            "the lesson's gap L/(16(k+1))": 1 / 176,
            "the theorem's bound 3L‖x*‖²/(32(k+1)²) with ‖x*‖² = 21": _lower_bound_formula(
                10, 21.0
            ),
            "off by one, L/(8k)": 1 / 80,
            "L/(8(k+2))": 1 / 96,
            "sign slip in f*: L/8(−1 + 1/(k+1)) − L/8": -1 / 8 * (2 - 1 / 11),
        },
    )
)

"""Exact expectations for the SGD theorems of ``notebooks/optimization/10_sgd_theory``.

On ``F(w) = ½ Σ λᵢ wᵢ²`` with gradient noise ``ξ ~ N(0, s² I)`` the second moments of SGD obey
a closed recursion, so ``E[F(w_k)]`` is computed exactly rather than estimated; the right-hand
sides of Theorems 4.6 and 4.7 of Bottou, Curtis & Nocedal (SIAM Review 2018) are written with
the paper's constants. ``kaczmarz_expected_error`` does the same for SGD on a consistent
least-squares problem (the interpolation regime).
"""

from __future__ import annotations

import numpy as np


def expected_gap_additive_noise(
    eigs: np.ndarray, w0: np.ndarray, noise_var: float, steps: np.ndarray
) -> np.ndarray:
    """``E[F(w_k)] − F*`` for k = 0…len(steps), SGD ``w ← w − α_k(∇F(w) + ξ)`` in the eigenbasis.

    Exact: ``E[wᵢ²]`` obeys ``E[wᵢ²]⁺ = (1 − α_kλᵢ)² E[wᵢ²] + α_k² s²``.
    """
    lam = np.asarray(eigs, float)
    second = np.asarray(w0, float) ** 2
    gaps = [0.5 * lam @ second]
    for alpha in steps:
        second = (1 - alpha * lam) ** 2 * second + alpha**2 * noise_var
        gaps.append(0.5 * lam @ second)
    return np.array(gaps)


def bcn_fixed_step_bound(
    k: np.ndarray,
    alpha: float,
    L: float,  # noqa: N803
    c: float,
    M: float,  # noqa: N803
    gap1: float,
    mu: float = 1.0,
) -> np.ndarray:
    """Right side of Bottou–Curtis–Nocedal Thm 4.6 at iterations ``k ≥ 1`` (w_1 is the start).

    ``αLM/(2cμ) + (1 − αcμ)^{k−1} (F(w_1) − F* − αLM/(2cμ))``, valid for ``0 < α ≤ μ/(L M_G)``.
    """
    floor = alpha * L * M / (2 * c * mu)
    return floor + (1 - alpha * c * mu) ** (np.asarray(k, float) - 1) * (gap1 - floor)


def bcn_diminishing_bound(
    k: np.ndarray,
    beta: float,
    gamma: float,
    L: float,  # noqa: N803
    c: float,
    M: float,  # noqa: N803
    gap1: float,
    mu: float = 1.0,
) -> np.ndarray:
    """Right side ``ν/(γ + k)`` of Bottou–Curtis–Nocedal Thm 4.7, steps ``α_k = β/(γ + k)``.

    ``ν = max(β²LM/(2(βcμ − 1)), (γ + 1)(F(w_1) − F*))``; needs ``β > 1/(cμ)`` and
    ``α_1 ≤ μ/(L M_G)``.
    """
    nu = max(beta**2 * L * M / (2 * (beta * c * mu - 1)), (gamma + 1) * gap1)
    return nu / (gamma + np.asarray(k, float))


def kaczmarz_expected_error(x: np.ndarray, e0: np.ndarray, n_steps: int) -> np.ndarray:
    """``E‖w_k − w*‖²`` of SGD with step 1 on ``Σᵢ ½(xᵢᵀw − yᵢ)²/n``, rows of unit norm, y = Xw*.

    Each step projects the error: ``e ← (I − xᵢxᵢᵀ)e`` with i uniform, so the second-moment
    matrix obeys ``C⁺ = E_i[(I − Pᵢ) C (I − Pᵢ)]``; exact, no sampling.
    """
    x = np.asarray(x, float)
    n, d = x.shape
    proj = np.einsum("ni,nj->nij", x, x)
    cov = np.outer(e0, e0)
    out = [np.trace(cov)]
    for _ in range(n_steps):
        pc = proj @ cov
        cov = cov - (pc.sum(0) + pc.sum(0).T) / n + np.einsum("nij,jk,nkl->il", proj, cov, proj) / n
        out.append(np.trace(cov))
    return np.array(out)

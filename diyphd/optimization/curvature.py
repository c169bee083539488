"""Curvature of a loss: Hessian-vector products and the top Hessian eigenvalue (sharpness).

Introduced in the optimization theme, lesson 6 (``06_curvature``). ``hvp`` differentiates the
gradient a second time (Pearlmutter 1994), so it never forms the Hessian; ``power_iteration``
uses it to find the eigenvalue of largest magnitude.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import torch


def hvp(
    loss_fn: Callable[[], torch.Tensor], params: Sequence[torch.Tensor], vec: Sequence[torch.Tensor]
) -> list[torch.Tensor]:
    """Hessian-vector product ``H v`` of ``loss_fn()`` at ``params`` by double backward.

    ``vec`` has one tensor per parameter. Costs about two gradient evaluations.
    """
    grads = torch.autograd.grad(loss_fn(), params, create_graph=True)
    dot = sum((g * v).sum() for g, v in zip(grads, vec, strict=True))
    return [h.detach() for h in torch.autograd.grad(dot, params)]


def power_iteration(
    matvec: Callable[[list[torch.Tensor]], list[torch.Tensor]],
    shapes: Sequence[torch.Tensor],
    n_iter: int = 100,
    tol: float = 1e-6,
    generator: torch.Generator | None = None,
) -> tuple[float, list[torch.Tensor]]:
    """Eigenvalue of largest magnitude of the symmetric operator ``matvec``, and its vector.

    ``shapes`` gives one tensor per block (its shape, dtype and device are used). Stops when
    the Rayleigh quotient changes by less than ``tol`` (relative) or after ``n_iter`` steps.
    """
    v = [torch.randn(s.shape, generator=generator, dtype=s.dtype).to(s.device) for s in shapes]
    norm = torch.sqrt(sum((x * x).sum() for x in v))
    v = [x / norm for x in v]
    eig = 0.0
    for _ in range(n_iter):
        hv = matvec(v)
        new = float(sum((a * b).sum() for a, b in zip(v, hv, strict=True)))  # Rayleigh quotient
        norm = torch.sqrt(sum((x * x).sum() for x in hv))
        v = [x / norm for x in hv]
        if abs(new - eig) <= tol * abs(new):
            return new, v
        eig = new
    return eig, v


def sharpness(
    loss_fn: Callable[[], torch.Tensor],
    params: Sequence[torch.Tensor],
    n_iter: int = 100,
    tol: float = 1e-4,
    seed: int = 0,
) -> float:
    """Top Hessian eigenvalue of ``loss_fn`` at ``params`` by power iteration on ``hvp``.

    Power iteration finds the eigenvalue of largest magnitude; near a minimum, and along a
    gradient-descent path, that is the largest positive one (the sharpness).
    """
    gen = torch.Generator().manual_seed(seed)
    eig, _ = power_iteration(lambda v: hvp(loss_fn, params, v), params, n_iter, tol, gen)
    return eig

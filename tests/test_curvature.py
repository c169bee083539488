"""Tests for diyphd.optimization.curvature against torch's full Hessian and eigvalsh (the trusted
reference)."""

from __future__ import annotations

import torch

from diyphd.optimization.curvature import hvp, power_iteration, sharpness


def _problem():
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(20, 3, generator=gen, dtype=torch.float64)
    y = torch.randn(20, generator=gen, dtype=torch.float64)
    w = torch.randn(3, generator=gen, dtype=torch.float64, requires_grad=True)

    def loss_of(w):
        return ((torch.tanh(x @ w) - y) ** 2).mean() + 0.5 * (w**4).sum()

    return w, loss_of


def test_hvp_equals_hessian_times_vector():
    """Is hvp(v) equal to torch.autograd.functional.hessian(...) @ v?"""
    w, loss_of = _problem()
    v = torch.tensor([0.3, -1.0, 2.0], dtype=torch.float64)
    H = torch.autograd.functional.hessian(loss_of, w.detach())
    (hv,) = hvp(lambda: loss_of(w), [w], [v])
    assert torch.allclose(hv, H @ v, rtol=1e-12, atol=1e-12)


def test_power_iteration_finds_largest_magnitude_eigenvalue():
    """Does power iteration return the eigenvalue of largest magnitude, negative ones included?"""
    q, _ = torch.linalg.qr(torch.randn(6, 6, generator=torch.Generator().manual_seed(1)))
    A = (q * torch.tensor([-5.0, 3.0, 1.0, 0.5, 0.1, 2.0])) @ q.T
    lam, (v,) = power_iteration(lambda u: [A @ u[0]], [torch.zeros(6)], n_iter=500, tol=1e-12)
    assert abs(lam + 5.0) < 1e-5
    assert torch.allclose(A @ v, lam * v, atol=1e-3)


def test_sharpness_matches_eigvalsh():
    """Is sharpness() within 0.1 % of the top eigenvalue from torch.linalg.eigvalsh?"""
    w, loss_of = _problem()
    H = torch.autograd.functional.hessian(loss_of, w.detach())
    top = torch.linalg.eigvalsh(H)[-1].item()
    assert abs(sharpness(lambda: loss_of(w), [w], n_iter=500, tol=1e-10) - top) < 1e-3 * top

"""Tests for diyphd.optimization.logistic: loss, gradient, smoothness and minimiser."""

from __future__ import annotations

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression

from diyphd.optimization.logistic import make_logistic


def test_gradient_and_hessian_agree_with_torch_autograd():
    """Do f's gradient and Hessian equal torch.autograd's at a random point?"""
    p = make_logistic(40, 3, lam=0.1, rng=np.random.default_rng(0))
    w = np.random.default_rng(1).standard_normal(3)
    xt, yt = torch.tensor(p.x), torch.tensor(p.y)

    def loss(v):
        return torch.nn.functional.softplus(-yt * (xt @ v)).mean() + 0.05 * v @ v

    wt = torch.tensor(w, requires_grad=True)
    assert np.isclose(p.f(w), float(loss(wt).detach()))
    assert np.allclose(p.grad(w), torch.autograd.grad(loss(wt), wt)[0].numpy())
    assert np.allclose(p.hessian(w), torch.autograd.functional.hessian(loss, wt).numpy())


def test_minimiser_matches_scikit_learn():
    """Is Newton's minimiser sklearn's L2-regularized logistic regression (C = 1/(nλ))?"""
    p = make_logistic(200, 4, lam=0.01, rng=np.random.default_rng(2))
    ref = LogisticRegression(C=1 / (200 * 0.01), fit_intercept=False, tol=1e-12, max_iter=10000)
    ref.fit(p.x, p.y)
    assert np.allclose(p.solve(), ref.coef_.ravel(), atol=1e-6)
    assert np.linalg.norm(p.grad(p.solve())) < 1e-12


def test_smoothness_constant_bounds_the_hessian():
    """Is λ_max of the Hessian at random points at most the stated L?"""
    p = make_logistic(100, 5, lam=0.0, rng=np.random.default_rng(3))
    rng = np.random.default_rng(4)
    top = max(np.linalg.eigvalsh(p.hessian(rng.standard_normal(5) * s)).max() for s in (0, 1, 5))
    assert top <= p.L + 1e-12 and top > 0.9 * p.L

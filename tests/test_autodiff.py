"""Tests for diyphd.optimization.autodiff: local derivatives, the chain rule on shared nodes, finite
differences, and agreement with torch.autograd (the trusted reference)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from diyphd.optimization.autodiff import Value, numerical_gradient, relative_error


def _f(a, b, c, tanh, exp, log):
    return tanh(a * b + c) ** 2 / (1 + exp(a)) + log(b * b + 1.0) - 3.0 / c + (a - b) * c


def test_gradients_match_torch():
    """Does backward() give torch.autograd's gradients for a formula using every operation?"""
    xs = [0.3, -1.2, 0.7]
    vs = [Value(x) for x in xs]
    out = _f(*vs, Value.tanh, Value.exp, Value.log)
    out.backward()
    ts = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in xs]
    ref = _f(*ts, torch.tanh, torch.exp, torch.log)
    ref.backward()
    assert out.data == pytest.approx(ref.item(), rel=1e-14)
    for v, t in zip(vs, ts, strict=True):
        assert v.grad == pytest.approx(t.grad.item(), rel=1e-12)


def test_shared_node_accumulates_and_backward_is_repeatable():
    """Is a node used twice credited twice, and does a second backward() give the same grads?"""
    x = Value(3.0)
    y = x * x + x
    y.backward()
    assert x.grad == 7.0
    y.backward()
    assert x.grad == 7.0


def test_relu_derivative():
    """Is relu's derivative 1 for positive and 0 for negative inputs?"""
    a, b = Value(2.0), Value(-2.0)
    (a.relu() + b.relu()).backward()
    assert (a.grad, b.grad) == (1.0, 0.0)


def test_numerical_gradient_orders():
    """Is the central difference far more accurate than the forward one at the same h?"""
    f = lambda x: float(np.sum(np.sin(x) * x**2))  # noqa: E731
    x = np.array([0.5, -1.0, 2.0])
    exact = np.cos(x) * x**2 + 2 * x * np.sin(x)
    central = relative_error(numerical_gradient(f, x, 1e-4), exact)
    forward = relative_error(numerical_gradient(f, x, 1e-4, central=False), exact)
    assert central < 1e-8 < forward < 1e-3


def test_relative_error_properties():
    """Is relative_error symmetric, zero for equal inputs and scale-free?"""
    a, b = np.array([1.0, 2.0]), np.array([1.0, 2.1])
    assert relative_error(a, a) == 0.0
    assert relative_error(a, b) == relative_error(b, a)
    assert relative_error(1e6 * a, 1e6 * b) == pytest.approx(relative_error(a, b))
    assert relative_error(np.zeros(2), np.zeros(2)) == 0.0


def test_ps02_two_layer_reference_equals_torch():
    """Is the graded reference of ps02's backward pass the gradient torch.autograd computes?"""
    from diyphd.problems.optimization.ps02_adaptive_autodiff import two_layer_gradients

    rng = np.random.default_rng(3)
    arrays = [rng.standard_normal(s) for s in [(5, 3), (5,), (2, 5), (2,), (7, 3), (7, 2)]]
    w1, b1, w2, b2 = (torch.tensor(a, requires_grad=True) for a in arrays[:4])
    x, y = (torch.tensor(a) for a in arrays[4:])
    loss = 0.5 * ((torch.tanh(x @ w1.T + b1) @ w2.T + b2 - y) ** 2).sum(1).mean()
    loss.backward()
    ref = torch.cat([t.grad.ravel() for t in (w1, b1, w2, b2)]).numpy()
    np.testing.assert_allclose(two_layer_gradients(*arrays), ref, rtol=1e-12, atol=1e-14)

"""A small reverse-mode automatic differentiation engine (optimization theme, lesson 5).

``Value`` wraps a float and records the operation that produced it; ``backward()`` walks the
graph in reverse topological order and applies each operation's local derivative (the chain
rule). The design follows Karpathy's micrograd. Gradient checking by central differences
(``numerical_gradient``, ``relative_error``) is introduced in the same lesson,
``05_autodiff``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np


class Value:
    """A scalar node of a computation graph, with its value ``data`` and gradient ``grad``."""

    def __init__(self, data: float, children: tuple[Value, ...] = (), op: str = "") -> None:
        self.data, self.grad = float(data), 0.0
        self._prev, self.op = children, op
        self._backward: Callable[[], None] = lambda: None

    def __add__(self, other: Value | float) -> Value:
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward() -> None:
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other: Value | float) -> Value:
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward() -> None:
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, k: float) -> Value:
        out = Value(self.data**k, (self,), f"**{k}")

        def _backward() -> None:
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = _backward
        return out

    def _unary(self, value: float, slope: float, op: str) -> Value:
        """A one-argument operation with value ``value`` and derivative ``slope``."""
        out = Value(value, (self,), op)

        def _backward() -> None:
            self.grad += slope * out.grad

        out._backward = _backward
        return out

    def exp(self) -> Value:
        e = math.exp(self.data)
        return self._unary(e, e, "exp")

    def log(self) -> Value:
        return self._unary(math.log(self.data), 1.0 / self.data, "log")

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        return self._unary(t, 1.0 - t * t, "tanh")

    def relu(self) -> Value:
        return self._unary(max(self.data, 0.0), float(self.data > 0), "relu")

    def backward(self) -> None:
        """Set ``grad`` of every node to the derivative of this node with respect to it."""
        order: list[Value] = []
        seen: set[int] = set()

        def visit(v: Value) -> None:
            if id(v) not in seen:
                seen.add(id(v))
                for child in v._prev:
                    visit(child)
                order.append(v)

        visit(self)
        for v in order:
            v.grad = 0.0
        self.grad = 1.0
        for v in reversed(order):
            v._backward()

    def __neg__(self) -> Value:
        return self * -1.0

    def __sub__(self, other: Value | float) -> Value:
        return self + (-other)

    def __truediv__(self, other: Value | float) -> Value:
        return self * (other**-1.0 if isinstance(other, Value) else 1.0 / other)

    def __radd__(self, other: float) -> Value:
        return self + other

    def __rmul__(self, other: float) -> Value:
        return self * other

    def __rsub__(self, other: float) -> Value:
        return Value(other) - self

    def __rtruediv__(self, other: float) -> Value:
        return Value(other) * self**-1.0

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-5, central: bool = True
) -> np.ndarray:
    """Finite-difference gradient of ``f`` at ``x``: ``(f(x+he_i) − f(x−he_i))/(2h)``.

    ``central=False`` gives the forward difference ``(f(x+he_i) − f(x))/h`` (error O(h),
    against O(h²) for the central one).
    """
    x = np.asarray(x, dtype=float)
    g = np.empty_like(x)
    fx = None if central else f(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e.flat[i] = h
        g.flat[i] = (f(x + e) - f(x - e)) / (2 * h) if central else (f(x + e) - fx) / h
    return g


def relative_error(a: np.ndarray, b: np.ndarray, tiny: float = 1e-300) -> float:
    """``‖a − b‖ / max(‖a‖ + ‖b‖, tiny)``: symmetric, scale-free, 0 when equal, at most 1."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), tiny))

"""Two-dimensional toy distributions for the generative lessons (generated, never downloaded)."""

from __future__ import annotations

import numpy as np


def two_moons(n: int, noise: float = 0.05, seed: int = 0) -> np.ndarray:
    """``n`` points of scikit-learn's two moons, centred and scaled to unit variance per axis."""
    from sklearn.datasets import make_moons

    x, _ = make_moons(n_samples=n, noise=noise, random_state=seed)
    return ((x - np.array([0.5, 0.25])) / np.array([0.87, 0.5])).astype(np.float64)


def eight_gaussians(n: int, radius: float = 2.0, std: float = 0.1, seed: int = 0) -> np.ndarray:
    """``n`` points from a mixture of eight Gaussians with centres evenly spaced on a circle."""
    rng = np.random.default_rng(seed)
    angles = 2 * np.pi * rng.integers(0, 8, n) / 8
    centres = radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    return centres + std * rng.standard_normal((n, 2))

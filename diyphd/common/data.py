"""Small datasets that need no download: synthetic generators and scikit-learn's bundled sets."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Split:
    """Train and test arrays of one dataset."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def linear_regression(
    n: int, d: int, noise: float = 0.1, rng: np.random.Generator | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gaussian design ``X`` (n × d), true weights ``w`` and targets ``y = X w + noise``."""
    rng = np.random.default_rng(0) if rng is None else rng
    x = rng.standard_normal((n, d))
    w = rng.standard_normal(d) / np.sqrt(d)
    y = x @ w + noise * rng.standard_normal(n)
    return x, y, w


def digits(test_size: float = 0.25, seed: int = 0, standardize: bool = True) -> Split:
    """scikit-learn's bundled 8×8 digits (1797 images, 10 classes), split and scaled."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    x, y = load_digits(return_X_y=True)
    x = x.astype(np.float64) / 16.0
    x_tr, x_te, y_tr, y_te = train_test_split(
        x, y, test_size=test_size, random_state=seed, stratify=y
    )
    if standardize:
        mean, std = x_tr.mean(0), x_tr.std(0) + 1e-8
        x_tr, x_te = (x_tr - mean) / std, (x_te - mean) / std
    return Split(x_tr, y_tr, x_te, y_te)

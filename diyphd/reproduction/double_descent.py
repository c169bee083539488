"""Double descent with random Fourier features (Belkin et al. 2019; Rahimi & Recht 2007).

Introduced in ``notebooks/reproduction/04_double_descent_rff``; tested at tiny sizes in
``tests/test_reproduction.py``.
"""

from __future__ import annotations

import numpy as np


def rff_features(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Random Fourier features ``√(2/N) cos(x W + b)`` approximating a Gaussian kernel."""
    return np.sqrt(2.0 / w.shape[1]) * np.cos(x @ w + b)


def rff_test_errors(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_test: np.ndarray,
    y_test: np.ndarray,
    n_features: list[int],
    bandwidth: float,
    ridge: float = 0.0,
    seed: int = 0,
    n_classes: int = 10,
) -> dict[str, np.ndarray]:
    """Fit one-hot targets by least squares on ``N`` random features, for each ``N``.

    ``ridge = 0`` gives the minimum-norm solution (``np.linalg.lstsq``, the pseudo-inverse);
    ``ridge > 0`` solves ``(ΦᵀΦ + ridge·n·I) a = ΦᵀY`` in its dual form. Returns arrays over
    ``n_features`` of the test zero-one error, test squared loss (summed over classes), train
    squared loss and the norm of the coefficients.
    """
    rng = np.random.default_rng(seed)
    y_tr, y_te = np.eye(n_classes)[y_train], np.eye(n_classes)[y_test]
    n = len(x_train)
    out: dict[str, list[float]] = {"zero_one": [], "sq_loss": [], "train_sq": [], "norm": []}
    for nf in n_features:
        w = rng.normal(0.0, 1.0 / bandwidth, (x_train.shape[1], nf))
        b = rng.uniform(0.0, 2 * np.pi, nf)
        phi, phi_t = rff_features(x_train, w, b), rff_features(x_test, w, b)
        if ridge > 0:
            coef = phi.T @ np.linalg.solve(phi @ phi.T + ridge * n * np.eye(n), y_tr)
        else:
            coef = np.linalg.lstsq(phi, y_tr, rcond=None)[0]
        pred = phi_t @ coef
        out["zero_one"].append(float((pred.argmax(1) != y_test).mean()))
        out["sq_loss"].append(float(((pred - y_te) ** 2).sum(1).mean()))
        out["train_sq"].append(float(((phi @ coef - y_tr) ** 2).sum(1).mean()))
        out["norm"].append(float(np.linalg.norm(coef)))
    return {k: np.array(v) for k, v in out.items()}


def rff_ridge_predictions(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_eval: np.ndarray,
    n_features: list[int],
    bandwidth: float,
    ridges: list[float],
    seed: int = 0,
    n_classes: int = 10,
) -> np.ndarray:
    """Predictions on ``x_eval`` for every ``N`` and ridge, sharing the features of each ``N``.

    Returns an array ``(len(n_features), len(ridges), len(x_eval), n_classes)``; a ridge of 0
    is the minimum-norm fit. Used to tune the ridge on a validation set per ``N``
    (Nakkiran, Venkat, Kakade & Ma 2021).
    """
    rng = np.random.default_rng(seed)
    y_tr = np.eye(n_classes)[y_train]
    n = len(x_train)
    out = np.empty((len(n_features), len(ridges), len(x_eval), n_classes))
    for i, nf in enumerate(n_features):
        w = rng.normal(0.0, 1.0 / bandwidth, (x_train.shape[1], nf))
        b = rng.uniform(0.0, 2 * np.pi, nf)
        phi, phi_e = rff_features(x_train, w, b), rff_features(x_eval, w, b)
        gram = phi @ phi.T
        for j, lam in enumerate(ridges):
            if lam > 0:
                dual = np.linalg.solve(gram + lam * n * np.eye(n), y_tr)
                out[i, j] = (phi_e @ phi.T) @ dual
            else:
                out[i, j] = phi_e @ np.linalg.lstsq(phi, y_tr, rcond=None)[0]
    return out

"""Theme 1, optimization (``notebooks/optimization/``).

Quadratic test problems, optimizers, autodiff, curvature.
"""

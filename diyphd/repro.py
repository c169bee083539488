"""Reproducibility: one call fixes the seeds and the thread count of a notebook.

Introduced in every lesson's imports cell. On the 2-core machines the kit targets, one torch
thread runs the small models of this book faster than two (see ``tests/test_repro.py`` and the
README for the measurement), so :func:`seed_everything` sets one thread unless told otherwise.
"""

from __future__ import annotations

import os
import random

import numpy as np

DEFAULT_SEED = 0


def seed_everything(seed: int = DEFAULT_SEED, threads: int | None = 1) -> np.random.Generator:
    """Seed Python, NumPy and torch, pin torch's thread count; return a NumPy generator.

    ``threads=None`` leaves torch's thread count alone (for the GPU-scale runs).
    """
    random.seed(seed)
    np.random.seed(seed)  # legacy global state, for libraries that still read it
    os.environ.setdefault("PYTHONHASHSEED", str(seed))
    try:
        import torch
    except ImportError:  # torch is optional for the pure-NumPy lessons
        return np.random.default_rng(seed)
    torch.manual_seed(seed)
    if threads is not None:
        torch.set_num_threads(threads)
    return np.random.default_rng(seed)


def device(prefer_gpu: bool = True) -> str:
    """Return ``"cuda"`` when a GPU is present and wanted, else ``"cpu"``."""
    try:
        import torch
    except ImportError:
        return "cpu"
    return "cuda" if prefer_gpu and torch.cuda.is_available() else "cpu"

"""Reproducibility: one call fixes the seeds and the thread count of a notebook.

Introduced in every lesson's imports cell. On the 2-core machines the kit targets, one thread runs
the small models of this book about as fast as two when a notebook runs alone, and many times
faster when two processes share the cores (a kernel beside the book build, two kernels): see the
README for the measurement. So :func:`seed_everything` sets one torch thread and one BLAS thread
(through threadpoolctl) unless told otherwise.
"""

from __future__ import annotations

import os
import random

import numpy as np

DEFAULT_SEED = 0


def seed_everything(seed: int = DEFAULT_SEED, threads: int | None = 1) -> np.random.Generator:
    """Seed Python, NumPy and torch, pin torch's and BLAS's thread counts; return a generator.

    ``threads=None`` leaves torch's thread count alone (for the GPU-scale runs).
    """
    random.seed(seed)
    _limit_blas(threads)
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


def _limit_blas(threads: int | None) -> None:
    """Cap NumPy's BLAS (OpenBLAS, MKL) threads for the rest of the process."""
    if threads is None:
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")


def device(prefer_gpu: bool = True) -> str:
    """Return ``"cuda"`` when a GPU is present and wanted, else ``"cpu"``."""
    try:
        import torch
    except ImportError:
        return "cpu"
    return "cuda" if prefer_gpu and torch.cuda.is_available() else "cpu"


SCALES = ("quick", "paper")


def scale(default: str = "quick") -> str:
    """The run's scale: ``DIYPHD_SCALE`` if set, else ``default`` (a notebook's parameter)."""
    value = os.environ.get("DIYPHD_SCALE", default).strip().lower()
    if value not in SCALES:
        raise ValueError(f"SCALE must be one of {SCALES}, not {value!r}")
    return value

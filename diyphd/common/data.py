"""Datasets: synthetic generators, scikit-learn's bundled sets, and readers for MNIST and CIFAR-10.

The book's notebooks use only data that needs no download (generated, or bundled with
scikit-learn). The reproductions' ``paper`` tier uses the papers' datasets: :func:`mnist` reads
the four IDX files of MNIST and :func:`cifar10` the python-pickle batches of CIFAR-10, from a
folder the learner downloaded them to. Both readers are hand-written (a few lines of
``numpy.frombuffer`` and ``pickle``) because torchvision cannot be installed beside the pinned
torch 2.13.0; ``tests/test_data.py`` checks them on small files in the real formats.
"""

from __future__ import annotations

import gzip
import pickle
from dataclasses import dataclass
from pathlib import Path

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
        x_tr, x_te = standardize_features(x_tr, x_te)
    return Split(x_tr, y_tr, x_te, y_te)


def standardize_features(x_train: np.ndarray, x_test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centre and scale each feature by its *training* mean and standard deviation.

    A feature constant on the training set (a border pixel of the digits that is 0 in every
    training image) is only centred, not divided by its zero standard deviation: dividing by
    ``std + 1e-8`` would turn a test image's faint value there into a feature of millions.
    """
    mean, std = x_train.mean(0), x_train.std(0)
    scale = np.where(std > 0, std, 1.0)
    return (x_train - mean) / scale, (x_test - mean) / scale


# --- the papers' datasets, read from the standard files ------------------------------------


def data_dir(name: str) -> Path:
    """The folder holding a downloaded dataset: ``$DIYPHD_DATA/name`` (default ``~/diyphd-data``).

    Raises ``FileNotFoundError`` with what to download when it is missing: the book never
    downloads anything; the ``paper`` tier of a reproduction reads what the learner fetched.
    """
    import os

    root = Path(os.environ.get("DIYPHD_DATA", Path.home() / "diyphd-data")).expanduser()
    folder = root / name
    if not folder.is_dir():
        raise FileNotFoundError(
            f"{folder} not found: download {name} there (or set DIYPHD_DATA to its parent) "
            "to run the paper tier"
        )
    return folder


_IDX_DTYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_idx(path: str | Path) -> np.ndarray:
    """Read one IDX file (MNIST's format, optionally gzipped) into an array of its shape.

    The format (LeCun et al., the MNIST page): two zero bytes, a type code, the number of
    dimensions ``d``, ``d`` big-endian 32-bit sizes, then the data in C order.
    """
    path = Path(path)
    raw = (gzip.open if path.suffix == ".gz" else open)(path, "rb").read()
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in _IDX_DTYPES:
        raise ValueError(f"{path} is not an IDX file (bad magic number)")
    ndim = raw[3]
    shape = tuple(int(v) for v in np.frombuffer(raw, ">u4", count=ndim, offset=4))
    dtype = np.dtype(_IDX_DTYPES[raw[2]])
    count = int(np.prod(shape)) if shape else 1
    offset = 4 + 4 * ndim
    if len(raw) - offset != count * dtype.itemsize:
        raise ValueError(f"{path}: header says {shape}, file holds {len(raw) - offset} bytes")
    return np.frombuffer(raw, dtype, count=count, offset=offset).reshape(shape)


def _find(folder: Path, stem: str) -> Path:
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx")):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(
        f"{stem}[.gz] not found in {folder}: download MNIST's four IDX files there first"
    )


def mnist(folder: str | Path, flatten: bool = True) -> Split:
    """MNIST from its four IDX files in ``folder`` (60 000 train, 10 000 test), pixels in [0, 1].

    The files are ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
    ``t10k-images-idx3-ubyte`` and ``t10k-labels-idx1-ubyte``, gzipped or not.
    """
    folder = Path(folder)

    def images(stem: str) -> np.ndarray:
        x = read_idx(_find(folder, stem)).astype(np.float32) / 255.0
        return x.reshape(len(x), -1) if flatten else x

    def labels(stem: str) -> np.ndarray:
        return read_idx(_find(folder, stem)).astype(np.int64)

    split = Split(
        images("train-images-idx3-ubyte"),
        labels("train-labels-idx1-ubyte"),
        images("t10k-images-idx3-ubyte"),
        labels("t10k-labels-idx1-ubyte"),
    )
    for x, y in ((split.x_train, split.y_train), (split.x_test, split.y_test)):
        if len(x) != len(y):
            raise ValueError(f"{len(x)} images but {len(y)} labels in {folder}")
    return split


def _cifar_batch(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with open(path, "rb") as f:
        batch = pickle.load(f, encoding="bytes")
    data = np.asarray(batch[b"data"], dtype=np.uint8)
    if data.ndim != 2 or data.shape[1] != 3072:
        raise ValueError(f"{path}: expected rows of 3072 bytes, got shape {data.shape}")
    x = data.reshape(-1, 3, 32, 32).astype(np.float32) / 255.0
    return x, np.asarray(batch[b"labels"], dtype=np.int64)


def cifar10(folder: str | Path) -> Split:
    """CIFAR-10 from its python-pickle batches in ``folder`` (``cifar-10-batches-py``).

    Reads ``data_batch_1`` … ``data_batch_5`` and ``test_batch``; images come as
    ``(n, 3, 32, 32)`` float32 in [0, 1], labels as int64 in 0…9. The batches are Python
    pickles: load only files from the CIFAR-10 page (Krizhevsky 2009), as with any pickle.
    """
    folder = Path(folder)
    train = [folder / f"data_batch_{i}" for i in range(1, 6)]
    missing = [p.name for p in [*train, folder / "test_batch"] if not p.exists()]
    if missing:
        raise FileNotFoundError(f"{', '.join(missing)} not found in {folder}")
    parts = [_cifar_batch(p) for p in train]
    x_te, y_te = _cifar_batch(folder / "test_batch")
    return Split(
        np.concatenate([x for x, _ in parts]), np.concatenate([y for _, y in parts]), x_te, y_te
    )

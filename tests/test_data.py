"""diyphd.common.data: the digits split, standardization, and the MNIST / CIFAR-10 readers.

The readers are tested on small files that the test writes in the real formats: IDX (MNIST's
header of magic number, type code, dimensions and big-endian sizes) and CIFAR-10's pickled
batches (a dict with ``b"data"`` rows of 3072 bytes and ``b"labels"``).
"""

from __future__ import annotations

import gzip
import pickle
import struct

import numpy as np
import pytest

from diyphd.common.data import cifar10, digits, mnist, read_idx, standardize_features


def test_digits_constant_pixels_stay_small():
    """Does a pixel that is 0 on every training image stay a small feature on the test set?"""
    split = digits()
    raw = digits(standardize=False)
    constant = raw.x_train.std(0) == 0
    assert constant.any()  # pixels 0, 24, 32, 39 of this split
    assert np.abs(split.x_test).max() < 100  # it was 6.25e6 when dividing by std + 1e-8
    np.testing.assert_allclose(split.x_test[:, constant], raw.x_test[:, constant])


def test_standardize_matches_sklearn_on_varying_features():
    """Do features with training variance get scikit-learn's StandardScaler values?"""
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(0)
    x_tr, x_te = rng.normal(size=(50, 4)), rng.normal(size=(20, 4))
    x_tr[:, 2] = 3.0  # constant on the training set
    ours_tr, ours_te = standardize_features(x_tr, x_te)
    scaler = StandardScaler().fit(x_tr)  # StandardScaler also leaves zero-variance scale at 1
    np.testing.assert_allclose(ours_tr, scaler.transform(x_tr))
    np.testing.assert_allclose(ours_te, scaler.transform(x_te))


def _write_idx(path, array, code=0x08, compress=False):
    header = struct.pack(">BBBB", 0, 0, code, array.ndim)
    header += struct.pack(f">{array.ndim}I", *array.shape)
    dtype = {0x08: np.uint8, 0x0C: ">i4"}[code]
    blob = header + np.asarray(array, dtype=dtype).tobytes()
    (gzip.open if compress else open)(path, "wb").write(blob)


@pytest.mark.parametrize("compress", [False, True])
def test_read_idx_round_trip(tmp_path, compress):
    """Does read_idx return the array written in the IDX format, gzipped or not?"""
    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, (7, 28, 28)).astype(np.uint8)
    path = tmp_path / ("x.idx3-ubyte" + (".gz" if compress else ""))
    _write_idx(path, images, compress=compress)
    np.testing.assert_array_equal(read_idx(path), images)
    ints = rng.integers(-1000, 1000, (3, 5))
    _write_idx(tmp_path / "i.idx", ints, code=0x0C)
    np.testing.assert_array_equal(read_idx(tmp_path / "i.idx"), ints)


def test_read_idx_rejects_bad_files(tmp_path):
    """Are a wrong magic number and a truncated body refused with a clear message?"""
    (tmp_path / "bad").write_bytes(b"\x01\x02\x08\x01\x00\x00\x00\x02ab")
    with pytest.raises(ValueError, match="magic"):
        read_idx(tmp_path / "bad")
    _write_idx(tmp_path / "short", np.zeros((4, 2), np.uint8))
    (tmp_path / "short").write_bytes((tmp_path / "short").read_bytes()[:-3])
    with pytest.raises(ValueError, match="header says"):
        read_idx(tmp_path / "short")


def test_mnist_reads_the_four_files(tmp_path):
    """Does mnist() scale pixels to [0, 1], flatten them and keep the labels aligned?"""
    rng = np.random.default_rng(2)
    sets = {"train": 6, "t10k": 3}
    truth = {}
    for prefix, n in sets.items():
        x = rng.integers(0, 256, (n, 28, 28)).astype(np.uint8)
        y = rng.integers(0, 10, n).astype(np.uint8)
        _write_idx(tmp_path / f"{prefix}-images-idx3-ubyte.gz", x, compress=True)
        _write_idx(tmp_path / f"{prefix}-labels-idx1-ubyte", y)
        truth[prefix] = (x, y)
    split = mnist(tmp_path)
    assert split.x_train.shape == (6, 784) and split.x_test.shape == (3, 784)
    np.testing.assert_allclose(split.x_train * 255, truth["train"][0].reshape(6, -1), atol=1e-4)
    np.testing.assert_array_equal(split.y_test, truth["t10k"][1])
    assert mnist(tmp_path, flatten=False).x_train.shape == (6, 28, 28)
    with pytest.raises(FileNotFoundError, match="IDX"):
        mnist(tmp_path / "nowhere")


def test_cifar10_reads_the_pickled_batches(tmp_path):
    """Does cifar10() read six batches into (n, 3, 32, 32) images in [0, 1] with their labels?"""
    rng = np.random.default_rng(3)
    written = {}
    for name in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]:
        data = rng.integers(0, 256, (4, 3072)).astype(np.uint8)
        labels = rng.integers(0, 10, 4).tolist()
        with open(tmp_path / name, "wb") as f:  # the batches are protocol-2 pickles
            pickle.dump({b"data": data, b"labels": labels, b"batch_label": b"x"}, f, protocol=2)
        written[name] = (data, labels)
    split = cifar10(tmp_path)
    assert split.x_train.shape == (20, 3, 32, 32) and split.x_test.shape == (4, 3, 32, 32)
    first = written["data_batch_1"][0][0]
    np.testing.assert_allclose(split.x_train[0, 0] * 255, first[:1024].reshape(32, 32), atol=1e-4)
    np.testing.assert_array_equal(split.y_train[16:], written["data_batch_5"][1])
    (tmp_path / "test_batch").unlink()
    with pytest.raises(FileNotFoundError, match="test_batch"):
        cifar10(tmp_path)


def test_data_dir_reads_the_environment(tmp_path, monkeypatch):
    """Does data_dir find $DIYPHD_DATA/name, and say what to download when it is missing?"""
    from diyphd.common.data import data_dir

    monkeypatch.setenv("DIYPHD_DATA", str(tmp_path))
    (tmp_path / "mnist").mkdir()
    assert data_dir("mnist") == tmp_path / "mnist"
    with pytest.raises(FileNotFoundError, match="download cifar-10-batches-py"):
        data_dir("cifar-10-batches-py")

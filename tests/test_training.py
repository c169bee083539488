"""The shared training helpers: models, random labels, the training loop."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from diyphd.common.training import History, accuracy, mlp, randomize_labels, train_classifier


def test_mlp_shapes_and_batchnorm():
    """Does mlp build the layers asked for, with BatchNorm only when asked?"""
    plain, bn = mlp(8, [16, 4], 3), mlp(8, [16, 4], 3, batchnorm=True)
    assert plain(torch.zeros(5, 8)).shape == (5, 3)
    assert not any(isinstance(m, torch.nn.BatchNorm1d) for m in plain)
    assert sum(isinstance(m, torch.nn.BatchNorm1d) for m in bn) == 2


def test_mlp_is_seeded():
    """Do two models with the same seed start from the same weights, and others differ?"""
    a, b, c = mlp(4, [8], 2, seed=1), mlp(4, [8], 2, seed=1), mlp(4, [8], 2, seed=2)
    assert torch.equal(a[0].weight, b[0].weight) and not torch.equal(a[0].weight, c[0].weight)


def test_randomize_labels_changes_only_the_fraction():
    """Are labels outside the chosen fraction untouched, and the input left alone?"""
    y = np.zeros(1000, dtype=int)
    out = randomize_labels(y, 0.3, 10, np.random.default_rng(0))
    assert (y == 0).all()
    # a random class equals the old one 1 time in 10, so about 27 % change
    assert 0.22 < (out != 0).mean() < 0.32
    assert (randomize_labels(y, 0.0, 10, np.random.default_rng(0)) == y).all()


def test_train_classifier_fits_separable_data_and_stops_early():
    """Does the loop fit two separable blobs, record history and stop at the target?"""
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.normal(-2, 0.5, (100, 2)), rng.normal(2, 0.5, (100, 2))])
    y = np.repeat([0, 1], 100)
    hist = train_classifier(mlp(2, [16], 2), x, y, x, y, epochs=50, stop_at_train_acc=1.0)
    assert hist.train_acc[-1] == 1.0 and len(hist.train_acc) < 50
    assert len(hist.test_acc) == len(hist.train_loss) == len(hist.train_acc)
    assert hist.epochs_to(1.0) == len(hist.train_acc)


def test_training_is_deterministic():
    """Do two runs with the same seeds give the same losses?"""
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((64, 3)), rng.integers(0, 2, 64)
    runs = [train_classifier(mlp(3, [8], 2, seed=3), x, y, epochs=3, seed=4) for _ in range(2)]
    assert runs[0].train_loss == runs[1].train_loss


def test_accuracy_and_epochs_to():
    """Is accuracy the fraction classified right, and epochs_to None when never reached?"""
    model = torch.nn.Linear(2, 2, bias=False)
    with torch.no_grad():
        model.weight.copy_(torch.eye(2))
    x = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    assert accuracy(model, x, torch.tensor([0, 1, 1])) == pytest.approx(2 / 3)
    assert History(train_acc=[0.1, 0.5]).epochs_to(0.9) is None


def test_fit_step_counts_optimisation_steps():
    """Is fit_step a step count no later than the epoch-level stop, and None when never fitted?"""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 5)).astype(np.float32)
    y = (x[:, 0] > 0).astype(int)
    kw = dict(epochs=50, batch_size=16, seed=0, stop_at_train_acc=0.95)
    fine = train_classifier(mlp(5, [16], 2, seed=0), x, y, check_every_step=True, **kw)
    coarse = train_classifier(mlp(5, [16], 2, seed=0), x, y, **kw)
    per_epoch = 4  # 60 points in batches of 16
    assert fine.fit_step is not None and fine.fit_step == fine.steps
    assert coarse.fit_step is None and coarse.steps == per_epoch * coarse.epochs_to(0.95)
    assert fine.fit_step <= coarse.steps
    frozen = train_classifier(
        mlp(5, [16], 2, seed=0), x, y, optimizer=lambda p: torch.optim.SGD(p, lr=0.0),
        check_every_step=True, **{**kw, "epochs": 3},
    )  # fmt: skip
    assert frozen.fit_step is None and frozen.steps == 3 * per_epoch


def test_fit_step_shortcut_for_full_accuracy_is_exact():
    """Does the perfect-batch shortcut for a target of 1 find the same step as a full check?"""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(40, 3)).astype(np.float32)
    y = (x[:, 0] + x[:, 1] > 0).astype(int)
    kw = dict(epochs=80, batch_size=8, seed=1, check_every_step=True)
    fast = train_classifier(mlp(3, [32], 2, seed=1), x, y, stop_at_train_acc=1.0, **kw)
    full = train_classifier(mlp(3, [32], 2, seed=1), x, y, stop_at_train_acc=1 - 1e-9, **kw)
    assert fast.fit_step is not None and fast.fit_step == full.fit_step

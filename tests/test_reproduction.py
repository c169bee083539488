"""diyphd.reproduction: the protocols of the reproductions run end to end at tiny sizes.

These tests exercise the ``paper``-scale code paths (transformer, wider sweeps) on a CPU in
seconds, so a GPU run only changes sizes, not code.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from diyphd.common.data import digits
from diyphd.common.repro import scale
from diyphd.common.training import mlp
from diyphd.reproduction.double_descent import rff_ridge_predictions, rff_test_errors
from diyphd.reproduction.grokking import EmbedMLP, TinyTransformer, modular_addition, train_grokking
from diyphd.reproduction.lottery_ticket import lottery_run, magnitude_masks


def test_scale_reads_the_environment(monkeypatch):
    """Does DIYPHD_SCALE override the notebook's default, and is a typo refused?"""
    monkeypatch.delenv("DIYPHD_SCALE", raising=False)
    assert scale("quick") == "quick"
    monkeypatch.setenv("DIYPHD_SCALE", "paper")
    assert scale("quick") == "paper"
    monkeypatch.setenv("DIYPHD_SCALE", "huge")
    with pytest.raises(ValueError):
        scale()


def test_rff_interpolates_past_the_threshold():
    """With N ≥ n features, does min-norm least squares fit the training set exactly?"""
    d = digits(standardize=False)
    x, y = d.x_train[:40], d.y_train[:40]
    res = rff_test_errors(x, y, d.x_test[:50], d.y_test[:50], [10, 200], bandwidth=3.0)
    assert res["train_sq"][0] > 0.1 and res["train_sq"][1] < 1e-8
    ridge = rff_test_errors(x, y, d.x_test[:50], d.y_test[:50], [200], 3.0, ridge=1e-2)
    assert ridge["norm"][0] < res["norm"][1] and ridge["train_sq"][0] > 1e-6


def test_modular_addition_split():
    """Are the labels (a + b) mod p and the split a partition of all p² pairs?"""
    data = modular_addition(7, 0.4)
    assert len(data["x_train"]) == 20 and len(data["x_test"]) == 29
    x = torch.cat([data["x_train"], data["x_test"]])
    assert len({tuple(r) for r in x.tolist()}) == 49
    assert torch.equal(data["y_train"], data["x_train"].sum(1) % 7)


@pytest.mark.parametrize("model", [EmbedMLP(7, 8, 16), TinyTransformer(7, 16, 1, 2)])
def test_grokking_models_train(model):
    """Do both grokking models (quick MLP, paper transformer) run and fit a tiny set?"""
    torch.set_num_threads(1)
    hist = train_grokking(
        model, modular_addition(7, 0.5), steps=100, lr=1e-2, weight_decay=0.1, eval_every=50
    )
    assert hist.steps == [0, 50, 100]
    assert hist.train_acc[-1] > hist.train_acc[0]
    assert hist.first_step("train", 2.0) is None


def test_magnitude_masks_remove_the_smallest():
    """Does one pruning round remove the requested share of the smallest weights?"""
    net = mlp(64, [20], 10, seed=0)
    masks = [torch.ones_like(m.weight) for m in net if isinstance(m, torch.nn.Linear)]
    new = magnitude_masks(net, masks, 0.5)
    assert new[0].sum() == 640 and new[1].sum() == 150  # output layer at half the rate
    kept, dropped = net[0].weight.abs()[new[0].bool()], net[0].weight.abs()[~new[0].bool()]
    assert kept.min() >= dropped.max()


def test_lottery_run_tiny():
    """Does iterative pruning run, with a ticket and a re-init per round after the first?"""
    d = digits()
    rows = lottery_run(
        d.x_train[:200],
        d.y_train[:200],
        d.x_test[:100],
        d.y_test[:100],
        seed=0,
        widths=[16],
        rounds=2,
        rate=0.5,
        epochs=2,
    )
    assert [(r["round"], r["kind"]) for r in rows] == [
        (0, "ticket"),
        (1, "ticket"),
        (1, "reinit"),
        (2, "ticket"),
        (2, "reinit"),
    ]
    left = [r["weights_left"] for r in rows]
    assert left[0] == 1.0 and left[1] == left[2] and 0.2 < left[3] < 0.3
    assert all(1 <= r["best_epoch"] <= 2 for r in rows)


def test_lottery_run_takes_any_input_width():
    """Does lottery_run build its network for the data's width (784 for MNIST), not only 64?"""
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(40, 12)), rng.integers(0, 10, 40)
    rows = lottery_run(x, y, x, y, seed=0, widths=[8], rounds=1, rate=0.5, epochs=1)
    assert len(rows) == 3 and rows[1]["weights_left"] < 1.0
    assert all(0 <= r["test_acc"] <= 1 for r in rows)
    assert np.isfinite([r["test_acc"] for r in rows]).all()


def test_ridge_predictions_agree_with_the_error_sweep():
    """Do the shared-feature predictions match rff_test_errors for the same seed?"""
    d = digits(standardize=False)
    x, y, xt, yt = d.x_train[:40], d.y_train[:40], d.x_test[:30], d.y_test[:30]
    pred = rff_ridge_predictions(x, y, xt, [20, 80], 3.0, [0.0, 1e-3], seed=4)
    assert pred.shape == (2, 2, 30, 10)
    for j, lam in enumerate([0.0, 1e-3]):
        ref = rff_test_errors(x, y, xt, yt, [20, 80], 3.0, ridge=lam, seed=4)["zero_one"]
        assert np.allclose((pred[:, j].argmax(-1) != yt).mean(1), ref)

"""Lottery tickets by iterative magnitude pruning (Frankle & Carbin 2019).

Introduced in ``notebooks/reproduction/06_lottery_ticket``; tested at tiny sizes in
``tests/test_reproduction.py``.
"""

from __future__ import annotations

import copy

import numpy as np
import torch
from torch import nn
from torch.nn.utils import prune

from diyphd.common.training import mlp, train_classifier


def _linears(model: nn.Module) -> list[nn.Linear]:
    return [m for m in model.modules() if isinstance(m, nn.Linear)]


def magnitude_masks(
    model: nn.Module, masks: list[torch.Tensor], rate: float, output_rate: float | None = None
) -> list[torch.Tensor]:
    """Remove the fraction ``rate`` of each layer's surviving weights of smallest magnitude.

    The output layer is pruned at ``output_rate`` (default ``rate / 2``), as Frankle & Carbin
    (2019) do for LeNet-300-100.
    """
    layers = _linears(model)
    new = []
    for i, (layer, mask) in enumerate(zip(layers, masks, strict=True)):
        q = rate if i < len(layers) - 1 else (rate / 2 if output_rate is None else output_rate)
        alive = layer.weight.detach().abs()[mask.bool()]
        k = int(q * alive.numel())
        if k == 0:
            new.append(mask.clone())
            continue
        threshold = alive.sort().values[k]
        new.append(((layer.weight.detach().abs() >= threshold) & mask.bool()).float())
    return new


def _masked_mlp(
    d_in: int, widths: list[int], seed: int, masks: list[torch.Tensor] | None
) -> nn.Module:
    net = mlp(d_in, widths, 10, seed=seed)
    if masks is not None:
        for layer, mask in zip(_linears(net), masks, strict=True):
            prune.custom_from_mask(layer, "weight", mask)
    return net


def lottery_run(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_test: np.ndarray,
    y_test: np.ndarray,
    seed: int,
    widths: list[int],
    rounds: int,
    rate: float = 0.3,
    epochs: int = 15,
    lr: float = 1.2e-3,
    batch_size: int = 64,
    device: str = "cpu",
) -> list[dict]:
    """Iterative magnitude pruning with rewinding to the original init, and random re-init.

    Round 0 trains the dense net from init ``θ₀`` (seed ``seed``). Each later round prunes
    ``rate`` of the surviving weights of the last *ticket* by magnitude, then trains (a) the
    ticket, the mask applied to ``θ₀``, and (b) the same mask on a fresh random init. Returns
    one row per trained network: round, kind, fraction of weights left, final test accuracy,
    and ``best_epoch``, the first epoch of highest test accuracy (our stand-in for the paper's
    early-stopping iteration, the iteration of minimum validation loss).
    """
    opt = lambda p: torch.optim.Adam(p, lr=lr)  # noqa: E731 - Frankle & Carbin's optimizer
    dense = _masked_mlp(x_train.shape[1], widths, seed, None)
    masks = [torch.ones_like(layer.weight) for layer in _linears(dense)]
    rows, trained = [], None
    for r in range(rounds + 1):
        if r > 0:
            masks = magnitude_masks(trained, masks, rate)
        left = float(sum(m.sum() for m in masks) / sum(m.numel() for m in masks))
        kinds = [("ticket", seed)] + ([("reinit", 10_000 + seed)] if r > 0 else [])
        for kind, init_seed in kinds:
            net = _masked_mlp(x_train.shape[1], widths, init_seed, masks)
            hist = train_classifier(
                net, x_train, y_train, x_test, y_test, epochs=epochs,
                batch_size=batch_size, optimizer=opt, seed=seed, device=device,
            )  # fmt: skip
            rows.append(
                {"seed": seed, "round": r, "kind": kind, "weights_left": left,
                 "test_acc": hist.test_acc[-1],
                 "best_epoch": int(np.argmax(hist.test_acc)) + 1}
            )  # fmt: skip
            if kind == "ticket":
                trained = copy.deepcopy(net)
    return rows

"""Small torch models and a training loop shared by the generalization and reproduction themes.

Introduced in the generalization theme (memorization) and reused by the reproductions (random
labels, lottery tickets). Everything is sized for a 2-core CPU; pass ``device="cuda"`` for the
``paper`` scale runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn


def mlp(
    d_in: int, widths: list[int], d_out: int, seed: int = 0, batchnorm: bool = False
) -> nn.Sequential:
    """A ReLU multilayer perceptron ``d_in → widths… → d_out`` with seeded initialisation.

    ``batchnorm=True`` puts a BatchNorm1d layer before each ReLU (Ioffe & Szegedy 2015).
    """
    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    sizes = [d_in, *widths]
    for a, b in zip(sizes[:-1], sizes[1:], strict=True):
        layers += [nn.Linear(a, b), *([nn.BatchNorm1d(b)] if batchnorm else []), nn.ReLU()]
    layers.append(nn.Linear(sizes[-1], d_out))
    return nn.Sequential(*layers)


def randomize_labels(
    y: np.ndarray, fraction: float, n_classes: int, rng: np.random.Generator
) -> np.ndarray:
    """Replace a ``fraction`` of the labels by uniformly random classes (Zhang et al. 2017)."""
    y = np.array(y, copy=True)
    idx = rng.choice(len(y), size=int(round(fraction * len(y))), replace=False)
    y[idx] = rng.integers(0, n_classes, size=len(idx))
    return y


@torch.no_grad()
def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """Fraction of ``x`` that ``model`` classifies as ``y``."""
    model.eval()
    return float((model(x).argmax(1) == y).float().mean())


@dataclass
class History:
    """Per-epoch training record."""

    train_loss: list[float] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    test_acc: list[float] = field(default_factory=list)
    steps: int = 0
    fit_step: int | None = None

    def epochs_to(self, target: float) -> int | None:
        """First epoch (1-based) whose training accuracy reaches ``target``, else None."""
        return next((i + 1 for i, a in enumerate(self.train_acc) if a >= target), None)

    # ``steps``: optimisation steps taken; ``fit_step``: the first step after which the training
    # accuracy reached ``stop_at_train_acc``, when ``train_classifier`` checked it every step.


def train_classifier(
    model: nn.Module,
    x_train: np.ndarray | torch.Tensor,
    y_train: np.ndarray | torch.Tensor,
    x_test: np.ndarray | torch.Tensor | None = None,
    y_test: np.ndarray | torch.Tensor | None = None,
    *,
    epochs: int = 100,
    batch_size: int | None = 128,
    optimizer: Callable[[list], torch.optim.Optimizer] | None = None,
    seed: int = 0,
    stop_at_train_acc: float | None = None,
    check_every_step: bool = False,
    device: str = "cpu",
) -> History:
    """Train with cross-entropy; ``batch_size=None`` means full batch. Returns the history.

    ``optimizer`` maps the parameter list to an optimizer (default SGD, lr 0.1, momentum 0.9).
    Training stops early once the training accuracy reaches ``stop_at_train_acc``: checked at
    the end of each epoch, or after every optimisation step with ``check_every_step=True``,
    which records the step count in ``History.fit_step`` (a finer clock than epochs).
    """

    def tensor(a, dtype):
        return torch.as_tensor(a, dtype=dtype, device=device)

    xtr, ytr = tensor(x_train, torch.float32), tensor(y_train, torch.long)
    xte = None if x_test is None else tensor(x_test, torch.float32)
    yte = None if y_test is None else tensor(y_test, torch.long)
    model.to(device)
    opt = (optimizer or (lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)))(
        list(model.parameters())
    )
    gen = torch.Generator().manual_seed(seed)
    n = len(xtr)
    bs = n if batch_size is None else batch_size
    hist = History()
    check = check_every_step and stop_at_train_acc is not None
    for _ in range(epochs):
        model.train()
        order = torch.randperm(n, generator=gen).to(device)
        total, seen = 0.0, 0
        for start in range(0, n, bs):
            idx = order[start : start + bs]
            opt.zero_grad()
            logits = model(xtr[idx])
            if check and _reached(model, xtr, ytr, logits, ytr[idx], stop_at_train_acc):
                hist.fit_step = hist.steps  # reached before this step's update
                break
            loss = nn.functional.cross_entropy(logits, ytr[idx])
            loss.backward()
            opt.step()
            hist.steps += 1
            total, seen = total + loss.item() * len(idx), seen + len(idx)
        hist.train_loss.append(total / max(seen, 1))
        hist.train_acc.append(accuracy(model, xtr, ytr))
        if check and hist.fit_step is None and hist.train_acc[-1] >= stop_at_train_acc:
            hist.fit_step = hist.steps
        if xte is not None:
            hist.test_acc.append(accuracy(model, xte, yte))
        if stop_at_train_acc is not None and hist.train_acc[-1] >= stop_at_train_acc:
            break
    return hist


def _reached(model, x, y, batch_logits, batch_y, target) -> bool:
    """Whether the training accuracy has reached ``target`` (checked before an update).

    For ``target = 1`` a batch with one error proves the answer is no, so the full training
    set is evaluated only when the batch is perfect: exact, and far cheaper.
    """
    if target >= 1.0 and not bool((batch_logits.argmax(1) == batch_y).all()):
        return False
    reached = accuracy(model, x, y) >= target
    model.train()
    return reached

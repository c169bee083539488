"""Models and protocols of the four reproductions, at a ``quick`` (CPU, CI) or ``paper`` scale.

Used by ``notebooks/reproduction/03``–``06`` and tested with tiny sizes in
``tests/test_reproduce.py`` (so the ``paper`` code path runs in CI too):

- :func:`scale` reads the ``SCALE`` of a notebook, overridden by the env var ``DIYPHD_SCALE``;
- random Fourier features and minimum-norm least squares (Belkin et al. 2019; Rahimi & Recht
  2007): :func:`rff_features`, :func:`rff_test_errors`,
  :func:`rff_ridge_predictions`;
- grokking on modular addition (Power et al. 2022): :func:`modular_addition`,
  :class:`EmbedMLP`, :class:`TinyTransformer`, :func:`train_grokking`;
- lottery tickets by iterative magnitude pruning (Frankle & Carbin 2019): :func:`lottery_run`.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn
from torch.nn.utils import prune

from diyphd.training import mlp, train_classifier

SCALES = ("quick", "paper")


def scale(default: str = "quick") -> str:
    """The run's scale: ``DIYPHD_SCALE`` if set, else ``default`` (a notebook's parameter)."""
    value = os.environ.get("DIYPHD_SCALE", default).strip().lower()
    if value not in SCALES:
        raise ValueError(f"SCALE must be one of {SCALES}, not {value!r}")
    return value


# --- random Fourier features (04_double_descent_rff) -------------------------------------------


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


# --- grokking (05_grokking) ----------------------------------------------------------------------


def modular_addition(p: int, train_fraction: float, seed: int = 0) -> dict[str, torch.Tensor]:
    """All pairs ``(a, b)`` with label ``(a + b) mod p``, split at random into train and test."""
    a, b = torch.meshgrid(torch.arange(p), torch.arange(p), indexing="ij")
    a, b = a.flatten(), b.flatten()
    y = (a + b) % p
    perm = torch.randperm(p * p, generator=torch.Generator().manual_seed(seed))
    n_train = int(round(train_fraction * p * p))
    tr, te = perm[:n_train], perm[n_train:]
    x = torch.stack([a, b], 1)
    return {"x_train": x[tr], "y_train": y[tr], "x_test": x[te], "y_test": y[te]}


class EmbedMLP(nn.Module):
    """Embed each operand, concatenate, one hidden ReLU layer: the quick-scale grokking model."""

    def __init__(self, p: int, d_embed: int = 64, hidden: int = 256) -> None:
        super().__init__()
        self.embed = nn.Embedding(p, d_embed)
        self.net = nn.Sequential(nn.Linear(2 * d_embed, hidden), nn.ReLU(), nn.Linear(hidden, p))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(self.embed(x).flatten(1))


class TinyTransformer(nn.Module):
    """A decoder-style transformer on the sequence ``a, b, =`` read at ``=`` (paper scale).

    Power et al. (2022) used 2 layers, width 128, 4 heads; those are the defaults here.
    """

    def __init__(self, p: int, d_model: int = 128, n_layers: int = 2, n_heads: int = 4) -> None:
        super().__init__()
        self.tok = nn.Embedding(p + 1, d_model)  # token p is "="
        self.pos = nn.Parameter(torch.randn(3, d_model) * 0.02)
        layer = nn.TransformerEncoderLayer(
            d_model, n_heads, 4 * d_model, dropout=0.0, batch_first=True, norm_first=True
        )
        self.blocks = nn.TransformerEncoder(layer, n_layers, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, p)
        self.p = p
        self.register_buffer("causal", nn.Transformer.generate_square_subsequent_mask(3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        eq = torch.full((x.shape[0], 1), self.p, dtype=x.dtype, device=x.device)
        h = self.tok(torch.cat([x, eq], 1)) + self.pos
        return self.head(self.blocks(h, mask=self.causal, is_causal=True)[:, -1])


@dataclass
class GrokHistory:
    """Accuracies every ``eval_every`` steps of a grokking run."""

    steps: list[int] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    test_acc: list[float] = field(default_factory=list)

    def first_step(self, which: str, target: float) -> int | None:
        """First recorded step at which ``train``/``test`` accuracy reaches ``target``."""
        accs = self.train_acc if which == "train" else self.test_acc
        return next((s for s, a in zip(self.steps, accs, strict=True) if a >= target), None)


def train_grokking(
    model: nn.Module,
    data: dict[str, torch.Tensor],
    steps: int,
    lr: float = 1e-2,
    weight_decay: float = 1.0,
    eval_every: int = 50,
    seed: int = 0,
    device: str = "cpu",
) -> GrokHistory:
    """Full-batch AdamW (β = 0.9, 0.98) on cross-entropy; records train and test accuracy."""
    torch.manual_seed(seed)
    model.to(device)
    d = {k: v.to(device) for k, v in data.items()}
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay, betas=(0.9, 0.98))
    hist = GrokHistory()
    for step in range(steps + 1):
        model.train()
        logits = model(d["x_train"])
        if step % eval_every == 0 or step == steps:
            with torch.no_grad():
                model.eval()
                hist.steps.append(step)
                hist.train_acc.append(float((logits.argmax(1) == d["y_train"]).float().mean()))
                test_pred = model(d["x_test"]).argmax(1)
                hist.test_acc.append(float((test_pred == d["y_test"]).float().mean()))
        if step == steps:
            break
        opt.zero_grad()
        nn.functional.cross_entropy(logits, d["y_train"]).backward()
        opt.step()
    return hist


# --- lottery tickets (06_lottery_ticket) ---------------------------------------------------------


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


def _masked_mlp(widths: list[int], seed: int, masks: list[torch.Tensor] | None) -> nn.Module:
    net = mlp(64, widths, 10, seed=seed)
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
    one row per trained network: round, kind, fraction of weights left, final test accuracy.
    """
    opt = lambda p: torch.optim.Adam(p, lr=lr)  # noqa: E731 - Frankle & Carbin's optimizer
    dense = _masked_mlp(widths, seed, None)
    masks = [torch.ones_like(layer.weight) for layer in _linears(dense)]
    rows, trained = [], None
    for r in range(rounds + 1):
        if r > 0:
            masks = magnitude_masks(trained, masks, rate)
        left = float(sum(m.sum() for m in masks) / sum(m.numel() for m in masks))
        kinds = [("ticket", seed)] + ([("reinit", 10_000 + seed)] if r > 0 else [])
        for kind, init_seed in kinds:
            net = _masked_mlp(widths, init_seed, masks)
            hist = train_classifier(
                net, x_train, y_train, x_test, y_test, epochs=epochs,
                batch_size=batch_size, optimizer=opt, seed=seed, device=device,
            )  # fmt: skip
            rows.append(
                {"seed": seed, "round": r, "kind": kind, "weights_left": left,
                 "test_acc": hist.test_acc[-1]}
            )  # fmt: skip
            if kind == "ticket":
                trained = copy.deepcopy(net)
    return rows

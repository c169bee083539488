"""Grokking on modular addition (Power et al. 2022): the data, two small models, the training loop.

Introduced in ``notebooks/reproduction/05_grokking``; tested at tiny sizes in
``tests/test_reproduction.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import nn


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

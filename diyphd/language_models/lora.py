"""LoRA (Hu et al. 2021): a frozen weight ``W₀`` plus a trainable low-rank update ``(α/r) B A``.

Introduced in ``notebooks/language_models/06_finetuning_preferences.ipynb``. ``A`` (``r × in``)
starts Gaussian and ``B`` (``out × r``) at zero, so the adapted model starts equal to the base
model; :func:`merge_lora` folds the update into plain ``nn.Linear`` layers for inference.
"""

from __future__ import annotations

import math

import torch
from torch import nn


class LoRALinear(nn.Module):
    """``base(x) + (α/r) · x Aᵀ Bᵀ`` with ``base`` frozen."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float | None = None) -> None:
        super().__init__()
        if rank < 1:
            raise ValueError(f"LoRA rank must be >= 1, got {rank}")
        self.base, self.rank = base, rank
        self.scaling = (alpha if alpha is not None else rank) / rank
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.A = nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
        self.B = nn.Parameter(torch.zeros(base.out_features, rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.A.T @ self.B.T) * self.scaling

    @torch.no_grad()
    def merged(self) -> nn.Linear:
        """A plain ``nn.Linear`` with weight ``W₀ + (α/r) B A``."""
        out = nn.Linear(
            self.base.in_features, self.base.out_features, bias=self.base.bias is not None
        )
        out.weight.copy_(self.base.weight + self.scaling * self.B @ self.A)
        if self.base.bias is not None:
            out.bias.copy_(self.base.bias)
        return out.to(self.base.weight.dtype)


def lora_parameters(d_in: int, d_out: int, rank: int) -> int:
    """Trainable parameters of one adapted matrix: ``r (d_in + d_out)``."""
    return rank * (d_in + d_out)


def apply_lora(
    model: nn.Module,
    rank: int,
    alpha: float | None = None,
    targets: tuple[str, ...] = ("qkv", "proj"),
) -> nn.Module:
    """Freeze ``model`` and wrap every ``nn.Linear`` whose name ends in ``targets``, in place."""
    for p in model.parameters():
        p.requires_grad_(False)
    for module in list(model.modules()):
        for child_name, child in list(module.named_children()):
            if isinstance(child, nn.Linear) and child_name in targets:
                setattr(module, child_name, LoRALinear(child, rank, alpha))
    return model


def merge_lora(model: nn.Module) -> nn.Module:
    """Replace every :class:`LoRALinear` by its merged ``nn.Linear``, in place."""
    for module in list(model.modules()):
        for child_name, child in list(module.named_children()):
            if isinstance(child, LoRALinear):
                setattr(module, child_name, child.merged())
    return model

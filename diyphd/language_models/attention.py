"""Scaled dot-product attention, the causal mask, multi-head attention, positional encodings.

Introduced in ``notebooks/language_models/01_attention_transformer.ipynb``; checked against
``torch.nn.functional.scaled_dot_product_attention`` and ``torch.nn.MultiheadAttention`` in
``tests/test_language_models_attention.py``. Masks follow torch's convention: ``True`` marks a
key the query may attend to.
"""

from __future__ import annotations

import math

import torch
from torch import nn


def causal_mask(t: int, device: str | torch.device | None = None) -> torch.Tensor:
    """The ``(t, t)`` boolean mask that lets position ``i`` attend to positions ``j ≤ i``."""
    return torch.ones(t, t, dtype=torch.bool, device=device).tril()


def scaled_dot_product_attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    mask: torch.Tensor | None = None,
    causal: bool = False,
    return_weights: bool = False,
):
    """``softmax(q kᵀ / √d_k + mask) v`` over the last two axes (``(..., T, d)`` tensors).

    ``mask`` is boolean (``True`` = may attend) and broadcasts to ``(..., T_q, T_k)``;
    ``causal`` adds the lower-triangular mask. Returns the output, and the weights too when
    ``return_weights``.
    """
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if causal:
        allowed = causal_mask(q.shape[-2], q.device)[:, : k.shape[-2]]
        mask = allowed if mask is None else mask & allowed
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    out = weights @ v
    return (out, weights) if return_weights else out


def sinusoidal_positions(t: int, d: int) -> torch.Tensor:
    """Vaswani et al.'s encoding: ``PE[p, 2i] = sin(p / 10000^(2i/d))``, ``PE[p, 2i+1] = cos``."""
    if d % 2:
        raise ValueError(f"d must be even for sinusoidal positions, got {d}")
    pos = torch.arange(t, dtype=torch.float64)[:, None]
    freq = 10000.0 ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    pe = torch.zeros(t, d, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq)
    return pe.float()


class MultiHeadAttention(nn.Module):
    """Multi-head self-attention: one fused ``qkv`` projection, ``n_heads`` heads, ``proj`` out.

    ``head_mask`` (ones by default) scales each head's output, so a head is ablated by setting
    its entry to 0; the last attention weights are kept in ``last_weights`` (``(B, H, T, T)``).
    """

    def __init__(self, d_model: int, n_heads: int, bias: bool = True) -> None:
        super().__init__()
        if d_model % n_heads:
            raise ValueError(f"d_model {d_model} is not divisible by n_heads {n_heads}")
        self.d_model, self.n_heads, self.d_head = d_model, n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model, bias=bias)
        self.proj = nn.Linear(d_model, d_model, bias=bias)
        self.register_buffer("head_mask", torch.ones(n_heads), persistent=False)
        self.last_weights: torch.Tensor | None = None

    def forward(
        self, x: torch.Tensor, causal: bool = True, mask: torch.Tensor | None = None
    ) -> torch.Tensor:
        b, t, _ = x.shape
        q, k, v = self.qkv(x).split(self.d_model, dim=-1)
        q, k, v = (z.view(b, t, self.n_heads, self.d_head).transpose(1, 2) for z in (q, k, v))
        out, weights = scaled_dot_product_attention(q, k, v, mask, causal, return_weights=True)
        self.last_weights = weights.detach()
        out = out * self.head_mask.view(1, -1, 1, 1).to(out.dtype)
        return self.proj(out.transpose(1, 2).reshape(b, t, self.d_model))

    @torch.no_grad()
    def load_torch(self, mha: nn.MultiheadAttention) -> MultiHeadAttention:
        """Copy the weights of a ``torch.nn.MultiheadAttention`` of the same size."""
        self.qkv.weight.copy_(mha.in_proj_weight)
        self.proj.weight.copy_(mha.out_proj.weight)
        if self.qkv.bias is not None:
            self.qkv.bias.copy_(mha.in_proj_bias)
            self.proj.bias.copy_(mha.out_proj.bias)
        return self

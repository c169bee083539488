"""Induction heads (Olsson et al. 2022) in small attention-only transformers.

Introduced in ``notebooks/language_models/04_in_context_learning.ipynb``; the reproduction
``07_induction_heads_reproduction.ipynb`` reuses it. The data are random tokens in which one
segment occurs twice at random places: a model can predict the second occurrence only by
looking back at the first (the offset varies, so position alone cannot do it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from diyphd.language_models.gpt import GPT, token_losses


@dataclass
class RepeatBatch:
    """Token sequences ``x`` and a boolean ``repeat`` mask of the positions whose next token
    is predictable from an earlier occurrence (inside the second copy of the segment)."""

    x: torch.Tensor
    repeat: torch.Tensor


def repeated_segments(
    n: int, length: int, segment: int, vocab_size: int, rng: np.random.Generator
) -> RepeatBatch:
    """``n`` sequences of uniform random tokens with one ``segment``-token span copied later."""
    if 2 * segment > length:
        raise ValueError("two copies of the segment must fit in the sequence")
    x = rng.integers(0, vocab_size, size=(n, length))
    repeat = np.zeros((n, length), dtype=bool)
    for i in range(n):
        a = rng.integers(0, length - 2 * segment + 1)
        b = rng.integers(a + segment, length - segment + 1)
        x[i, b : b + segment] = x[i, a : a + segment]
        repeat[i, b : b + segment - 1] = True  # predicting tokens b+1 .. b+segment-1
    return RepeatBatch(torch.as_tensor(x), torch.as_tensor(repeat))


def _device(model: GPT) -> torch.device:
    """The device of the model's parameters: batches made on the CPU go there."""
    return next(model.parameters()).device


@torch.no_grad()
def in_context_losses(model: GPT, batch: RepeatBatch) -> tuple[float, float]:
    """Mean loss on the repeated positions and on the others (where log V is the best)."""
    dev = _device(model)
    loss = token_losses(model, batch.x.to(dev))
    rep = batch.repeat[:, :-1].to(dev)
    return float(loss[rep].mean()), float(loss[~rep].mean())


def repeated_sequence(n: int, half: int, vocab_size: int, rng: np.random.Generator):
    """``n`` sequences ``[s, s]`` of a random ``half``-token sequence repeated: the probe of
    prefix matching."""
    s = rng.integers(0, vocab_size, size=(n, half))
    return torch.as_tensor(np.concatenate([s, s], axis=1))


@torch.no_grad()
def prefix_matching_scores(model: GPT, x: torch.Tensor) -> np.ndarray:
    """Per head (``layers × heads``): mean attention from a token of the second copy to the
    token just after its earlier occurrence, on ``x = [s, s]``."""
    half = x.shape[1] // 2
    model(x.to(_device(model)))
    t = torch.arange(half, 2 * half)
    scores = []
    for block in model.blocks:
        w = block.attn.last_weights.cpu()  # (B, H, T, T)
        scores.append(w[:, :, t, t - half + 1].mean(dim=(0, 2)).numpy())
    return np.stack(scores)


@torch.no_grad()
def previous_token_scores(model: GPT, x: torch.Tensor) -> np.ndarray:
    """Per head: mean attention from each position to the one before it."""
    model(x.to(_device(model)))
    t = torch.arange(1, x.shape[1])
    return np.stack(
        [b.attn.last_weights.cpu()[:, :, t, t - 1].mean(dim=(0, 2)).numpy() for b in model.blocks]
    )


@torch.no_grad()
def duplicate_token_scores(model: GPT, x: torch.Tensor) -> np.ndarray:
    """Per head: mean attention from a token of the second copy to its own earlier occurrence,
    on ``x = [s, s]``."""
    half = x.shape[1] // 2
    model(x.to(_device(model)))
    t = torch.arange(half, 2 * half)
    return np.stack(
        [
            b.attn.last_weights.cpu()[:, :, t, t - half].mean(dim=(0, 2)).numpy()
            for b in model.blocks
        ]
    )


@torch.no_grad()
def copying_scores(model: GPT) -> np.ndarray:
    """Per head: ``Σλ / Σ|λ|`` over the eigenvalues of its OV circuit ``W_U W_O W_V W_E``.

    Near 1 when the head, attending to a token, raises that same token's logit (Elhage et al.
    2021's copying measure, for models without layer norm).
    """
    w_e = model.tok.weight.T  # (d, V)
    w_u = model.head.weight  # (V, d)
    out = []
    for block in model.blocks:
        attn = block.attn
        dh = attn.d_head
        w_v_all = attn.qkv.weight[2 * attn.d_model :]  # (d, d), rows = heads' value dims
        row = []
        for h in range(attn.n_heads):
            w_v = w_v_all[h * dh : (h + 1) * dh]  # (dh, d)
            w_o = attn.proj.weight[:, h * dh : (h + 1) * dh]  # (d, dh)
            eig = torch.linalg.eigvals((w_u @ w_o @ w_v @ w_e).double())
            row.append(float(eig.real.sum() / eig.abs().sum()))
        out.append(row)
    return np.array(out)


@dataclass
class InductionHistory:
    """Training curve of an induction run."""

    steps: list[int] = field(default_factory=list)
    repeat_loss: list[float] = field(default_factory=list)
    other_loss: list[float] = field(default_factory=list)
    prefix_max: list[float] = field(default_factory=list)

    def first_step_below(self, threshold: float) -> int | None:
        """The first recorded step whose loss on repeated tokens is below ``threshold``."""
        pairs = zip(self.steps, self.repeat_loss, strict=True)
        return next((s for s, v in pairs if v < threshold), None)

    def first_step_prefix(self, threshold: float) -> int | None:
        """The first recorded step whose highest layer-2 prefix-matching score exceeds it."""
        pairs = zip(self.steps, self.prefix_max, strict=True)
        return next((s for s, v in pairs if v > threshold), None)


def train_induction(
    model: GPT,
    steps: int,
    segment: int,
    batch_size: int = 32,
    lr: float = 1e-3,
    eval_every: int = 25,
    seed: int = 0,
) -> InductionHistory:
    """Train on fresh :func:`repeated_segments` batches; track losses and prefix matching."""
    cfg = model.cfg
    rng = np.random.default_rng(seed)
    probe_rng = np.random.default_rng(seed + 10_000)
    probe = repeated_segments(256, cfg.block_size + 1, segment, cfg.vocab_size, probe_rng)
    prefix_probe = repeated_sequence(64, cfg.block_size // 2, cfg.vocab_size, probe_rng)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    hist = InductionHistory()
    for step in range(steps + 1):
        if step % eval_every == 0:
            rep, other = in_context_losses(model, probe)
            hist.steps.append(step)
            hist.repeat_loss.append(rep)
            hist.other_loss.append(other)
            hist.prefix_max.append(float(prefix_matching_scores(model, prefix_probe)[-1].max()))
        if step == steps:
            break
        batch = repeated_segments(batch_size, cfg.block_size + 1, segment, cfg.vocab_size, rng)
        loss = token_losses(model, batch.x.to(_device(model))).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    return hist

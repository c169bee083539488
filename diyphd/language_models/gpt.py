"""A tiny GPT: pre-LayerNorm blocks, parameter and FLOP counts, training and sampling.

Introduced in ``notebooks/language_models/01_attention_transformer.ipynb`` (the block, the
counts) and ``02_tokenization_language_modelling.ipynb`` (training, sampling); the attention-only
variant (``mlp=False, layer_norm=False``) is the model of lesson 4 and the reproduction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from diyphd.language_models.attention import MultiHeadAttention, sinusoidal_positions

POSITIONS = ("learned", "sinusoidal", "none")


@dataclass
class GPTConfig:
    """Sizes of a :class:`GPT`; ``d_mlp`` defaults to ``4 * d_model``."""

    vocab_size: int
    block_size: int
    d_model: int = 64
    n_layers: int = 2
    n_heads: int = 4
    d_mlp: int | None = None
    positions: str = "learned"
    mlp: bool = True
    layer_norm: bool = True

    def __post_init__(self) -> None:
        if self.positions not in POSITIONS:
            raise ValueError(f"positions must be one of {POSITIONS}, not {self.positions!r}")
        if self.d_mlp is None:
            self.d_mlp = 4 * self.d_model


class Block(nn.Module):
    """A pre-LayerNorm residual block: ``x + attn(ln(x))``, then ``x + mlp(ln(x))``."""

    def __init__(self, cfg: GPTConfig) -> None:
        super().__init__()
        norm = (lambda: nn.LayerNorm(cfg.d_model)) if cfg.layer_norm else nn.Identity
        self.ln1, self.attn = norm(), MultiHeadAttention(cfg.d_model, cfg.n_heads)
        self.ln2 = norm() if cfg.mlp else nn.Identity()
        self.mlp = (
            nn.Sequential(
                nn.Linear(cfg.d_model, cfg.d_mlp), nn.GELU(), nn.Linear(cfg.d_mlp, cfg.d_model)
            )
            if cfg.mlp
            else None
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln1(x))
        if self.mlp is not None:
            x = x + self.mlp(self.ln2(x))
        return x


class GPT(nn.Module):
    """Token and position embeddings, ``n_layers`` blocks, a final norm and an unembedding."""

    def __init__(self, cfg: GPTConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.tok = nn.Embedding(cfg.vocab_size, cfg.d_model)
        if cfg.positions == "learned":
            self.pos = nn.Embedding(cfg.block_size, cfg.d_model)
        else:
            pe = sinusoidal_positions(cfg.block_size, cfg.d_model)
            self.register_buffer("pe", pe if cfg.positions == "sinusoidal" else 0 * pe)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layers))
        self.ln_f = nn.LayerNorm(cfg.d_model) if cfg.layer_norm else nn.Identity()
        self.head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)

    def forward(self, idx: torch.Tensor, targets: torch.Tensor | None = None):
        """Logits ``(B, T, V)``; with ``targets``, also the mean cross-entropy in nats."""
        t = idx.shape[1]
        if t > self.cfg.block_size:
            raise ValueError(f"sequence of length {t} exceeds block_size {self.cfg.block_size}")
        pos = self.pos.weight[:t] if self.cfg.positions == "learned" else self.pe[:t]
        x = self.tok(idx) + pos
        for block in self.blocks:
            x = block(x)
        logits = self.head(self.ln_f(x))
        if targets is None:
            return logits
        return logits, F.cross_entropy(logits.flatten(0, 1), targets.flatten())


def count_parameters(module: nn.Module, trainable_only: bool = False) -> int:
    """The number of parameters (of those that require a gradient, if ``trainable_only``)."""
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)


def block_parameters(d_model: int, d_mlp: int, mlp: bool = True, layer_norm: bool = True) -> int:
    """Exact parameter count of one :class:`Block`: attention ``4d² + 4d``, MLP, two norms."""
    d = d_model
    n = 4 * d * d + 4 * d
    if mlp:
        n += 2 * d * d_mlp + d_mlp + d
    if layer_norm:
        n += 2 * d * (2 if mlp else 1)
    return n


def non_embedding_matmul_parameters(cfg: GPTConfig) -> int:
    """Kaplan et al.'s ``N``: the weight matrices of the blocks, ``n_layers (4d² + 2 d d_mlp)``."""
    d = cfg.d_model
    return cfg.n_layers * (4 * d * d + (2 * d * cfg.d_mlp if cfg.mlp else 0))


def training_flops_per_token(cfg: GPTConfig, t: int) -> int:
    """Matmul FLOPs of one training step per token on sequences of length ``t``.

    Forward: ``2N`` for the block weights, ``4 n_layers t d`` for ``q kᵀ`` and ``weights · v``
    over the full context (a dense matmul computes the masked entries too), ``2 d V`` for the
    unembedding. Backward costs twice the forward (a gradient for each matmul input), so the
    total is ``6 (N + 2 n_layers t d + d V)``, which tends to ``6N`` when ``d ≫ t, V``.
    """
    n = non_embedding_matmul_parameters(cfg)
    return 6 * (n + 2 * cfg.n_layers * t * cfg.d_model + cfg.d_model * cfg.vocab_size)


def measured_training_flops(model: GPT, idx: torch.Tensor, targets: torch.Tensor) -> int:
    """FLOPs of one forward and backward pass, counted by ``torch.utils.flop_counter``."""
    from torch.utils.flop_counter import FlopCounterMode

    with FlopCounterMode(display=False) as counter:
        _, loss = model(idx, targets)
        loss.backward()
    model.zero_grad(set_to_none=True)
    return int(counter.get_total_flops())


@dataclass
class LMHistory:
    """Losses (nats per token) recorded during :func:`train_lm`."""

    steps: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    eval_loss: list[float] = field(default_factory=list)


def random_batch(
    data: torch.Tensor, batch_size: int, block_size: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """``batch_size`` windows of ``block_size`` tokens from a 1-D token tensor, and targets."""
    if data.numel() <= block_size:
        raise ValueError(f"need more than block_size={block_size} tokens, got {data.numel()}")
    starts = torch.randint(0, data.numel() - block_size, (batch_size,), generator=generator)
    x = torch.stack([data[s : s + block_size] for s in starts.tolist()])
    y = torch.stack([data[s + 1 : s + 1 + block_size] for s in starts.tolist()])
    return x, y


def token_losses(model: GPT, x: torch.Tensor) -> torch.Tensor:
    """Cross-entropy (nats) of predicting ``x[:, t+1]`` from ``x[:, :t+1]``: ``(B, T-1)``."""
    logits = model(x[:, :-1])
    return F.cross_entropy(logits.transpose(1, 2), x[:, 1:], reduction="none")


@torch.no_grad()
def evaluate_lm(model: GPT, data: torch.Tensor, block_size: int | None = None) -> float:
    """Mean cross-entropy (nats per token) over non-overlapping windows of a token tensor."""
    block_size = block_size or model.cfg.block_size
    n = (data.numel() - 1) // block_size
    if n < 1:
        raise ValueError("evaluation data is shorter than one block")
    x = data[: n * block_size].view(n, block_size)
    y = data[1 : n * block_size + 1].view(n, block_size)
    was = model.training
    model.eval()
    _, loss = model(x, y)
    model.train(was)
    return float(loss)


def train_lm(
    model: GPT,
    data: torch.Tensor,
    steps: int,
    batch_size: int = 32,
    lr: float = 3e-3,
    weight_decay: float = 0.0,
    eval_data: torch.Tensor | None = None,
    eval_every: int = 50,
    seed: int = 0,
) -> LMHistory:
    """Train next-token prediction with AdamW on random windows of ``data``."""
    gen = torch.Generator().manual_seed(seed)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)
    hist = LMHistory()
    for step in range(1, steps + 1):
        x, y = random_batch(data, batch_size, model.cfg.block_size, gen)
        _, loss = model(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step % eval_every == 0 or step == steps:
            hist.steps.append(step)
            hist.train_loss.append(float(loss.detach()))
            if eval_data is not None:
                hist.eval_loss.append(evaluate_lm(model, eval_data))
    return hist


def _check_sampling(temperature: float, top_k: int | None) -> None:
    if not temperature >= 0:  # also refuses NaN
        raise ValueError(f"temperature must be >= 0 (0 means greedy decoding), got {temperature!r}")
    if top_k is not None and (int(top_k) != top_k or top_k <= 0):
        raise ValueError(f"top_k must be a positive integer or None, got {top_k!r}")


def next_token(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: int | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Draw one token per row of ``logits`` (``(B, V)``): greedy at temperature 0.

    Temperature ``τ > 0`` samples from ``softmax(logits / τ)`` restricted to the ``top_k``
    largest logits; a negative temperature or a ``top_k ≤ 0`` raises ``ValueError``.
    """
    _check_sampling(temperature, top_k)
    if top_k is not None and top_k < logits.shape[-1]:
        kth = torch.topk(logits, int(top_k), dim=-1).values[..., -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if temperature == 0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits / temperature, dim=-1)
    return torch.multinomial(probs, 1, generator=generator).squeeze(-1)


@torch.no_grad()
def generate(
    model: GPT,
    prompt: torch.Tensor,
    n_new: int,
    temperature: float = 1.0,
    top_k: int | None = None,
    seed: int | None = 0,
) -> torch.Tensor:
    """Extend ``prompt`` (``(B, T)`` tokens) by ``n_new`` tokens, feeding back each draw."""
    _check_sampling(temperature, top_k)
    gen = None if seed is None else torch.Generator().manual_seed(seed)
    idx = prompt
    was = model.training
    model.eval()
    for _ in range(n_new):
        logits = model(idx[:, -model.cfg.block_size :])[:, -1]
        idx = torch.cat([idx, next_token(logits, temperature, top_k, gen)[:, None]], dim=1)
    model.train(was)
    return idx

"""Problem set 1 of language models: attention, positions, counts and a BPE merge.

Notebook: ``exercises/language_models/ps01_attention_transformers.ipynb``; lessons
``notebooks/language_models/01_attention_transformer.ipynb`` and ``02_tokenization_...``.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from diyphd.learner.grading import FunctionQuestion, ValueQuestion, register


def _softmax(s: np.ndarray) -> np.ndarray:
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _attend(q, k, v, scale=True, offset=0, axis=-1):
    s = q @ k.T / (np.sqrt(q.shape[-1]) if scale else 1.0)
    t = s.shape[0]
    s = np.where(np.tril(np.ones((t, t), dtype=bool), k=offset), s, -np.inf)
    if axis == -1:
        return _softmax(s) @ v
    e = np.exp(s - np.nanmax(np.where(np.isfinite(s), s, np.nan), axis=0, keepdims=True))
    e = np.where(np.isfinite(s), e, 0.0)
    return (e / e.sum(axis=0, keepdims=True)) @ v


# 1. causal attention (function)
def causal_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    """softmax(q kᵀ / √d + causal mask) v for (T, d) arrays; row i sees keys 0..i."""
    return _attend(q, k, v)


def _qkv_case(rng: np.random.Generator) -> tuple:
    t, d = int(rng.integers(2, 8)), int(rng.integers(2, 9))
    dv = d + int(rng.integers(1, 4))  # v wider than q and k: the scale is √d of q and k
    return rng.standard_normal((t, d)), rng.standard_normal((t, d)), rng.standard_normal((t, dv))


register(
    FunctionQuestion(
        id="language_models.ps01.causal_attention",
        title="Causal scaled dot-product attention",
        reference=causal_attention,
        cases=[
            (np.eye(3), np.eye(3), np.arange(9.0).reshape(3, 3)),
            (np.ones((2, 4)), np.array([[1.0, 0, 0, 0], [0, 2.0, 0, 0]]), np.eye(2, 4)),
            _qkv_case(np.random.default_rng(11)),
        ],
        hidden=_qkv_case,
        points=2,
        hint="Scores q kᵀ divided by √d (d = number of columns of q); set the entries above the "
        "diagonal to −∞ before a softmax over each row (axis=-1); then multiply by v.",
        wrong_answers={
            "missing scale factor": lambda q, k, v: _attend(q, k, v, scale=False),
            "no mask": lambda q, k, v: _softmax(q @ k.T / np.sqrt(q.shape[-1])) @ v,
            "mask off by one (sees the next token)": lambda q, k, v: _attend(q, k, v, offset=1),
            "softmax over the wrong axis": lambda q, k, v: _attend(q, k, v, axis=0),
            "scaled by √d of v": lambda q, k, v: _attend(
                q * np.sqrt(q.shape[-1] / v.shape[-1]), k, v
            ),
        },
    )
)


# 2. one attention head (function)
def attention_head(x: np.ndarray, w_q: np.ndarray, w_k: np.ndarray, w_v: np.ndarray) -> np.ndarray:
    """One causal head: project x (T, d) with (d, d_h) matrices, then causal attention."""
    return _attend(x @ w_q, x @ w_k, x @ w_v)


def _head_case(rng: np.random.Generator) -> tuple:
    t, d, dh = int(rng.integers(2, 7)), int(rng.integers(2, 7)), int(rng.integers(1, 5))
    return (rng.standard_normal((t, d)), *(rng.standard_normal((d, dh)) for _ in range(3)))


register(
    FunctionQuestion(
        id="language_models.ps01.attention_head",
        title="One attention head",
        reference=attention_head,
        cases=[_head_case(np.random.default_rng(s)) for s in (1, 2, 3)],
        hidden=_head_case,
        points=2,
        hint="Queries x @ w_q, keys x @ w_k, values x @ w_v; the scale is √d_h, the width of the "
        "head (the columns of w_q), not the model width.",
        wrong_answers={
            "scale by the model width": lambda x, wq, wk, wv: _attend(
                x @ wq * np.sqrt(wq.shape[1] / x.shape[1]), x @ wk, x @ wv
            ),
            "values not projected": lambda x, wq, wk, wv: _attend(x @ wq, x @ wk, x),
            "queries and keys swapped in the mask": lambda x, wq, wk, wv: _attend(
                x @ wk, x @ wq, x @ wv
            ),
            "no mask": lambda x, wq, wk, wv: (
                _softmax((x @ wq) @ (x @ wk).T / np.sqrt(wq.shape[1])) @ (x @ wv)
            ),
        },
    )
)


# 3. sinusoidal positional encoding (function)
def sinusoidal_encoding(t: int, d: int) -> np.ndarray:
    """PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)); shape (t, d)."""
    p = np.arange(t)[:, None]
    freq = 10000.0 ** (-np.arange(0, d, 2) / d)
    pe = np.zeros((t, d))
    pe[:, 0::2] = np.sin(p * freq)
    pe[:, 1::2] = np.cos(p * freq)
    return pe


def _pe_variant(t, d, swap=False, exponent=None, base=10000.0):
    p = np.arange(t)[:, None]
    i = np.arange(0, d, 2)
    freq = base ** (-(exponent(i) if exponent else i) / d)
    pe = np.zeros((t, d))
    pe[:, 0::2] = (np.cos if swap else np.sin)(p * freq)
    pe[:, 1::2] = (np.sin if swap else np.cos)(p * freq)
    return pe


register(
    FunctionQuestion(
        id="language_models.ps01.sinusoidal",
        title="Sinusoidal positional encoding",
        reference=sinusoidal_encoding,
        cases=[(4, 2), (6, 4), (10, 8)],
        hidden=lambda rng: (int(rng.integers(2, 30)), 2 * int(rng.integers(1, 9))),
        points=1,
        hint="Even columns 0, 2, 4, … hold sines, odd columns cosines; column pair i uses the "
        "frequency 10000^(−2i/d), and 2i is the even column's own index.",
        wrong_answers={
            "sine and cosine swapped": lambda t, d: _pe_variant(t, d, swap=True),
            "exponent i/d instead of 2i/d": lambda t, d: _pe_variant(
                t, d, exponent=lambda i: i / 2
            ),
            "base 1000": lambda t, d: _pe_variant(t, d, base=1000.0),
        },
    )
)

# 4. parameter count (value) of the configuration shown in the notebook
PARAM_CONFIG = {"vocab_size": 100, "block_size": 64, "d_model": 128, "n_layers": 4}


def gpt_parameters(vocab_size: int, block_size: int, d_model: int, n_layers: int) -> int:
    """Parameters of diyphd's GPT: embeddings, blocks (with biases and norms), final norm, head."""
    d = d_model
    block = (4 * d * d + 4 * d) + (8 * d * d + 4 * d + d) + 4 * d
    return vocab_size * d + block_size * d + n_layers * block + 2 * d + d * vocab_size


register(
    ValueQuestion(
        id="language_models.ps01.parameters",
        title="Counting a GPT's parameters",
        reference=gpt_parameters(**PARAM_CONFIG),
        rtol=0.0,
        atol=0.5,
        points=1,
        hint="Count every piece: token and position embeddings, per block the fused qkv and "
        "output projections with biases, the MLP (d → 4d → d) with biases, two layer norms "
        "(a weight and a bias each), then the final norm and the unembedding (no bias).",
        wrong_answers={
            "12·L·d² only": 12 * 4 * 128**2,
            "no positional embeddings": gpt_parameters(**PARAM_CONFIG) - 64 * 128,
            "no biases or norms": 100 * 128 * 2 + 64 * 128 + 4 * 12 * 128**2,
        },
    )
)

# 5. training FLOPs per token (value)
FLOP_CONFIG = {"vocab_size": 100, "block_size": 64, "d_model": 128, "n_layers": 4}


def training_flops(vocab_size: int, block_size: int, d_model: int, n_layers: int) -> int:
    """6 (N + 2 L T d + d V) with N = 12 L d²: matmul FLOPs of one training step per token."""
    n = 12 * n_layers * d_model**2
    return 6 * (n + 2 * n_layers * block_size * d_model + d_model * vocab_size)


register(
    ValueQuestion(
        id="language_models.ps01.flops",
        title="Training FLOPs per token",
        reference=training_flops(**FLOP_CONFIG),
        rtol=1e-9,
        points=1,
        hint="Forward: 2 FLOPs per weight of the blocks, plus 4·L·T·d for the two attention "
        "products over the context, plus 2·d·V for the unembedding; the backward pass costs "
        "twice the forward.",
        wrong_answers={
            "6N only": 6 * 12 * 4 * 128**2,
            "forward pass only": training_flops(**FLOP_CONFIG) // 3,
            "no attention term": 6 * (12 * 4 * 128**2 + 128 * 100),
        },
    )
)


# 6. one BPE merge step (function)
def bpe_merge_step(ids: list[int], new_id: int) -> list[int]:
    """Merge the most frequent adjacent pair (ties: the smallest pair) left to right into new_id."""
    counts = Counter(zip(ids, ids[1:], strict=False))
    if not counts:
        return list(ids)
    top = max(counts.values())
    pair = min(p for p, c in counts.items() if c == top)
    return _apply(ids, pair, new_id)


def _merge_variant(ids, new_id, overlapping=False, largest=False, least=False):
    counts = Counter(zip(ids, ids[1:], strict=False))
    if not counts:
        return list(ids)
    top = (min if least else max)(counts.values())
    pick = max if largest else min
    pair = pick(p for p, c in counts.items() if c == top)
    if overlapping:  # replaces every position where the pair starts, even overlapping ones
        out, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
                out.append(new_id)
                if i + 2 < len(ids) and (ids[i + 1], ids[i + 2]) == pair:
                    i += 1
                    continue
                i += 2
            else:
                out.append(ids[i])
                i += 1
        return out
    return _apply(ids, pair, new_id)


def _apply(ids, pair, new_id):
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def _bpe_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(2, 20))
    return (rng.integers(0, int(rng.integers(2, 5)), n).tolist(), 99)


register(
    FunctionQuestion(
        id="language_models.ps01.bpe_merge",
        title="One byte-pair-encoding merge",
        reference=bpe_merge_step,
        cases=[([1, 2, 1, 2, 3], 9), ([5, 5, 5, 1], 7), ([3, 1, 1, 3], 8), ([4], 5)],
        hidden=_bpe_case,
        points=2,
        hint="Count adjacent pairs with zip(ids, ids[1:]); take the highest count and, among "
        "equals, the smallest pair; then scan left to right, replacing a pair and skipping both "
        "of its tokens, so that 5 5 5 becomes [new, 5].",
        wrong_answers={
            "overlapping merges": lambda ids, new: _merge_variant(ids, new, overlapping=True),
            "ties to the largest pair": lambda ids, new: _merge_variant(ids, new, largest=True),
            "least frequent pair": lambda ids, new: _merge_variant(ids, new, least=True),
        },
    )
)

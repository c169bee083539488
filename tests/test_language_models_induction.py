"""Induction data and scores: the repeated positions, prefix matching on a hand-built pattern."""

import numpy as np
import torch

from diyphd.language_models.gpt import GPT, GPTConfig
from diyphd.language_models.induction import (
    copying_scores,
    prefix_matching_scores,
    repeated_segments,
    repeated_sequence,
)


def test_repeated_segments_mark_predictable_positions():
    """Is each marked position's next token the one after an earlier occurrence of its token?"""
    batch = repeated_segments(50, 30, 6, 20, np.random.default_rng(0))
    x, rep = batch.x.numpy(), batch.repeat.numpy()
    assert (rep.sum(axis=1) == 5).all()
    for i, t in zip(*np.nonzero(rep), strict=True):
        assert any(x[i, j] == x[i, t] and x[i, j + 1] == x[i, t + 1] for j in range(t))


def test_prefix_matching_score_reads_the_attention_pattern():
    """If a head's weights are exactly the induction pattern, is its score 1 (and others 0)?"""
    torch.manual_seed(0)
    model = GPT(
        GPTConfig(
            vocab_size=9,
            block_size=12,
            d_model=8,
            n_layers=1,
            n_heads=2,
            mlp=False,
            layer_norm=False,
        )
    )
    x = repeated_sequence(4, 6, 9, np.random.default_rng(1))
    pattern = torch.zeros(4, 2, 12, 12)
    t = torch.arange(6, 12)
    pattern[:, 0, t, t - 6 + 1] = 1.0
    pattern[:, 1] = torch.eye(12)
    attn = model.blocks[0].attn

    def fixed_pattern(h, causal=True, mask=None):
        attn.last_weights = pattern
        return h

    attn.forward = fixed_pattern
    assert np.allclose(prefix_matching_scores(model, x)[0], [1.0, 0.0])


def test_copying_score_of_an_identity_circuit_is_one():
    """With W_U W_O W_V W_E = identity-like (positive eigenvalues), is the copying score 1?"""
    torch.manual_seed(0)
    model = GPT(
        GPTConfig(
            vocab_size=8,
            block_size=4,
            d_model=8,
            n_layers=1,
            n_heads=1,
            mlp=False,
            layer_norm=False,
        )
    )
    with torch.no_grad():
        model.tok.weight.copy_(torch.eye(8))
        model.head.weight.copy_(torch.eye(8))
        model.blocks[0].attn.qkv.weight[16:] = torch.eye(8)
        model.blocks[0].attn.proj.weight.copy_(torch.eye(8))
    assert np.isclose(copying_scores(model)[0, 0], 1.0)
    with torch.no_grad():
        model.blocks[0].attn.proj.weight.copy_(-torch.eye(8))
    assert np.isclose(copying_scores(model)[0, 0], -1.0)

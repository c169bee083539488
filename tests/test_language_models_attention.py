"""Attention, the causal mask and multi-head attention, checked against torch's own."""

import math

import torch
import torch.nn.functional as F

from diyphd.language_models.attention import (
    MultiHeadAttention,
    causal_mask,
    scaled_dot_product_attention,
    sinusoidal_positions,
)


def _qkv(seed=0, shape=(2, 3, 7, 8)):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(*shape, generator=g, dtype=torch.float64) for _ in range(3)]


def test_matches_torch_sdpa_without_mask():
    """Does our attention equal torch's scaled_dot_product_attention to 1e-6?"""
    q, k, v = _qkv()
    ref = F.scaled_dot_product_attention(q, k, v)
    assert torch.allclose(scaled_dot_product_attention(q, k, v), ref, atol=1e-6, rtol=0)


def test_matches_torch_sdpa_causal_and_masked():
    """With the causal flag, and with an explicit boolean mask, does it still equal torch's?"""
    q, k, v = _qkv(1)
    ref = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    assert torch.allclose(scaled_dot_product_attention(q, k, v, causal=True), ref, atol=1e-6)
    mask = torch.rand(7, 7, generator=torch.Generator().manual_seed(2)) > 0.3
    mask |= torch.eye(7, dtype=torch.bool)
    ref = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    assert torch.allclose(scaled_dot_product_attention(q, k, v, mask=mask), ref, atol=1e-6)


def test_causal_mask_blocks_the_future():
    """Does changing a later token leave the outputs at earlier positions unchanged?"""
    q, k, v = _qkv(3, (1, 1, 6, 4))
    out = scaled_dot_product_attention(q, k, v, causal=True)
    k2, v2 = k.clone(), v.clone()
    k2[..., 4:, :] += 5.0
    v2[..., 4:, :] -= 3.0
    out2 = scaled_dot_product_attention(q, k2, v2, causal=True)
    assert torch.allclose(out[..., :4, :], out2[..., :4, :])
    assert not torch.allclose(out[..., 4:, :], out2[..., 4:, :])
    assert causal_mask(3).tolist() == [[True, False, False], [True, True, False], [True] * 3]


def test_multihead_matches_torch_multiheadattention():
    """Does MultiHeadAttention with copied weights equal torch.nn.MultiheadAttention to 1e-6?"""
    torch.manual_seed(0)
    d, h, t = 16, 4, 9
    ref = torch.nn.MultiheadAttention(d, h, batch_first=True).double()
    with torch.no_grad():  # torch initialises the in-projection bias to zero: make it non-zero
        ref.in_proj_bias.normal_()
        ref.out_proj.bias.normal_()
    ours = MultiHeadAttention(d, h).double().load_torch(ref)
    x = torch.randn(3, t, d, dtype=torch.float64)
    expected, _ = ref(x, x, x, need_weights=False)
    assert torch.allclose(ours(x, causal=False), expected, atol=1e-6, rtol=0)
    mask = torch.nn.Transformer.generate_square_subsequent_mask(t, dtype=torch.float64)
    expected, _ = ref(x, x, x, attn_mask=mask, need_weights=False)
    assert torch.allclose(ours(x, causal=True), expected, atol=1e-6, rtol=0)


def test_attention_without_positions_is_permutation_equivariant():
    """Without a mask or positions, does permuting the tokens permute the outputs?"""
    torch.manual_seed(1)
    mha = MultiHeadAttention(8, 2).double()
    x = torch.randn(1, 6, 8, dtype=torch.float64)
    perm = torch.randperm(6)
    assert torch.allclose(mha(x, causal=False)[:, perm], mha(x[:, perm], causal=False))


def test_head_mask_removes_a_head():
    """Does zeroing a head's mask entry equal removing its value vectors?"""
    torch.manual_seed(2)
    mha = MultiHeadAttention(8, 2).double()
    x = torch.randn(2, 5, 8, dtype=torch.float64)
    mha.head_mask[1] = 0.0
    ablated = mha(x)
    with torch.no_grad():
        mha.head_mask[1] = 1.0
        mha.qkv.weight[16 + 4 :] = 0.0
        mha.qkv.bias[16 + 4 :] = 0.0
    assert torch.allclose(ablated, mha(x))


def test_sinusoidal_positions_formula():
    """Is PE[p, 2i] = sin(p / 10000^(2i/d)) and PE[p, 2i+1] the cosine?"""
    pe = sinusoidal_positions(10, 6)
    p, i = 7, 1
    assert math.isclose(pe[p, 2 * i], math.sin(p / 10000 ** (2 * i / 6)), abs_tol=1e-6)
    assert math.isclose(pe[p, 2 * i + 1], math.cos(p / 10000 ** (2 * i / 6)), abs_tol=1e-6)

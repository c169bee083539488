"""LoRA: parameter counts, the identity at initialisation, merged weights equal to the adapter."""

import torch

from diyphd.language_models.gpt import GPT, GPTConfig, count_parameters
from diyphd.language_models.lora import LoRALinear, apply_lora, lora_parameters, merge_lora


def _model():
    torch.manual_seed(0)
    return GPT(GPTConfig(vocab_size=7, block_size=6, d_model=16, n_layers=2, n_heads=2))


def test_lora_starts_as_the_base_model_and_counts_its_parameters():
    """With B = 0, is the adapted model the base model, with r(d_in + d_out) trainable per
    matrix?"""
    model = _model()
    x = torch.randint(0, 7, (3, 6))
    before = model(x)
    apply_lora(model, rank=2)
    assert torch.equal(model(x), before)
    expected = 2 * (lora_parameters(16, 48, 2) + lora_parameters(16, 16, 2))
    assert count_parameters(model, trainable_only=True) == expected


def test_merged_weights_equal_the_adapted_model():
    """After training the adapters, does merging give the same outputs to 1e-6?"""
    model = apply_lora(_model(), rank=3, alpha=6.0).double()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, LoRALinear):
                m.B.normal_()
    x = torch.randint(0, 7, (4, 6))
    adapted = model(x)
    merge_lora(model)
    assert not any(isinstance(m, LoRALinear) for m in model.modules())
    assert torch.allclose(model(x), adapted, atol=1e-6, rtol=0)


def test_only_adapters_receive_gradients():
    """Are the base weights frozen and the adapters trained?"""
    model = apply_lora(_model(), rank=1)
    _, loss = model(torch.randint(0, 7, (2, 6)), torch.randint(0, 7, (2, 6)))
    loss.backward()
    lora = model.blocks[0].attn.qkv
    assert lora.base.weight.grad is None and lora.A.grad is not None


def test_update_is_scaled_by_alpha_over_rank():
    """Is the adapted output base(x) + (α/r) x Aᵀ Bᵀ, and the merged weight W₀ + (α/r) B A?"""
    torch.manual_seed(0)
    base = torch.nn.Linear(5, 3).double()
    lora = LoRALinear(base, rank=2, alpha=8.0).double()
    with torch.no_grad():
        lora.B.normal_()
    x = torch.randn(4, 5, dtype=torch.float64)
    update = 4.0 * x @ lora.A.T @ lora.B.T  # alpha / r = 8 / 2
    assert torch.allclose(lora(x) - base(x), update, atol=1e-12)
    assert torch.allclose(lora.merged().weight, base.weight + 4.0 * lora.B @ lora.A, atol=1e-12)

"""The tiny GPT: parameter and FLOP counts against their formulas, sampling and its refusals."""

import pytest
import torch

from diyphd.language_models.gpt import (
    GPT,
    GPTConfig,
    block_parameters,
    count_parameters,
    evaluate_lm,
    generate,
    measured_training_flops,
    next_token,
    train_lm,
    training_flops_per_token,
)


@pytest.mark.parametrize("mlp", [True, False])
def test_block_parameter_formula(mlp):
    """Does the exact formula count every parameter of a block?"""
    cfg = GPTConfig(vocab_size=11, block_size=8, d_model=24, n_heads=3, mlp=mlp)
    model = GPT(cfg)
    assert count_parameters(model.blocks[0]) == block_parameters(24, 96, mlp=mlp)


def test_training_flops_match_formula_exactly():
    """Does torch's FLOP counter give 6(N + 2·L·T·d + d·V) per token for a training step?"""
    cfg = GPTConfig(vocab_size=13, block_size=16, d_model=32, n_layers=2, n_heads=4)
    model = GPT(cfg)
    x = torch.randint(0, 13, (3, 16))
    measured = measured_training_flops(model, x, x)
    assert measured == training_flops_per_token(cfg, 16) * 3 * 16


def test_temperature_zero_is_greedy():
    """Is temperature 0 the argmax, whatever the seed?"""
    logits = torch.tensor([[0.1, 2.0, -1.0], [3.0, 0.0, 2.9]])
    for seed in range(3):
        g = torch.Generator().manual_seed(seed)
        assert next_token(logits, temperature=0.0, generator=g).tolist() == [1, 0]


def test_top_k_one_is_greedy_and_top_k_restricts():
    """Does top-k = 1 pick the argmax, and does top-k = 2 never pick the third token?"""
    logits = torch.tensor([[1.0, 0.9, -5.0]]).repeat(500, 1)
    g = torch.Generator().manual_seed(0)
    assert set(next_token(logits, 1.0, top_k=1, generator=g).tolist()) == {0}
    assert set(next_token(logits, 5.0, top_k=2, generator=g).tolist()) == {0, 1}


def test_temperature_divides_the_logits():
    """At temperature 0.5, are draws distributed as softmax(logits / 0.5), not softmax(logits)?"""
    logits = torch.tensor([[0.0, 1.0]]).repeat(20_000, 1)
    g = torch.Generator().manual_seed(0)
    share = next_token(logits, temperature=0.5, generator=g).float().mean().item()
    expected = torch.softmax(logits[0] / 0.5, dim=-1)[1].item()  # 0.881; at tau = 1: 0.731
    assert abs(share - expected) < 0.01  # the standard error is 0.0023


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"temperature": -0.5}, "temperature must be >= 0"),
        ({"temperature": float("nan")}, "temperature must be >= 0"),
        ({"top_k": 0}, "top_k must be a positive integer"),
        ({"top_k": -3}, "top_k must be a positive integer"),
    ],
)
def test_bad_sampling_arguments_are_refused(kwargs, message):
    """Are a negative temperature and a top-k ≤ 0 refused with a message?"""
    model = GPT(GPTConfig(vocab_size=5, block_size=4, d_model=8, n_heads=2))
    with pytest.raises(ValueError, match=message):
        generate(model, torch.zeros(1, 1, dtype=torch.long), 3, **kwargs)


def test_training_lowers_the_loss_of_a_periodic_sequence():
    """Does train_lm fit a periodic sequence far below the uniform loss log V?"""
    torch.manual_seed(0)
    data = torch.arange(5).repeat(60)
    model = GPT(GPTConfig(vocab_size=5, block_size=8, d_model=16, n_layers=1, n_heads=2))
    before = evaluate_lm(model, data)
    train_lm(model, data, steps=60, batch_size=16, lr=1e-2)
    assert evaluate_lm(model, data) < 0.1 < before
    out = generate(model, torch.tensor([[0, 1, 2]]), 5, temperature=0)
    assert out[0, 3:].tolist() == [3, 4, 0, 1, 2]

"""DPO: the implicit reward and the loss equal their definitions; log 2 at the reference."""

import math

import pytest
import torch

from diyphd.language_models.dpo import dpo_loss, implicit_reward, sequence_logprob
from diyphd.language_models.gpt import GPT, GPTConfig


def test_sequence_logprob_is_the_sum_of_token_logprobs():
    """Is log π(y|x) the sum of the completion's next-token log-probabilities?"""
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=5, block_size=8, d_model=8, n_heads=2))
    tokens = torch.tensor([[1, 2, 3, 4, 0]])
    logp = torch.log_softmax(model(tokens[:, :-1]), dim=-1)[0]
    expected = logp[1, 3] + logp[2, 4] + logp[3, 0]  # completion = tokens[2:]
    assert torch.isclose(sequence_logprob(model, tokens, 2)[0], expected)


def test_dpo_loss_equals_its_definition_and_log2_at_the_reference():
    """Is the loss −log σ(r_w − r_l) with r = β log(π/π_ref), and log 2 when π = π_ref?"""
    pw, pl, rw, rl = (
        torch.tensor([-3.0]),
        torch.tensor([-5.0]),
        torch.tensor([-4.0]),
        torch.tensor([-4.5]),
    )
    beta = 0.5
    margin = implicit_reward(pw, rw, beta) - implicit_reward(pl, rl, beta)
    assert math.isclose(float(margin), 0.5 * ((-3 + 4) - (-5 + 4.5)))
    assert math.isclose(
        float(dpo_loss(pw, pl, rw, rl, beta)), -math.log(1 / (1 + math.exp(-0.75))), rel_tol=1e-6
    )
    assert math.isclose(float(dpo_loss(rw, rl, rw, rl, beta)), math.log(2), rel_tol=1e-6)
    with pytest.raises(ValueError, match="beta must be positive"):
        dpo_loss(pw, pl, rw, rl, beta=0.0)

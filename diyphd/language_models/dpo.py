"""Direct preference optimization (Rafailov et al. 2023) on sequences of a tiny GPT.

Introduced in ``notebooks/language_models/06_finetuning_preferences.ipynb``. The implicit reward
of a completion ``y`` of a prompt ``x`` is ``r(x, y) = β log(π(y|x) / π_ref(y|x))``; the DPO loss
of a preference pair (``y_w`` preferred to ``y_l``) is ``−log σ(r(x, y_w) − r(x, y_l))``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


def sequence_logprob(model: nn.Module, tokens: torch.Tensor, prompt_len: int) -> torch.Tensor:
    """``log π(y | x)`` summed over the completion ``tokens[:, prompt_len:]``: shape ``(B,)``."""
    if not 1 <= prompt_len < tokens.shape[1]:
        raise ValueError("need a prompt of at least one token and a non-empty completion")
    logits = model(tokens[:, :-1])
    logp = torch.log_softmax(logits, dim=-1).gather(-1, tokens[:, 1:, None]).squeeze(-1)
    return logp[:, prompt_len - 1 :].sum(dim=1)


def implicit_reward(policy_logp: torch.Tensor, ref_logp: torch.Tensor, beta: float):
    """``β (log π(y|x) − log π_ref(y|x))``."""
    return beta * (policy_logp - ref_logp)


def dpo_loss(
    policy_chosen: torch.Tensor,
    policy_rejected: torch.Tensor,
    ref_chosen: torch.Tensor,
    ref_rejected: torch.Tensor,
    beta: float = 0.1,
) -> torch.Tensor:
    """Mean of ``−log σ(β [(log π_w − log π_ref,w) − (log π_l − log π_ref,l)])``."""
    if beta <= 0:
        raise ValueError(f"beta must be positive, got {beta}")
    margin = implicit_reward(policy_chosen, ref_chosen, beta) - implicit_reward(
        policy_rejected, ref_rejected, beta
    )
    return -F.logsigmoid(margin).mean()

"""diyphd.generative.diffusion: the closed-form forward process and posterior against simulation."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from diyphd.common.repro import seed_everything
from diyphd.generative.diffusion import (
    Denoiser,
    ddpm_loss,
    linear_schedule,
    q_sample,
    sample,
    train_ddpm,
)


@pytest.fixture(autouse=True)
def _one_thread():
    seed_everything(0)  # one torch thread: on a shared 2-core machine, several are much slower


def test_closed_form_matches_the_simulated_chain():
    """Does x_t from the closed form have the mean and variance of t steps of the chain?"""
    torch.manual_seed(0)
    sched = linear_schedule(50)
    x0 = torch.full((100_000, 1), 1.5)
    x = x0.clone()
    for t in range(30):  # the chain x_t = √(1−β_t) x_{t−1} + √β_t ε
        x = (1 - sched.betas[t]).sqrt() * x + sched.betas[t].sqrt() * torch.randn_like(x)
    direct = q_sample(x0, torch.full((100_000,), 29), torch.randn_like(x0), sched)
    ab = sched.alpha_bars[29].item()
    se_var = (1 - ab) * (2 / 100_000) ** 0.5  # standard error of a Gaussian sample variance
    for sample_ in (x, direct):
        assert abs(sample_.mean().item() - 1.5 * ab**0.5) < 5 * (1 / 100_000) ** 0.5
        assert abs(sample_.var().item() - (1 - ab)) < 5 * se_var


def test_posterior_mean_is_gaussian_conditioning():
    """Is μ̃(x_t, x_0) the conditional mean of x_{t−1} given x_t under q (x_0 fixed)?"""
    sched = linear_schedule(50)
    t = 7
    ab_prev, beta = sched.alpha_bars_prev[t].item(), sched.betas[t].item()
    # joint of (x_{t−1}, x_t) given x_0 = c: means a√c, and cov of x_{t-1}: 1 − ab_prev
    c, xt = 0.8, -0.3
    m_prev = np.sqrt(ab_prev) * c
    m_t = np.sqrt(1 - beta) * m_prev
    v_prev = 1 - ab_prev
    cov_pt = np.sqrt(1 - beta) * v_prev
    v_t = (1 - beta) * v_prev + beta
    expected = m_prev + cov_pt / v_t * (xt - m_t)
    got = sched.posterior_mean(torch.tensor([[c]]), torch.tensor([[xt]]), torch.tensor([t]))
    assert abs(got.item() - expected) < 1e-6


def test_a_too_short_schedule_is_refused():
    """Does T = 20 (rescaled β_T = 1, so α_T = 0) fail loudly instead of dividing by zero?"""
    with pytest.raises(ValueError):
        linear_schedule(20)


def test_unknown_target_is_refused():
    """Does a typo in the target fail loudly rather than train on something else?"""
    with pytest.raises(ValueError):
        ddpm_loss(Denoiser(2, T=10), torch.zeros(4, 2), linear_schedule(10), target="noise")


@pytest.mark.parametrize("target", ["eps", "x0", "mu"])
def test_a_point_mass_is_learned(target):
    """Trained on copies of one point, do samples land near it for every parameterization?"""
    torch.manual_seed(0)
    point = torch.tensor([1.0, -0.5])
    sched = linear_schedule(50)
    model = Denoiser(2, hidden=16, T=50, freqs=4)
    train_ddpm(model, point.repeat(64, 1), sched, steps=400, lr=1e-2, batch=32, target=target)
    s = sample(model, sched, 200, 2, target=target)
    assert torch.linalg.norm(s.mean(0) - point) < 0.15

"""diyphd.generative.flows: is the flow's log-likelihood the change of variables, exactly?"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from diyphd.common.repro import seed_everything
from diyphd.generative.flows import CouplingFlow, fit_flow


@pytest.fixture(autouse=True)
def _one_thread():
    seed_everything(0)  # one torch thread: on a shared 2-core machine, several are much slower


def _flow(seed: int = 0) -> CouplingFlow:
    torch.manual_seed(seed)
    flow = CouplingFlow(dim=2, layers=4, hidden=16).double()
    for p in flow.parameters():  # non-trivial weights, so the test is not about the identity map
        p.data.normal_(0, 0.3)
    return flow


def test_log_det_matches_autograd_jacobian():
    """Does each point's log|det| equal that of torch's numerical Jacobian of the map?"""
    flow = _flow()
    x = torch.randn(5, 2, dtype=torch.float64)
    _, logdet = flow(x)
    for i in range(5):
        jac = torch.autograd.functional.jacobian(lambda v: flow(v[None])[0][0], x[i])
        assert abs(torch.linalg.slogdet(jac)[1].item() - logdet[i].item()) < 1e-10


def test_inverse_undoes_forward():
    """Is inverse(forward(x)) = x to rounding error?"""
    flow = _flow(1)
    x = torch.randn(100, 2, dtype=torch.float64)
    assert torch.allclose(flow.inverse(flow(x)[0]), x, atol=1e-10)


def test_density_integrates_to_one():
    """Does exp(log_prob) integrate to 1 over the plane (quadrature on a grid)?"""
    flow = _flow(2)
    g = torch.linspace(-12, 12, 601, dtype=torch.float64)
    xx, yy = torch.meshgrid(g, g, indexing="ij")
    with torch.no_grad():
        p = flow.log_prob(torch.stack([xx.ravel(), yy.ravel()], 1)).exp()
    total = p.sum().item() * (g[1] - g[0]).item() ** 2
    assert abs(total - 1) < 2e-3


def test_fit_flow_lowers_the_negative_log_likelihood():
    """Does maximum likelihood training move the NLL of a Gaussian's samples toward its entropy?"""
    torch.manual_seed(0)
    x = torch.randn(2000, 2) * torch.tensor([2.0, 0.5]) + 1.0
    flow = CouplingFlow(layers=4, hidden=16)
    losses = fit_flow(flow, x, steps=300, lr=1e-2)
    entropy = 0.5 * 2 * (1 + np.log(2 * np.pi)) + np.log(2.0 * 0.5)  # of N(μ, diag(4, 0.25))
    assert losses[-1] < losses[0]
    assert abs(np.mean(losses[-50:]) - entropy) < 0.15

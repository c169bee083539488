"""Generative models at laptop scale (theme 6): flows, gradient estimators, diffusion, evaluation.

Lessons: ``notebooks/generative/``. Modules: :mod:`.data` (2-D toy distributions),
:mod:`.flows` (affine-coupling flows), :mod:`.estimators` (reparameterization and
score-function gradients, the linear-Gaussian ELBO), :mod:`.diffusion` (DDPM),
:mod:`.evaluation` (held-out likelihood, MMD and its permutation test).
"""

from diyphd.generative.data import eight_gaussians, two_moons
from diyphd.generative.diffusion import (
    Denoiser,
    Schedule,
    ddpm_loss,
    linear_schedule,
    q_sample,
    sample,
    train_ddpm,
)
from diyphd.generative.estimators import (
    gaussian_elbo_linear,
    linear_gaussian_log_marginal,
    reparam_grad,
    score_function_grad,
)
from diyphd.generative.evaluation import gaussian_kde_log_likelihood, mmd2, mmd_permutation_test
from diyphd.generative.flows import AffineCoupling, CouplingFlow, fit_flow

__all__ = [
    "AffineCoupling",
    "CouplingFlow",
    "Denoiser",
    "Schedule",
    "ddpm_loss",
    "eight_gaussians",
    "fit_flow",
    "gaussian_elbo_linear",
    "gaussian_kde_log_likelihood",
    "linear_gaussian_log_marginal",
    "linear_schedule",
    "mmd2",
    "mmd_permutation_test",
    "q_sample",
    "reparam_grad",
    "sample",
    "score_function_grad",
    "train_ddpm",
    "two_moons",
]

"""Reinforcement learning at laptop scale (theme 7): bandits, MDPs, policy gradients, PPO.

Lessons: ``notebooks/reinforcement/``. Modules: :mod:`.bandits` (ε-greedy, UCB1, Thompson
sampling, the Lai–Robbins constant), :mod:`.mdp` (value and policy iteration, Gymnasium's toy
text MDPs as arrays), :mod:`.policy_gradient` (REINFORCE on a tabular MDP against its exact
gradient), :mod:`.ppo` (PPO on Gymnasium's CartPole).
"""

from diyphd.reinforcement.bandits import bernoulli_kl, lai_robbins_constant, run_bandit
from diyphd.reinforcement.mdp import (
    MDP,
    bellman_optimality,
    from_gymnasium,
    policy_evaluation,
    policy_iteration,
    value_iteration,
)

__all__ = [
    "MDP",
    "bellman_optimality",
    "bernoulli_kl",
    "from_gymnasium",
    "lai_robbins_constant",
    "policy_evaluation",
    "policy_iteration",
    "run_bandit",
    "value_iteration",
]

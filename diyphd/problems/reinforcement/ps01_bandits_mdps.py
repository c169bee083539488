"""Problem set 1 of reinforcement learning: bandits, Bellman backups, advantages, seeds.

Notebook: ``exercises/reinforcement/ps01_bandits_mdps.ipynb``; lessons
``notebooks/reinforcement/01_bandits.ipynb`` to ``04_ppo.ipynb``.
"""

from __future__ import annotations

import numpy as np

from diyphd.learner.grading import ChoiceQuestion, FunctionQuestion, ValueQuestion, register
from diyphd.reinforcement.bandits import bernoulli_kl


# 1. the UCB1 index (function)
def ucb_index(means: np.ndarray, counts: np.ndarray, t: int) -> np.ndarray:
    """UCB1's index ``μ̂_a + √(2 ln t / N_a)`` for every arm (Auer et al. 2002)."""
    return np.asarray(means, float) + np.sqrt(2 * np.log(t) / np.asarray(counts, float))


def _ucb_case(rng: np.random.Generator) -> tuple:
    k = int(rng.integers(2, 7))
    counts = rng.integers(1, 50, k).astype(float)
    return rng.uniform(0, 1, k), counts, int(counts.sum() + rng.integers(1, 20))


register(
    FunctionQuestion(
        id="reinforcement.ps01.ucb_index",
        title="The UCB1 index",
        reference=ucb_index,
        cases=[
            (np.array([0.5, 0.4]), np.array([10.0, 5.0]), 15),
            (np.array([0.9, 0.1, 0.5]), np.array([1.0, 1.0, 1.0]), 3),
            (np.array([0.0, 1.0]), np.array([100.0, 2.0]), 200),
        ],
        hidden=_ucb_case,
        points=2,
        hint="The bonus is √(2 ln t / N_a): the natural log of the round, over the arm's count.",
        wrong_answers={
            "no factor 2": lambda m, n, t: m + np.sqrt(np.log(t) / n),
            "t instead of ln t": lambda m, n, t: m + np.sqrt(2 * t / n),
            "no square root": lambda m, n, t: m + 2 * np.log(t) / n,
        },
    )
)


# 2. one Bellman optimality backup (function)
def bellman_backup(P: np.ndarray, R: np.ndarray, gamma: float, V: np.ndarray) -> np.ndarray:  # noqa: N803
    """``(T V)(s) = max_a [R(s, a) + γ Σ_s' P(s' | s, a) V(s')]``; ``P`` has shape (S, A, S)."""
    return (R + gamma * P @ V).max(axis=1)


def _backup_case(rng: np.random.Generator) -> tuple:
    s, a = int(rng.integers(2, 6)), int(rng.integers(2, 4))
    return (
        rng.dirichlet(np.ones(s), (s, a)),
        rng.normal(size=(s, a)),
        float(rng.uniform(0.5, 0.99)),
        rng.normal(0, 3, s),
    )


_P = np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.5, 0.5], [0.0, 1.0]]])
_R = np.array([[0.0, 1.0], [2.0, 0.0]])

register(
    FunctionQuestion(
        id="reinforcement.ps01.bellman_backup",
        title="One Bellman optimality backup",
        reference=bellman_backup,
        cases=[
            (_P, _R, 0.9, np.array([0.0, 0.0])),
            (_P, _R, 0.9, np.array([1.0, 10.0])),
            (_P, _R, 0.5, np.array([-3.0, 4.0])),
        ],
        hidden=_backup_case,
        points=2,
        hint="Q = R + γ P V has shape (S, A); the optimality backup maximizes it over actions.",
        wrong_answers={
            "mean over actions": lambda P, R, g, V: (R + g * P @ V).mean(axis=1),
            "no discount": lambda P, R, g, V: (R + P @ V).max(axis=1),
            "min over actions": lambda P, R, g, V: (R + g * P @ V).min(axis=1),
        },
    )
)


# 3. generalized advantage estimates of one episode (function)
def gae_advantages(
    rewards: np.ndarray, values: np.ndarray, last_value: float, gamma: float, lam: float
) -> np.ndarray:
    """GAE of one unfinished episode: ``A_t = Σ_k (γλ)^k δ_{t+k}``, bootstrap ``last_value``."""
    rewards, values = np.asarray(rewards, float), np.asarray(values, float)
    nxt = np.append(values[1:], last_value)
    delta = rewards + gamma * nxt - values
    adv, running = np.zeros_like(delta), 0.0
    for t in range(len(delta) - 1, -1, -1):
        running = delta[t] + gamma * lam * running
        adv[t] = running
    return adv


def _gae_case(rng: np.random.Generator) -> tuple:
    n = int(rng.integers(2, 10))
    return (
        rng.normal(size=n),
        rng.normal(size=n),
        float(rng.normal()),
        float(rng.uniform(0.8, 0.999)),
        float(rng.uniform(0.5, 0.99)),
    )


register(
    FunctionQuestion(
        id="reinforcement.ps01.gae",
        title="Generalized advantage estimates",
        reference=gae_advantages,
        cases=[
            (np.array([1.0, 1.0, 1.0]), np.array([0.0, 0.0, 0.0]), 0.0, 0.9, 0.95),
            (np.array([0.0, 0.0, 1.0]), np.array([0.5, 0.5, 0.5]), 2.0, 0.99, 0.9),
            (np.array([1.0, -1.0]), np.array([0.2, -0.3]), 1.0, 0.5, 0.5),
        ],
        hidden=_gae_case,
        points=3,
        hint="δ_t = r_t + γ V(s_{t+1}) − V(s_t), with V(s_T) = last_value; then run "
        "A_t = δ_t + γλ A_{t+1} backwards from the end.",
        wrong_answers={
            "TD(0) only": lambda r, v, lv, g, lam: gae_advantages(r, v, lv, g, 0.0),
            "lambda without gamma": lambda r, v, lv, g, lam: gae_advantages(r, v, lv, g, lam / g),
            "no bootstrap": lambda r, v, lv, g, lam: gae_advantages(r, v, 0.0, g, lam),
        },
    )
)


# 4. a derivation: the Lai–Robbins constant of a two-armed bandit (value)
_C = 0.1 / bernoulli_kl(0.8, 0.9)
register(
    ValueQuestion(
        id="reinforcement.ps01.lai_robbins",
        title="Derivation: the Lai–Robbins constant of two arms",
        reference=_C,
        rtol=1e-3,
        points=2,
        hint="C = Δ / kl(μ_a, μ*) with the suboptimal arm first in the KL: kl(0.8, 0.9).",
        wrong_answers={
            "reversed KL": 0.1 / bernoulli_kl(0.9, 0.8),
            "1/Δ": 10.0,
            "Pinsker's 1/(2Δ)": 5.0,
        },
    )
)


# 5. seeds chosen after the fact (choice)
register(
    ChoiceQuestion(
        id="reinforcement.ps01.seeds",
        title="Seeds chosen after seeing the results",
        options={
            "a": "The result stands: p = 0.03 is below 0.05.",
            "b": "The p-value is not valid: the five seeds of B were chosen after seeing the "
            "results, so the test's level no longer holds; rerun with seeds fixed in advance.",
            "c": "The result stands if a bootstrap interval on the same ten numbers agrees.",
            "d": "The result would be valid with three seeds instead of five.",
        },
        reference="b",
        explanations={
            "a": "a test's level holds only for data not selected on the outcome.",
            "b": "selection on the outcome is what Henderson et al. warn against.",
            "c": "any analysis of the selected seeds inherits the selection.",
            "d": "fewer seeds make a chance difference more likely, not less.",
        },
        points=1,
        hint="Does the level of a test survive choosing the data after looking at it?",
        wrong_answers={"accept p": "a", "bootstrap rescues": "c", "fewer seeds": "d"},
    )
)

"""Made-up texts and figures that the writing lessons, problem sets and tests share.

Every text here was written for the kit; the method "LookAround-SGD" and its numbers are
invented. ``ABSTRACT_REVISIONS`` is lesson 4's step-by-step revision; ``REVIEW_EXCERPT`` is
lesson 5's paper excerpt with planted flaws; ``DRAFT_GOOD``/``DRAFT_BAD`` are lesson 1's
structure examples; :func:`seed_curves`, :func:`bad_figure` and :func:`good_figure` are
lesson 2's figures.
"""

from __future__ import annotations

import numpy as np

FLAWED_ABSTRACT = (
    "It is well known that training deep networks is very hard. In this paper a novel optimizer "
    "called LookAround-SGD is proposed, which achieves state-of-the-art results and significantly "
    "outperforms Adam. The method is evaluated on CIFAR-10 and on a number of other benchmarks "
    "with various architectures, where it is found that the test accuracy of the LA-SGD models "
    "reaches 94.2, which is clearly a big improvement over previous approaches. The code will be "
    "released."
)

#: Lesson 4's revision, one kind of finding removed per step: (what changed, text).
ABSTRACT_REVISIONS = [
    ("the flawed original", FLAWED_ABSTRACT),
    (
        "cut the weasel and filler words (the long sentence shrinks with them)",
        "Training deep networks takes many trials of the learning rate. In this paper a new "
        "optimizer called LookAround-SGD is proposed, which achieves state-of-the-art results "
        "and significantly outperforms Adam. The method is evaluated on CIFAR-10 and on two other "
        "benchmarks with three architectures, where it is found that the test accuracy of the "
        "LA-SGD models reaches 94.2, an improvement over previous approaches. The code will be "
        "released.",
    ),
    (
        "active voice, shorter sentences, the acronym defined",
        "Training deep networks takes many trials of the learning rate. We propose "
        "LookAround stochastic gradient descent (LA-SGD), which achieves state-of-the-art "
        "results and significantly outperforms Adam. We test it on CIFAR-10 and two other "
        "benchmarks with three architectures. On CIFAR-10 the test accuracy of LA-SGD reaches "
        "94.2. We release the code.",
    ),
    (
        "numbers with units, spreads and a test in place of the adjectives",
        "Training deep networks takes many trials of the learning rate. We propose "
        "LookAround stochastic gradient descent (LA-SGD), which picks its step from a short "
        "look-ahead along the gradient. We test it on CIFAR-10 and two other benchmarks with "
        "three architectures, five seeds each. On CIFAR-10 with a ResNet-18, LA-SGD reaches "
        "94.2 % ± 0.2 % test accuracy (mean ± std) against 93.6 % ± 0.3 % for Adam tuned with "
        "the same budget (Welch t-test, p = 0.01). On the other two benchmarks the gap is "
        "within one standard deviation. We release the code and every run.",
    ),
]

REVISED_ABSTRACT = ABSTRACT_REVISIONS[-1][1]

#: Lesson 5: a made-up excerpt with four planted flaws (see ``REVIEW_FLAWS``).
REVIEW_EXCERPT = """\
**LookAround-SGD: one optimizer for every network** (excerpt of a made-up submission)

*Method.* At each step, LookAround-SGD evaluates the loss at two trial points along the
gradient and moves to the better one.

*Setup.* We train a ResNet-18 on CIFAR-10 for 100 epochs with batch size 128. For each
optimizer we tried learning rates in {0.3, 0.1, 0.03, 0.01} and report the one with the
highest accuracy on the CIFAR-10 test set. We compare LookAround-SGD with plain SGD at a
constant learning rate (no momentum, no schedule).

*Results.* LookAround-SGD reaches 94.1 % test accuracy against 92.8 % for SGD (seed 0;
Table 1). LookAround-SGD therefore removes the need to tune optimizers for any deep network.
"""

#: The flaws planted in ``REVIEW_EXCERPT``: key -> (where, why it matters).
REVIEW_FLAWS = {
    "test-set tuning": (
        "the learning rate is chosen on the test set",
        "the reported test accuracy is the maximum over four tries, an optimistic estimate",
    ),
    "one seed": (
        "'seed 0': a single run per optimizer",
        "a 1.3-point gap cannot be told from seed-to-seed noise without a spread",
    ),
    "missing baseline": (
        "only SGD without momentum or schedule",
        "SGD with momentum and a schedule, or Adam, is the baseline a reader expects",
    ),
    "overclaim": (
        "'for any deep network' from one network on one data set",
        "the claim reaches far beyond the single setting tested",
    ),
}

DRAFT_GOOD = """\
# Warm restarts halve tuning cost on small image benchmarks

## Abstract
Tuning the learning rate of stochastic gradient descent costs many training runs. We ask
whether one warm restart of the schedule can replace the search. On three small image
benchmarks, one restart matches the tuned accuracy within 0.3 % ± 0.2 % over five seeds.
It does so with half as many runs. The gain vanishes on the largest benchmark.

## Introduction
Practitioners spend most of their compute on tuning.

Our contributions are:
- We show that a single warm restart matches a tuned schedule within 0.3 % accuracy on three
  benchmarks (Section 4, Table 1).
- We prove that the restart bounds the loss gap by the initial step size (Theorem 1, Section 3).

## Method
## Experiments
## Results
## Limitations
Our benchmarks are small; the effect may not transfer to large models.

## Conclusion
"""

DRAFT_BAD = """\
# A study of learning-rate schedules

## Abstract
We study learning-rate schedules. Results are promising.

## Introduction
Our contributions are:
- We explore warm restarts for stochastic gradient descent.
- We provide insights into how schedules behave.
- We present a novel framework for scheduling.
- We release a library for schedules.

## Results and limitations
"""


def seed_curves(n_seeds: int = 5, n_epochs: int = 30, seed: int = 0) -> dict[str, np.ndarray]:
    """Synthetic test-error curves (%) of two optimizers, one row per seed."""
    rng = np.random.default_rng(seed)
    epochs = np.arange(1, n_epochs + 1)
    out = {}
    for name, floor, speed in (("SGD", 8.0, 0.15), ("Adam", 9.0, 0.25)):
        base = floor + 40 * np.exp(-speed * epochs)
        out[name] = base + rng.normal(0, 0.6, size=(n_seeds, n_epochs))
    return out


def bad_figure():
    """Lesson 2's figure with every fault the figure checker knows (and a jet heat map)."""
    import matplotlib.pyplot as plt

    curves = seed_curves()
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(8, 3))
    for values in curves.values():
        ax.plot(values[0])  # one seed only, no label
    ax.tick_params(labelsize=6)
    ax2.imshow(np.add.outer(np.arange(10), np.arange(10)), cmap="jet")
    ax2.set(xlabel="width", ylabel="depth")
    return fig


def good_figure():
    """The repaired figure: labels with units, legend, bands over seeds, viridis, large fonts."""
    from diyphd.common.plotting import new_figure

    curves = seed_curves()
    fig, (ax, ax2) = new_figure(ncols=2, width=4.2, height=3.2)
    epochs = np.arange(1, curves["SGD"].shape[1] + 1)
    for name, values in curves.items():
        mean, std = values.mean(axis=0), values.std(axis=0, ddof=1)
        ax.plot(epochs, mean, label=f"{name} (mean of {len(values)} seeds)")
        ax.fill_between(epochs, mean - std, mean + std, alpha=0.25)
    ax.set(xlabel="epoch", ylabel="test error (%)", title="Band: ± 1 std over seeds")
    ax.legend()
    image = ax2.imshow(np.add.outer(np.arange(10), np.arange(10)), cmap="viridis")
    ax2.set(xlabel="width (units)", ylabel="depth (layers)", title="Toy grid")
    fig.colorbar(image, ax=ax2, label="test error (%)")
    return fig

"""Figures for figure questions: the reference drawing and its plausible wrong versions."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def line_figure(
    x: np.ndarray,
    lines: Sequence[tuple[str, np.ndarray]],
    xlabel: str,
    ylabel: str,
    *,
    xscale: str = "linear",
    yscale: str = "linear",
    labels: bool = True,
):
    """A closed Figure with one named line per ``(name, y)``; ``labels=False`` omits the axis
    labels and the legend (the usual wrong answer)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    for name, values in lines:
        ax.plot(x, values, label=name)
    ax.set_xscale(xscale)
    ax.set_yscale(yscale)
    if labels:
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.legend()
    plt.close(fig)
    return fig

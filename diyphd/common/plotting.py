"""Figure style shared by all notebooks: readable fonts and a colour-blind-safe palette."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

#: Okabe & Ito's colour-blind-safe palette (black omitted), used as the default colour cycle.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"]


def use_style() -> None:
    """Apply the book's matplotlib style (fonts, palette, grid, vector-friendly output)."""
    mpl.rcParams.update(
        {
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.labelsize": 11,
            "legend.fontsize": 10,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.prop_cycle": mpl.cycler(color=PALETTE),
            "image.cmap": "viridis",
            "svg.fonttype": "none",
            "pdf.fonttype": 42,
        }
    )


def new_figure(ncols: int = 1, width: float = 6.4, height: float = 4.0):
    """Return ``(fig, axes)`` in the book's style, one row of ``ncols`` panels."""
    use_style()
    fig, axes = plt.subplots(1, ncols, figsize=(width * ncols if ncols > 1 else width, height))
    fig.set_layout_engine("constrained")
    return fig, axes

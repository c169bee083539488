"""A figure checker for matplotlib Figures (writing theme, lesson 2: figures that communicate).

``check_figure(fig, units=..., seeds=..., saved_as=...)`` inspects every Axes that holds data
and returns a list of :class:`~diyphd.writing.finding.Finding`:

- ``label``: an axis without a label, or without its unit when ``units`` gives one;
- ``legend``: several labelled or unlabelled series and no legend;
- ``font``: text smaller than ``min_fontsize`` points (titles, labels, ticks, legend);
- ``colormap``: a rainbow colormap (jet and kin), which invents boundaries and fails readers
  with colour-vision deficiency (Borland & Taylor 2007; Crameri et al. 2020);
- ``spread``: data from several seeds (``seeds > 1``) drawn with no error band or bar, or
  curves with no band and no ``seeds`` given (say how many seeds; ``seeds=1`` for one run);
- ``truncated``: a bar chart whose value axis does not start at zero (a bar's length is its
  value);
- ``format``: a figure saved (``saved_as``) to a raster format instead of PDF, SVG or EPS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.figure import Figure

from diyphd.writing.finding import Finding

RAINBOW_CMAPS = frozenset(
    {"jet", "rainbow", "gist_rainbow", "nipy_spectral", "gist_ncar", "hsv", "turbo", "gist_stern"}
)
VECTOR_FORMATS = frozenset({"pdf", "svg", "eps", "ps", "pgf"})


def _figure(fig: Figure | Axes) -> Figure:
    if isinstance(fig, Axes):
        return fig.figure
    if not isinstance(fig, Figure):
        raise TypeError(f"expected a matplotlib Figure or Axes, got {type(fig).__name__}")
    return fig


def _data_axes(fig: Figure) -> list[Axes]:
    """Axes that draw data (colour bars excluded)."""
    out = []
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":
            continue
        if ax.lines or ax.collections or ax.images or ax.patches or ax.containers:
            out.append(ax)
    return out


def _errorbar_lines(ax: Axes) -> set[int]:
    ids: set[int] = set()
    for c in ax.containers:
        if isinstance(c, ErrorbarContainer):
            data_line, caps, _ = c.lines
            ids.update(id(x) for x in caps)
            if data_line is not None:
                ids.add(id(data_line))
    return ids


def series_count(ax: Axes) -> int:
    """Data series in ``ax``: plain lines, error-bar plots, bar groups and scatter plots."""
    skip = _errorbar_lines(ax)
    lines = [ln for ln in ax.lines if id(ln) not in skip and len(ln.get_xdata()) > 1]
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    errorbars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    scatters = [c for c in ax.collections if type(c).__name__ == "PathCollection"]
    return len(lines) + len(bars) + len(errorbars) + len(scatters)


def has_spread(ax: Axes) -> bool:
    """Does ``ax`` draw an error band (fill_between) or error bars?"""
    if any(isinstance(c, ErrorbarContainer) for c in ax.containers):
        return True
    bands = [c for c in ax.collections if isinstance(c, PolyCollection | LineCollection)]
    return bool(bands)


def _texts(fig: Figure, ax: Axes) -> list[tuple[str, float]]:
    items = [("title", ax.title), ("x label", ax.xaxis.label), ("y label", ax.yaxis.label)]
    items += [("x tick labels", t) for t in ax.get_xticklabels()[:1]]
    items += [("y tick labels", t) for t in ax.get_yticklabels()[:1]]
    if (legend := ax.get_legend()) is not None:
        items += [("legend", t) for t in legend.get_texts()[:1]]
    return [
        (name, t.get_fontsize()) for name, t in items if name.endswith("labels") or t.get_text()
    ]


def _shared_label(fig: Figure, ax: Axes, axis: str) -> bool:
    """Is an empty label covered by a shared axis's label or by ``fig.sup{x,y}label``?"""
    sup = getattr(fig, f"_sup{axis}label", None)
    if sup is not None and sup.get_text().strip():
        return True
    siblings = getattr(ax, f"get_shared_{axis}_axes")().get_siblings(ax)
    return any(getattr(o, f"get_{axis}label")().strip() for o in siblings if o is not ax)


def _labels(ax: Axes) -> set[str]:
    handles, labels = ax.get_legend_handles_labels()
    return {lbl for lbl in labels if not lbl.startswith("_")}


def _legend_elsewhere(fig: Figure, ax: Axes) -> bool:
    """Does another Axes' legend name every labelled series of ``ax``?"""
    mine = _labels(ax)
    for other in fig.axes:
        if other is not ax and (legend := other.get_legend()) is not None:
            if mine and mine <= {t.get_text() for t in legend.get_texts()}:
                return True
    return False


def _truncated_bars(ax: Axes) -> str | None:
    for c in ax.containers:
        if isinstance(c, BarContainer) and len(c.patches):
            vertical = getattr(c, "orientation", "vertical") != "horizontal"
            low, high = sorted(ax.get_ylim() if vertical else ax.get_xlim())
            if not low <= 0 <= high:
                return f"the bars' axis runs from {low:.3g} to {high:.3g}, not from 0"
    return None


def _unit_in(label: str, unit: str) -> bool:
    return unit.lower() in label.lower()


def check_figure(
    fig: Figure | Axes,
    *,
    units: dict[str, str] | list[dict[str, str] | None] | None = None,
    seeds: int | None = None,
    min_fontsize: float = 8.0,
    saved_as: str | Path | None = None,
) -> list[Finding]:
    """Every finding on ``fig``.

    ``units`` maps "x"/"y" to the unit its label must name, for every Axes, or is a list with
    one such dict (or None) per data Axes. ``seeds`` is the number of seeds behind the plotted
    series; with more than one, every Axes that draws series needs a band or error bars.
    """
    fig = _figure(fig)
    findings: list[Finding] = []
    axes = _data_axes(fig)
    if not axes:
        return [Finding("data", "figure", "the figure draws no data")]
    per_axes = units if isinstance(units, list) else [units] * len(axes)
    for i, ax in enumerate(axes):
        ax_units = per_axes[i] if i < len(per_axes) else None
        where = f"axes {i}" + (f" ({ax.get_title()!r})" if ax.get_title() else "")
        for axis in ("x", "y"):
            label = getattr(ax, f"get_{axis}label")().strip()
            unit = (ax_units or {}).get(axis)
            if not label and not _shared_label(fig, ax, axis):
                why = f"the {axis} axis has no label; use ax.set_{axis}label(...)"
                findings.append(Finding("label", where, why))
            elif unit and not _unit_in(label, unit):
                why = f"the {axis} label {label!r} does not give its unit ({unit})"
                findings.append(Finding("label", where, why))
        n = series_count(ax)
        if n > 1 and ax.get_legend() is None and not fig.legends and not _legend_elsewhere(fig, ax):
            why = f"{n} series and no legend; label each one and call ax.legend()"
            findings.append(Finding("legend", where, why))
        for name, size in _texts(fig, ax):
            if size < min_fontsize:
                why = f"{name} at {size:.3g} pt (minimum {min_fontsize:g} pt)"
                findings.append(Finding("font", where, why))
        mappables = list(ax.images) + [c for c in ax.collections if c.get_array() is not None]
        for mappable in mappables:
            name = mappable.get_cmap().name.removesuffix("_r")
            if name in RAINBOW_CMAPS:
                why = (
                    f"rainbow colormap {name!r}; use a perceptually uniform one (viridis, cividis)"
                )
                findings.append(Finding("colormap", where, why))
                break
        if seeds is not None and seeds > 1 and n > 0 and not has_spread(ax):
            why = f"data over {seeds} seeds drawn without error bands or bars"
            findings.append(Finding("spread", where, why))
        elif seeds is None and n > 0 and not has_spread(ax):
            why = "no error band and no seeds given: say how many seeds (seeds=1 for one run)"
            findings.append(Finding("spread", where, why))
        if why := _truncated_bars(ax):
            findings.append(Finding("truncated", where, why + "; a bar's length is its value"))
    if saved_as is not None:
        fmt = Path(saved_as).suffix.lstrip(".").lower()
        if fmt not in VECTOR_FORMATS:
            why = f"saved as {fmt or 'no format'}; save a vector format (pdf, svg) for print"
            findings.append(Finding("format", str(saved_as), why))
    return findings


def lightness(rgb: np.ndarray) -> np.ndarray:
    """CIE L* (0 black to 100 white) of sRGB colours in [0, 1], shape ``(..., 3)``.

    Undo the sRGB gamma, take the luminance Y = 0.2126 R + 0.7152 G + 0.0722 B, then
    L* = 116 f(Y) - 16 with f(t) = t^(1/3) above (6/29)^3 and linear below.
    """
    c = np.asarray(rgb, dtype=float)[..., :3]
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    y = linear @ np.array([0.2126, 0.7152, 0.0722])
    delta = 6 / 29
    f = np.where(y > delta**3, np.cbrt(y), y / (3 * delta**2) + 4 / 29)
    return 116 * f - 16


def colormap_lightness(name: str, n: int = 256) -> np.ndarray:
    """L* along ``n`` evenly spaced colours of the matplotlib colormap ``name``."""
    import matplotlib as mpl

    return lightness(mpl.colormaps[name](np.linspace(0, 1, n)))


def figure_passes(fig: Any, **kwargs: Any) -> bool:
    """True when :func:`check_figure` finds nothing."""
    return not check_figure(fig, **kwargs)

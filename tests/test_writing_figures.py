"""The figure checker: each rule fires on a figure that breaks it and passes the repair."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from diyphd.writing.examples import bad_figure, good_figure  # noqa: E402
from diyphd.writing.figures import (  # noqa: E402
    check_figure,
    colormap_lightness,
    lightness,
    series_count,
)

X = np.arange(10.0)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def clean(n_lines: int = 2, band: bool = True):
    fig, ax = plt.subplots()
    for k in range(n_lines):
        ax.plot(X, X * (k + 1), label=f"method {k}")
        if band:
            ax.fill_between(X, X * (k + 1) - 1, X * (k + 1) + 1, alpha=0.3)
    ax.set_xlabel("epoch")
    ax.set_ylabel("test error (%)")
    ax.legend()
    return fig, ax


def rules(fig, **kw) -> set[str]:
    return {f.rule for f in check_figure(fig, **kw)}


def test_clean_figure_passes():
    """Does a labelled figure with legend and bands pass every rule, saved as PDF?"""
    fig, _ = clean()
    assert check_figure(fig, units={"y": "%"}, seeds=5, saved_as="out.pdf") == []


def test_missing_label_and_unit():
    """Is an empty label flagged, and a label without its declared unit?"""
    fig, ax = clean()
    ax.set_xlabel("")
    assert "label" in rules(fig)
    fig, ax = clean()
    ax.set_ylabel("test error")
    assert "label" in rules(fig, units={"y": "%"}) and "label" not in rules(fig)


def test_legend_needed_for_several_series_only():
    """Do two unlabelled lines need a legend while one line does not?"""
    fig, ax = clean()
    ax.get_legend().remove()
    assert "legend" in rules(fig)
    fig, ax = clean(n_lines=1)
    ax.get_legend().remove()
    assert "legend" not in rules(fig)


def test_small_fonts():
    """Are 6-point tick labels flagged?"""
    fig, ax = clean()
    ax.tick_params(labelsize=6)
    assert "font" in rules(fig) and "font" not in rules(fig, min_fontsize=6)


@pytest.mark.parametrize("cmap", ["jet", "rainbow", "jet_r"])
def test_rainbow_colormap(cmap):
    """Is a jet or rainbow image flagged, and viridis accepted?"""
    fig, ax = plt.subplots()
    ax.imshow(np.eye(4), cmap=cmap)
    ax.set(xlabel="i", ylabel="j")
    assert "colormap" in rules(fig)
    ax.images[0].set_cmap("viridis")
    assert "colormap" not in rules(fig)


def test_spread_over_seeds():
    """Do lines over several seeds need a band or error bars, and do error bars count?"""
    fig, _ = clean(band=False)
    assert "spread" in rules(fig, seeds=5) and "spread" not in rules(fig, seeds=1)
    fig, ax = plt.subplots()
    ax.errorbar(X, X, yerr=0.5 * np.ones_like(X))
    ax.set(xlabel="epoch", ylabel="loss")
    assert "spread" not in rules(fig, seeds=5)
    assert series_count(ax) == 1


def test_vector_format():
    """Is a PNG flagged and an SVG accepted?"""
    fig, _ = clean()
    assert "format" in rules(fig, saved_as="fig.png")
    assert "format" not in rules(fig, saved_as="fig.svg")


def test_lesson_figures():
    """Does the lesson's bad figure break at least five rules and its repair none?"""
    units = [{"y": "%"}, {"y": "layers"}]
    assert len(rules(bad_figure(), units=units, seeds=5, saved_as="f.png")) >= 5
    assert check_figure(good_figure(), units=units, seeds=5, saved_as="f.pdf") == []


def test_rejects_non_figures():
    """Does a non-figure raise a clear TypeError?"""
    with pytest.raises(TypeError):
        check_figure("not a figure")


def test_lightness_of_reference_colours():
    """Are black, white and mid-grey at L* 0, 100 and about 53.4 (sRGB 0.5)?"""
    values = lightness(np.array([[0, 0, 0], [1, 1, 1], [0.5, 0.5, 0.5]]))
    assert values == pytest.approx([0, 100, 53.39], abs=0.01)


def test_viridis_monotone_jet_not():
    """Does viridis rise in lightness throughout while jet goes up and down?"""
    assert np.all(np.diff(colormap_lightness("viridis")) > 0)
    assert np.any(np.diff(colormap_lightness("jet")) < 0)


# Issue 18: false flags on shared axes and figure-level labels, and two misses


def _rules(fig, **kw):
    return [f.rule for f in check_figure(fig, **kw)]


def test_shared_y_axis_and_one_legend_pass():
    """Do panels sharing a labelled y-axis, with the legend on one panel, pass label and legend?"""
    fig, (a, b) = plt.subplots(1, 2, sharey=True)
    for ax in (a, b):
        ax.plot([0, 1, 2], [1, 2, 3], label="ours")
        ax.plot([0, 1, 2], [1, 1.5, 2], label="baseline")
        ax.set_xlabel("epoch")
    a.set_ylabel("test accuracy (%)")
    a.legend()
    assert not {"label", "legend"} & set(_rules(fig, seeds=1))
    fig2, (c, d) = plt.subplots(1, 2)  # not shared: the second panel needs its own label
    for ax in (c, d):
        ax.plot([0, 1], [0, 1])
        ax.set_xlabel("epoch")
    c.set_ylabel("loss")
    assert "label" in _rules(fig2, seeds=1)
    plt.close("all")


def test_supxlabel_covers_the_panels():
    """Does fig.supxlabel count as the x label of every panel?"""
    fig, axes = plt.subplots(1, 2, sharey=True)
    for ax in axes:
        ax.plot([0, 1, 2], [3, 2, 1])
    axes[0].set_ylabel("loss")
    assert "label" in _rules(fig, seeds=1)
    fig.supxlabel("epoch")
    assert "label" not in _rules(fig, seeds=1)
    plt.close("all")


def test_truncated_bar_axis_is_flagged():
    """Is a bar chart whose value axis starts above zero flagged, and one from zero not?"""
    fig, ax = plt.subplots()
    ax.bar(["ours", "baseline"], [93.1, 92.8], yerr=[0.2, 0.3])
    ax.set(xlabel="method", ylabel="test accuracy (%)")
    assert "truncated" not in _rules(fig, seeds=5)
    ax.set_ylim(92, 94)
    assert "truncated" in _rules(fig, seeds=5)
    plt.close("all")


def test_curves_without_seeds_or_band_are_flagged():
    """Are single curves with no band flagged when seeds is omitted, and accepted with seeds=1?"""
    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [1.0, 0.5, 0.2])
    ax.set(xlabel="epoch", ylabel="loss")
    assert "spread" in _rules(fig)
    assert "spread" not in _rules(fig, seeds=1)
    plt.close("all")

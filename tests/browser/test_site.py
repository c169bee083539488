"""The built book as a reader meets it: pages, figures, math, solutions, search, links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest

from diyphd.learner.syllabus import toc_files

from .conftest import ROOT, SCREENSHOTS, SITE

PAGES = [file for _, file in toc_files()]
LESSONS = [p for p in PAGES if p.startswith("notebooks/")]
NOTEBOOK_PAGES = [p for p in PAGES if p.startswith(("notebooks/", "exercises/"))]


def open_page(page, base_url: str, path: str) -> None:
    page.goto(f"{base_url}/{path}.html", wait_until="load")
    # MathJax typesets asynchronously; wait until it is done (or absent).
    page.wait_for_function(
        "() => !window.MathJax || !MathJax.startup || MathJax.startup.promise"
        " && (MathJax.startup.promise.then(() => window.__typeset = true), window.__typeset)",
        timeout=20000,
    )


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors(page, base_url, path):
    """Does every page in the toc load with no console error and no uncaught exception?"""
    open_page(page, base_url, path)
    assert page.title(), f"{path} has no title"
    assert page.errors == [], f"{path}: {page.errors}"


@pytest.mark.parametrize("path", LESSONS)
def test_lesson_figures_are_loaded_and_described(page, base_url, path):
    """Does each lesson show its figures (loaded, non-zero size) with alt text?"""
    open_page(page, base_url, path)
    images = page.evaluate(
        "() => Array.from(document.querySelectorAll('main img'))"
        ".map(i => ({src: i.src, w: i.naturalWidth, h: i.naturalHeight, alt: i.alt}))"
    )
    draws = "plt.show()" in (ROOT / f"{path}.ipynb").read_text()
    assert bool(images) == draws, f"{path}: {len(images)} images, notebook draws figures: {draws}"
    for img in images:
        assert img["w"] > 0 and img["h"] > 0, f"{path}: image not loaded: {img['src']}"
        assert img["alt"].strip(), f"{path}: image without alt text: {img['src']}"


@pytest.mark.parametrize("path", LESSONS)
def test_math_is_typeset(page, base_url, path):
    """Is every formula typeset by the local MathJax, with no raw TeX delimiters left?"""
    open_page(page, base_url, path)
    formulas = page.locator("main .math").count()
    typeset = page.locator("main mjx-container").count()
    if path == LESSONS[0]:
        assert formulas > 0, "the first lesson should carry math"
    assert typeset >= formulas, f"{path}: {formulas - typeset} formulas left untypeset"
    prose = page.evaluate(  # the page's text without code blocks, which may hold backslashes
        "() => { const m = document.querySelector('main').cloneNode(true);"
        " m.querySelectorAll('pre, code, mjx-container').forEach(e => e.remove());"
        " return m.innerText; }"
    )
    assert "$$" not in prose and "\\(" not in prose and "\\[" not in prose


def test_solution_is_folded_until_clicked(page, base_url):
    """Is a solution hidden until its toggle is clicked, and shown after?"""
    open_page(page, base_url, "notebooks/optimization/01_gradient_descent")
    solution = page.locator("div.solution.dropdown").first
    body = solution.locator("section").first
    assert not body.is_visible(), "the solution is visible before any click"
    solution.locator("button.toggle-button, .admonition-title").first.click()
    body.wait_for(state="visible", timeout=5000)
    assert body.is_visible()


def test_search_finds_a_known_term(page, base_url):
    """Does the site search find the gradient-descent lesson for 'contraction'?"""
    page.goto(f"{base_url}/search.html?q=contraction", wait_until="load")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=20000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("01_gradient_descent" in h for h in hrefs), hrefs


@pytest.mark.parametrize("path", NOTEBOOK_PAGES)
def test_notebook_pages_offer_their_ipynb(path):
    """Does each notebook page link a downloadable .ipynb that exists in the build?"""
    html = (SITE / f"{path}.html").read_text()
    links = re.findall(r'href="([^"]+\.ipynb)"', html)
    assert links, f"{path}: no .ipynb download link"
    target = (SITE / path).parent / links[0]
    assert target.resolve().exists(), f"{path}: {links[0]} missing"


def test_no_launch_button_leads_nowhere():
    """Are there no launch buttons (Binder, Colab, JupyterHub) without a configured service?"""
    for html in SITE.rglob("*.html"):
        text = html.read_text()
        assert "dropdown-launch-buttons" not in text, f"{html} shows launch buttons"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if tag in ("a", "img", "link", "script") and attrs.get(key):
                self.links.append(attrs[key])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(errors="replace"))
    return parser


def test_no_internal_link_is_broken(site):
    """Does every internal link and anchor of the built site resolve?"""
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    parsed = {p: _parse(p) for p in pages}
    broken = []
    for page_path, parser in parsed.items():
        for link in parser.links:
            url = urlparse(link)
            if url.scheme or link.startswith(("mailto:", "javascript:", "data:", "//")):
                continue
            anchor = urldefrag(link)[1]
            target = (page_path.parent / unquote(url.path)).resolve() if url.path else page_path
            if not target.exists():
                broken.append(f"{page_path.relative_to(site)} -> {link}")
            elif anchor and target.suffix == ".html" and target in parsed:
                if unquote(anchor) not in parsed[target].ids:
                    broken.append(f"{page_path.relative_to(site)} -> {link} (no such anchor)")
    assert not broken, "\n".join(broken[:30])


def test_screenshots_of_three_pages(page, base_url):
    """Can a reader see the landing page, a lesson and a problem set? (saved for review)"""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    chosen = [
        PAGES[0],
        LESSONS[0],
        next((p for p in PAGES if p.startswith("exercises/")), PAGES[-1]),
    ]
    for path in chosen:
        open_page(page, base_url, path)
        out = SCREENSHOTS / (path.replace("/", "__") + ".png")
        page.screenshot(path=str(out))
        assert out.stat().st_size > 10_000, f"{out} looks empty"


def test_exercise_answer_is_folded_until_clicked(page, base_url):
    """On a problem-set page, is the reference answer folded until its toggle is clicked?"""
    open_page(page, base_url, "exercises/optimization/ps01_gradient_methods")
    index = page.evaluate(
        "() => Array.from(document.querySelectorAll('details.hide.above-input'))"
        ".findIndex(d => d.textContent.includes('BEGIN SOLUTION'))"
    )
    assert index >= 0, "no folded answer cell on the page"
    folded = page.locator("details.hide.above-input").nth(index)
    code = folded.locator("div.highlight").first
    assert not code.is_visible(), "the reference answer shows before any click"
    folded.locator("summary").first.click()
    code.wait_for(state="visible", timeout=5000)
    assert "BEGIN SOLUTION" in code.inner_text()

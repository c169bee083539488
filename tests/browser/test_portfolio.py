"""The public portfolio built by `diyphd publish`, opened in Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from datetime import date

import pytest

from diyphd.learner import gradebook, publish, research_log
from diyphd.learner.grading import get
from tests.test_publish import workspace_with_work

from .conftest import _QuietHandler

SECRET = "SECRETWORD"


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    """A portfolio built strictly from a workspace with a draft, claims and a log."""
    root = tmp_path_factory.mktemp("portfolio")
    gb = root / "gradebook.sqlite"
    research_log.add(research_log.Entry(date(2026, 12, 1), "pilot", question="BN on raw?"), gb)
    research_log.add(research_log.Entry(date(2026, 12, 1), f"#private {SECRET}"), gb)
    q = get("research_practice.ps01.hypothesis")  # a graded attempt with full self-scores
    gradebook.record(q.grade(q.reference, self_scores=q.full_self_scores), run_id="r", path=gb)
    index = publish.publish(workspace_with_work(root / "workspace"), root / "out", gb)
    handler = functools.partial(_QuietHandler, directory=str(index.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield index.parent, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("name", ["index", "report_01", "claims", "log"])
def test_portfolio_pages_load_in_chromium(page, portfolio, name):
    """Does each page of the portfolio load with its heading and no console error?"""
    _, url = portfolio
    page.goto(f"{url}/{name}.html", wait_until="load")
    assert page.locator("h1").first.inner_text().strip()
    assert page.errors == [], page.errors


def test_index_links_every_page(page, portfolio):
    """Does the portfolio's front page link to the report, the claims and the log?"""
    _, url = portfolio
    page.goto(f"{url}/index.html", wait_until="load")
    hrefs = page.eval_on_selector_all("article a", "els => els.map(e => e.getAttribute('href'))")
    assert {"report_01.html", "claims.html", "log.html"} <= {h.split("#")[0] for h in hrefs}


def test_nothing_private_in_the_built_site(portfolio):
    """Is the private log entry absent from every file of the built site?"""
    site, _ = portfolio
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".txt", ".md"):
            assert SECRET not in path.read_text(errors="ignore"), path


def test_no_score_or_self_score_in_the_built_site(portfolio):
    """Does the progress page give a status only, never a score or its self-scored part?"""
    site, _ = portfolio
    progress = (site / "progress.html").read_text()
    assert "research_practice.ps01" in progress and "attempted" in progress
    for path in site.rglob("*.html"):
        text = path.read_text(errors="ignore")
        assert "self-scored" not in text and "best 7" not in text, path


def test_the_footer_carries_this_year(portfolio):
    """Is the footer's copyright this year's, not Jupyter Book's default of 2023?"""
    site, _ = portfolio
    assert f"Copyright {date.today().year}" in (site / "index.html").read_text()

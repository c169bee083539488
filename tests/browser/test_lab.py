"""The learner's JupyterLab, as `make lab` starts it, on a fresh workspace: does it render the
book's MyST markup, fold the solutions and link the notebooks?"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from diyphd.learner.paths import EXERCISES, NOTEBOOKS
from diyphd.learner.workspace import write_workspace

from .conftest import ROOT, SCREENSHOTS

CONFIG = ROOT / "tools" / "jupyter_lab_config.py"
LESSON = "optimization/01_gradient_descent.ipynb"
PROBLEM_SET = "optimization/ps01_gradient_methods.ipynb"
# What a reader must never see: MyST source that was not rendered.
RAW = [":label:", "{ref}", "{doc}", "{cite", "{exercise}", "{solution", ":class: dropdown",
       "(opt-gd)=", "```", "$1/L$", "### BEGIN SOLUTION"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _path_without_venv() -> str:
    """PATH as a fresh shell has it: without the interpreter's bin (the config must add it)."""
    venv_bin = str(Path(sys.executable).parent)
    return os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep) if d != venv_bin)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, browser) -> str:
    """JupyterLab with the project's config on a freshly written workspace; its base URL."""
    workspace = tmp_path_factory.mktemp("workspace")
    write_workspace(EXERCISES, workspace, lessons=NOTEBOOKS)
    state = tmp_path_factory.mktemp("lab-state")  # layouts and settings: not the user's
    port = _free_port()
    log = open(workspace.parent / "jupyterlab.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            f"--config={CONFIG}",
            "--no-browser",
            f"--ServerApp.root_dir={workspace}",
            f"--ServerApp.port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.allow_root=True",
            "--ServerApp.disable_check_xsrf=True",  # the terminal test POSTs without a form
            f"--LabApp.workspaces_dir={state}",
            f"--LabApp.user_settings_dir={state}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "DIYPHD_RECORD": "0", "PATH": _path_without_venv()},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/api/status", timeout=2) as r:
                    json.load(r)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"JupyterLab exited: {(workspace.parent / 'jupyterlab.log')}")
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start in 120 s")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _markdown_cells(path: str) -> int:
    """How many markdown cells the notebook at workspace path ``path`` has."""
    import nbformat

    source = next(p for p in (NOTEBOOKS / path, EXERCISES / path) if p.exists())
    return sum(c.cell_type == "markdown" for c in nbformat.read(source, as_version=4).cells)


def open_notebook(page, lab: str, path: str) -> None:
    """Open ``path`` in JupyterLab and wait until jupyterlab-myst has rendered every markdown
    cell (JupyterLab attaches cells lazily, so count them against the file)."""
    page.goto(f"{lab}/lab/tree/{path}?reset", wait_until="load")
    page.wait_for_selector(".jp-MarkdownCell .myst", state="attached", timeout=120_000)
    page.wait_for_function(  # every markdown cell rendered, math typeset by KaTeX
        "n => document.querySelectorAll('.jp-MarkdownCell .myst').length >= n"
        " && document.querySelector('.jp-MarkdownCell .katex')",
        arg=_markdown_cells(path),
        timeout=60_000,
    )
    page.wait_for_timeout(3000)  # jupyterlab-myst renders a second time, notebook-wide


def markdown_text(page) -> str:
    """The visible text of every markdown cell (a closed <details> hides its body)."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.jp-MarkdownCell .myst')]"
        ".map(c => c.innerText).join('\\n')"
    )


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lab-{name}.png"))


@pytest.mark.parametrize("path", [LESSON, PROBLEM_SET])
def test_markup_is_rendered(page, lab, path):
    """Does the notebook open with its MyST rendered: math, exercises, no raw directive text?"""
    open_notebook(page, lab, path)
    text = markdown_text(page)
    _shot(page, Path(path).stem)
    assert len(text) > 2000, text[:500]
    shown = [raw for raw in RAW if raw in text]
    assert not shown, f"{path} shows raw markup {shown}"
    assert page.locator(".jp-MarkdownCell .katex").count() > 10, "math is not typeset"
    assert "official Jupyter news" not in page.inner_text("body"), "the news pop-up shows"


def _details(page, title: str, inside: str) -> dict | None:
    """The first <details> whose text holds ``title``, scrolled into view: is it open, does its
    visible text hold ``inside``? (Read in one go: jupyterlab-myst may re-render a cell under the
    test, and JupyterLab skips rendering cells out of view.)"""
    return page.evaluate(
        "async ([title, inside]) => { const d = [...document.querySelectorAll('details')]"
        ".find(d => d.textContent.includes(title)); if (!d) return null;"
        " d.scrollIntoView(); await new Promise(r => setTimeout(r, 500));"
        " return {open: d.open, shows: d.innerText.includes(inside)}; }",
        [title, inside],
    )


def test_solution_is_folded_until_clicked(page, lab):
    """Is a lesson's worked solution hidden until its summary is clicked?"""
    open_notebook(page, lab, LESSON)
    # innerText leaves out what a closed <details> hides
    assert _details(page, "Solution to", "iterations") == {"open": False, "shows": False}
    page.locator("details.myst-exercise summary", has_text="Solution to").first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('details')].some(d => d.open"
        " && d.innerText.includes('Solution to') && d.innerText.includes('iterations'))",
        timeout=10_000,
    )


def test_links_to_other_notebooks_open_them(page, lab):
    """Does a cross-notebook {ref} become a live link that opens the other workspace copy?"""
    open_notebook(page, lab, LESSON)
    link = page.locator(".jp-MarkdownCell a", has_text="Linear algebra for ML").first
    assert "foundations/01_linear_algebra.ipynb" in link.get_attribute("href")
    link.click()
    page.wait_for_selector(".lm-TabBar-tab:has-text('01_linear_algebra.ipynb')", timeout=60_000)


def test_dropdown_admonition_is_folded_until_clicked(page, lab):
    """Is an ``{admonition}`` with ``:class: dropdown`` (the planted flaws of the peer-review
    lesson) folded until its title is clicked?"""
    open_notebook(page, lab, "writing/05_peer_review.ipynb")
    title = "The four planted flaws"
    assert _details(page, title, "Test-set tuning") == {"open": False, "shows": False}
    page.locator("details summary", has_text=title).first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('details')].some(d => d.open"
        " && d.innerText.includes('The four planted flaws')"
        " && d.innerText.includes('Test-set tuning'))",
        timeout=10_000,
    )


def test_terminal_runs_diyphd(lab):
    """In a JupyterLab terminal, is .venv/bin first on the PATH, so that `diyphd` runs as is?"""
    websocket = pytest.importorskip("websocket")
    request = urllib.request.Request(f"{lab}/api/terminals", method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=30) as r:
        name = json.load(r)["name"]
    ws = websocket.create_connection(f"ws{lab[4:]}/terminals/websocket/{name}", timeout=60)
    try:
        # the shell echoes the line typed; only its output holds "END-2"
        ws.send(json.dumps(["stdin", "command -v diyphd; echo END-$((1 + 1))\r"]))
        seen, deadline = "", time.time() + 60
        while "END-2" not in seen and time.time() < deadline:
            message = json.loads(ws.recv())
            if message[0] == "stdout":
                seen += message[1]
    finally:
        ws.close()
        urllib.request.urlopen(
            urllib.request.Request(f"{lab}/api/terminals/{name}", method="DELETE"), timeout=30
        )
    assert f"{Path(sys.executable).parent}/diyphd" in seen, seen[-500:]

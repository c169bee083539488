"""``diyphd publish``: the learner's public portfolio, built as a small Jupyter Book.

What goes in, from the workspace and the gradebook's SQLite file:

- **reports**: Markdown files under the workspace whose names contain ``report``, ``draft`` or
  ``paper`` (the capstone's exported draft, say), each a page, with the images beside them;
- **claims**: every ``*claims*.json`` claims file (lesson 3 of research practice), as a table of
  hypotheses, thresholds and decision rules;
- **research log**: a digest, one section per week (how many entries, the questions asked and
  the results), never the raw rows; an entry with ``#private`` in any field stays out;
- **progress**: each problem set as passed, attempted or not started, and the research year's
  milestones; no scores, no self-scores.

``include_private=True`` (``--include-private``) adds the private log entries and the scores
with their self-scored part. The site is built with the book's own toolchain (Jupyter Book 1.x,
``-W -n``: warnings are errors, and the book's extension :mod:`diyphd.learner.book_ext`), and
:func:`publish` says plainly when there is nothing yet.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = ["NothingToPublish", "Portfolio", "build", "collect", "publish"]

PRIVATE_TAG = "#private"
REPORT_WORDS = ("report", "draft", "paper")
PASS_FRACTION = 0.5
IMAGE_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg")
FAVICON = Path(__file__).resolve().parents[2] / "book" / "_static" / "favicon.svg"

CONFIG = """title: "{title}"
author: "{author}"
copyright: "{year}"
only_build_toc_files: true
exclude_patterns: [_build]
execute:
  execute_notebooks: "off"
html:
  use_download_button: false
  favicon: _static/favicon.svg
launch_buttons:
  thebe: false
sphinx:
  extra_extensions:
    - diyphd.learner.book_ext
  config:
    html_show_sourcelink: false
    html_context:
      default_mode: light
"""


class NothingToPublish(Exception):
    """The workspace holds no report, claims file, log entry or progress yet."""


@dataclass
class Portfolio:
    """The pages of the portfolio, as Markdown, by file name (``index.md`` first)."""

    title: str
    pages: dict[str, str] = field(default_factory=dict)
    assets: list[Path] = field(default_factory=list)


def _reports(workspace: Path) -> list[Path]:
    return sorted(
        p
        for p in workspace.rglob("*.md")
        if any(w in p.stem.lower() for w in REPORT_WORDS) and ".ipynb_checkpoints" not in p.parts
    )


def _claims_page(files: list[Path], workspace: Path) -> str:
    lines = ["# Claims, declared before the runs", ""]
    for f in files:
        try:
            data = json.loads(f.read_text())
        except (OSError, ValueError) as exc:
            lines += [f"## {f.name}", "", f"(unreadable claims file: {exc})", ""]
            continue
        lines += [f"## {data.get('question', f.stem)}", ""]
        lines += [
            f"Declared on {data.get('declared_on', '?')} in `{f.relative_to(workspace)}`.",
            "",
        ]
        lines += ["| id | hypothesis | threshold | decision rule |", "|---|---|---|---|"]
        for c in data.get("claims", []):
            cells = [
                str(c.get(k, "")).replace("|", "/").replace("\n", " ")
                for k in ("id", "hypothesis", "threshold", "decision_rule")
            ]
            lines.append("| " + " | ".join(cells) + " |")
        if kill := data.get("kill_criterion"):
            lines += ["", f"Kill criterion: {kill}"]
        lines.append("")
    return "\n".join(lines)


def _is_private(entry) -> bool:
    from diyphd.learner.research_log import FIELDS

    return any(PRIVATE_TAG in getattr(entry, f).lower() for f in FIELDS)


def _log_page(entries: list, include_private: bool) -> tuple[str, int]:
    from diyphd.learner.research_log import week_of

    shown = [e for e in entries if include_private or not _is_private(e)]
    weeks: dict[date, list] = defaultdict(list)
    for e in shown:
        weeks[week_of(e.day)[0]].append(e)
    lines = ["# Research log, week by week", ""]
    for monday in sorted(weeks, reverse=True):
        es = weeks[monday]
        year, week, _ = monday.isocalendar()
        lines += [f"## Week {week} of {year}", "", f"{len(es)} entries."]
        questions = [e.question for e in es if e.question]
        results = [e.result for e in es if e.result]
        if questions:
            lines += ["", "Questions:", ""] + [f"- {q}" for q in dict.fromkeys(questions)]
        if results:
            lines += ["", "Results:", ""] + [f"- {r}" for r in dict.fromkeys(results)]
        lines.append("")
    return "\n".join(lines), len(shown)


def _progress_page(items, research: str | None, include_private: bool) -> str:
    lines = ["# Progress", "", "| problem set | status |", "|---|---|"]
    for i in items:
        if i.max_points and i.best >= PASS_FRACTION * i.max_points:
            status = "passed"
        elif i.checks or i.graded_runs:
            status = "attempted"
        else:
            status = "not started"
        if include_private and (i.checks or i.graded_runs):
            status += f" (best {i.best:g} of {i.max_points:g}, self-scored part included)"
        lines.append(f"| {i.problem_set} | {status} |")
    if research:
        lines += ["", "```text", research, "```"]
    return "\n".join(lines) + "\n"


def collect(
    workspace: Path,
    gradebook_path: Path | None = None,
    *,
    include_private: bool = False,
    title: str = "Research portfolio",
) -> Portfolio:
    """The portfolio's pages; :class:`NothingToPublish` when there is nothing to show."""
    from diyphd.learner import research_log, research_plan
    from diyphd.learner.progress import progress

    portfolio = Portfolio(title)
    reports = _reports(workspace) if workspace.is_dir() else []
    claims = sorted(workspace.rglob("*claims*.json")) if workspace.is_dir() else []
    entries = research_log.entries(date.min, date.max, gradebook_path)
    items = progress(path=gradebook_path)
    started = [i for i in items if i.checks or i.graded_runs]
    research = research_plan.report(gradebook_path)
    log_page, n_log = _log_page(entries, include_private)
    if not (reports or claims or n_log or started or research):
        raise NothingToPublish(
            "nothing to publish yet: no report or draft (*report*.md, *draft*.md) and no claims "
            f"file under {workspace}, no public research-log entry, no problem set attempted and "
            "no research plan. Export your capstone's draft, or `diyphd log` a first entry."
        )
    sections = []
    for i, path in enumerate(reports, 1):
        name = f"report_{i:02d}.md"
        portfolio.pages[name] = path.read_text()
        portfolio.assets += [p for p in path.parent.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES]
        sections.append(name)
    if claims:
        portfolio.pages["claims.md"] = _claims_page(claims, workspace)
    if n_log:
        portfolio.pages["log.md"] = log_page
    if started or research:
        portfolio.pages["progress.md"] = _progress_page(items, research, include_private)
    listing = "\n".join(f"- {{doc}}`{Path(n).stem}`" for n in portfolio.pages)
    portfolio.pages = {"index.md": f"# {title}\n\n{listing}\n", **portfolio.pages}
    return portfolio


def build(portfolio: Portfolio, out: Path, author: str = "") -> Path:
    """Write the book's sources to ``out/src`` and build it strictly; the site's index.html."""
    src = out / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    for name, text in portfolio.pages.items():
        (src / name).write_text(text)
    for asset in portfolio.assets:
        shutil.copy2(asset, src / asset.name)
    (src / "_static").mkdir()
    if FAVICON.exists():  # without one the browser asks for /favicon.ico and gets a 404
        shutil.copy2(FAVICON, src / "_static" / "favicon.svg")
    title = portfolio.title.replace('"', "'")
    (src / "_config.yml").write_text(
        CONFIG.format(title=title, author=author.replace('"', "'"), year=date.today().year)
    )
    chapters = "".join(f"- file: {Path(n).stem}\n" for n in portfolio.pages if n != "index.md")
    (src / "_toc.yml").write_text(f"format: jb-book\nroot: index\nchapters:\n{chapters}")
    html = out / "html"
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [
        str(jb) if jb.exists() else "jupyter-book",
        "build",
        "-W",
        "-n",
        "--keep-going",
        "--path-output",
        str(out),
        str(src),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    built = out / "_build" / "html"
    if done.returncode != 0 or not (built / "index.html").exists():
        tail = (done.stdout + done.stderr).strip().splitlines()[-15:]
        raise RuntimeError("the portfolio did not build strictly:\n" + "\n".join(tail))
    if html.exists():
        shutil.rmtree(html)
    shutil.move(str(built), str(html))
    return html / "index.html"


def publish(
    workspace: Path,
    out: Path,
    gradebook_path: Path | None = None,
    *,
    include_private: bool = False,
    title: str = "Research portfolio",
) -> Path:
    """Collect and build the portfolio; the path of its ``index.html``."""
    portfolio = collect(workspace, gradebook_path, include_private=include_private, title=title)
    return build(portfolio, out)

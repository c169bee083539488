"""The syllabus, read from the notebooks' own header cells in the order of ``_toc.yml``.

Every lesson and problem set opens with a markdown cell holding a label, a title, learning
objectives, prerequisites and a time estimate (see ``shared/STYLE.md``). This module parses those
headers so the syllabus page, the integrity tests and the study planner never repeat them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[2]

_LABEL = re.compile(r"^\((?P<label>[\w-]+)\)=\s*$", re.M)
_TITLE = re.compile(r"^# (?P<title>.+)$", re.M)
_TIME = re.compile(r"\*\*Time\.\*\*\s*(?:About\s+)?(?P<minutes>\d+)\s*min", re.I)
_OBJECTIVES = re.compile(r"\*\*Learning objectives\.\*\*(?P<body>.*?)(?=\n\*\*|\Z)", re.S)
_PREREQS = re.compile(r"\*\*Prerequisites\.\*\*(?P<body>.*?)(?=\n\*\*|\Z)", re.S)


@dataclass
class Entry:
    """One notebook of the syllabus and what its header declares."""

    path: str  # toc path, without suffix, e.g. "notebooks/optimization/01_gradient_descent"
    part: str
    label: str | None = None
    title: str | None = None
    minutes: int | None = None
    objectives: list[str] = field(default_factory=list)
    prerequisites: str | None = None

    @property
    def theme(self) -> str:
        return self.path.split("/")[1]

    def missing(self) -> list[str]:
        """Names of the header fields this notebook lacks (empty when complete)."""
        fields = {
            "label": self.label,
            "title": self.title,
            "learning objectives": self.objectives,
            "prerequisites": self.prerequisites,
            "time estimate": self.minutes,
        }
        return [name for name, value in fields.items() if not value]


def toc_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """All ``(part caption, file)`` pairs of ``_toc.yml`` in reading order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    pairs = [("", toc["root"])]

    def walk(items: list[dict], caption: str) -> None:
        for item in items:
            if "file" in item:
                pairs.append((caption, item["file"]))
            walk(item.get("sections", []), caption)

    for part in toc.get("parts", []):
        walk(part.get("chapters", []), part.get("caption", ""))
    return pairs


def parse_header(text: str, path: str = "", part: str = "") -> Entry:
    """Parse a notebook's first markdown cell into an :class:`Entry`."""
    entry = Entry(path=path, part=part)
    if m := _LABEL.search(text):
        entry.label = m["label"]
    if m := _TITLE.search(text):
        entry.title = m["title"].strip()
    if m := _TIME.search(text):
        entry.minutes = int(m["minutes"])
    if m := _OBJECTIVES.search(text):
        entry.objectives = [
            line.strip()[2:].strip().rstrip(";.")
            for line in m["body"].splitlines()
            if line.strip()[:2] == "- "
        ]
    if m := _PREREQS.search(text):
        entry.prerequisites = " ".join(m["body"].split()) or None
    return entry


def notebook_entries(root: Path = ROOT) -> list[Entry]:
    """Every notebook listed in ``_toc.yml``, with its parsed header, in reading order."""
    entries = []
    for part, file in toc_files(root):
        path = root / f"{file}.ipynb"
        if not path.exists():
            continue
        nb = nbformat.read(path, as_version=4)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        entries.append(parse_header(first, path=file, part=part))
    return entries


def syllabus_markdown(root: Path = ROOT) -> str:
    """The syllabus as MyST markdown: one table per part, with objectives and minutes."""
    lines: list[str] = []
    current = None
    total = 0
    for e in notebook_entries(root):
        if e.part != current:
            current = e.part
            lines += [
                "",
                f"### {e.part}",
                "",
                "| Notebook | You will learn to | Time |",
                "|---|---|---|",
            ]
        objectives = "; ".join(e.objectives) or "–"
        link = f"{{doc}}`{e.title} </{e.path}>`"
        lines.append(f"| {link} | {objectives} | {e.minutes or '–'} min |")
        total += e.minutes or 0
    lines += ["", f"**Total: about {total / 60:.1f} hours of focused work.**"]
    return "\n".join(lines)

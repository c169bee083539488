"""Freeze the book's own prose into ``diyphd/language_models/data/book_prose.txt``.

The corpus of the language-model lessons: the markdown cells of the lessons of themes 0-4 and
the book's pages, with code, mathematics, MyST directives, labels and link targets removed and
paragraphs unwrapped. Run once by an author (``python -m tools.freeze_corpus``); the lessons read
the frozen file, so later edits to the book do not move their numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "diyphd" / "language_models" / "data" / "book_prose.txt"
THEMES = ("foundations", "optimization", "generalization", "reproduction", "writing")


def clean(text: str) -> str:
    text = re.sub(r"```.*?```", " ", text, flags=re.S)  # code and directives
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$\n]*\$", " ", text)
    text = re.sub(r"\{[a-z:-]+\}`([^`<]*?)(?:<[^`]*>)?`", r"\1", text)  # {ref}`text <target>`
    text = re.sub(r"^\(.*?\)=\s*$", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"^[#>|].*$", "", text, flags=re.M)  # headings, quotes, tables
    text = re.sub(r"^\s*[-*]\s+|\*\*|\*|_{2}", "", text, flags=re.M)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    keep = [p for p in paragraphs if len(p.split()) >= 8 and p.isascii()]
    return "\n\n".join(keep)


def main() -> None:
    parts = [clean(p.read_text()) for p in sorted((ROOT / "book").glob("*.md"))]
    for theme in THEMES:
        for path in sorted((ROOT / "notebooks" / theme).glob("*.ipynb")):
            cells = nbformat.read(path, 4).cells
            parts.append(clean("\n\n".join(c.source for c in cells if c.cell_type == "markdown")))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n\n".join(p for p in parts if p) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()

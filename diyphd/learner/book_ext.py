"""A small Sphinx extension for the book: one copy of each script on a page.

Jupyter Book 1.0.4 with sphinx-book-theme 1.x adds sphinx-thebe's inline configuration script
twice, which a browser reports as ``Identifier 'THEBE_JS_URL' has already been declared``. No
configuration option removes the duplicate, so this extension drops repeated scripts from each
page's context before it is rendered.
"""

from __future__ import annotations

from typing import Any


def _dedupe_scripts(app, pagename, templatename, context: dict[str, Any], doctree) -> None:
    seen: set[tuple] = set()
    unique = []
    for script in context.get("script_files", []):
        attrs = getattr(script, "attributes", {}) or {}
        # an inline script is added once with filename None and once with "": same script
        key = (getattr(script, "filename", None) or "", tuple(sorted(attrs.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    if "script_files" in context:
        context["script_files"][:] = unique  # in place: later handlers append to this list


def setup(app) -> dict[str, Any]:
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A small Sphinx extension for the book: one copy of each script on a page.

Jupyter Book 1.0.4 with sphinx-book-theme 1.x adds sphinx-thebe's inline configuration script
twice, which a browser reports as ``Identifier 'THEBE_JS_URL' has already been declared``. No
configuration option removes the duplicate, so this extension drops repeated scripts from each
page's context before it is rendered.

It also gives every page the same time budget: :func:`time_budget` sums the notebooks' own
estimates, as the syllabus does, into MyST substitutions such as ``{{ syllabus_hours }}``.
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
    app.connect("config-inited", _substitutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def time_budget(root=None) -> dict[str, str]:
    """The book's time budget, summed from the notebooks' own estimates (``syllabus``), as MyST
    substitutions: ``{{ syllabus_hours }}``, ``{{ weeks_at_6 }}``, ``{{ weeks_at_8 }}``,
    ``{{ weeks_at_10 }}`` and ``{{ capstone_hours }}``, so every page quotes the same numbers."""
    import math

    from diyphd.learner import syllabus

    entries = syllabus.notebook_entries(root or syllabus.ROOT)
    hours = sum(e.minutes or 0 for e in entries) / 60
    capstone = sum(e.minutes or 0 for e in entries if e.path.startswith("notebooks/capstone/"))
    out = {"syllabus_hours": f"{hours:.0f}", "capstone_hours": f"{capstone / 60:.0f}"}
    for per_week in (6, 8, 10):
        out[f"weeks_at_{per_week}"] = str(math.ceil(hours / per_week))
    return out


def _substitutions(app, config) -> None:
    config.myst_substitutions = {**time_budget(), **(config.myst_substitutions or {})}

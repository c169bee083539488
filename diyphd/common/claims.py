"""A paper's claims as a table whose verdicts are computed from measurements, not typed in.

Introduced in ``notebooks/reproduction/01_reading_papers.ipynb``; every reproduction ends with
one. A :class:`Claim` states what a paper asserts (in our words), where (figure or table), in
which setting, what would falsify it, and a numeric acceptance rule: a ``target`` with a
``tolerance`` (and a wider ``partial`` tolerance). Once ``measured`` is filled in, the verdict
follows from :func:`verdict`::

    from diyphd.common.claims import Claim, ClaimsTable
    table = ClaimsTable("Zhang et al. 2017")
    table.add(Claim("Random labels are fitted", evidence="Fig. 1a", setting="CIFAR-10, Inception",
                    falsifier="train accuracy stays far below 100 %", target=1.0,
                    tolerance=0.01, partial=0.10, direction="at_least", measured=0.995))
    table            # renders as HTML in Jupyter; table.to_markdown() for a report

Verdicts: ``reproduced`` (inside the tolerance), ``partly`` (inside the wider partial tolerance
only), ``not`` (outside both) and, when a confidence interval is given, ``inconclusive`` (the
interval straddles a boundary, so the data cannot decide).

A reproduction declares its claims *before the run* in a YAML file beside the notebook
(``03_random_labels.claims.yml``): for each claim the paper's figure or table, the paper's own
number, the acceptance rule and the reason for its tolerance. :func:`load_claims` reads it into
a table whose rules the notebook cannot change afterwards (:meth:`ClaimsTable.measure` records
only measurements)::

    table = load_claims("03_random_labels.claims.yml")
    table.measure("slowdown", 9.7, ci=(8.9, 10.5))
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field, fields
from pathlib import Path

__all__ = ["DIRECTIONS", "VERDICTS", "Claim", "ClaimsTable", "load_claims", "verdict"]

VERDICTS = ("reproduced", "partly", "not", "inconclusive")
DIRECTIONS = ("two-sided", "at_least", "at_most")


def _region(target: float, tol: float, direction: str) -> tuple[float, float]:
    if direction == "two-sided":
        return target - tol, target + tol
    if direction == "at_least":
        return target - tol, math.inf
    if direction == "at_most":
        return -math.inf, target + tol
    raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")


def verdict(
    measured: float | bool,
    target: float | bool = True,
    tolerance: float = 0.0,
    partial: float | None = None,
    direction: str = "two-sided",
    ci: tuple[float, float] | None = None,
) -> str:
    """The verdict on one claim: ``reproduced``, ``partly``, ``not`` or ``inconclusive``.

    A boolean ``measured`` (a qualitative claim such as "the curve has a peak") is reproduced
    when it equals ``target`` and not otherwise. A number is judged against the acceptance
    region ``R`` (``target ± tolerance``; one-sided for ``direction="at_least"`` or
    ``"at_most"``) and the wider partial region ``P`` (tolerance ``partial``, default: no
    partial zone). Without ``ci``: in ``R`` → reproduced, in ``P`` → partly, else not. With a
    confidence interval ``ci = (low, high)`` the whole interval must sit in a zone:
    inside ``R`` → reproduced, disjoint from ``P`` → not, inside ``P`` but disjoint from ``R``
    → partly, anything else → inconclusive.
    """
    if isinstance(measured, bool) or isinstance(target, bool):
        return "reproduced" if bool(measured) == bool(target) else "not"
    partial = tolerance if partial is None else max(partial, tolerance)
    r_lo, r_hi = _region(float(target), tolerance, direction)
    p_lo, p_hi = _region(float(target), partial, direction)
    if ci is None:
        m = float(measured)
        if r_lo <= m <= r_hi:
            return "reproduced"
        return "partly" if p_lo <= m <= p_hi else "not"
    lo, hi = sorted(float(c) for c in ci)
    if r_lo <= lo and hi <= r_hi:
        return "reproduced"
    if hi < p_lo or lo > p_hi:
        return "not"
    if p_lo <= lo and hi <= p_hi and (hi < r_lo or lo > r_hi):
        return "partly"
    return "inconclusive"


def _num(x: float) -> str:
    return f"{x:.3g}" if isinstance(x, float) else str(x)


@dataclass
class Claim:
    """One claim of a paper and the rule that judges our measurement of it.

    ``claim``: the assertion in our own words; ``evidence``: where the paper shows it
    ("Fig. 1a"); ``setting``: the paper's data, model and protocol; ``falsifier``: the result
    that would refute it. ``target``/``tolerance``/``partial``/``direction`` define the
    acceptance rule of :func:`verdict`; ``measured`` (and optionally ``ci``) is what we found;
    ``unit`` labels the numbers, ``note`` says anything the table should carry. A claim read
    from a claims file also has a ``key``, the ``paper_value`` (the paper's own number, as the
    paper gives it) and the ``reason`` for its tolerance.
    """

    claim: str
    evidence: str
    setting: str
    falsifier: str
    target: float | bool = True
    tolerance: float = 0.0
    partial: float | None = None
    direction: str = "two-sided"
    measured: float | bool | None = None
    ci: tuple[float, float] | None = None
    unit: str = ""
    note: str = ""
    key: str = ""
    paper_value: str = ""
    reason: str = ""

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {DIRECTIONS}")
        if self.tolerance < 0 or (self.partial is not None and self.partial < 0):
            raise ValueError("tolerances must be non-negative")

    @property
    def verdict(self) -> str:
        """Computed from the measurement; ``"pending"`` until one is recorded."""
        if self.measured is None:
            return "pending"
        return verdict(
            self.measured, self.target, self.tolerance, self.partial, self.direction, self.ci
        )

    def tolerance_text(self) -> str:
        """The acceptance rule in words, e.g. ``≥ 0.99 (partly ≥ 0.9)``."""
        if isinstance(self.target, bool) or isinstance(self.measured, bool):
            return f"is {self.target}"
        u = f" {self.unit}" if self.unit else ""

        def rule(tol: float) -> str:
            lo, hi = _region(float(self.target), tol, self.direction)
            if self.direction == "at_least":
                return f"≥ {_num(lo)}{u}"
            if self.direction == "at_most":
                return f"≤ {_num(hi)}{u}"
            return f"{_num(float(self.target))} ± {_num(tol)}{u}"

        text = rule(self.tolerance)
        if self.partial is not None and self.partial > self.tolerance:
            text += f" (partly: {rule(self.partial)})"
        return text

    def measured_text(self) -> str:
        if self.measured is None:
            return "—"
        if isinstance(self.measured, bool):
            return str(self.measured)
        text = _num(float(self.measured))
        if self.ci is not None:
            text += f" [{_num(float(self.ci[0]))}, {_num(float(self.ci[1]))}]"
        return text + (f" {self.unit}" if self.unit else "")


COLUMNS = ("#", "claim", "evidence", "setting", "falsified by", "rule", "measured", "verdict")
PAPER_COLUMN = "paper's number"


@dataclass
class ClaimsTable:
    """An ordered list of claims that renders as a Markdown or HTML table with verdicts."""

    title: str = ""
    claims: list[Claim] = field(default_factory=list)

    def add(self, claim: Claim) -> Claim:
        self.claims.append(claim)
        return claim

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, i: int | str) -> Claim:
        """The ``i``-th claim, or the claim whose ``key`` is ``i``."""
        if isinstance(i, str):
            for c in self.claims:
                if c.key == i:
                    return c
            raise KeyError(f"no claim {i!r}; keys: {[c.key for c in self.claims]}")
        return self.claims[i]

    def measure(
        self, key: int | str, measured: float | bool, ci: tuple[float, float] | None = None
    ) -> str:
        """Record a measurement (and its interval) for one claim; return its verdict."""
        claim = self[key]
        claim.measured = measured if isinstance(measured, bool) else float(measured)
        claim.ci = None if ci is None else (float(ci[0]), float(ci[1]))
        return claim.verdict

    def columns(self) -> tuple[str, ...]:
        """The table's columns; the paper's number appears when some claim gives it."""
        if any(c.paper_value for c in self.claims):
            return (*COLUMNS[:3], PAPER_COLUMN, *COLUMNS[3:])
        return COLUMNS

    def reasons_markdown(self) -> str:
        """One bullet per claim: its rule and the reason for its tolerance."""
        return "\n".join(
            f"- **{i + 1}.** {c.tolerance_text()}: {c.reason or '(no reason given)'}"
            for i, c in enumerate(self.claims)
        )

    def verdicts(self) -> list[str]:
        return [c.verdict for c in self.claims]

    def counts(self) -> dict[str, int]:
        """How many claims got each verdict (``pending`` included when present)."""
        out: dict[str, int] = {}
        for v in self.verdicts():
            out[v] = out.get(v, 0) + 1
        return out

    def rows(self) -> list[list[str]]:
        paper = PAPER_COLUMN in self.columns()
        return [
            [
                str(i + 1),
                c.claim,
                c.evidence,
                *([c.paper_value] if paper else []),
                c.setting,
                c.falsifier,
                c.tolerance_text(),
                c.measured_text(),
                c.verdict + (f" ({c.note})" if c.note else ""),
            ]
            for i, c in enumerate(self.claims)
        ]

    def to_markdown(self) -> str:
        def esc(s: str) -> str:
            return s.replace("|", "\\|").replace("\n", " ")

        lines = [f"**{self.title}**", ""] if self.title else []
        cols = self.columns()
        lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(esc(x) for x in row) + " |" for row in self.rows()]
        return "\n".join(lines)

    def to_html(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns())
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in row) + "</tr>"
            for row in self.rows()
        )
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        """Plain text for logs and nbval: one line per claim with its verdict."""
        lines = [self.title] if self.title else []
        for i, c in enumerate(self.claims):
            lines.append(
                f"{i + 1}. [{c.verdict}] {c.claim} ({c.evidence}): measured "
                f"{c.measured_text()}, rule {c.tolerance_text()}"
            )
        return "\n".join(lines)


_REQUIRED = ("key", "claim", "evidence", "paper_value", "setting", "falsifier", "reason")
_RULE = ("target", "tolerance", "partial", "direction", "unit")


def load_claims(path: str | Path) -> ClaimsTable:
    """Read a claims file (YAML) into a :class:`ClaimsTable` with no measurements yet.

    The file has a ``title`` and a list ``claims``; each claim gives ``key``, ``claim``,
    ``evidence`` (figure or table), ``paper_value`` (the paper's own number), ``setting``,
    ``falsifier``, ``reason`` (why this tolerance, from the paper's number or variability) and
    the rule: ``target`` (a number, or ``true`` for a yes/no claim), ``tolerance``, optional
    ``partial``, ``direction`` and ``unit``. Unknown or missing fields, an empty reason or
    paper value, and repeated keys are errors, so a typo cannot silently loosen a rule.
    """
    import yaml

    path = Path(path)
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
        raise ValueError(f"{path}: expected a mapping with a list 'claims'")
    allowed = {f.name for f in fields(Claim)} - {"measured", "ci", "note"}
    table = ClaimsTable(str(doc.get("title", "")))
    for i, entry in enumerate(doc["claims"]):
        where = f"{path.name}, claim {i + 1}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected a mapping")
        unknown = set(entry) - allowed
        if unknown:
            raise ValueError(f"{where}: unknown fields {sorted(unknown)}")
        missing = [k for k in (*_REQUIRED, "target", "tolerance", "direction") if k not in entry]
        empty = [k for k in _REQUIRED if k in entry and not str(entry[k]).strip()]
        if missing or empty:
            raise ValueError(f"{where}: missing {missing}, empty {empty}")
        if entry["key"] in {c.key for c in table.claims}:
            raise ValueError(f"{where}: repeated key {entry['key']!r}")
        if not isinstance(entry["target"], bool | int | float):
            raise ValueError(f"{where}: target must be a number or true/false")
        kwargs = {k: (str(v).strip() if k not in _RULE[:3] else v) for k, v in entry.items()}
        table.add(Claim(**kwargs))
    return table

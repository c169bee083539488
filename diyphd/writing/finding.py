"""One problem a writing checker found: which rule, where, and why (writing theme, lesson 1)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """A rule that failed: ``rule`` names it, ``where`` quotes the place, ``why`` explains."""

    rule: str
    where: str
    why: str

    def __str__(self) -> str:
        where = self.where if len(self.where) <= 90 else self.where[:87] + "..."
        return f"[{self.rule}] {self.why} -- {where!r}" if where else f"[{self.rule}] {self.why}"


def report(findings: list[Finding]) -> str:
    """The findings one per line, or a line saying the text passed."""
    if not findings:
        return "no findings: passes every rule"
    return "\n".join(f"{i + 1}. {f}" for i, f in enumerate(findings))

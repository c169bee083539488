"""The outcome of checking one answer: rows of checks, automatic and self-scored points."""

from __future__ import annotations

from dataclasses import dataclass, field

from diyphd.grading import render


@dataclass
class Row:
    """One checked case or rule: did it pass, its points, and feedback when it did not."""

    label: str
    passed: bool
    points: float
    max_points: float
    message: str = ""


@dataclass
class Result:
    """A checked answer; shows as an HTML table in Jupyter and as text elsewhere."""

    question_id: str
    title: str
    kind: str
    auto_max: float
    rows: list[Row] = field(default_factory=list)
    self_rows: list[Row] = field(default_factory=list)
    attempted: bool = True
    hint: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def auto(self) -> float:
        """Points given by the automatic checks."""
        return round(sum(r.points for r in self.rows), 2) if self.attempted else 0.0

    @property
    def self_points(self) -> float:
        """Points the learner gave themselves on the rubric."""
        return round(sum(r.points for r in self.self_rows), 2) if self.attempted else 0.0

    @property
    def self_max(self) -> float:
        return round(sum(r.max_points for r in self.self_rows), 2)

    @property
    def score(self) -> float:
        """Automatic plus self-scored points."""
        return round(self.auto + self.self_points, 2)

    @property
    def max(self) -> float:
        return round(self.auto_max + self.self_max, 2)

    @property
    def full_marks(self) -> bool:
        return self.attempted and self.score >= self.max - 1e-9

    def to_dict(self) -> dict:
        """A JSON-ready summary, as stored in the gradebook."""
        return {
            "question_id": self.question_id,
            "attempted": self.attempted,
            "auto": self.auto,
            "auto_max": self.auto_max,
            "self": self.self_points,
            "self_max": self.self_max,
            "failed": [f"{r.label}: {r.message}" for r in self.rows if not r.passed][:5],
        }

    def __str__(self) -> str:
        return render.to_text(self)

    def __repr__(self) -> str:
        return render.to_text(self)

    def _repr_html_(self) -> str:
        return render.to_html(self)

"""The fields and behaviour every question kind shares (the kinds are in :mod:`.questions`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diyphd.learner.grading.result import Result


@dataclass(kw_only=True)
class Question:
    """Fields every kind shares; ``id`` is ``<theme>.<psNN>.<name>``."""

    id: str
    title: str
    points: float = 1.0
    hint: str = ""
    wrong_answers: dict[str, Any] = field(default_factory=dict)
    kind = "question"

    def __post_init__(self) -> None:
        if self.id.count(".") != 2:
            raise ValueError(f"question id {self.id!r} is not '<theme>.<psNN>.<name>'")

    @property
    def problem_set(self) -> str:
        """The problem-set id, e.g. 'optimization.ps01'."""
        return self.id.rsplit(".", 1)[0]

    @property
    def max_points(self) -> float:
        """Automatic points plus any self-scored rubric points."""
        return self.points

    def sample(self, answer: Any) -> Any:
        """The answer as ``check`` receives it (figure questions build theirs)."""
        return answer

    def grade(self, answer: Any, **kwargs: Any) -> Result:
        raise NotImplementedError

"""Question kinds: each declares its reference, cases, tolerance, points, hint and wrong answers.

``wrong_answers`` (name -> answer) are plausible mistakes: the tests assert that each one
scores less than full marks (at most half for function and value questions), and the feedback
names the one an answer matches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from diyphd.learner.grading import checks, figures, text
from diyphd.learner.grading.base import Question
from diyphd.learner.grading.figures import Curve
from diyphd.learner.grading.result import Result


@dataclass(kw_only=True)
class FunctionQuestion(Question):
    """The learner writes a function; compared with ``reference`` on fixed and hidden cases.

    ``cases`` are argument tuples; ``hidden(rng)`` returns one argument tuple and is called
    ``n_hidden`` times with ``numpy.random.default_rng(seed)``.
    """

    reference: Callable
    cases: list[tuple] = field(default_factory=list)
    hidden: Callable | None = None
    n_hidden: int = 10
    seed: int = 0
    rtol: float = 1e-6
    atol: float = 1e-9
    timeout: float = 2.0
    kind = "function"

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        return checks.grade_function(self, answer)


@dataclass(kw_only=True)
class ValueQuestion(Question):
    """A number or array, within ``rtol``/``atol`` of ``reference``; an ``integer`` answer (a
    count) must be a whole number equal to the reference."""

    reference: Any
    rtol: float = 1e-6
    atol: float = 1e-9
    integer: bool = False
    kind = "value"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.integer:
            self.rtol, self.atol = 0.0, 0.0

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        return checks.grade_value(self, answer)


@dataclass(kw_only=True)
class ChoiceQuestion(Question):
    """One or several of ``options`` (key -> text); ``explanations`` say why each is right or
    wrong. ``reference`` is the set of correct keys; one correct key makes it single-choice."""

    options: dict[str, str]
    reference: frozenset[str] | set[str] | str
    explanations: dict[str, str] = field(default_factory=dict)
    kind = "choice"

    def __post_init__(self) -> None:
        super().__post_init__()
        if isinstance(self.reference, str):
            self.reference = frozenset({self.reference})
        self.reference = frozenset(self.reference)
        if not self.reference <= self.options.keys():
            raise ValueError(f"{self.id}: correct keys must be among the options")

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        return checks.grade_choice(self, answer)


@dataclass(kw_only=True)
class FigureQuestion(Question):
    """A matplotlib Figure (or Axes) graded on its data (``curves``) and its form: the required
    ``xscale``/``yscale``, axis labels (a regex each must match, or True for any real label)
    and a legend naming each curve (see :mod:`.figures`).

    ``reference`` and the wrong answers are functions that build a figure.
    """

    reference: Callable
    curves: list[Curve]
    xlabel: str | bool = True
    ylabel: str | bool = True
    xscale: str = "linear"
    yscale: str = "linear"
    kind = "figure"

    def sample(self, answer: Any) -> Any:
        return answer() if callable(answer) else answer

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        return figures.grade_figure(self, answer)


@dataclass(kw_only=True)
class TextQuestion(Question):
    """A paragraph checked by rules (``points`` split among them), then self-scored.

    ``required`` maps a name to a relation: case-insensitive regular expressions that must all
    match within one unnegated sentence; ``sections`` are headings the text must be organized
    under; ``rubric`` maps a criterion to (max points, description) that the learner scores,
    counted once the automatic part passes (see :mod:`.text` for the whole design).
    """

    reference: str
    min_words: int = 0
    max_words: int | None = None
    required: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    sections: tuple[str, ...] = ()
    rubric: dict[str, tuple[float, str]] = field(default_factory=dict)
    kind = "text"

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        return text.grade_text(self, answer, self_scores)

    @property
    def max_points(self) -> float:
        return self.points + sum(top for top, _ in self.rubric.values())

    @property
    def full_self_scores(self) -> dict[str, float]:
        """The highest self-scores, as an honest author of the reference would give."""
        return {name: pts for name, (pts, _) in self.rubric.items()}

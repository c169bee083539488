"""The fields and behaviour every question kind shares (the kinds are in :mod:`.questions`).

:meth:`Question.grade` runs the kind's ``_grade`` in a forked child with a total time budget
(:mod:`.isolate`), so that nothing the learner's answer does can hang, crash or escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diyphd.learner.grading import isolate
from diyphd.learner.grading.result import Result, Row


@dataclass(kw_only=True)
class Question:
    """Fields every kind shares; ``id`` is ``<theme>.<psNN>.<name>``; ``budget`` is the most
    seconds one check may take, all cases together."""

    id: str
    title: str
    points: float = 1.0
    hint: str = ""
    wrong_answers: dict[str, Any] = field(default_factory=dict)
    budget: float = 5.0
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

    def grade(self, answer: Any, self_scores: Any = None, **kwargs: Any) -> Result:
        """Grade ``answer`` within the budget; never raises (BaseException included)."""
        return safe_grade(self, answer, self_scores)

    def _grade(self, answer: Any, self_scores: Any = None) -> Result:
        raise NotImplementedError


def _zero(q: Question, message: str) -> Result:
    rubric = getattr(q, "rubric", {})
    self_rows = [Row(name, False, 0.0, top, "") for name, (top, _) in rubric.items()]
    rows = [Row("answer", False, 0.0, q.points, message)]
    return Result(q.id, q.title, q.kind, q.points, rows, self_rows=self_rows, hint=q.hint)


def _stopped(q: Question, out: isolate.Isolated) -> str:
    where = ""
    cases = getattr(q, "cases", None)
    if out.case >= 0 and cases is not None:
        n = len(cases)
        where = (
            f" on case {out.case + 1}" if out.case < n else f" on hidden case {out.case - n + 1}"
        )
    if out.alarms:
        return (
            f"stopped after the check's budget of {q.budget:g} s{where}: your code kept running "
            "after its time limit, so it catches the time-limit exception (a bare `except:` or "
            "`except BaseException:` in a loop); catch only the exceptions you expect"
        )
    if out.case >= 0:
        return (
            f"stopped after the check's budget of {q.budget:g} s{where}: one call ran inside "
            "compiled code (a NumPy or torch call) that cannot be interrupted; give it less work"
        )
    return f"stopped after the check's budget of {q.budget:g} s"


def safe_grade(q: Question, answer: Any, self_scores: Any = None) -> Result:
    """``q._grade(answer)`` in a child process (in-process where forking is unavailable)."""

    def task() -> Result:
        return q._grade(answer, self_scores=self_scores)

    if isolate.enabled():
        out = isolate.run(task, q.budget)
        if out.status == "ok" and isinstance(out.value, Result):
            return out.value
        if out.status == "timeout":
            return _zero(q, _stopped(q, out))
        if out.status == "died":
            return _zero(q, out.message)
        first = out.message.splitlines()[0] if out.message else "unknown error"
        return _zero(q, f"grading failed ({first}); if your answer is plain, please report it")
    try:
        return task()
    except BaseException as exc:  # noqa: BLE001 - a check must never raise
        return _zero(q, f"grading failed ({type(exc).__name__}: {exc}); please report it")

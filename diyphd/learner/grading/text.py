"""Grade a text answer honestly: automatic points for stated relations, never for key words.

The design, the same in every problem set:

- Each required element is a *relation*: several patterns that must all occur in one sentence
  (say "momentum" and "1 − 1/√κ"), so naming a term ("The condition number matters.") earns
  nothing. The sentence must read as one (5 to 70 words, not a list of terms, not its words in
  alphabetical order, not repeating itself, starting with a capital letter) and must not be
  negated (``not``, ``no``, ``never``, ``n't``, ``cannot``, ``false that``... in its first five
  words, in the six words before the matches, the three after them or between them): state what
  holds.
- The text as a whole is a gate for every automatic point: its length in range, no sentence
  repeated, words not repeated over and over (a keyword salad), determiners followed by words
  in a grammatical order (shuffled words are not), most sentences not negations (and no more
  sentences with a negation anywhere than the reference has, plus one in three), and most of it
  readable as sentences. A text that fails the gate scores 0.
- Self-scored rubric points count only once every automatic rule passes (``self_gated``);
  until then they are shown, with the reason, and do not count.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import numpy as np

from diyphd.learner.grading.checks import is_blank, not_attempted, result_for, wrong_type
from diyphd.learner.grading.result import Result, Row

if TYPE_CHECKING:
    from diyphd.learner.grading.base import Question

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[±√κ∞]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
NEGATION = re.compile(
    r"\b(not|no|never|cannot|neither|nor|none|nothing)\b|n['’]t\b"
    r"|\b(false|untrue|incorrect|wrong|a myth) that\b",  # "It is false that momentum ..."
    flags=re.IGNORECASE,
)
FUNCTION_WORDS = frozenset(
    "the a an of to in on at for by with from and or but so that this these is are was were be "
    "it its as than then which who when while if because".split()
)
_DETERMINERS = frozenset({"the", "a", "an"})
_NOT_AFTER_DETERMINER = frozenset(
    "the a an of to in on at for by with from and or but so is are was were be than".split()
)


def words(text: str) -> list[str]:
    """The words of ``text`` (numbers and the symbols ±, √, κ count as words)."""
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """``text`` split at sentence ends (. ! ?) followed by a space, and at blank lines."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def sentence_problem(sentence: str) -> str | None:
    """Why ``sentence`` does not read as a sentence, or None."""
    ws = [w.lower() for w in words(sentence)]
    if len(ws) < 5:
        return "is too short to be a sentence"
    if re.match(r"[\W_]*[a-z]", sentence):
        return "does not start with a capital letter"
    if len(ws) > 70:
        return "runs over 70 words"
    if len(set(ws)) < 0.6 * len(ws):
        return "repeats its own words"
    if not FUNCTION_WORDS & set(ws):
        return "is a list of terms, not a sentence"
    alpha = [w for w in ws if w.isalpha()]
    pairs = list(zip(alpha, alpha[1:], strict=False))
    if len(pairs) >= 5 and sum(a <= b for a, b in pairs) > 0.85 * len(pairs):
        return "has its words in alphabetical order"
    return None


def text_problem(q: Question, text: str) -> str | None:
    """Why the whole text earns no automatic points (the gate), or None."""
    ws = [w.lower() for w in words(text)]
    top = q.max_words if q.max_words is not None else "any number of"
    if len(ws) < q.min_words or (q.max_words is not None and len(ws) > q.max_words):
        return f"{len(ws)} words; write between {q.min_words} and {top}"
    said = [re.sub(r"\W+", " ", s.lower()).strip() for s in sentences(text)]
    repeated = {s for s in said if said.count(s) > 1 and len(s.split()) > 1}
    if repeated:
        return "a sentence is repeated word for word; say each thing once"
    long_words = [w for w in ws if len(w) > 3]
    if len(long_words) >= 10 and len(set(long_words)) < 0.45 * len(long_words):
        return "the same words come back again and again: write sentences, not key words"
    bad = sum(
        a in _DETERMINERS and b in _NOT_AFTER_DETERMINER for a, b in zip(ws, ws[1:], strict=False)
    )
    if bad >= 2:
        return "the words are not in a grammatical order (e.g. 'the' followed by 'of')"
    parts = sentences(text)
    negated = sum(bool(NEGATION.search(" ".join(s.split()[:5]))) for s in parts)
    if len(parts) >= 2 and negated > 0.5 * len(parts):
        return "most sentences are negations: state what holds"
    # a "not" slipped in anywhere: more negated sentences than a correct answer needs (the
    # reference's count, plus one in three for phrasing)
    negated_anywhere = sum(bool(NEGATION.search(s)) for s in parts)
    needed = sum(bool(NEGATION.search(s)) for s in sentences(str(q.reference or "")))
    if negated_anywhere > needed + len(parts) // 3:
        return "more of its sentences are negations than an answer needs: state what holds"
    readable = sum(len(words(s)) for s in parts if sentence_problem(s) is None)
    if readable < 0.5 * len(ws):
        return "most of it does not read as sentences"
    return None


def relation(sentence: str, patterns: tuple[str, ...]) -> str | None:
    """'found', 'negated' or None: do all ``patterns`` occur in ``sentence``, unnegated?

    Negated means a negation word among the first five words of the sentence, within the six
    words before the first match, the three after the last one, or between the matches (the
    matched words themselves, say 'not reproduced', do not count)."""
    spans = []
    for p in patterns:
        m = re.search(p, sentence, flags=re.IGNORECASE)
        if m is None:
            return None
        spans.append(m.span())
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    inside = list(sentence[first:last])
    for a, b in spans:
        inside[a - first : b - first] = " " * (b - a)
    before = " ".join(sentence[:first].split()[-6:])
    after = " ".join(sentence[last:].split()[:3])  # "... 1 − 1/√κ is not what it gives"
    opening = " ".join(sentence[:first].split()[:5])  # "It is not true that ..."
    negated = (
        NEGATION.search(before)
        or NEGATION.search(opening)
        or NEGATION.search("".join(inside))
        or NEGATION.search(after)
    )
    return "negated" if negated else "found"


def _patterns(spec: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (spec,) if isinstance(spec, str) else tuple(spec)


def _relation_row(name: str, spec: Any, parts: list[str], share: float) -> Row:
    seen = []
    for s in parts:
        found = relation(s, _patterns(spec))
        if found is None:
            continue
        problem = sentence_problem(s)
        if found == "found" and problem is None:
            return Row(name, True, share, share)
        seen.append(f"the sentence {problem}" if problem else "the sentence is negated")
    if seen:
        return Row(name, False, 0.0, share, f"stated, but {seen[0]}; state it plainly")
    return Row(name, False, 0.0, share, "no sentence of yours states it")


def _section_rows(q: Question, text: str, share: float) -> list[Row]:
    """Each heading of ``q.sections`` starts a part ('Scope.' or 'Scope:') holding a sentence."""
    heads = "|".join(re.escape(h) for h in q.sections)
    found = list(re.finditer(rf"(?:^|(?<=[\s.]))({heads})[.:]\s", text, flags=re.IGNORECASE))
    rows = []
    for head in q.sections:
        spots = [m for m in found if m.group(1).lower() == head.lower()]
        ok = False
        for m in spots:
            later = [n.start() for n in found if n.start() > m.start()]
            body = text[m.end() : min(later) if later else len(text)]
            ok = ok or any(sentence_problem(s) is None for s in sentences(body))
        msg = "" if ok else f"no part headed '{head}.' with at least one sentence in it"
        rows.append(Row(f"part: {head}", ok, share if ok else 0.0, share, msg))
    return rows


def self_rows(q: Question, self_scores: Any) -> tuple[list[Row], list[str]]:
    """The rubric rows: each self-score validated (a number from 0 to its maximum)."""
    notes: list[str] = []
    if self_scores is not None and not isinstance(self_scores, dict):
        notes.append(
            f"self_scores should be a dict like {{'{next(iter(q.rubric), 'name')}': 1}}, "
            f"got {type(self_scores).__name__}"
        )
        self_scores = {}
    given = dict(self_scores or {})
    notes += [
        f"'{k}' is not a rubric criterion (ignored)"
        for k in sorted(map(str, given.keys() - q.rubric))
    ]
    rows = []
    for name, (top, description) in q.rubric.items():
        value = given.get(name)
        ask = f"score yourself 0-{top:g}: {description}"
        if value is None:
            rows.append(Row(name, False, 0.0, top, ask))
            continue
        problem = None
        if isinstance(value, bool | np.bool_):
            problem = f"{value} is not a score; write a number (1 or 0)"
        elif isinstance(value, str):
            problem = f"{value!r} is a string; write the number without quotes"
        elif not isinstance(value, int | float | np.integer | np.floating):
            problem = f"a {type(value).__name__} is not a score; write a number"
        elif not math.isfinite(float(value)):
            problem = f"{float(value)} is not a score; write a number from 0 to {top:g}"
        elif not 0 <= float(value) <= top:
            problem = f"{float(value):g} is outside 0-{top:g}"
        if problem:
            rows.append(Row(name, False, 0.0, top, f"{problem}. {ask}"))
            continue
        pts = float(value)
        rows.append(Row(name, pts >= top, pts, top))
    return rows, notes


def grade_text(q: Question, answer: Any, self_scores: Any = None) -> Result:
    """Rules on relations and parts, behind the gate of :func:`text_problem`; then the rubric."""
    if is_blank(answer) or (isinstance(answer, str) and not answer.strip()):
        return not_attempted(q)
    if not isinstance(answer, str):
        return wrong_type(q, "a string", answer)
    text = str(answer)
    n_rules = len(q.required) + len(q.sections)
    share = q.points / n_rules if n_rules else 0.0
    parts = sentences(text)
    gate = text_problem(q, text)
    if gate:
        rows = [Row("the text", False, 0.0, q.points, f"no automatic points: {gate}")]
    elif not n_rules:
        rows = [Row("the text", True, q.points, q.points)]
    else:
        rows = [_relation_row(n, spec, parts, share) for n, spec in q.required.items()]
        rows += _section_rows(q, text, share)
    srows, notes = self_rows(q, self_scores)
    result = result_for(q, rows, self_rows=srows, notes=notes, self_gated=True)
    if not result.auto_passed:
        for row in result.self_rows:
            if row.points:
                row.message = "counts once the automatic part passes"
    return result

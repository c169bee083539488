"""Is a hypothesis falsifiable as written? A small parser for its form (research practice).

A pre-registered hypothesis names four things (``notebooks/research_practice/03_planning``):

- a **quantity** that is measured (test accuracy, loss, steps to a target, a rate);
- a **comparison** with a named baseline ("than the plain network", "compared with SGD");
- a **threshold** that separates support from refutation ("by at least 2 percentage points");
- a **direction** (higher, lower, reduces, at least; "does not lower" for non-inferiority).

:func:`parse_hypothesis` finds each with regular expressions written by hand (no grammar library
is installed, and these are four patterns, not a parse of English). Before it looks for them it
rejects what is not a hypothesis at all: keyword salad (no verb, too few function words, a key
word repeated or many quantities listed), hedged statements ("may", "might", "tends to"),
negated claims ("does not raise", "never", "it is not true that"; the non-inferiority form
"does not lower ... by more than 1 point" is allowed), both directions at once, and vague
quantities ("performance", "robustness") with nothing measurable. It checks form only: a
well-formed hypothesis can still be uninteresting or wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["HypothesisForm", "parse_hypothesis"]

_NUM = r"\d+(?:[.,]\d+)?"
QUANTITY = re.compile(
    r"\b(?:(?:test|validation|held-out|training|train|top-[15]|final|mean|median|worst-case)\s+)?"
    r"(?:accuracy|error(?: rate)?|loss|perplexity|f1(?: score)?|auc|bleu|reward|return|"
    r"calibration error|ece|variance|generalization gap|gap|steps|epochs|iterations|"
    r"updates|wall-clock time|seconds|learning rate|norm|sharpness|divergence rate|"
    r"fraction of (?:seeds|runs)|success rate|likelihood|mse|rmse|regret)\b",
    re.I,
)
VAGUE = re.compile(
    r"\b(performance|robust(?:ness)?|quality|effective(?:ness)?|works?|helps?|better results|"
    r"good|efficien(?:t|cy)|power(?:ful)?|understand(?:s|ing)?)\b",
    re.I,
)
HEDGES = re.compile(
    r"\b(may|might|could|possibly|perhaps|somewhat|tends? to|probably|likely|in some cases|"
    r"to some extent|potentially)\b",
    re.I,
)
UP = re.compile(
    r"\b(higher|larger|greater|more|increase[sd]?|raise[sd]?|improve[sd]?|exceeds?|above)\b", re.I
)
DOWN = re.compile(
    r"\b(lower(?:s|ed)?|smaller|fewer|less|reduce[sd]?|decrease[sd]?|below|cuts?|shrinks?)\b", re.I
)
VERB = re.compile(
    r"\b(is|are|will|would|does|do|has|have|stays?|remains?|reaches|achieves|yields|gives|makes|"
    r"keeps|needs|takes|trains|converges|fits|matches|beats|raises|lowers|reduces|increases|"
    r"decreases|improves|exceeds|cuts|shrinks|raise|lower|reduce|increase|decrease|improve|"
    r"exceed|make|keep|need|take|train|converge|fit|match|beat|reach|achieve|yield|give|"
    r"helps?|works?|outperforms?)\b",
    re.I,
)
#: A negated claim: a negation on the verb, or the whole statement denied.
NEGATED = re.compile(
    r"\b(?:does|do|did|will|would|is|are|can|should)\s+not\b|"
    r"\b(?:doesn't|don't|didn't|won't|wouldn't|isn't|aren't|cannot|can't|never|fails? to)\b",
    re.I,
)
DENIED = re.compile(
    r"\b(?:not|never)\s+(?:true|the case)\b|^\W*(?:not|no|none)\b"
    r"|\b(?:false|untrue|incorrect|wrong|a myth) that\b",
    re.I,
)
#: The non-inferiority form a negated verb may take: "does not lower ... by more than 1 point".
_NON_INFERIORITY = re.compile(rf"[^,;]*?\b(?:by )?(?:more|less|fewer) than\s+{_NUM}", re.I)
_QUALIFIERS = re.compile(r"\b(no )?(more|less|fewer) than\b|\bat (least|most)\b", re.I)
_NOT_THRESHOLD_AFTER = re.compile(r"\s*(%\s*)?(seeds?|runs?|trials?|confidence|ci\b|level)", re.I)
THRESHOLD = re.compile(
    rf"\b(?:by|of)\s+(?:at least\s+|at most\s+|more than\s+|less than\s+|over\s+)?({_NUM})"
    rf"|(?:at least|at most|more than|less than|no more than|no less than|above|below|under|"
    rf"exceeds?|within)\s+({_NUM})"
    rf"|[≥≤><]\s*({_NUM})"
    rf"|\b({_NUM})\s*(?:%|percentage points?|points?|pp|×|x|times)?\s+"
    rf"(?:higher|lower|more|less|fewer|larger|smaller|faster|slower)\b",
    re.I,
)
COMPARISON = re.compile(
    r"\bthan\s+(?:that of\s+|those of\s+)?(?!\d)(?:the\s+|a\s+|an\s+)?([a-z][\w-]*)"
    r"|\b(?:compared (?:with|to)|relative to|versus|vs\.?|against)\s+(?:the\s+|a\s+|an\s+)?"
    r"([a-z][\w-]*)",
    re.I,
)
FUNCTION_WORDS = frozenset(
    "the a an of to with than by at on in for is are will that and when from over under as "
    "its their it this these be does do not".split()
)
#: Words a salad repeats; a hypothesis needs each once or twice.
FORM_WORDS = re.compile(
    r"\b(accuracy|error|loss|baseline|threshold|higher|lower|than|seeds?|significant(?:ly)?|"
    r"hypothesis|metric|comparison|direction)\b",
    re.I,
)


@dataclass
class HypothesisForm:
    """What :func:`parse_hypothesis` found; ``problems`` lists why it is not well formed."""

    text: str
    quantity: str | None = None
    comparison: str | None = None
    threshold: str | None = None
    direction: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def is_sentence(self) -> bool:
        """No gate failed: the text reads as a hypothesis, not as salad or a hedge."""
        return not self.problems

    @property
    def ok(self) -> bool:
        """A sentence with all four parts."""
        parts = (self.quantity, self.comparison, self.threshold, self.direction)
        return self.is_sentence and all(p is not None for p in parts)

    def missing(self) -> list[str]:
        names = ("quantity", "comparison", "threshold", "direction")
        return [n for n in names if getattr(self, n) is None]


def _gates(text: str, words: list[str]) -> list[str]:
    problems = []
    if not 8 <= len(words) <= 80:
        problems.append(f"{len(words)} words: a hypothesis is one or two sentences (8-80 words)")
    if not VERB.search(text):
        problems.append("no verb: a list of terms is not a statement that could be false")
    share = sum(w.lower() in FUNCTION_WORDS for w in words) / max(len(words), 1)
    if words and share < 0.15:
        problems.append(f"only {share:.0%} function words: this reads as keywords, not a sentence")
    counts = Counter(m.lower() for m in FORM_WORDS.findall(text))
    stuffed = sorted(w for w, n in counts.items() if n >= 3)
    if stuffed:
        problems.append(f"{', '.join(stuffed)} repeated 3 or more times: keyword stuffing")
    quantities = {m.group().lower() for m in QUANTITY.finditer(text)}
    if len(quantities) > 3:
        problems.append(f"{len(quantities)} quantities named: a hypothesis measures one or two")
    if m := DENIED.search(text):
        problems.append(f"denied ('{m.group().strip()}'): state what you expect to hold")
    else:
        for m in NEGATED.finditer(text):
            if not _NON_INFERIORITY.match(text, m.end()):
                problems.append(
                    f"negated ('{m.group()}'): state the effect you expect; a non-inferiority "
                    "claim reads 'does not lower ... by more than N'"
                )
                break
    if m := HEDGES.search(text):
        problems.append(f"hedged ('{m.group()}'): say what will happen, not what might")
    plain = _QUALIFIERS.sub(" ", text)
    if UP.search(plain) and DOWN.search(plain):
        up, down = UP.search(plain).group(), DOWN.search(plain).group()
        problems.append(f"both directions ('{up}', '{down}'): it cannot fail either way")
    if not quantities and (m := VAGUE.search(text)):
        problems.append(f"'{m.group()}' is not measured: name the metric")
    return problems


def parse_hypothesis(text: str) -> HypothesisForm:
    """The form of ``text``: its quantity, comparison, threshold and direction, or problems."""
    text = " ".join(str(text).split())
    form = HypothesisForm(text)
    form.problems = _gates(text, text.split())
    if m := QUANTITY.search(text):
        form.quantity = m.group()
    for m in COMPARISON.finditer(text):
        form.comparison = m.group()
        break
    for m in THRESHOLD.finditer(text):
        if not _NOT_THRESHOLD_AFTER.match(text, m.end()):
            form.threshold = m.group()
            break
    plain = _QUALIFIERS.sub(" ", text)
    if m := (UP.search(plain) or DOWN.search(plain)):
        form.direction = m.group()
    return form

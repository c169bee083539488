"""A prose checker for abstracts and paragraphs (writing theme, lesson 4: claims and evidence).

``check_prose(text)`` splits the text into sentences and applies each rule below; every
:class:`~diyphd.writing.finding.Finding` names the sentence and the reason. The rules are
heuristics in the spirit of Lipton & Steinhardt (2018): they point at places to reread, and a
text with no findings is not thereby a good text.

- ``superlative``: "state of the art", "best", "outperforms", ... in a sentence with no number.
- ``significance``: "significant(ly)" with no statistical test, p-value or interval named
  (a number alone does not make a difference significant).
- ``acronym``: an acronym used before it is defined as "long form (ACR)".
- ``weasel`` (vague attribution: "it is well known") and ``filler`` ("very", "in order to").
- ``length``: a sentence over ``max_words`` words.
- ``passive``: more than ``max_passive`` of the sentences in the passive voice.
- ``unit``: a number followed by nothing that says what it counts or measures.
- ``uncertainty``: a measurement (a decimal or a percentage) in a sentence that gives no
  spread (±, std, standard error, a confidence interval).

No sentence-splitting library is installed in the kit's environment, so :func:`split_sentences`
is a small regular-expression splitter that knows the abbreviations of scientific prose
("e.g.", "i.e.", "et al.", "Fig.", "Eq.", "vs."), initials ("J. Smith") and decimals ("0.5").
"""

from __future__ import annotations

import re

from diyphd.writing.finding import Finding

#: Tokens ending in a full stop that never end a sentence (compared in lower case).
ABBREVIATIONS = frozenset(
    "e.g. i.e. al. et.al. fig. figs. eq. eqs. sec. secs. tab. tabs. ref. refs. vs. cf. approx. "
    "no. nos. dr. prof. mr. ms. ch. p. pp. resp. viz. incl. alg. app. thm. def. st.".split()
)

#: Acronyms a reader of ML papers needs no definition for (units, hardware, numerals, datasets).
KNOWN_ACRONYMS = frozenset(
    "GPU CPU TPU RAM GB MB TB KB PDF URL API US UK EU OK II III IV VI MNIST CIFAR SVHN "
    "ReLU LaTeX BibTeX CUDA NVIDIA".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)")
_NEXT_START = re.compile(r"\s+[\"'(\[]?[A-Z0-9]")


_LIST_ITEM = re.compile(r"\n(?=[ \t]*(?:[-*•]|\d+[.)])\s)")


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; blank lines and list items always end a sentence."""
    sentences: list[str] = []
    blocks = [b for para in re.split(r"\n\s*\n", text) for b in _LIST_ITEM.split(para)]
    for para in blocks:
        para = " ".join(para.split())
        start = 0
        for m in _BOUNDARY.finditer(para):
            token = para[start : m.end()].split()[-1].lstrip("\"'([").lower()
            dotted = m.group().startswith(".")
            if dotted and (token in ABBREVIATIONS or re.fullmatch(r"([a-z]\.)+", token)):
                continue  # "e.g.", "et al.", an initial "J." or "U.S."
            if m.end() < len(para) and not _NEXT_START.match(para, m.end()):
                continue  # the next word starts in lower case: not a sentence start
            sentences.append(para[start : m.end()].strip())
            start = m.end()
        if para[start:].strip():
            sentences.append(para[start:].strip())
    return sentences


def _any(patterns: list[str], sentence: str) -> re.Match | None:
    for p in patterns:
        if m := re.search(p, sentence, flags=re.IGNORECASE):
            return m
    return None


SUPERLATIVES = [
    r"\bstate[- ]of[- ]the[- ]art\b",
    r"\bSOTA\b",
    r"\bbest\b",
    r"\boutperform\w*",
    r"\bsuperior\b",
    r"\bunprecedented\b",
    r"\bground-?breaking\b",
    r"\brevolution\w*",
    r"\bpowerful\b",
    r"\bunparalleled\b",
    r"\bbreakthrough\b",
    r"\bdramatic(ally)?\b",
    r"\bremarkabl[ey]\b",
    r"\bimpressive(ly)?\b",
    r"\bvastly\b",
    r"\bby a (large|wide|huge) margin\b",
]
UP_TO = r"\b(?:up to|as much as|as high as)\s+[~≈]?\d"
OVERGENERAL = [
    r"\b(any|every|all)\s+(tasks?|data ?sets?|domains?|architectures?|settings?|problems?|"
    r"networks?|models?)\b",
    r"\buniversal(ly)?\b",
]
PRIORITY = r"\b(we are|is|are|was) the first\b|\bthe first (to|method|work|paper|approach|study)\b"
SIGNIFICANCE = r"\bsignificant(ly)?\b"
TESTS = [
    r"\bp\s*[<=≤]\s*0?\.\d",
    r"\bp-values?\b",
    r"\bt-test\b",
    r"\bWelch\b",
    r"\bWilcoxon\b",
    r"\bpermutation test\b",
    r"\bbootstrap",
    r"\bconfidence intervals?\b",
    r"\bCIs?\b",
]
WEASEL = [
    r"\bit is (well[- ])?known\b",
    r"\bit is (widely |generally |commonly )?(believed|accepted|thought|agreed)\b",
    r"\bmany (researchers|people|studies|experts|works)\b",
    r"\bsome (researchers|people|argue|studies|experts)\b",
    r"\bexperts (say|agree|believe)\b",
    r"\barguably\b",
    r"\bgenerally\b",
    r"\bwidely regarded\b",
]
FILLER = [
    r"\bvery\b",
    r"\bextremely\b",
    r"\bquite\b",
    r"\breally\b",
    r"\bclearly\b",
    r"\bobviously\b",
    r"\bof course\b",
    r"\bbasically\b",
    r"\bessentially\b",
    r"\bactually\b",
    r"\binterestingly\b",
    r"\bneedless to say\b",
    r"\bin order to\b",
    r"\ba (large |great |small )?number of\b",
    r"\bvarious\b",
    r"\bit (should|must) be noted that\b",
    r"\bit is (worth noting|important to note) that\b",
]
_PARTICIPLES = (
    "known shown given taken made done seen found written chosen drawn run set built held kept "
    "left led met put read said sent spent told thought understood grown begun broken driven "
    "fallen hidden proven split cut bound fed fit trained"
).split()
_NOT_PARTICIPLES = "indeed|need|speed|seed|feed|proceed|exceed|succeed|breed|shed|red|bed"
PASSIVE = re.compile(
    r"\b(am|is|are|was|were|be|been|being)\s+(\w+ly\s+)?"
    r"((?!(?:" + _NOT_PARTICIPLES + r")\b)\w+ed|" + "|".join(_PARTICIPLES) + r")\b",
    flags=re.IGNORECASE,
)
UNCERTAINTY = re.compile(
    r"±|\+/-|\+-|\bstd\b|standard (deviation|error)|\bs\.e\.|\bSEM\b|confidence interval|\bCI\b"
    r"|\[\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*\]",
    flags=re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w.])(-?\d+(?:,\d{3})*(?:\.\d+)?)(?![\w.]*\d)")
_REFERENCE_BEFORE = re.compile(
    r"(fig\.|figs?|figure|table|tab\.|section|sec\.|§|eq\.|equation|theorem|lemma|appendix|"
    r"algorithm|chapter|ch\.|line|step|version|v)\s*\(?$",
    flags=re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*-?(%|pp\b|percentage points?\b|points?\b|×|x\b|times\b|ms\b|s\b|seconds?\b|minutes?\b|"
    r"min\b|hours?\b|h\b|days?\b|GPU[- ]hours?\b|[kMGT]?B\b|[kMG]?Hz\b|dB\b|°C\b|W\b|kWh\b|"
    r"FLOPs?\b|k\b|M\b|bn\b|[a-zA-Z]+)"
)
#: A setting named just before its value: "a learning rate of 0.1", "momentum 0.9", "β = 0.9".
_SETTING_BEFORE = re.compile(
    r"\b(learning rate|lr|step size|weight decay|momentum|dropout(?: rate)?|temperature|"
    r"(?:mini-?)?batch size|hidden size|width|depth|rank|"
    r"label smoothing|decay|epsilon|lambda|alpha|beta\d?|gamma|tau|rho|[αβγελτρη]\d?)"
    r"\s*(?:of|=|to|is|at|was|set to)?\s*$",
    flags=re.IGNORECASE,
)
#: "1.2 million images": a count, not a measurement.
_COUNT_AFTER = re.compile(r"\s*(million|billion|thousand|trillion)\b", flags=re.IGNORECASE)
#: "Python 3.11", "PyTorch 2.13.0", "CUDA 12.1": a version, not a quantity.
_VERSION_BEFORE = re.compile(
    r"\b(python|pytorch|torch|numpy|scipy|cuda|cudnn|jax|tensorflow|scikit-learn|sklearn|"
    r"ubuntu|debian|gcc|java|node|release|jupyter book|sphinx)\s*$",
    flags=re.IGNORECASE,
)
_PLUS_MINUS = re.compile(r"\s*(±|\+/-|\+-)\s*\d+(\.\d+)?")
CONNECTORS = frozenset(
    "to and or on in at vs versus with than for from of by per after when while across over "
    "under against compared which that as but is are was were".split()
)
#: Words after which a bare number must say what it measures ("reaches 94.2" -> 94.2 what?).
ANCHORS = CONNECTORS | frozenset(
    "reach reaches reached achieve achieves achieved obtain obtains obtained get gets got score "
    "scores scored attain attains yields yield gives give equals drop drops fell falls fall rise "
    "rises rose improve improves improved a an the be".split()
)


def _measurements(sentence: str) -> list[tuple[str, bool, bool]]:
    """Numbers that state a quantity: (number, needs a unit it lacks, is a measurement).

    Skipped: numbers inside names (ResNet-18, CIFAR-10), references (Table 2), years, p-values
    and the spread after a ±. A number needs a unit when a verb or preposition ("reaches",
    "of", "to") comes before it and no unit or noun after it ("batch size 128" names its
    quantity first). Decimals and percentages are measurements, except in lists and after "="
    (settings such as a learning rate).
    """
    out = []
    for m in _NUMBER.finditer(sentence):
        before = sentence[: m.start()]
        number = m.group(1)
        if re.search(r"[A-Za-z]-?$", before) or _REFERENCE_BEFORE.search(before):
            continue
        if re.search(r"\bp\s*[<=>≤≥]\s*$", before) or re.search(r"(±|\+/-|\+-)\s*$", before):
            continue
        after = sentence[m.end() :]
        if _VERSION_BEFORE.search(before) or re.match(r"\.\d", after):
            continue  # a version ("Python 3.11", "2.13.0")
        if re.fullmatch(r"(19|20)\d\d", number) and not re.match(r"\s*%", after):
            continue
        rest = after[pm.end() :] if (pm := _PLUS_MINUS.match(after)) else after
        unit = _UNIT_AFTER.match(rest)
        has_unit = unit is not None and unit.group(1).lower() not in CONNECTORS
        previous = re.search(r"(\w+)\s*$", before)
        anchored = previous is not None and previous.group(1).lower() in ANCHORS
        if re.search(r"\d\s*(?:%|pp)?\s*(?:to|-|–)\s*$", before):
            anchored = False  # the upper end of a range ("1.4 to 2.8"): its lower end is judged
        percent = unit is not None and unit.group(1) in ("%", "pp")
        setting = re.search(r"[{=,\[]\s*$", before) is not None or bool(
            _SETTING_BEFORE.search(before)
        )
        count = _COUNT_AFTER.match(rest) is not None
        measurement = ("." in number or percent) and not setting and not count
        out.append((number, anchored and not has_unit and not setting, measurement))
    return out


_ACRONYM = re.compile(
    r"^([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*|(?=[A-Za-z]{3,5}$)(?=.*[a-z])[A-Z][A-Za-z]*[A-Z])s?$"
)


def _acronym_findings(sentences: list[str], known: frozenset[str]) -> list[Finding]:
    """Acronyms (also inside hyphenated names: LA-SGD) used before 'long form (ACR)'."""
    defined: set[str] = set()
    reported: set[str] = set()
    findings = []
    for s in sentences:
        for m in re.finditer(r"(?<![\w-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-])", s):
            parts = [a.group(1) for p in m.group().split("-") if (a := _ACRONYM.match(p))]
            if not parts:
                continue
            before = s[: m.start()]
            words = re.findall(r"[A-Za-z][\w-]*", before)[-2 * sum(map(len, parts)) :]
            initials = {w[0].upper() for w in words}
            in_parens = before.endswith("(") and s[m.end() :].startswith(")")
            long_after = re.match(r"\s*\((?![A-Z]{2})[a-z]", s[m.end() :]) is not None
            for acr in parts:
                if (in_parens and acr[0] in initials) or long_after:
                    defined.add(acr)  # "long form (ACR)" or "ACR (long form)"
                elif acr not in defined and acr not in known and acr not in reported:
                    reported.add(acr)
                    why = f"acronym {acr} is used before it is defined; write 'long form ({acr})'"
                    findings.append(Finding("acronym", s, why))
    return findings


def check_prose(
    text: str,
    *,
    max_words: int = 35,
    max_passive: float = 1 / 3,
    known_acronyms: frozenset[str] | set[str] = KNOWN_ACRONYMS,
) -> list[Finding]:
    """Every finding of every rule, in sentence order within each rule."""
    sentences = split_sentences(text)
    findings: list[Finding] = []
    for s in sentences:
        numbers = _measurements(s)
        claims = _unquoted(s)
        supers = [m for p in SUPERLATIVES for m in re.finditer(p, claims, flags=re.IGNORECASE)]
        if supers and not numbers:
            why = f"'{supers[0].group()}' is a claim with no number to support it"
            findings.append(Finding("superlative", s, why))
        elif len(supers) > max(1, len(numbers)):
            second = sorted(supers, key=lambda m: m.start())[1].group()
            why = f"'{second}': a second claim in the sentence, with no number of its own"
            findings.append(Finding("superlative", s, why))
        if m := re.search(UP_TO, claims, flags=re.IGNORECASE):
            why = f"'{m.group()}' reports the best case: give the typical value and its spread"
            findings.append(Finding("cherry-pick", s, why))
        if m := _any(OVERGENERAL, claims):
            why = f"'{m.group()}' claims more than any experiment can test: name what you tested"
            findings.append(Finding("overclaim", s, why))
        if m := re.search(PRIORITY, claims, flags=re.IGNORECASE):
            why = f"'{m.group()}' is a claim about all prior work: cite the nearest, or drop it"
            findings.append(Finding("overclaim", s, why))
        if (m := re.search(SIGNIFICANCE, claims, flags=re.IGNORECASE)) and not _any(TESTS, s):
            why = f"'{m.group()}' names no statistical test, p-value or interval"
            findings.append(Finding("significance", s, why))
    findings += _acronym_findings(sentences, frozenset(known_acronyms))
    for s in sentences:
        if m := _any(WEASEL, _unquoted(s)):
            findings.append(Finding("weasel", s, f"'{m.group()}': say who, and cite them"))
        if m := _any(FILLER, _unquoted(s)):
            findings.append(Finding("filler", s, f"'{m.group()}' adds words, not meaning"))
        n_words = len(s.split())
        if n_words > max_words:
            why = f"{n_words} words (limit {max_words}); split it"
            findings.append(Finding("length", s, why))
    passive = [(s, m) for s in sentences if (m := PASSIVE.search(s))]
    if sentences and len(passive) / len(sentences) > max_passive:
        share = f"{len(passive)} of {len(sentences)} sentences are passive"
        for s, m in passive:
            why = f"passive '{m.group()}' ({share}; limit {max_passive:.0%}): who did it?"
            findings.append(Finding("passive", s, why))
    for s in sentences:
        numbers = _measurements(s)
        for number, lacks_unit, _ in numbers:
            if lacks_unit:
                why = f"the number {number} has no unit or noun saying what it measures"
                findings.append(Finding("unit", s, why))
        measured = [n for n, _, is_measurement in numbers if is_measurement]
        if measured and not UNCERTAINTY.search(s):
            why = f"{', '.join(measured)} reported with no uncertainty (± std, SE or CI)"
            findings.append(Finding("uncertainty", s, why))
    spread = [s for s in sentences if re.search(r"±|\+/-", s)]
    if spread and not _SPREAD_NAMED.search(text):
        why = "± with no name: say whether it is a standard deviation, a standard error or a CI"
        findings.append(Finding("uncertainty", spread[0], why))
    return findings


_SPREAD_NAMED = re.compile(
    r"\bstd\b|standard (deviation|error)|\bs\.[de]\.|\bSEM?\b|confidence interval|\bCIs?\b",
    flags=re.IGNORECASE,
)


def _unquoted(sentence: str) -> str:
    """The sentence with quoted phrases blanked: a word mentioned is not a word used."""
    return re.sub(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^']{2,}'(?!\w)", '""', sentence)

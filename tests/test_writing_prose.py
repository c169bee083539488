"""The prose checker: each rule fires on a sentence that breaks it and stays quiet on a fix."""

from __future__ import annotations

import pytest

from diyphd.writing import report
from diyphd.writing.examples import ABSTRACT_REVISIONS, FLAWED_ABSTRACT, REVISED_ABSTRACT
from diyphd.writing.prose import check_prose, split_sentences


def rules(text: str, **kw) -> set[str]:
    return {f.rule for f in check_prose(text, **kw)}


def test_splitter_keeps_abbreviations_initials_and_decimals():
    """Does the splitter leave 'e.g.', 'et al.', 'Fig. 2', 'J. Smith' and '0.25' intact?"""
    text = (
        "Networks are trained with SGD, e.g. by Zhang et al. in Fig. 2 of their paper. "
        "The loss fell to 0.25. Did it rise?\n\nThen J. Smith agreed."
    )
    assert split_sentences(text) == [
        "Networks are trained with SGD, e.g. by Zhang et al. in Fig. 2 of their paper.",
        "The loss fell to 0.25.",
        "Did it rise?",
        "Then J. Smith agreed.",
    ]


def test_splitter_does_not_split_before_lower_case():
    """Does an unknown abbreviation before a lower-case word stay in its sentence?"""
    assert len(split_sentences("We use approx. five runs and std. errors here.")) == 1


# (rule, text that breaks it, a repaired text)
CASES = [
    (
        "superlative",
        "Our method achieves state-of-the-art results.",
        "Our method reaches 94.2 % ± 0.2 % accuracy over five seeds (mean ± std).",
    ),
    (
        "significance",
        "Our method is significantly better than Adam.",
        "Our method beats Adam by 0.6 % ± 0.3 % accuracy (Welch t-test, p = 0.01).",
    ),
    (
        "acronym",
        "We train the CNN with dropout.",
        "We train the convolutional neural network (CNN) with dropout. The CNN has five layers.",
    ),
    ("weasel", "It is well known that depth helps.", "Depth helps on CIFAR-10 (He et al. 2016)."),
    ("filler", "We use dropout in order to regularize.", "We use dropout to regularize."),
    (
        "length",
        " ".join(["word"] * 40) + ".",
        " ".join(["word"] * 20) + ".",
    ),
    (
        "passive",
        "The model was trained. The data was cleaned. We report results.",
        "We trained the model. We cleaned the data. We report results.",
    ),
    (
        "unit",
        "The training time fell to 12.",
        "The training time fell to 12 minutes on one CPU core.",
    ),
    (
        "uncertainty",
        "The test accuracy is 93.1 %.",
        "The test accuracy is 93.1 % ± 0.4 % (std over five seeds).",
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_flags_bad_and_passes_good(rule, bad, good):
    """Does each rule flag its bad sentence, naming it, and find nothing in the repair?"""
    found = [f for f in check_prose(bad) if f.rule == rule]
    assert found, f"{rule} missed: {bad!r}"
    assert found[0].where in bad and found[0].why
    assert check_prose(good) == [], report(check_prose(good))


def test_names_and_references_are_not_numbers():
    """Do ResNet-18, CIFAR-10, Table 2, a year and a p-value escape the number rules?"""
    text = "We follow Table 2 of He et al. (2016) with a ResNet-18 on CIFAR-10, where p = 0.03."
    assert not rules(text) & {"unit", "uncertainty"}


def test_settings_and_named_quantities_need_no_spread():
    """Do 'batch size 128' and a list of tried learning rates pass the number rules?"""
    text = "We use batch size 128 and try learning rates in {0.3, 0.1, 0.01}."
    assert not rules(text) & {"unit", "uncertainty"}


def test_acronym_defined_inside_hyphenated_name():
    """Does '(LA-SGD)' define both LA and SGD for later use?"""
    text = "We propose LookAround stochastic gradient descent (LA-SGD). LA-SGD is simple."
    assert "acronym" not in rules(text)
    assert "acronym" in rules("LA-SGD is simple. It is LookAround SGD.")


def test_thresholds_are_parameters():
    """Do max_words and max_passive move the limits?"""
    text = "The model was trained on the data. We report results."
    assert "passive" in rules(text, max_passive=0.4)
    assert "passive" not in rules(text, max_passive=0.5)
    assert "length" in rules("one two three four five six.", max_words=5)


def test_lesson_abstract_revision_reaches_zero():
    """Does the flawed abstract collect many findings, each revision fewer, the last none?"""
    counts = [len(check_prose(text)) for _, text in ABSTRACT_REVISIONS]
    assert counts[0] >= 10 and counts == sorted(counts, reverse=True)
    assert len(set(counts)) == len(counts)
    assert check_prose(REVISED_ABSTRACT) == []
    assert {f.rule for f in check_prose(FLAWED_ABSTRACT)} >= {
        "superlative",
        "significance",
        "acronym",
        "weasel",
        "filler",
        "length",
        "passive",
        "unit",
        "uncertainty",
    }

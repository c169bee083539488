"""Byte-pair encoding: one merge step, training, and the encode/decode round trip."""

from collections import Counter

from diyphd.language_models.bpe import BPE, merge, most_frequent_pair, pair_counts


def test_merge_is_left_to_right_and_non_overlapping():
    """Does merging (1, 1) in 1 1 1 give [new, 1], not two overlapping merges?"""
    assert merge([1, 1, 1], (1, 1), 9) == [9, 1]
    assert merge([1, 2, 3, 1, 2], (1, 2), 7) == [7, 3, 7]
    assert merge([], (1, 2), 7) == []


def test_most_frequent_pair_breaks_ties_by_the_smallest_pair():
    """With frequencies, is the top pair the most frequent, and ties the smallest?"""
    counts = pair_counts({(1, 2, 3): 2, (2, 3): 1})
    assert counts == Counter({(1, 2): 2, (2, 3): 3})
    assert most_frequent_pair(counts) == (2, 3)
    assert most_frequent_pair(Counter({(5, 1): 2, (1, 9): 2})) == (1, 9)


def test_bpe_round_trip_and_compression():
    """Does decode(encode(text)) return the text, with fewer tokens than bytes?"""
    text = "the cat sat on the mat; the hat is that hat. " * 20
    tok = BPE.train(text, 30)
    ids = tok.encode(text)
    assert tok.decode(ids) == text
    assert len(ids) < len(text.encode()) / 2
    assert tok.decode(tok.encode("unseen words, é!")) == "unseen words, é!"


def test_first_merge_is_the_most_frequent_byte_pair():
    """Is the first learned merge the most frequent adjacent byte pair within words?"""
    tok = BPE.train("abc,abd,abe,cd", 1)  # (a, b) three times, every other pair once
    assert list(tok.merges) == [(ord("a"), ord("b"))]
    tok = BPE.train("aaab aab ab", 1)  # (a, a) and (a, b) three times each: the smaller wins
    assert list(tok.merges) == [(ord("a"), ord("a"))]

"""Byte-pair encoding (Sennrich et al. 2016) from scratch, on UTF-8 bytes within words.

Introduced in ``notebooks/language_models/02_tokenization_language_modelling.ipynb``. Training
counts adjacent pairs over the distinct words of the text (weighted by frequency), merges the
most frequent pair into a new token and repeats; ties go to the smallest pair, so training is
deterministic. Encoding applies the learned merges in the order they were learned.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# words with their leading space, runs of digits, runs of other symbols, whitespace
_WORDS = re.compile(r" ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+")


def pair_counts(seqs: dict[tuple[int, ...], int]) -> Counter:
    """Counts of adjacent token pairs over sequences, each weighted by its frequency."""
    counts: Counter = Counter()
    for seq, freq in seqs.items():
        for pair in zip(seq, seq[1:], strict=False):
            counts[pair] += freq
    return counts


def most_frequent_pair(counts: Counter) -> tuple[int, int]:
    """The pair with the highest count; among equals, the smallest pair."""
    if not counts:
        raise ValueError("no pairs to merge: every sequence has fewer than two tokens")
    top = max(counts.values())
    return min(p for p, c in counts.items() if c == top)


def merge(ids: list[int] | tuple[int, ...], pair: tuple[int, int], new_id: int) -> list[int]:
    """Replace each occurrence of ``pair`` in ``ids``, scanning left to right, by ``new_id``."""
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


@dataclass
class BPE:
    """A byte-level BPE tokenizer: token ids 0-255 are bytes, 256 onwards are merges."""

    merges: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def vocab(self) -> dict[int, bytes]:
        vocab = {i: bytes([i]) for i in range(256)}
        for (a, b), new in self.merges.items():
            vocab[new] = vocab[a] + vocab[b]
        return vocab

    @classmethod
    def train(cls, text: str, n_merges: int) -> BPE:
        words = Counter(tuple(w.encode("utf-8")) for w in _WORDS.findall(text))
        tok = cls()
        for k in range(n_merges):
            counts = pair_counts(words)
            if not counts:
                break
            pair = most_frequent_pair(counts)
            new = 256 + k
            tok.merges[pair] = new
            merged: Counter = Counter()
            for w, f in words.items():
                merged[tuple(merge(w, pair, new)) if len(w) > 1 else w] += f
            words = merged
        return tok

    def encode(self, text: str) -> list[int]:
        out: list[int] = []
        cache: dict[str, list[int]] = {}
        for w in _WORDS.findall(text):
            if w not in cache:
                ids = list(w.encode("utf-8"))
                for pair, new in self.merges.items():
                    if len(ids) < 2:
                        break
                    ids = merge(ids, pair, new)
                cache[w] = ids
            out.extend(cache[w])
        return out

    def decode(self, ids: list[int]) -> str:
        vocab = self.vocab
        return b"".join(vocab[int(i)] for i in ids).decode("utf-8", errors="replace")

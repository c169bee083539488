"""Text to model: the book's own prose shipped as package data, characters as tokens, and a
synthetic Markov language whose entropy rate, the irreducible loss, is known exactly.

Introduced in ``notebooks/language_models/02_tokenization_language_modelling.ipynb``; the
Markov language is the data of lesson 3 (scaling laws).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

BOOK_PROSE = "book_prose.txt"


def load_corpus(path: str | Path | None = None) -> str:
    """The text of a UTF-8 corpus file; by default the book's prose shipped with diyphd.

    A missing file raises ``FileNotFoundError``, a folder ``IsADirectoryError``, and an empty
    file or one that is not UTF-8 ``ValueError``, each saying which file and what to do.
    """
    if path is None:
        text = resources.files("diyphd.language_models").joinpath("data", BOOK_PROSE)
        source = f"the shipped corpus diyphd/language_models/data/{BOOK_PROSE}"
        if not text.is_file():
            raise FileNotFoundError(f"{source} is missing: reinstall diyphd (pip install -e .)")
        content = text.read_text(encoding="utf-8")
    else:
        p = Path(path)
        source = f"corpus file {str(p)!r}"
        if p.is_dir():
            raise IsADirectoryError(f"{source} is a folder: pass the path of a UTF-8 text file")
        if not p.is_file():
            raise FileNotFoundError(
                f"{source} does not exist: pass the path of a UTF-8 text file, "
                "or call load_corpus() for the book's prose shipped with diyphd"
            )
        try:
            content = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise ValueError(
                f"{source} is not UTF-8 text (byte {err.start}): save it as UTF-8"
            ) from None
    if not content.strip():
        raise ValueError(f"{source} is empty: a language model needs text to learn from")
    return content


@dataclass
class CharVocab:
    """Characters as tokens: ``encode`` maps a string to ids, ``decode`` back."""

    chars: list[str]

    @classmethod
    def from_text(cls, text: str) -> CharVocab:
        return cls(sorted(set(text)))

    def __len__(self) -> int:
        return len(self.chars)

    def encode(self, text: str) -> list[int]:
        index = {c: i for i, c in enumerate(self.chars)}
        unknown = sorted(set(text) - index.keys())
        if unknown:
            raise ValueError(f"characters not in the vocabulary: {unknown[:5]}")
        return [index[c] for c in text]

    def decode(self, ids) -> str:
        return "".join(self.chars[int(i)] for i in ids)


class MarkovLanguage:
    """An order-``k`` Markov chain on ``V`` symbols with Dirichlet(``concentration``) rows.

    The state is the last ``k`` symbols (``V**k`` states); ``transition[s]`` is the
    distribution of the next symbol. :meth:`entropy_rate` is ``Σ_s π(s) H(transition[s])``
    in nats, with ``π`` the stationary distribution: the lowest expected cross-entropy any
    model that sees the past can reach.
    """

    def __init__(
        self, vocab_size: int = 8, order: int = 2, concentration: float = 0.3, seed: int = 0
    ) -> None:
        if vocab_size < 2 or order < 1:
            raise ValueError("need vocab_size >= 2 and order >= 1")
        self.vocab_size, self.order = vocab_size, order
        rng = np.random.default_rng(seed)
        n_states = vocab_size**order
        self.transition = rng.dirichlet(np.full(vocab_size, concentration), size=n_states)
        self.transition = np.maximum(self.transition, 1e-12)
        self.transition /= self.transition.sum(axis=1, keepdims=True)
        self.stationary = self._stationary()

    def next_state(self, state: np.ndarray, symbol: np.ndarray) -> np.ndarray:
        """The state after ``symbol`` follows ``state`` (states index the last k symbols)."""
        return (state * self.vocab_size + symbol) % (self.vocab_size**self.order)

    def _stationary(self) -> np.ndarray:
        v, n = self.vocab_size, self.vocab_size**self.order
        pi = np.full(n, 1.0 / n)
        states = np.arange(n)
        for _ in range(10_000):
            new = np.zeros(n)
            for x in range(v):
                np.add.at(new, self.next_state(states, np.full(n, x)), pi * self.transition[:, x])
            if np.abs(new - pi).sum() < 1e-14:
                return new
            pi = new
        return pi

    def state_symbols(self, state: np.ndarray) -> np.ndarray:
        """The ``k`` symbols of each state, oldest first: shape ``(len(state), k)``."""
        state = np.asarray(state)
        powers = self.vocab_size ** np.arange(self.order - 1, -1, -1)
        return (state[:, None] // powers) % self.vocab_size

    def entropy_rate(self) -> float:
        """``Σ_s π(s) H(P(· | s))`` in nats per symbol."""
        p = self.transition
        return float(self.stationary @ -(p * np.log(p)).sum(axis=1))

    def cross_entropy(self, q: np.ndarray) -> float:
        """Expected loss (nats) of a model predicting ``q[s]`` in state ``s``, exactly."""
        q = np.clip(q, 1e-300, None)
        return float(self.stationary @ -(self.transition * np.log(q)).sum(axis=1))

    def token_losses(self, seqs: np.ndarray) -> np.ndarray:
        """``−log P(x_t | previous k)`` (nats) of the chain itself, for every ``t ≥ k``."""
        seqs = np.asarray(seqs)
        state = np.zeros(seqs.shape[0], dtype=np.int64)
        for j in range(self.order):
            state = state * self.vocab_size + seqs[:, j]
        out = np.empty((seqs.shape[0], seqs.shape[1] - self.order))
        for t in range(self.order, seqs.shape[1]):
            out[:, t - self.order] = -np.log(self.transition[state, seqs[:, t]])
            state = self.next_state(state, seqs[:, t])
        return out

    def sample_pairs(self, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """``n`` independent (state, next symbol) draws from the stationary chain."""
        states = rng.choice(self.stationary.size, size=n, p=self.stationary)
        cum = self.transition[states].cumsum(axis=1)
        nxt = (rng.random((n, 1)) < cum).argmax(axis=1)
        return states, nxt

    def sample(self, n_seqs: int, length: int, rng: np.random.Generator) -> np.ndarray:
        """``n_seqs`` sequences of ``length`` symbols, each started from the stationary law."""
        state = rng.choice(self.stationary.size, size=n_seqs, p=self.stationary)
        out = np.empty((n_seqs, length), dtype=np.int64)
        out[:, : self.order] = self.state_symbols(state)
        for t in range(self.order, length):
            cum = self.transition[state].cumsum(axis=1)
            out[:, t] = (rng.random((n_seqs, 1)) < cum).argmax(axis=1)
            state = self.next_state(state, out[:, t])
        return out

"""n-gram language models with add-k smoothing: the baselines a neural model must beat.

Introduced in ``notebooks/language_models/02_tokenization_language_modelling.ipynb``. Order 1 is
the unigram model; order ``n`` predicts a token from the ``n - 1`` before it with
``(count(context, x) + k) / (count(context) + k V)``.
"""

from __future__ import annotations

import numpy as np


class NGramModel:
    """An order-``n`` model on token ids ``0..V-1`` with add-``k`` smoothing."""

    def __init__(self, order: int, vocab_size: int, k: float = 0.1) -> None:
        if order < 1 or k <= 0:
            raise ValueError("need order >= 1 and k > 0")
        self.order, self.vocab_size, self.k = order, vocab_size, k

    def _ids(self, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Integer ids of each position's context and of its (context, token) n-gram."""
        t = np.asarray(tokens, dtype=np.int64)
        n, v = self.order, self.vocab_size
        ctx = np.zeros(t.size - n + 1, dtype=np.int64)
        for j in range(n - 1):
            ctx = ctx * v + t[j : t.size - n + 1 + j]
        return ctx, ctx * v + t[n - 1 :]

    def fit(self, tokens) -> NGramModel:
        ctx, full = self._ids(tokens)
        self._ctx, self._ctx_counts = np.unique(ctx, return_counts=True)
        self._full, self._full_counts = np.unique(full, return_counts=True)
        return self

    @staticmethod
    def _lookup(keys: np.ndarray, counts: np.ndarray, query: np.ndarray) -> np.ndarray:
        i = np.clip(np.searchsorted(keys, query), 0, keys.size - 1)
        return np.where(keys[i] == query, counts[i], 0)

    def log_probs(self, tokens) -> np.ndarray:
        """``log p(x_t | x_{t-n+1..t-1})`` (nats) for every position with a full context."""
        ctx, full = self._ids(tokens)
        c_full = self._lookup(self._full, self._full_counts, full)
        c_ctx = self._lookup(self._ctx, self._ctx_counts, ctx)
        return np.log((c_full + self.k) / (c_ctx + self.k * self.vocab_size))

    def next_log_probs(self, contexts) -> np.ndarray:
        """``log q(x | context)`` for every token ``x``: shape ``(len(contexts), V)``.

        ``contexts`` holds the last ``n - 1`` tokens of each prompt, one row per prompt.
        """
        c = np.asarray(contexts, dtype=np.int64).reshape(-1, self.order - 1)
        v = self.vocab_size
        ctx = np.zeros(c.shape[0], dtype=np.int64)
        for j in range(self.order - 1):
            ctx = ctx * v + c[:, j]
        full = ctx[:, None] * v + np.arange(v)[None, :]
        c_full = self._lookup(self._full, self._full_counts, full)
        c_ctx = self._lookup(self._ctx, self._ctx_counts, ctx)[:, None]
        return np.log((c_full + self.k) / (c_ctx + self.k * v))

    def cross_entropy(self, tokens) -> float:
        """Mean negative log-likelihood in nats per token."""
        return float(-self.log_probs(tokens).mean())

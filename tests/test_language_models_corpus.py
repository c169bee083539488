"""The corpus loader's refusals, the character vocabulary and the Markov language's entropy."""

import numpy as np
import pytest

from diyphd.language_models.corpus import CharVocab, MarkovLanguage, load_corpus
from diyphd.language_models.ngram import NGramModel


def test_shipped_corpus_loads():
    """Is the book's prose shipped as package data, long enough to train on?"""
    text = load_corpus()
    assert len(text) > 50_000 and "gradient" in text


def test_missing_corpus_file_gives_a_clear_message(tmp_path):
    """Does a missing file raise FileNotFoundError naming the file?"""
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_corpus(tmp_path / "nope.txt")


def test_empty_corpus_file_gives_a_clear_message(tmp_path):
    """Does an empty (or blank) file raise ValueError saying it is empty?"""
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(ValueError, match="is empty"):
        load_corpus(path)


def test_folder_or_non_utf8_corpus_gives_a_clear_message(tmp_path):
    """Does a folder, or a file that is not UTF-8, raise an error naming it and the fix?"""
    with pytest.raises(IsADirectoryError, match="is a folder"):
        load_corpus(tmp_path)
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(ValueError, match="latin1.txt.*is not UTF-8 text"):
        load_corpus(path)


def test_char_vocab_round_trip():
    """Does decode(encode(text)) give the text back, and do unknown characters fail loudly?"""
    vocab = CharVocab.from_text("hello world")
    assert vocab.decode(vocab.encode("hello")) == "hello"
    with pytest.raises(ValueError, match="not in the vocabulary"):
        vocab.encode("xyz")


def test_stationary_distribution_is_stationary():
    """Is π left unchanged by one step of the chain?"""
    lang = MarkovLanguage(vocab_size=3, order=2, seed=1)
    n = lang.stationary.size
    step = np.zeros(n)
    for s in range(n):
        for x in range(3):
            step[lang.next_state(np.array(s), np.array(x))] += (
                lang.stationary[s] * lang.transition[s, x]
            )
    assert np.allclose(step, lang.stationary, atol=1e-12)


def test_entropy_rate_matches_a_long_sample():
    """Is the exact entropy rate the mean −log p of a long sample (within 4 standard errors)?"""
    lang = MarkovLanguage(vocab_size=4, order=1, concentration=0.5, seed=2)
    x = lang.sample(200, 500, np.random.default_rng(0))
    nll = -np.log(lang.transition[x[:, :-1], x[:, 1:]]).ravel()
    assert np.allclose(lang.token_losses(x).ravel(), nll)
    assert abs(nll.mean() - lang.entropy_rate()) < 4 * nll.std() / np.sqrt(nll.size)


def test_true_model_is_optimal_and_unigram_is_worse():
    """Is the chain's own predictor at the entropy rate, and a bigram fit above it?"""
    lang = MarkovLanguage(vocab_size=4, order=1, seed=3)
    assert np.isclose(lang.cross_entropy(lang.transition), lang.entropy_rate())
    x = lang.sample(1, 20_000, np.random.default_rng(1))[0]
    uni = np.bincount(x, minlength=4) / x.size
    assert lang.cross_entropy(np.tile(uni, (4, 1))) > lang.entropy_rate() + 0.01
    bigram = NGramModel(2, 4).fit(x)
    held_out = lang.sample(1, 20_000, np.random.default_rng(2))[0]
    assert abs(bigram.cross_entropy(held_out) - lang.entropy_rate()) < 0.02


def test_ngram_probabilities_sum_to_one():
    """Do an n-gram model's smoothed probabilities over the next token sum to 1?"""
    x = np.random.default_rng(0).integers(0, 5, 300)
    model = NGramModel(3, 5, k=0.5).fit(x)
    total = sum(np.exp(model.log_probs(np.array([1, 2, t]))[0]) for t in range(5))
    assert np.isclose(total, 1.0)


def test_next_log_probs_agree_with_log_probs():
    """Does the next-token table give the same log-probability as scoring the full n-gram?"""
    x = np.random.default_rng(1).integers(0, 6, 500)
    model = NGramModel(3, 6).fit(x)
    table = model.next_log_probs(np.array([[2, 5], [0, 0]]))
    assert table.shape == (2, 6)
    assert np.isclose(table[0, 4], model.log_probs(np.array([2, 5, 4]))[0])
    assert np.allclose(np.exp(table).sum(axis=1), 1.0)

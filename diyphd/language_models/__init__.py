"""Theme 5, language models at laptop scale (``notebooks/language_models/``).

:mod:`~.attention` and :mod:`~.gpt` (lesson 1: attention, the transformer block, a tiny GPT,
parameter and FLOP counts), :mod:`~.corpus`, :mod:`~.bpe` and :mod:`~.ngram` (lesson 2: the
shipped corpus, a synthetic language of known entropy, byte-pair encoding, n-gram baselines),
:mod:`~.scaling` (lesson 3), :mod:`~.induction` (lesson 4 and the reproduction),
:mod:`~.evaluation` (lesson 5), :mod:`~.lora` and :mod:`~.dpo` (lesson 6).
"""

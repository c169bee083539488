"""Helpers that several themes share; each module's docstring names the lesson that introduces it.

:mod:`~diyphd.common.repro` (seeds, threads, the ``quick``/``paper`` scale),
:mod:`~diyphd.common.plotting` (figure style),
:mod:`~diyphd.common.data` (offline datasets; MNIST and CIFAR-10 readers for the paper tier),
:mod:`~diyphd.common.training` (small torch models and a training loop),
:mod:`~diyphd.common.stats` (intervals and tests for experiments),
:mod:`~diyphd.common.claims` (claims tables with computed verdicts, read from claims files).
"""

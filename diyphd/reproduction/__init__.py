"""Theme 3, paper reproduction (``notebooks/reproduction/``): one module per reproduced paper.

:mod:`~diyphd.reproduction.double_descent` (lesson 4), :mod:`~diyphd.reproduction.grokking`
(lesson 5), :mod:`~diyphd.reproduction.lottery_ticket` (lesson 6). Lesson 3 (random labels) uses
:mod:`diyphd.common.training` alone. The ``SCALE`` switch is :func:`diyphd.common.repro.scale`.
"""

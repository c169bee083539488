"""Research practice (``notebooks/research_practice/``): from a verdict to a question of your own.

:mod:`~diyphd.research_practice.hypothesis` (is a hypothesis falsifiable as written?),
:mod:`~diyphd.research_practice.planning` (scoring candidate questions, ordering the de-risking
steps), :mod:`~diyphd.research_practice.preregister` (a claims file written before the run),
:mod:`~diyphd.research_practice.release` (is a code release complete?) and
:mod:`~diyphd.research_practice.questions` (the hypothesis question kind of problem set 1).
"""

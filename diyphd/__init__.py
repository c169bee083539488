"""diyphd: the code the notebooks of the DIY PhD kit share.

Modules: :mod:`diyphd.repro` (seeds, threads), :mod:`diyphd.plotting` (figure style),
:mod:`diyphd.data` (small offline datasets), :mod:`diyphd.quadratic` (test problems of the
optimization theme), :mod:`diyphd.grading` (graded exercises).
"""

__version__ = "0.1.0"

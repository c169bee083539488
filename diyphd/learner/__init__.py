"""The learner's tools, apart from the teaching library.

:mod:`~diyphd.learner.grading` (the grading engine), :mod:`~diyphd.learner.gradebook` (SQLite),
:mod:`~diyphd.learner.workspace` (stubbed copies), :mod:`~diyphd.learner.progress`,
:mod:`~diyphd.learner.plan`, :mod:`~diyphd.learner.research_log`,
:mod:`~diyphd.learner.syllabus`, :mod:`~diyphd.learner.book_ext` (the book's Sphinx extension),
:mod:`~diyphd.learner.paths`, :mod:`~diyphd.learner.cli` (one module per verb).
"""

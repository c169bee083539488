"""diyphd: the code of the DIY PhD kit, laid out like the book.

- One subpackage per theme holds what that theme's notebooks import: :mod:`diyphd.foundations`,
  :mod:`diyphd.optimization`, :mod:`diyphd.generalization`, :mod:`diyphd.reproduction`,
  :mod:`diyphd.writing` (``notebooks/<theme>/`` and ``exercises/<theme>/`` line up with them).
- :mod:`diyphd.common` holds the helpers several themes share (seeds, figures, data, training,
  statistics, claims tables).
- :mod:`diyphd.problems` holds the graded questions, one module per problem set.
- :mod:`diyphd.learner` holds the learner's tools: the grading engine, gradebook, workspace
  copies, progress, study plan, research log, syllabus, the book's Sphinx extension, the CLI.
"""

__version__ = "0.1.0"

"""Graded questions, one module per problem set: ``<theme>/psNN_<topic>.py``.

Each module registers its questions with :func:`diyphd.learner.grading.register`; the notebook
``exercises/<theme>/psNN_<topic>.ipynb`` checks answers against them by id.
"""

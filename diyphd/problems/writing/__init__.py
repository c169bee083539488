"""Problem sets of the writing theme."""

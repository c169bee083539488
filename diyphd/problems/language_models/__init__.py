"""Problem sets of the language-models theme."""

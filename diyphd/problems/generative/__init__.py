"""Problem sets of the generative-models theme."""

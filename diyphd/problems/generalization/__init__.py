"""Problem sets of the generalization theme."""

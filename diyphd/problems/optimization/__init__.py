"""Problem sets of the optimization theme."""

"""Problem sets of the paper-reproduction theme."""

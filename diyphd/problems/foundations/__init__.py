"""Problem sets of the foundations theme."""

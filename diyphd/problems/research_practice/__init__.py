"""Problem sets of the research-practice theme."""

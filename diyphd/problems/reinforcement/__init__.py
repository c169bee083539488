"""Problem sets of the reinforcement-learning theme."""

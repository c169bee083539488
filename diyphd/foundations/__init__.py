"""Theme 0, foundations (``notebooks/foundations/``): rates, information theory, the diagnostic."""

"""Theme 2, generalization (``notebooks/generalization/``): linear least squares and bounds."""

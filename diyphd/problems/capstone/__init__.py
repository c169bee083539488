"""The capstone thesis: the report of a reproduction, checked by rules and self-scored."""

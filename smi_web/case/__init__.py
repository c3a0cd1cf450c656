"""The case page's screen areas."""

"""Shared core of the khuyến công dashboard: database access, queries, formatting, labels."""

__version__ = "0.1.0"

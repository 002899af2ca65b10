"""Reproducible performance runs and the synthetic databases they use (never shipped)."""

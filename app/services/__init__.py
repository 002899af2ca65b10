"""Queries and transactions. Services return plain dataclasses, never ORM rows, and never
import Qt (tests/unit/test_layers.py)."""

"""Schema, connections and migrations. No Qt here (tests/unit/test_layers.py)."""

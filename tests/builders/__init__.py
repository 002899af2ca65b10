"""What the tests and the benchmarks build their material with: generated libraries, notes,
corpora and data files, damaged copies, a crash worker, a socket squatter, a system-call watcher.
Helpers, not tests: pytest collects nothing here."""

"""The command line: for scripting and tests. No Qt."""

"""The hostile suite: what a tester trying to break Roundtable would feed it (issue 16)."""

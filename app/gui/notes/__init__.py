"""Notes in the window: the Markdown editor with autosave and preview, revisions, the notes and
tags models, and the notes panel that `install(window)` docks into the main window."""

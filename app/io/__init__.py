"""Files in and out: data files, Markdown export, atomic writes. No Qt."""

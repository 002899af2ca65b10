"""Roundtable: an offline research desk for China–ASEAN cooperation on artificial intelligence."""

__version__ = "0.1.0"
APP_NAME = "Roundtable"

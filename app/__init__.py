"""Roundtable: an offline research desk for China–ASEAN cooperation on artificial intelligence."""

__version__ = "0.1.0"
APP_NAME = "Roundtable"
# Reverse-DNS id shared by the .desktop file, the AppStream metainfo, the icon's name and
# QGuiApplication.desktopFileName (which ties the window to its desktop entry on Wayland).
APP_ID = "io.github.roundtable.Roundtable"

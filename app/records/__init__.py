"""The bottom floor of the application: plain records and the rules of plain text that every
floor above agrees on (an entry's views, a note, footnote numbering, the [[link]] grammar).

Both app/services and app/io import from here, so io never needs services. Nothing here
reads a database, a file or the clock: it imports only the standard library and the base
modules at the top of app/ (tests/unit/test_layers.py holds it to that).
"""

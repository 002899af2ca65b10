"""The Timeline: the library's dated facts on a time axis (app/services/timeline.py).

canvas.py   the axis, lanes and items, painted for what is on screen; PNG, SVG, printing
view.py     the page: its choices, filters, zoom and export
feature.py  the sidebar's Timeline place and View ▸ Timeline (installed by gui/features.py)
"""

"""The application icon: PNGs rendered from the SVG drawings, used by the window."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.gui.launch import application
from app.paths import icon_file

ROOT = Path(__file__).resolve().parents[2]


def _make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_icons", module)
    spec.loader.exec_module(module)
    return module


def _largest_difference(a: QImage, b: QImage) -> int:
    """The largest colour difference between two images, over the pixels both draw opaquely
    (antialiased edges round differently between renderers)."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if abs((p >> 24) - (q >> 24)) > 64:
                return 255
            if (p >> 24) > 240 and (q >> 24) > 240:
                worst = max(worst, *(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16)))
    return worst


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_committed_pngs_are_renderings_of_the_svgs(qapp: QApplication, size: int) -> None:
    make_icons = _make_icons()
    committed = QImage(str(make_icons.png_path(size)))
    assert not committed.isNull(), "run: python packaging/make_icons.py"
    assert _largest_difference(make_icons.render(size), committed) <= 8, "run: python packaging/make_icons.py"


def test_window_icon_is_the_vector_drawing_with_the_small_one_at_16_pixels(qapp: QApplication) -> None:
    icon = application().windowIcon()
    assert not icon.isNull()
    small = QImage(str(icon_file("png/roundtable-16.png")))
    assert _largest_difference(icon.pixmap(16).toImage(), small) <= 8
    large = QImage(str(icon_file("png/roundtable-256.png")))
    assert _largest_difference(icon.pixmap(256).toImage(), large) <= 8
    # the 16-pixel drawing is not a downscale: it really differs from the vector one
    assert _largest_difference(icon.pixmap(32).toImage().scaled(16, 16), small) > 8

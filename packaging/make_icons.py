"""Render the application icon's PNG sizes from its SVG drawings with Qt, and, for the Windows
and macOS bundles, write .ico and .icns files from those PNGs with Pillow.

    python packaging/make_icons.py                 # resources/icons/png/roundtable-N.png
    python packaging/make_icons.py --ico X.ico --icns Y.icns

The PNGs are committed (the window, the wheel and the Linux desktop integration use them);
tests/packaging/test_icons.py fails when they no longer match the SVGs. Pillow is needed only
for --ico and --icns: it is in the `package` extra, never a dependency of the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication, QImage

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PNG_DIR = ICONS / "png"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 16  # roundtable-small.svg is drawn on a 16-pixel grid
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows asks an .ico for
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def svg_for(size: int) -> Path:
    return ICONS / ("roundtable-small.svg" if size <= SMALL_UP_TO else "roundtable.svg")


def png_path(size: int) -> Path:
    return PNG_DIR / f"roundtable-{size}.png"


_app: QGuiApplication | None = None  # Qt needs one to render; kept for the later calls


def render(size: int) -> QImage:
    """The icon at `size` pixels (Qt is imported here: the spec imports this module too)."""
    global _app
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])
    renderer = QSvgRenderer(str(svg_for(size)))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg_for(size)} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_pngs() -> list[Path]:
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        target = png_path(size)
        if not render(size).save(str(target)):  # PNG, from the suffix
            raise SystemExit(f"make_icons: could not write {target}")
        written.append(target)
    return written


def write_ico(target: Path) -> None:
    from PIL import Image

    images = [Image.open(png_path(s)) for s in ICO_SIZES]
    largest = images[-1]
    # Pillow writes each requested size from the closest appended image, so every size is our
    # own rendering rather than a downscale of the largest.
    largest.save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])


def write_icns(target: Path) -> None:
    from PIL import Image

    images = [Image.open(png_path(s)) for s in ICNS_SIZES]
    images[-1].save(target, format="ICNS", append_images=images[:-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico here (needs Pillow)")
    parser.add_argument("--icns", type=Path, help="also write a macOS .icns here (needs Pillow)")
    parser.add_argument("--no-png", action="store_true", help="use the committed PNGs as they are")
    args = parser.parse_args(argv)
    if not args.no_png:
        for path in write_pngs():
            print(f"wrote {path.relative_to(ROOT)}")
    for target, write in ((args.ico, write_ico), (args.icns, write_icns)):
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            write(target)
            print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

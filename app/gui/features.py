"""Features plug into the main window here, each through one `install(window)` function in its
own module, so the window composes them rather than containing them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.gui import exchange

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def install_features(window: MainWindow) -> None:
    """Called once at the end of MainWindow.__init__. Add one line per feature."""
    exchange.install(window)

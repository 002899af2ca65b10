"""Starting the window: one instance per database, the file opened with recovery, run.

The Host (app/gui/host.py) does the work: hand over to a running window, take the writer
lock, assess the file and ask about anything wrong, show the window, check it in the
background. Here: the application object, and a last net that turns an error nobody caught
into a message instead of a traceback.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, __version__
from app.gui.icon import app_icon
from app.paths import ENV_DB, resolve_db_path

log = logging.getLogger(__name__)


def _spare_pyside_source_reads() -> None:
    """PySide asks of every module imported after it whether its source mentions PySide6 (for
    its `from __feature__ import` switches), and learns it by reading the whole source through
    inspect (linecache, tokenize): about 190 modules and 35-90 ms before the first paint.
    Roundtable's own modules never use __feature__ (tests/gui/test_start_path.py), so they get
    the answer a module using PySide gets (the default features: 0, where "ignored" would
    inherit whatever the module called last had chosen) without a read; any other module gets
    PySide's own answer, read from its bytes."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]  # PySide's, built in
    except ImportError:
        return
    asks = getattr(feature, "_mod_uses_pyside", None)
    if asks is None or getattr(asks, "spared", False):
        return

    def uses_pyside(module: object) -> bool:
        name = getattr(module, "__name__", "")
        if name == "app" or (isinstance(name, str) and name.startswith("app.")):
            return True
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return bool(asks(module))  # built in, compiled, frozen: PySide knows what to say
        try:  # PySide's test, on the bytes: no tokenizing, nothing kept in linecache
            return b"PySide6" in Path(path).read_bytes()
        except OSError:
            return False  # as PySide says of a module whose source cannot be read

    uses_pyside.spared = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside


_spare_pyside_source_reads()


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    from app.gui import i18n, theme
    from app.gui.settings import settings

    stored = settings()
    i18n.install(i18n.chosen(stored))
    theme.apply(theme.chosen(stored))
    return app


def _report_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Errors that reach the event loop: logged in full, shown in a sentence."""
    from app.gui.failures import describe, is_trouble

    log.error("uncaught error", exc_info=(kind, exc, tb))
    if isinstance(exc, KeyboardInterrupt):
        QApplication.quit()
        return
    from app.gui.i18n import translate, translated

    if is_trouble(exc):
        message = translated(describe(exc).message)
    else:
        message = translate("Failures", "Something went wrong: {error}.").format(error=exc or kind.__name__)
    QMessageBox.warning(QApplication.activeWindow(), APP_NAME, message)


def database_path(db_arg: str | None) -> Path:
    """--db, else ROUNDTABLE_DB, else the file Preferences ▸ Data chose, else the default."""
    if db_arg or os.environ.get(ENV_DB):
        return resolve_db_path(db_arg)
    from app.gui.preference_pages import preferred_database
    from app.gui.settings import settings

    return preferred_database(settings()) or resolve_db_path(None)


@contextmanager
def starting() -> Iterator[None]:
    """Around building the window. Start-up allocates a great deal and frees little:
    collecting cycles meanwhile only delays the window (by about 30 ms), so collection waits;
    what it built lives as long as the window, so it is then frozen out of the collector's
    way, and a full collection later (while someone types) walks only what came after."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def run_gui(db_arg: str | None, open_file: str | None = None) -> int:
    """The window on `db_arg` (or the usual library). `open_file` is what a file manager
    opened with Roundtable: a library is opened; anything else is offered for import into the
    library."""
    with starting():
        app = application()
        to_import: Path | None = None
        if open_file:  # (an empty %f: started from the menu)
            from app.services.opening import is_library_file

            given = Path(open_file).expanduser()
            if is_library_file(given):
                db_arg = str(given)
            else:
                to_import = given.absolute()
        path = database_path(db_arg)
        from app.gui.host import Host, Outcome

        sys.excepthook = _report_uncaught
        host = Host()
        outcome = host.start(path, open_file=to_import)
    if outcome is Outcome.HANDED_OVER:
        return 0
    if outcome is Outcome.GAVE_UP:
        return 1
    try:
        return app.exec()
    finally:
        host.release()

"""The floor for start-up and memory: a bare PySide6 main window of the app's size, painted once.

    python -m benchmarks.bare_window            prints a line once painted, then quits
    python -m benchmarks.bare_window --memory   ... with its peak memory, as JSON

Nothing of Roundtable is imported; it starts the way `python -m app` does (a module run by
the same interpreter), so the difference is what Roundtable adds.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

LINE = "bare window painted"


class _FirstPaint(QObject):
    def __init__(self, memory: bool) -> None:
        super().__init__()
        self.memory = memory
        self.seen = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        if self.memory:
            from benchmarks.peak import peak_mb

            print(json.dumps({"peak_mb": peak_mb()}), flush=True)
        else:
            print(LINE, flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare")
    window.resize(1280, 760)
    watcher = _FirstPaint("--memory" in sys.argv)
    window.installEventFilter(watcher)  # as app/gui/smoke.py watches Roundtable's window
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""A failed write, shown: what happened in plain words, that nothing was lost, and Retry where
retrying can help (a full disk after freeing space, a busy database a moment later).

Features that write call `attempt(window, "Saving the entry", lambda: service.save(...))`:
it returns the result, or None when the user gave up; the caller keeps the user's input
either way, so nothing typed is lost. Errors that are bugs (not database or disk trouble)
propagate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME
from app.gui.i18n import translate, translated
from app.i18n import T_
from app.services.failures import DatabaseReadOnly, Failure, Trouble, explain, is_database_error

T = TypeVar("T")


def is_trouble(exc: BaseException) -> bool:
    """Is `exc` disk or database trouble (shown to the user) rather than a bug?"""
    return isinstance(exc, (OSError, DatabaseReadOnly)) or is_database_error(exc)


def describe(exc: BaseException) -> Failure:
    if isinstance(exc, DatabaseReadOnly):
        return Failure(
            Trouble.READ_ONLY, T_("Errors", "{reason} Nothing was saved.").format(reason=exc.message)
        )
    return explain(exc)


def ask_retry(parent: QWidget | None, what: str, exc: BaseException) -> bool:
    """Show why `what` failed; True if the user chose to try again."""
    failure = describe(exc)
    box = QMessageBox(parent)
    box.setObjectName("writeFailure")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Failures", "{app}: {what} failed").format(app=APP_NAME, what=what))
    box.setText(translate("Failures", "{what} failed.").format(what=what))
    box.setInformativeText(translated(failure.message))
    retry = (
        box.addButton(translate("Failures", "Try again"), QMessageBox.ButtonRole.AcceptRole)
        if failure.can_retry
        else None
    )
    box.addButton(QMessageBox.StandardButton.Cancel if retry else QMessageBox.StandardButton.Close)
    if retry is not None:
        retry.setObjectName("retry")
        box.setDefaultButton(retry)
    box.exec()
    return retry is not None and box.clickedButton() is retry


def attempt(parent: QWidget | None, what: str, fn: Callable[[], T]) -> T | None:
    """Run `fn`; on disk or database trouble explain it and offer to retry."""
    while True:
        try:
            return fn()
        except Exception as exc:
            if not is_trouble(exc):
                raise
            if not ask_retry(parent, what, exc):
                return None

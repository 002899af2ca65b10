"""The editor's text fields: they remember what an input method is composing (so leaving the
editor never drops it), report losing focus, and complete [[links]] and tags.

Input methods (Chinese pinyin, Thai, ...) first show a *preedit* that is not yet part of the
text, then commit it. A flush first asks the platform's input method to commit; if the preedit
is still there afterwards (no input method, or one that ignores the request), the field
commits it itself and resets the input method, so the characters are neither lost nor doubled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
    QTextCursor,
)
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object

COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 1  # the text a completion inserts
_POPUP_KEYS = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class _KeepsPreedit(_Base):
    focus_lost: Signal
    _preedit = ""

    @property
    def preedit(self) -> str:
        return self._preedit

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        self._preedit = event.preeditString()

    def commit_preedit(self) -> None:
        if not self._preedit:
            return
        QGuiApplication.inputMethod().commit()
        if self._preedit:  # the platform did not deliver it: commit it ourselves
            event = QInputMethodEvent("", [])
            event.setCommitString(self._preedit)
            QCoreApplication.sendEvent(cast(QWidget, self), event)
            QGuiApplication.inputMethod().reset()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A completion popup borrowing the focus is not the user leaving the field.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focus_lost.emit()


class TitleEdit(_KeepsPreedit, QLineEdit):
    focus_lost = Signal()


class TagEdit(_KeepsPreedit, QLineEdit):
    """Tags separated by commas; completes the tag being typed from `set_tag_names`."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = QStringListModel(self)
        self._completer = QCompleter(self._names, self)
        self._completer.setWidget(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    @property
    def completer_(self) -> QCompleter:
        return self._completer

    def set_tag_names(self, names: list[str]) -> None:
        self._names.setStringList(names)

    def _current(self) -> tuple[int, str]:
        """Where the tag under the cursor starts, and what of it is typed."""
        before = self.text()[: self.cursorPosition()]
        start = before.rfind(",") + 1
        return start, before[start:].lstrip()

    def _complete(self) -> None:
        _start, typed = self._current()
        if not typed:
            _popup(self._completer).hide()
            return
        self._completer.setCompletionPrefix(typed)
        if self._completer.completionCount() == 0:
            _popup(self._completer).hide()
            return
        self._completer.complete()
        _popup(self._completer).setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _insert(self, tag: str) -> None:
        start, _typed = self._current()
        text = self.text()
        end = text.find(",", self.cursorPosition())
        end = len(text) if end < 0 else end
        head = text[:start] + (" " if start else "")
        self.setText(head + tag + ", " + text[end:].lstrip(", "))
        self.setCursorPosition(len(head) + len(tag) + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _popup(self._completer).isVisible() and event.key() in _POPUP_KEYS:
            event.ignore()
            return
        super().keyPressEvent(event)


# What [[completion offers for the text typed so far: (shown, inserted, tooltip) per choice.
# A choice's line shows at most about this many characters.
_POPUP_CHARS = 56
LinkChoices = Callable[[str], Sequence[tuple[str, str, str]]]


class MarkdownEdit(_KeepsPreedit, QPlainTextEdit):
    """The note's body. Typing `[[` offers the entries' names, slugs and aliases that hold
    what is typed after it, asked of `set_link_choices`' function at each keystroke (it
    chooses and orders them: the completer shows them as they come).

    Tab and Shift+Tab move between the fields as in any form (a tab typed by a newcomer
    meaning to reach the next field would land in the text); Ctrl+Tab writes a tab."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: LinkChoices | None = None
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setWidget(self)
        self._completer.setCompletionRole(COMPLETION_ROLE)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated.connect(self._insert_link)
        self.textChanged.connect(self._update_completion)
        self.setTabChangesFocus(True)

    @property
    def completer_(self) -> QCompleter:
        return self._completer

    def set_link_choices(self, choices: LinkChoices) -> None:
        self._choices = choices

    def _offer(self, typed: str) -> int:
        """Ask for the choices for `typed` and put them in the popup (a few milliseconds: a
        question per keystroke, so they always follow the entries as they are)."""
        self._model.clear()
        longest = self.fontMetrics().averageCharWidth() * _POPUP_CHARS
        for shown, inserted, tip in self._choices(typed) if self._choices is not None else ():
            # A long name (a source's title runs to 150 characters) is shortened in the middle:
            # its beginning and its entry's kind stay in sight, the tooltip says it whole.
            item = QStandardItem(self.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideMiddle, longest))
            item.setData(inserted, COMPLETION_ROLE)
            item.setToolTip(tip)
            item.setEditable(False)
            self._model.appendRow(item)
        return self._model.rowCount()

    def link_prefix(self) -> str | None:
        """What is typed after an open `[[` before the cursor, or None outside a link."""
        cursor = self.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        start = before.rfind("[[")
        if start < 0:
            return None
        typed = before[start + 2 :]
        if any(c in typed for c in "[]|#"):
            return None
        return typed

    def _update_completion(self) -> None:
        prefix = self.link_prefix() if self.hasFocus() else None
        popup = _popup(self._completer)
        if prefix is None or self._offer(prefix) == 0:
            popup.hide()
            return
        rect = self.cursorRect()
        rect.setWidth(
            self.popup_width(popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width())
        )
        self._completer.complete(rect)
        popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def popup_width(self, wanted: int) -> int:
        """The completion popup's width for choices `wanted` pixels wide: wide enough for a
        name and its entry (_POPUP_CHARS; a longer line is elided), never wider than
        the editor, and never so narrow that a short name looks cut off."""
        chars = self.fontMetrics().averageCharWidth()
        return max(min(wanted, chars * (_POPUP_CHARS + 4), self.width()), min(chars * 24, self.width()))

    def _insert_link(self, text: str) -> None:
        prefix = self.link_prefix()
        if prefix is None:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(prefix))
        cursor.insertText(text)
        if self.document().characterAt(cursor.position()) == "]":
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, 2)
        else:
            cursor.insertText("]]")
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        _popup(self._completer).hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _popup(self._completer).isVisible() and event.key() in _POPUP_KEYS:
            event.ignore()  # the completer acts on these
            return
        if event.key() == Qt.Key.Key_Tab and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.insertPlainText("\t")
            return
        super().keyPressEvent(event)


def _popup(completer: QCompleter) -> QAbstractItemView:
    popup = completer.popup()
    assert popup is not None  # QCompleter makes one on first use
    return popup

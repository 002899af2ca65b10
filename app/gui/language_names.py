"""Languages and scripts by name: what a page shows for a stored code, and the box a form
picks one with (names in the interface language, the region's first, any other code typed
still accepted and stored as typed)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from app.gui.i18n import translate
from app.services.languages import LANGUAGES, OTHER_LANGUAGES, SCRIPTS, USUAL_SCRIPTS


def language_name(code: str) -> str:
    """The language a tag stands for, in the interface language where Roundtable has the
    word (the region's languages), else as Qt names it; the tag itself when nobody knows it."""
    code = code.strip()
    marked = LANGUAGES.get(code) or OTHER_LANGUAGES.get(code)
    region = _region_in(code)
    if not marked and region:  # a place's form of a language named here: zh-Hant-HK, pt-TL
        bare = code.removesuffix("-" + region)
        marked = LANGUAGES.get(bare) or OTHER_LANGUAGES.get(bare)
    if marked:
        return translate("Languages", marked)
    language = QLocale.codeToLanguage(code.split("-")[0]) if code else QLocale.Language.AnyLanguage
    if language in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return code
    name = QLocale.languageToString(language)
    script = _script_in(code)
    return f"{name} ({script_name(script)})" if script else name


def own_language_name(code: str) -> str:
    """A language as written in itself (简体中文, ไทย, Tiếng Việt), for the names written in it;
    with its place when the tag names one (português (Timor-Leste)). Qt's CLDR data says it;
    where Qt does not know the language, or its own name depends on a place the tag does not
    give (English: American or British?), the name in the interface language instead."""
    return _own_name(code.strip()) or language_name(code)


@functools.lru_cache(maxsize=256)
def _own_name(code: str) -> str | None:
    parts = code.split("-")
    language = QLocale.codeToLanguage(parts[0]) if parts[0] else QLocale.Language.AnyLanguage
    if language in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return None
    script_code = _script_in(code) or USUAL_SCRIPTS.get(parts[0], "")
    region = _region_in(code)
    script = QLocale.codeToScript(script_code) if script_code else QLocale.Script.AnyScript
    where = QLocale.codeToTerritory(region) if region else QLocale.Country.AnyCountry
    if region and where == QLocale.Country.AnyCountry:
        return None
    locales = QLocale.matchingLocales(language, script, where)
    names = {loc.nativeLanguageName() for loc in locales} - {""}
    if len(names) != 1:
        return None
    name = names.pop()
    place = locales[0].nativeTerritoryName() if region else ""
    return f"{name} ({place})" if place else name


def script_name(code: str) -> str:
    """A script code (ISO 15924) by name, as language_name names languages."""
    code = code.strip()
    marked = SCRIPTS.get(code)
    if marked:
        return translate("Scripts", marked)
    script = QLocale.codeToScript(code) if code else QLocale.Script.AnyScript
    return code if script == QLocale.Script.AnyScript else QLocale.scriptToString(script)


def _region_in(tag: str) -> str:
    """The place a tag names (HK in zh-Hant-HK), if it ends with one."""
    last = tag.split("-")[-1] if "-" in tag else ""
    return last if (len(last) == 2 and last.isalpha()) or (len(last) == 3 and last.isdigit()) else ""


def _script_in(tag: str) -> str:
    return next((p for p in tag.split("-")[1:] if len(p) == 4 and p.isalpha()), "")


def _shown(name: str, code: str) -> str:
    return name if name == code else f"{name} — {code}"


class CodeBox(QComboBox):
    """Picks a language (or a script): each choice shows its name and code, the region's
    first; typing a name or a code picks it, and any other code typed is kept as typed.
    `value()` is the code stored, '' for none."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._what = what  # "language" | "script"
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        completer = self.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.addItem("", "")
        for code in LANGUAGES if what == "language" else SCRIPTS:
            self.addItem(_shown(self._name(code), code), code)
        self.setCurrentIndex(0)

    def setAccessibleName(self, name: str) -> None:
        # The line typed in is a widget of its own: assistive technology reads its name too.
        super().setAccessibleName(name)
        line = self.lineEdit()
        if line is not None:
            line.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:
        super().setAccessibleDescription(description)
        line = self.lineEdit()
        if line is not None:
            line.setAccessibleDescription(description)

    def _name(self, code: str) -> str:
        return language_name(code) if self._what == "language" else script_name(code)

    def value(self) -> str:
        typed = self.currentText().strip()
        if not typed:
            return ""
        for i in range(1, self.count()):
            code = str(self.itemData(i))
            if typed in (self.itemText(i), code) or typed.casefold() in (
                code.casefold(),
                self._name(code).casefold(),
            ):
                return code
        return typed

    def set_value(self, code: str) -> None:
        code = code.strip()
        at = self.findData(code) if code else 0
        if at < 0:  # a code the list does not offer: offered from now on, named as Qt names it
            self.addItem(_shown(self._name(code), code), code)
            at = self.count() - 1
        self.setCurrentIndex(at)
        self.setEditText(self.itemText(at))
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # a long name from its start

"""The interface language: which translation to load, loading it, and translating the words
that services mark (app/i18n.py).

Every string the window shows goes through Qt's translation: `self.tr(...)` in QObject
subclasses, `translate(context, text)` (QCoreApplication.translate) elsewhere, and
`translated(...)` for what a service hands over. Plurals use `self.tr("%n notes", None, n)`
in the class that shows them: lupdate marks those as plural messages (it cannot for
translate() with a count), and PySide6 looks a plural up under the object's own class, so
keep such calls out of classes that are subclassed.

Languages: English (the source; roundtable_en.qm carries only its plural forms) and
Simplified Chinese (roundtable_zh_CN.qm, with Qt's own qtbase_zh_CN.qm for Qt's dialogs and
buttons). The system language decides unless Preferences say otherwise; a change applies at
the next start. `make translations` updates the .ts files from the sources and compiles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.i18n import Message, Text
from app.paths import resources_dir
from app.services.kinds import BY_KEY

LANGUAGE_KEY = "preferences/language"
SYSTEM = "system"


@dataclass(frozen=True)
class Language:
    code: str  # as stored in the settings and in the translation file's name
    name: str  # in its own language: a reader finds their language whatever is shown


ENGLISH = Language("en", "English")
CHINESE = Language("zh_CN", "简体中文")
LANGUAGES = (ENGLISH, CHINESE)
_BY_CODE = {lang.code: lang for lang in LANGUAGES}

_installed: list[QTranslator] = []
_current = ENGLISH


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def chosen(stored: QSettings) -> str:
    """The stored choice: SYSTEM or a language code."""
    value = str(stored.value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in _BY_CODE else SYSTEM


def language_for(choice: str, system: QLocale | None = None) -> Language:
    """The language a choice means: the system's when it has a translation, else English."""
    if choice in _BY_CODE:
        return _BY_CODE[choice]
    locale = system or QLocale.system()
    traditional = False
    for tag in locale.uiLanguages():  # in the user's order of preference, e.g. zh-Hans-CN, zh
        preferred = QLocale(tag)
        if preferred.language() == QLocale.Language.Chinese:
            # Traditional characters (zh-TW, zh-HK) are another written language: a reader of
            # them gets the next language they listed, not Simplified Chinese.
            traditional = traditional or preferred.script() == QLocale.Script.TraditionalHanScript
            if not traditional:
                return CHINESE
        elif preferred.language() == QLocale.Language.English:
            return ENGLISH
    return ENGLISH


def uninstall() -> None:
    """Back to the source strings (English, singular forms aside) and the system's locale."""
    global _current
    app = QCoreApplication.instance()
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale.system())
    _current = ENGLISH


def install(choice: str) -> Language:
    """Load the translations for `choice` into the application (replacing any loaded before)."""
    app = QCoreApplication.instance()
    assert app is not None
    uninstall()
    language = language_for(choice)
    wanted = [(f"roundtable_{language.code}", translations_dir())]
    if language is not ENGLISH:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        wanted.append((f"qtbase_{language.code}", qt_dir))
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    if language is not language_for(SYSTEM):
        # Numbers and dates Qt formats follow the chosen language, not the system's.
        QLocale.setDefault(QLocale(language.code))
    global _current
    _current = language
    return language


def current() -> Language:
    """The language the interface is in now."""
    return _current


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """QCoreApplication.translate, short; lupdate reads calls to it by this name."""
    return QCoreApplication.translate(context, text, disambiguation)


def translated(message: Message, context: str = "") -> str:
    """A service's words in the interface language: a Text's template translated, then
    filled in (values that are Texts translated too); a plain str looked up in `context`."""
    if isinstance(message, Text):
        values = {k: translated(v) if isinstance(v, Text) else v for k, v in message.values.items()}
        return QCoreApplication.translate(message.context, message.template).format(**values)
    return QCoreApplication.translate(context, message) if context else message


def kind_singular(kind: str) -> str:
    """'person' -> 'Official' (or 官员)."""
    return QCoreApplication.translate("Kinds", BY_KEY[kind].singular) if kind in BY_KEY else kind


def kind_plural(kind: str) -> str:
    """'person' -> 'Officials' (or 官员)."""
    return QCoreApplication.translate("Kinds", BY_KEY[kind].plural) if kind in BY_KEY else kind


_MNEMONIC = re.compile(r"\(&\w\)|&(?=\S)")


def plain(label: str) -> str:
    """A label without its keyboard mnemonic ('&File', '文件(&F)') or closing colon: what an
    accessible name says."""
    return _MNEMONIC.sub("", label).rstrip(":：").strip()

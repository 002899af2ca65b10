"""`make translations`: update the .ts files from the sources, then compile them to .qm.

    python packaging/translations.py            # update and compile (what make runs)
    python packaging/translations.py --check    # exit 1 when a .ts or .qm is out of date

resources/translations/ holds, for each language, the translation source (.ts, edited with a
text editor or Qt Linguist: `pyside6-linguist resources/translations/roundtable_zh_CN.ts`) and
its compiled form (.qm), both committed so a fresh clone runs without the tools.

- roundtable_zh_CN.ts: every message, with its Simplified Chinese translation.
- roundtable_en.ts: English plural forms only ("%n note" / "%n notes"): the source strings
  are written for the plural, and this gives English its singular.

Messages are found by pyside6-lupdate in app/ (self.tr, QCoreApplication.translate and the
N_ / T_ markers of app/i18n.py). Locations are left out of the .ts files, so moving code does
not change them; only new, changed or removed messages do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "app"
FOLDER = ROOT / "resources" / "translations"
# (language, only plural messages?)
CATALOGUES = (("zh_CN", False), ("en", True))
ALIASES = "QT_TRANSLATE_NOOP+=N_,QT_TRANSLATE_NOOP+=T_"


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    comment: str
    plural: bool


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (a venv), else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (pip install -e .)")
    return found


def ts_path(language: str) -> Path:
    return FOLDER / f"roundtable_{language}.ts"


def qm_path(language: str) -> Path:
    return FOLDER / f"roundtable_{language}.qm"


def lupdate(ts: Path, language: str, *, plural_only: bool) -> None:
    """Bring `ts` up to date with the sources (created if missing); obsolete messages dropped."""
    args = [
        _tool("lupdate"),
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en",
        "-target-language",
        language,
        "-tr-function-alias",
        ALIASES,
    ]
    if plural_only:
        args.append("-pluralonly")
    subprocess.run([*args, str(SOURCES), "-ts", str(ts)], check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )


def _read(ts: Path) -> Iterator[tuple[Message, ET.Element]]:
    """Each message of `ts` with its XML element."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = Message(
                name,
                message.findtext("source") or "",
                message.findtext("comment") or "",
                message.get("numerus") == "yes",
            )
            yield key, message


def messages(ts: Path) -> set[Message]:
    return {key for key, _ in _read(ts)}


def unfinished(ts: Path) -> list[Message]:
    """Messages of `ts` with no translation yet (or marked unfinished)."""
    missing = []
    for key, message in _read(ts):
        translation = message.find("translation")
        forms = [] if translation is None else [f.text for f in translation.iter("numerusform")]
        text = None if translation is None else translation.text
        if (
            translation is None
            or translation.get("type") in ("unfinished", "obsolete", "vanished")
            or not (all(forms) if forms else text)
        ):
            missing.append(key)
    return missing


def translated(ts: Path) -> list[tuple[Message, list[str]]]:
    """Each message of `ts` with its translation (its forms, for a plural message)."""
    found = []
    for key, message in _read(ts):
        translation = message.find("translation")
        if translation is None:
            forms: list[str] = []
        elif key.plural:
            forms = [f.text or "" for f in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        found.append((key, forms))
    return found


def extracted(language: str, *, plural_only: bool) -> set[Message]:
    """The messages the sources hold now, as lupdate finds them."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / f"roundtable_{language}.ts"
        lupdate(fresh, language, plural_only=plural_only)
        return messages(fresh)


def compiled(ts: Path) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        qm = Path(tmp) / "out.qm"
        lrelease(ts, qm)
        return qm.read_bytes()


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language, plural_only in CATALOGUES:
        ts = ts_path(language)
        lupdate(ts, language, plural_only=plural_only)
        lrelease(ts, qm_path(language))
        missing = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} messages, {len(missing)} untranslated")
        for m in missing[:20]:
            print(f"  untranslated [{m.context}] {m.source!r}")


def problems() -> list[str]:
    found = []
    for language, plural_only in CATALOGUES:
        ts, qm = ts_path(language), qm_path(language)
        if not ts.exists():
            found.append(f"{ts.name} is missing")
            continue
        now, stored = extracted(language, plural_only=plural_only), messages(ts)
        for m in sorted(now - stored):
            found.append(f"{ts.name} lacks [{m.context}] {m.source!r}")
        for m in sorted(stored - now):
            found.append(f"{ts.name} holds [{m.context}] {m.source!r}, which the sources no longer use")
        if not qm.exists() or qm.read_bytes() != compiled(ts):
            found.append(f"{qm.name} is not compiled from {ts.name}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report what is out of date; change nothing")
    args = parser.parse_args()
    if args.check:
        found = problems()
        for line in found:
            print(line)
        if found:
            print("run `make translations`, then translate what it lists")
        return 1 if found else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())

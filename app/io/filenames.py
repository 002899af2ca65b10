"""File names for exported Markdown: readable in any script, safe on every OS, unique.

pathvalidate does the per-platform work (separators, characters Windows forbids, control
characters, reserved device names such as CON or com1.md, trailing dots and spaces). Around it
this module adds what a library cannot know: Unicode NFC (macOS would otherwise store a second,
decomposed spelling), no leading dot (a hidden file), no bidirectional controls (they can make
'x.md' display as another name), a UTF-8 byte budget that cuts between characters a reader sees
as one, no characters that break a [[wiki-link]], and uniqueness that ignores case and
normalization, as Windows and macOS do.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from pathvalidate import FileNameSanitizer, FileNameValidator

MAX_NAME_BYTES = 255
EXTENSION = ".md"
# Windows 11 reserves these console device names too; pathvalidate's list predates them.
_MORE_RESERVED = ("CONIN$", "CONOUT$")
# Directional formatting characters: invisible, and able to reorder what a file name shows.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
# Unicode's control characters (category Cc): C0, DEL and C1. pathvalidate lets C1 through.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
# Obsidian cannot link to a file whose name holds these ([[a#b]] means heading b of a).
_NOT_LINKABLE = str.maketrans({"[": "(", "]": ")", "#": " ", "^": " ", "|": " "})
_NUMBERED = re.compile(r"^(?P<stem>.*) \((?P<n>[0-9]+)\)$")


# One sanitizer for every name: building one per call cost more than the sanitizing (measured
# 115 against 71 µs a name; an export names thousands of files).
_SANITIZER = FileNameSanitizer(
    platform="universal",
    max_len=4 * MAX_NAME_BYTES,  # the real cut happens in `fit`, in UTF-8 bytes
    additional_reserved_names=_MORE_RESERVED,
)


class UnsafePath(ValueError):
    """A path that would land outside the export folder."""


def _joins_previous(ch: str) -> bool:
    """True for characters that belong to the character before them (accents, Thai vowel
    signs, joiners, variation selectors): a cut must not fall just before them."""
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch in "\u200c\u200d"
        or "\ufe00" <= ch <= "\ufe0f"
        or "\U000e0100" <= ch <= "\U000e01ef"
    )


def fit(text: str, budget: int) -> str:
    """The longest start of `text` that takes at most `budget` bytes of UTF-8, cut where a
    reader sees a boundary between characters."""
    if len(text.encode("utf-8")) <= budget:
        return text
    used = 0
    end = 0
    for i, ch in enumerate(text):
        size = len(ch.encode("utf-8"))
        if used + size > budget:
            break
        used += size
        end = i + 1
    while end > 0 and end < len(text) and _joins_previous(text[end]):
        end -= 1
    while end > 0 and text[end - 1] in "\u200c\u200d":
        end -= 1
    return text[:end]


# Names that need none of what `safe_stem` does: letters and digits of any script, single
# spaces between words and a little punctuation no OS or link minds, already in NFC, short.
# Most titles are such; they skip pathvalidate's checks (70 µs a name here).
_PLAIN_NAME = re.compile(r"[^\W_](?:[\w,'()&+!@=;~-]| (?! |\Z))*\Z")
_RESERVED = frozenset(
    FileNameValidator(platform="universal", additional_reserved_names=_MORE_RESERVED).reserved_keywords
)
# Names already made safe in this process (an export names each entry again every time).
_SAFE_STEMS: dict[tuple[str, str], str] = {}


def safe_stem(name: str, *, fallback: str = "untitled") -> str:
    """`name` as the readable stem of a file name that every OS accepts (without extension)."""
    known = _SAFE_STEMS.get((name, fallback))
    if known is not None:
        return known
    if (
        len(name) <= 200
        and _PLAIN_NAME.match(name) is not None
        and name.upper() not in _RESERVED
        and unicodedata.is_normalized("NFC", name)
    ):
        made = name
    else:
        made = _make_safe(name, fallback)
    if len(_SAFE_STEMS) >= 100_000:
        _SAFE_STEMS.clear()
    _SAFE_STEMS[(name, fallback)] = made
    return made


def _make_safe(name: str, fallback: str) -> str:
    text = unicodedata.normalize("NFC", name)
    text = _BIDI_CONTROLS.sub("", text).translate(_NOT_LINKABLE)
    text = _CONTROLS.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    sanitized = _SPACES.sub(" ", _SANITIZER.sanitize(text))  # 'A / B' lost its '/': one space, not two
    text = _tidy_ends(sanitized)
    if text and not sanitized.startswith(text):  # its leading dots gone, '.CON' is 'CON': reserved
        text = _tidy_ends(_SANITIZER.sanitize(text))
    return text or fallback


def _tidy_ends(text: str) -> str:
    # Windows drops trailing dots and spaces, so 'x.' and 'x' would be the same file; a leading
    # dot hides a file (Unix, Obsidian, and import-notes passes over hidden files).
    return text.strip(". ")


def file_name(stem: str, suffix: str = "", extension: str = EXTENSION) -> str:
    """stem + suffix + extension, the stem shortened so the whole fits in MAX_NAME_BYTES."""
    budget = MAX_NAME_BYTES - len((suffix + extension).encode("utf-8"))
    short = _tidy_ends(fit(stem, budget)) or "untitled"
    return short + suffix + extension


def same_name_key(name: str) -> str:
    """Two names with the same key are the same file on a case-insensitive file system."""
    if name.isascii():  # NFKC leaves ASCII as it is, and casefold is lower
        return name.lower()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


class NameAllocator:
    """Hands out file names that differ from every name taken so far, ignoring case.

    Names are unique across the whole export (not only per folder), so a [[wiki-link]] by file
    name finds exactly one file, as Obsidian resolves links anywhere in the vault.
    """

    def __init__(self, extension: str = EXTENSION) -> None:
        self._taken: set[str] = set()
        self._extension = extension

    def reserve(self, name: str) -> None:
        """Mark a name (with or without the extension) as used by something else."""
        self._taken.add(same_name_key(name.removesuffix(self._extension)))

    def is_free(self, name: str) -> bool:
        return same_name_key(name.removesuffix(self._extension)) not in self._taken

    def allocate(self, stem: str, suffix: str = "") -> str:
        """A free file name for `stem` (+ `suffix`): 'stem.md', else 'stem (2).md', ..."""
        n = 1
        while True:
            extra = suffix if n == 1 else f"{suffix} ({n})"
            name = file_name(stem, extra, self._extension)
            if self.is_free(name):
                self.reserve(name)
                return name
            n += 1


def is_variant_of(name: str, stem: str, extension: str = EXTENSION) -> bool:
    """True when `name` is what `allocate` could have given `stem`: 'stem.md' or 'stem (3).md'.

    Lets a re-export keep the file name an entry had, instead of renumbering when others join.
    """
    base = name.removesuffix(extension)
    wanted = file_name(stem, "", extension).removesuffix(extension)
    if same_name_key(base) == same_name_key(wanted):
        return True
    numbered = _NUMBERED.match(base)
    if numbered is None:
        return False
    suffix = f" ({numbered['n']})"
    return same_name_key(base) == same_name_key(file_name(stem, suffix, extension).removesuffix(extension))


def inside(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that resolves outside `root` ('..', links)."""
    base = Path(os.path.realpath(root))  # realpath: a loop of links is no RuntimeError
    target = Path(os.path.realpath(base / relative))
    if target == base or not target.is_relative_to(base):
        raise UnsafePath(f"{relative!r} is not inside {root}")
    return target

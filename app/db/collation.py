"""The key the lists sort names by, so they come in the order a reader of the name expects.

A name is first folded as search folds it (app/db/folding.py: case, accents, width), so `Đặng`
sorts with D and `Ørsted` with O. Two scripts need more than that, and get what the Unicode
Collation Algorithm (UCA) gives them:

- Han characters sort by their pinyin, as Chinese dictionaries and phone books order them:
  `阿` (a), `陈刚` (chen gang), `李强` (li qiang), `王毅` (wang yi), after every Latin name (where
  Han stands among the scripts by code point). The reading comes from pypinyin (its phrase
  dictionary reads `银行` as yin hang, `重庆` as chong qing); the tone and then the character
  break ties between names that read alike, so the order is total and never depends on the
  order the names were entered in.
- Thai and Lao write some vowels before the consonant they are pronounced after (เ แ โ ใ ไ,
  ເ ແ ໂ ໃ ໄ); dictionaries sort by the consonant, so the key swaps each such vowel with the
  consonant after it (`เชียงใหม่` sorts under ช). Tone marks only break ties, as in UCA: `ก่า`
  sorts with `กา`, not after every other word that starts with ก.

Every other script keeps code point order after folding. The key is plain text compared
byte by byte (SQLite's BINARY collation), so the name index serves every order. A key has up
to two parts: what decides the order, then, after `_LEVEL`, what breaks ties (left out when it
would say nothing more). Neither part can hold a control character (folding removes them), so
`_LEVEL` and `_SYLLABLE_END` sort before anything a name holds: `陈` comes before `陈刚`, and
`chen` before `cheng`.

Names without Han, Thai or Lao (nearly all of them) cost one fold and one regular expression
search. pypinyin (about 4 MB, 0.35 s to import with its phrase dictionary) is imported only
when a name holds Han characters.

The database calls `sort_key` through an SQL function registered on every connection
(app/db/connection.py), from the triggers that keep the lists (app/db/list_index.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from app.db.folding import fold

SQL_FUNCTION = "rt_sort_key"

_LEVEL = "\x01"  # between what orders and what breaks ties
_SYLLABLE_END = "\x02"  # after each Han character's syllable: `chen` before `cheng`
_HAN = "\u4e00"  # before each Han character's syllable: Han after Latin, Thai, Lao and Kana
_UNKNOWN = "~"  # the syllable of a character pypinyin cannot read: after every other one

_HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
_PREVOWELS = "\u0e40-\u0e44\u0ec0-\u0ec4"  # Thai เ แ โ ใ ไ, Lao ເ ແ ໂ ໃ ໄ
_TONE_MARKS = "\u0e48-\u0e4b\u0ec8-\u0ecb"  # Thai ่ ้ ๊ ๋, Lao ່ ້ ໊ ໋


class _Patterns:
    """The regular expressions, compiled when the first name that is not ASCII needs them:
    compiling them took about 10 ms of every start, which sorts no such name."""

    def __init__(self) -> None:
        self.special = re.compile(f"[{_HAN_CHARS}{_PREVOWELS}{_TONE_MARKS}]")
        self.han_run = re.compile(f"[{_HAN_CHARS}]+")
        self.han_char = re.compile(f"[{_HAN_CHARS}]")
        # A prevowel, then a consonant (Thai ก-ฮ, Lao ກ-ຮ and ໜ-ໟ).
        self.prevowel_first = re.compile(f"([{_PREVOWELS}])([\u0e01-\u0e2e\u0e81-\u0eae\u0edc-\u0edf])")
        self.tone_mark = re.compile(f"[{_TONE_MARKS}]")
        self.reading = re.compile("([a-z]+)([1-5])")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def sort_key(name: str | None) -> str:
    """The key that sorts `name` among others; None and '' give ''."""
    folded = fold(name)
    if folded.isascii():
        return folded
    patterns = _patterns()
    if patterns.special.search(folded) is None:
        return folded
    if patterns.han_char.search(folded) is None:
        first, second = _thai_lao(folded)
    else:
        order: list[str] = []
        ties: list[str] = []
        at = 0
        for run in patterns.han_run.finditer(folded):
            if run.start() > at:
                _add(_thai_lao(folded[at : run.start()]), order, ties)
            _add(_han(run.group()), order, ties)
            at = run.end()
        if at < len(folded):
            _add(_thai_lao(folded[at:]), order, ties)
        first, second = "".join(order), "".join(ties)
    return first if second == first else first + _LEVEL + second


def _add(parts: tuple[str, str], order: list[str], ties: list[str]) -> None:
    order.append(parts[0])
    ties.append(parts[1])


def _thai_lao(text: str) -> tuple[str, str]:
    """A stretch without Han, to order by and to break ties by: Thai and Lao prevowels after
    their consonant, and tone marks left out of the first (each scan only when it finds some:
    a regular expression's substitution costs several times its search)."""
    patterns = _patterns()
    if patterns.prevowel_first.search(text):
        text = patterns.prevowel_first.sub(r"\2\1", text)
    return (patterns.tone_mark.sub("", text) if patterns.tone_mark.search(text) else text), text


@lru_cache(maxsize=16384)
def _han(run: str) -> tuple[str, str]:
    """A run of Han characters' part of the key: their syllables, and their tones and
    characters to break ties (a name's surname and given name are often runs seen before)."""
    order: list[str] = []
    ties: list[str] = []
    reading_of = _patterns().reading
    for char, reading in zip(run, _readings(run), strict=True):
        found = reading_of.fullmatch(reading)
        syllable, tone = (found.group(1), found.group(2)) if found else (_UNKNOWN, "0")
        order.append(_HAN + syllable + _SYLLABLE_END)
        ties.append(tone + char)
    return "".join(order), "".join(ties)


def _readings(run: str) -> list[str]:
    """The pinyin of each character of a run of Han characters, with its tone as a digit
    (`chen2`; 5 for the neutral tone), read as a phrase where pypinyin knows one."""
    read = _reader()(run)
    if len(read) != len(run):  # characters it cannot read come as one piece: read each alone
        read = [_reader()(char)[0] for char in run]
    return [_tone3(syllable) for syllable in read]


@lru_cache(maxsize=1)
def _reader() -> Callable[[str], list[str]]:
    """pypinyin's reading of a text, each syllable as its dictionaries write it (`chén`).

    Its own styles convert every syllable again with regular expressions, which took three
    quarters of the time; there are about 1,500 syllables, so `_tone3` converts each once."""
    from pypinyin.converter import DefaultConverter  # 0.35 s: only once a name holds Han
    from pypinyin.core import Pinyin

    class AsWritten(DefaultConverter):
        def convert_style(
            self, han: str, orig_pinyin: str, style: object, strict: bool, **kwargs: object
        ) -> str:
            return orig_pinyin

    return Pinyin(AsWritten()).lazy_pinyin


@lru_cache(maxsize=4096)
def _tone3(syllable: str) -> str:
    from pypinyin.contrib.tone_convert import to_tone3

    return str(to_tone3(syllable, neutral_tone_with_five=True))

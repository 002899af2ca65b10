"""Bibliographies in and out: CSL-JSON, BibTeX/BibLaTeX and RIS files, and a Zotero data folder
read without ever writing it. No Qt, no database: records in, text out.

Every reader gives `BibRecord`s holding what a Roundtable source keeps: title, publisher (a
journal or newspaper's name when there is one, else the publisher), authors one a line,
the date published with its precision (YYYY, YYYY-MM or YYYY-MM-DD), language (a BCP 47 tag),
kind (words: 'news article'), web address, citation key, DOI and tags.

Names are kept one a line as 'Family, Given' (the way BibTeX and RIS write them, so a line
with one comma splits back into its parts) and an organisation as its name alone.

The kind travels as the format's type ('news article' is CSL `article-newspaper`, BibLaTeX
`@article` with `entrysubtype = {newspaper}`, RIS `NEWS`); a kind the type does not say
exactly ('government release') goes in the genre too (CSL `genre`, BibLaTeX `type`, RIS
`M3`), which the readers prefer to the type, so every kind comes back as it went out.

The parsers are imported when a file of their format is read: bibtexparser 2 (its v2 is the
maintained line: no pyparsing, several times faster than 1.4 on large files, failed blocks
reported instead of skipped), and rispy. A file that cannot be read is one sentence naming
it and, where it can, the record (BibliographyError); nothing is half read.
"""

from __future__ import annotations

import calendar
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.i18n import T_, Explained
from app.user_files import MB, UnreadableFile, read_bytes, require_regular

MAX_BIBLIOGRAPHY_BYTES = 256 * MB  # a bibliography of 100,000 entries is some 50 MB
MAX_ZOTERO_BYTES = 2048 * MB  # a large Zotero library's database is a few hundred MB

CSL_JSON = "csl-json"
BIBTEX = "bibtex"
RIS = "ris"
ZOTERO = "zotero"
FORMATS = (CSL_JSON, BIBTEX, RIS)  # what export writes
EXTENSIONS = {".json": CSL_JSON, ".bib": BIBTEX, ".bibtex": BIBTEX, ".biblatex": BIBTEX, ".ris": RIS}
ZOTERO_FILE = "zotero.sqlite"


class BibliographyError(Explained, ValueError):
    """A bibliography that cannot be read: one sentence naming the file (and the record)."""


@dataclass(frozen=True)
class BibRecord:
    """One entry of a bibliography, in the terms of a Roundtable source."""

    title: str
    where: str = ""  # for messages: 'smith2024 (line 12)', 'item 3'
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    kind: str | None = None
    url: str | None = None
    key: str | None = None
    doi: str | None = None
    tags: tuple[str, ...] = ()
    # Only for export: Pandoc citations of this source as the library cites it, one a line.
    cited: tuple[str, ...] = field(default=(), compare=False)
    # Files stored with it (Zotero's PDFs and page snapshots): (path, media type).
    files: tuple[tuple[str, str], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Bibliography:
    path: Path
    format: str
    records: tuple[BibRecord, ...]


# --- kinds ---------------------------------------------------------------------------------

# The kind each CSL type stands for, in the words a researcher uses for a source.
KIND_OF_TYPE: dict[str, str] = {
    "article": "article",
    "article-journal": "journal article",
    "article-magazine": "magazine article",
    "article-newspaper": "news article",
    "bill": "bill",
    "book": "book",
    "broadcast": "broadcast",
    "chapter": "book chapter",
    "dataset": "dataset",
    "document": "document",
    "entry-dictionary": "dictionary entry",
    "entry-encyclopedia": "encyclopedia entry",
    "graphic": "image",
    "hearing": "hearing",
    "interview": "interview",
    "legal_case": "court case",
    "legislation": "law",
    "manuscript": "manuscript",
    "map": "map",
    "motion_picture": "film",
    "pamphlet": "pamphlet",
    "paper-conference": "conference paper",
    "patent": "patent",
    "personal_communication": "letter",
    "post": "post",
    "post-weblog": "blog post",
    "regulation": "regulation",
    "report": "report",
    "software": "software",
    "song": "recording",
    "speech": "speech",
    "standard": "standard",
    "thesis": "thesis",
    "treaty": "treaty",
    "webpage": "web page",
}
_TYPE_OF_KIND = {kind: csl for csl, kind in KIND_OF_TYPE.items()}
# A kind in the researcher's own words, by the first word of this table it holds.
_TYPE_BY_WORD = (
    ("news", "article-newspaper"),
    ("newspaper", "article-newspaper"),
    ("journal", "article-journal"),
    ("magazine", "article-magazine"),
    ("blog", "post-weblog"),
    ("web", "webpage"),
    ("website", "webpage"),
    ("chapter", "chapter"),
    ("book", "book"),
    ("conference", "paper-conference"),
    ("report", "report"),
    ("policy", "report"),
    ("paper", "report"),
    ("brief", "report"),
    ("speech", "speech"),
    ("remarks", "speech"),
    ("address", "speech"),
    ("interview", "interview"),
    ("dataset", "dataset"),
    ("data", "dataset"),
    ("law", "legislation"),
    ("legislation", "legislation"),
    ("regulation", "regulation"),
    ("decree", "regulation"),
    ("treaty", "treaty"),
    ("agreement", "treaty"),
    ("memorandum", "treaty"),
    ("thesis", "thesis"),
    ("dissertation", "thesis"),
    ("letter", "personal_communication"),
)
_WORD = re.compile(r"[a-z]+")


def csl_type(kind: str | None) -> str:
    """The CSL type for a source's kind: 'news article' -> 'article-newspaper'."""
    if not kind:
        return "document"
    folded = kind.strip().casefold()
    if folded in _TYPE_OF_KIND:
        return _TYPE_OF_KIND[folded]
    words = _WORD.findall(folded)
    for word, csl in _TYPE_BY_WORD:
        if word in words:
            return csl
    return "document"


def _kind(genre: str | None, csl: str) -> str:
    return genre or KIND_OF_TYPE.get(csl, "document")


def _genre(kind: str | None, said_by_type: str) -> str | None:
    """The kind, when the format's type alone would not bring it back."""
    return kind if kind and kind != said_by_type else None


# --- values --------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = _SPACES.sub(" ", str(value)).strip()
    return text or None


def _is_valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def iso_date(year: Any, month: Any = None, day: Any = None) -> str | None:
    """'2024', '2024-03' or '2024-03-05' from parts (numbers or digits); None when the year is
    not one, and the parts after the first one that is missing or impossible are dropped."""
    try:
        y = int(str(year).strip())
    except (TypeError, ValueError):
        return None
    if not 1 <= y <= 9999:
        return None
    try:
        m = int(str(month).strip()) if month not in (None, "") else 0
    except ValueError:
        m = _MONTHS.get(str(month).strip().casefold()[:3], 0)
    if not 1 <= m <= 12:
        return f"{y:04d}"
    try:
        d = int(str(day).strip()) if day not in (None, "") else 0
    except ValueError:
        d = 0
    if not d or not _is_valid_day(y, m, d):
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


_MONTHS = {name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name}
_DATE_TEXT = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")


def date_from_text(text: str | None) -> str | None:
    """A date's start from how bibliographies write it: '2024-03-05', '2024/03/05/', '2024-03',
    '2024', '2024-03-05/2024-03-07' (a range: its start); None when it starts with no year."""
    if not text:
        return None
    found = _DATE_TEXT.match(text)
    if not found:
        return None
    year, month, day = found.groups()
    return iso_date(year, month, day)


def _date_parts(date: str | None) -> list[int]:
    return [int(part) for part in date.split("-")] if date else []


_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def clean_doi(value: Any) -> str | None:
    """'https://doi.org/10.1000/ABC' -> '10.1000/abc' (DOIs are the same in any case)."""
    text = _clean(value)
    if not text:
        return None
    text = _DOI.sub("", text).strip().lower()
    return text if text.startswith("10.") and "/" in text else None


_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def clean_url(value: Any) -> str | None:
    text = _clean(value)
    return text if text and _URL.match(text) else None


# Language names bibliographies write (BibLaTeX's langid, Zotero's free text) as BCP 47 tags.
_LANGUAGE_NAMES = {
    "english": "en",
    "american": "en-US",
    "british": "en-GB",
    "chinese": "zh",
    "mandarin": "zh",
    "french": "fr",
    "german": "de",
    "ngerman": "de",
    "spanish": "es",
    "portuguese": "pt",
    "russian": "ru",
    "japanese": "ja",
    "korean": "ko",
    "vietnamese": "vi",
    "thai": "th",
    "lao": "lo",
    "khmer": "km",
    "burmese": "my",
    "malay": "ms",
    "indonesian": "id",
    "bahasa": "id",
    "filipino": "fil",
    "tagalog": "tl",
    "arabic": "ar",
    "hindi": "hi",
    "italian": "it",
    "dutch": "nl",
}
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def clean_language(value: Any) -> str | None:
    """A BCP 47 tag ('en', 'zh-Hans'), from a tag in any case ('EN_us' -> 'en-us') or a
    language's English name; None for what is neither (it is left out, not guessed)."""
    text = _clean(value)
    if not text:
        return None
    tag = text.replace("_", "-")
    tag = tag[:3].lower() + tag[3:] if "-" in tag else tag.lower()
    first, _, rest = tag.partition("-")
    tag = first.lower() + ("-" + rest if rest else "")
    if LANGUAGE_TAG.match(tag):
        return tag
    return _LANGUAGE_NAMES.get(text.casefold())


# A citation key both Pandoc ('@key') and BibTeX take: a letter, digit or _ first and last,
# and only these marks between.
_KEY = re.compile(r"^\w(?:[\w:.+?<>/-]*\w)?$")


def clean_key(value: Any) -> str | None:
    text = _clean(value)
    if not text or "://" in text or len(text) > 200:
        return None
    return text if _KEY.match(text) else None


def split_name(line: str) -> tuple[str, str] | None:
    """'Smith, John' -> ('Smith', 'John'); None for a name written whole ('World Bank')."""
    family, comma, given = line.partition(",")
    if not comma or "," in given:
        return None
    family, given = family.strip(), given.strip()
    return (family, given) if family and given else None


def _person(family: str | None, given: str | None, suffix: str | None = None) -> str | None:
    family, given, suffix = _clean(family), _clean(given), _clean(suffix)
    if family and given:
        return f"{family}, {suffix}, {given}" if suffix else f"{family}, {given}"
    return family or given


def _unique(items: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _tags(text: str | None, separator: str = ",") -> tuple[str, ...]:
    return _unique(_clean(t) for t in (text or "").split(separator))


# --- reading -------------------------------------------------------------------------------


def format_of(path: Path, given: str | None = None) -> str:
    """The format `path` holds: the one `given`, else a Zotero data folder or zotero.sqlite,
    else by the file's extension; BibliographyError for a name that says none."""
    if given:
        return given
    if path.is_dir() or path.name == ZOTERO_FILE:
        return ZOTERO
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise BibliographyError(
            T_(
                "Bibliography",
                "{path} is not a bibliography Roundtable reads: it reads CSL-JSON (.json), BibTeX "
                "(.bib), RIS (.ris) and a Zotero data folder.",
            ).format(path=str(path))
        )
    return found


def read(path: Path, fmt: str | None = None) -> Bibliography:
    """The records of the bibliography at `path` (a file, or a Zotero data folder)."""
    fmt = format_of(path, fmt)
    if fmt == ZOTERO:
        return Bibliography(path, fmt, read_zotero(path))
    text = _text(path)
    reader: dict[str, Callable[[str, Path], tuple[BibRecord, ...]]] = {
        CSL_JSON: parse_csl_json,
        BIBTEX: parse_bibtex,
        RIS: parse_ris,
    }
    records = reader[fmt](text, path)
    if not records:
        raise BibliographyError(
            T_("Bibliography", "{path} holds no bibliography entries.").format(path=str(path))
        )
    return Bibliography(path, fmt, records)


def _text(path: Path) -> str:
    try:
        data = read_bytes(path, limit=MAX_BIBLIOGRAPHY_BYTES)
    except UnreadableFile as exc:
        raise BibliographyError(exc.message) from exc
    except OSError as exc:
        raise BibliographyError(
            T_("Bibliography", "{path} cannot be read: {error}.").format(
                path=str(path), error=exc.strerror or str(exc)
            )
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BibliographyError(
            T_(
                "Bibliography", "{path} is not UTF-8 text (byte {at}); save it as UTF-8 and try again."
            ).format(path=str(path), at=str(exc.start))
        ) from exc


def _not_format(path: Path, what: str, detail: str) -> BibliographyError:
    return BibliographyError(
        T_("Bibliography", "{path} is not a {format} file: {detail}.").format(
            path=str(path), format=what, detail=detail
        )
    )


# CSL-JSON --------------------------------------------------------------------------------


def parse_csl_json(text: str, path: Path) -> tuple[BibRecord, ...]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _not_format(path, "CSL-JSON", f"line {exc.lineno}: {exc.msg}") from exc
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]  # (how some tools wrap it)
    if not isinstance(data, list):
        raise _not_format(path, "CSL-JSON", "it holds no list of items")
    return tuple(_csl_item(item, n, path) for n, item in enumerate(data, 1))


def _csl_item(item: Any, n: int, path: Path) -> BibRecord:
    if not isinstance(item, dict):
        raise _not_format(path, "CSL-JSON", f"item {n} is not an object")
    key = clean_key(item.get("citation-key")) or clean_key(item.get("id"))
    where = f"{key} (item {n})" if key else f"item {n}"
    kind_type = str(item["type"]) if isinstance(item.get("type"), str) else "document"
    authors = item.get("author") or []
    if not isinstance(authors, list):
        raise _not_format(path, "CSL-JSON", f"the authors of {where} are not a list")
    tags = _tags(_text_of(item.get("keyword")))
    return BibRecord(
        title=_clean(_text_of(item.get("title"))) or "",
        where=where,
        publisher=_clean(_text_of(item.get("container-title"))) or _clean(_text_of(item.get("publisher"))),
        authors=_unique(_csl_name(a) for a in authors),
        published=_csl_date(item.get("issued")),
        language=clean_language(_text_of(item.get("language"))),
        kind=_kind(_clean(_text_of(item.get("genre"))), kind_type),
        url=clean_url(_text_of(item.get("URL"))),
        key=key,
        doi=clean_doi(_text_of(item.get("DOI"))),
        tags=tags,
    )


def _text_of(value: Any) -> str | None:
    if isinstance(value, list):  # (some tools give container-title as a list)
        value = value[0] if value else None
    return value if isinstance(value, str) else str(value) if isinstance(value, int | float) else None


def _csl_name(name: Any) -> str | None:
    if isinstance(name, str):
        return _clean(name)
    if not isinstance(name, dict):
        return None
    if _clean(name.get("literal")):
        return _clean(name.get("literal"))
    family = " ".join(p for p in (_clean(name.get("non-dropping-particle")), _clean(name.get("family"))) if p)
    given = " ".join(p for p in (_clean(name.get("given")), _clean(name.get("dropping-particle"))) if p)
    return _person(family, given, name.get("suffix"))


def _csl_date(value: Any) -> str | None:
    if isinstance(value, str):
        return date_from_text(value)
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        return iso_date(*parts[0][:3])
    return date_from_text(_clean(value.get("raw")) or _clean(value.get("edtf")))


# BibTeX / BibLaTeX ---------------------------------------------------------------------------

# BibLaTeX (and BibTeX) entry types as CSL types; an @article's entrysubtype refines it.
_CSL_OF_BIBTEX = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "pamphlet",
    "collection": "book",
    "proceedings": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "report": "report",
    "techreport": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "manual": "document",
    "misc": "document",
    "unpublished": "manuscript",
}
_ARTICLE_SUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine"}
_BIBTEX_OF_CSL = {
    "article-journal": ("article", None),
    "article-newspaper": ("article", "newspaper"),
    "article-magazine": ("article", "magazine"),
    "book": ("book", None),
    "pamphlet": ("booklet", None),
    "chapter": ("incollection", None),
    "paper-conference": ("inproceedings", None),
    "report": ("report", None),
    "thesis": ("thesis", None),
    "webpage": ("online", None),
    "post-weblog": ("online", None),
    "dataset": ("dataset", None),
    "software": ("software", None),
    "patent": ("patent", None),
    "manuscript": ("unpublished", None),
}
# Where each entry type keeps the name of what published it.
_CONTAINER_FIELD = {
    "article": "journaltitle",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "report": "institution",
    "thesis": "institution",
    "online": "organization",
}
_PUBLISHER_FIELDS = (
    "journaltitle",
    "journal",
    "booktitle",
    "publisher",
    "institution",
    "organization",
    "school",
    "howpublished",
)
_NAME_FIELDS = ("author",)
_LATEX = re.compile(r"[\\{}~$]|--")


def _bibtexparser() -> Any:
    import bibtexparser  # (only when a .bib is read or written)

    # Its parse problems come back to us as failed blocks; the log would print them again.
    logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
    logging.getLogger("bibtexparser").propagate = False
    return bibtexparser


# The LaTeX bibliographies hold, read here without pylatexenc (some 5 ms a value there: a
# minute for 10,000 entries): escaped characters, accents, named letters, dashes, quotes and
# the commands that only style their argument. A value with anything else goes to pylatexenc.
_ESCAPED = frozenset("&%$#_{} ")
_ACCENT_MARKS = {
    '"': "\u0308",
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_NAMED = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "textbackslash": "\\",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textendash": "–",
    "textemdash": "—",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "textunderscore": "_",
    "textbar": "|",
    "textless": "<",
    "textgreater": ">",
    "dots": "…",
    "ldots": "…",
    "textellipsis": "…",
    "S": "§",
    "P": "¶",
    "copyright": "©",
    "pounds": "£",
    "euro": "€",
}
_STYLES = frozenset(
    {"textit", "emph", "textbf", "textsc", "textrm", "textsf", "texttt", "textup", "textmd", "textsl", "url"}
    | {"mkbibemph", "mkbibbold", "NoCaseChange", "nocase", "textnormal"}
)
_LATEX_TOKEN = re.compile(r"[^\\{}~$`'\-]+|\\[a-zA-Z]+\s*|\\.|---|--|``|''|.", re.DOTALL)


class _Latex:
    """LaTeX in field values ('M\\"uller', '\\&', '{AI}') as plain text: the usual LaTeX read
    here, anything else by pylatexenc (the decoder bibtexparser's own middleware uses)."""

    def __init__(self) -> None:
        self._decoder: Any = None

    def __call__(self, value: str) -> str:
        if not _LATEX.search(value):
            return value
        fast = _plain_latex(value)
        return fast if fast is not None else self._slow(value)

    def _slow(self, value: str) -> str:
        if self._decoder is None:
            from pylatexenc import latex2text

            context = latex2text.get_default_latex_context_db()
            # pylatexenc reads it as the modifier letter ˆ; LaTeX prints the ASCII caret.
            context.add_context_category(
                "roundtable", prepend=True, macros=[latex2text.MacroTextSpec("textasciicircum", "^")]
            )
            self._decoder = latex2text.LatexNodes2Text(
                latex_context=context, math_mode="verbatim", strict_latex_spaces=True
            )
        decoded: str = self._decoder.latex_to_text(value)
        return decoded


def _plain_latex(value: str) -> str | None:
    """`value` as text, or None when it holds LaTeX this does not read (math, other commands)."""
    import unicodedata

    tokens = _LATEX_TOKEN.findall(value)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token[0] not in "\\{}~$`'-":
            out.append(token)
        elif token in ("{", "}"):
            continue  # grouping, as BibTeX uses it to keep capitals
        elif token == "~":
            out.append("\u00a0")
        elif token == "---":
            out.append("—")
        elif token == "--":
            out.append("–")
        elif token == "``":
            out.append("“")
        elif token == "''":
            out.append("”")
        elif token in ("`", "'", "-"):
            out.append(token)
        elif token == "$":
            return None  # math: pylatexenc keeps it as written
        else:  # a command
            name = token[1:].rstrip()
            if len(name) == 1 and name in _ESCAPED:
                out.append(name)
            elif name in _ACCENT_MARKS:
                base, i = _accent_argument(tokens, i)
                if base is None:
                    return None
                out.append(unicodedata.normalize("NFC", base + _ACCENT_MARKS[name]))
            elif name in _NAMED:
                out.append(_NAMED[name])
                if i + 1 < len(tokens) and tokens[i] == "{" and tokens[i + 1] == "}":
                    i += 2  # '\\textbackslash{}'
            elif name in _STYLES:
                continue  # the braces of its argument go as any group's
            else:
                return None
    return "".join(out)


def _accent_argument(tokens: list[str], i: int) -> tuple[str | None, int]:
    """The letter an accent sits on: 'u' in \\"u, \\"{u} or \\"{\\i}; the index after it."""
    braced = i < len(tokens) and tokens[i] == "{"
    if braced:
        i += 1
    if i >= len(tokens):
        return None, i
    token = tokens[i]
    if token.startswith("\\"):
        name = token[1:].rstrip()
        letter = {"i": "i", "j": "j"}.get(name)  # the dotless i takes the accent as i does
        if letter is None:
            return None, i
        rest = ""
    else:
        letter, rest = token[0], token[1:]
        if not letter.isalpha():
            return None, i  # an accent on a brace or a mark: left to pylatexenc
    i += 1
    if braced:
        if i >= len(tokens) or tokens[i] != "}" or rest:
            return None, i
        i += 1
    elif rest:
        tokens.insert(i, rest)  # '\\"uller': the accent takes the u, 'ller' follows
    return letter, i


def parse_bibtex(text: str, path: Path) -> tuple[BibRecord, ...]:
    bibtexparser = _bibtexparser()
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # a parser's own failure on hostile text is still bad input
        raise _not_format(
            path, "BibTeX", str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        ) from exc
    if library.failed_blocks:
        block = library.failed_blocks[0]
        duplicate = getattr(block, "key", None) if type(block).__name__ == "DuplicateBlockKeyBlock" else None
        if duplicate:
            raise BibliographyError(
                T_(
                    "Bibliography",
                    "{path}: the key {key} is used by two entries (the second at line {line}).",
                ).format(path=str(path), key=duplicate, line=str(block.start_line + 1))
            )
        count = len(library.failed_blocks)
        template = (
            T_("Bibliography", "{path}: the entry at line {line} cannot be read as BibTeX.")
            if count == 1
            else T_(
                "Bibliography", "{path}: {count} entries cannot be read as BibTeX, the first at line {line}."
            )
        )
        raise BibliographyError(
            template.format(path=str(path), line=str(block.start_line + 1), count=str(count))
        )
    latex = _Latex()
    return tuple(_bibtex_entry(entry, latex) for entry in library.entries)


def _bibtex_entry(entry: Any, latex: _Latex) -> BibRecord:
    raw: dict[str, str] = {f.key.lower(): f.value for f in entry.fields if isinstance(f.value, str)}

    def value(name: str) -> str | None:
        found = raw.get(name)
        return _clean(latex(found)) if found else None

    entry_type = entry.entry_type.lower()
    csl = _CSL_OF_BIBTEX.get(entry_type, "document")
    if entry_type == "article":
        csl = _ARTICLE_SUBTYPES.get((value("entrysubtype") or "").lower(), csl)
    published = date_from_text(value("date")) or (
        iso_date(value("year"), value("month"), value("day")) if value("year") else None
    )
    where = f"{entry.key} (line {entry.start_line + 1})"
    return BibRecord(
        title=value("title") or "",
        where=where,
        publisher=next((v for v in (value(f) for f in _PUBLISHER_FIELDS) if v), None),
        authors=_bibtex_names(raw.get("author", ""), latex),
        published=published,
        language=clean_language(value("langid") or value("language")),
        kind=_kind(value("type"), csl),
        url=clean_url(value("url")),
        key=clean_key(entry.key),
        doi=clean_doi(value("doi")),
        tags=_tags(value("keywords")),
    )


def _bibtex_names(text: str, latex: _Latex) -> tuple[str, ...]:
    if not text.strip():
        return ()
    from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

    names: list[str | None] = []
    for written in split_multiple_persons_names(text):
        written = written.strip()
        if written.startswith("{") and written.endswith("}") and _balanced(written[1:-1]):
            names.append(_clean(latex(written[1:-1])))  # {World Bank}: a name written whole
            continue
        if written.count(",") == 1 and "{" not in written:
            # 'von Last, First', as most files write names: the split is the comma (the von
            # part stays with the family name, as it does below); the parser is for the rest.
            family, _, given = written.partition(",")
            names.append(_person(latex(family), latex(given)))
            continue
        parts = parse_single_name_into_parts(written, strict=False)
        family = latex(" ".join([*parts.von, *parts.last]))
        names.append(_person(family, latex(" ".join(parts.first)), latex(" ".join(parts.jr))))
    return _unique(names)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += 1 if ch == "{" else -1 if ch == "}" else 0
        if depth < 0:
            return False
    return depth == 0


# RIS ------------------------------------------------------------------------------------------

_CSL_OF_RIS = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "EJOUR": "article-journal",
    "NEWS": "article-newspaper",
    "MGZN": "article-magazine",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "RPRT": "report",
    "THES": "thesis",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BLOG": "post-weblog",
    "DATA": "dataset",
    "DBASE": "dataset",
    "STAT": "legislation",
    "BILL": "bill",
    "CASE": "legal_case",
    "PAMP": "pamphlet",
    "PAT": "patent",
    "COMP": "software",
    "MAP": "map",
    "PCOMM": "personal_communication",
    "UNPB": "manuscript",
    "MANSCPT": "manuscript",
    "ENCYC": "entry-encyclopedia",
    "DICT": "entry-dictionary",
    "HEAR": "hearing",
    "MPCT": "motion_picture",
    "SOUND": "song",
    "ART": "graphic",
    "STAND": "standard",
    "GEN": "document",
}
_RIS_OF_CSL = {
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "dataset": "DATA",
    "legislation": "STAT",
    "bill": "BILL",
    "legal_case": "CASE",
    "pamphlet": "PAMP",
    "patent": "PAT",
    "software": "COMP",
    "map": "MAP",
    "personal_communication": "PCOMM",
    "manuscript": "UNPB",
    "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT",
    "hearing": "HEAR",
    "motion_picture": "MPCT",
    "song": "SOUND",
    "graphic": "ART",
    "standard": "STAND",
}
_RIS_CONTAINERS = {"JOUR", "NEWS", "MGZN", "CHAP", "CPAPER", "ELEC", "BLOG", "ENCYC", "DICT"}


def parse_ris(text: str, path: Path) -> tuple[BibRecord, ...]:
    import rispy  # (only when a .ris is read)

    try:
        entries = rispy.loads(text)
    except Exception as exc:  # rispy raises plain IOError/ValueError with its own wording
        raise _not_format(path, "RIS", str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
    return tuple(_ris_entry(e, n) for n, e in enumerate(entries, 1))


def _first(entry: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = entry.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if _clean(value):
            return _clean(value)
    return None


def _ris_entry(entry: dict[str, Any], n: int) -> BibRecord:
    key = clean_key(entry.get("id"))
    ris_type = str(entry.get("type_of_reference") or "GEN").upper()
    authors = [*(entry.get("authors") or []), *(entry.get("first_authors") or [])]
    return BibRecord(
        title=_first(entry, "title", "primary_title", "translated_title") or "",
        where=f"{key} (record {n})" if key else f"record {n}",
        publisher=_first(entry, "secondary_title", "journal_name", "alternate_title3", "alternate_title1")
        if ris_type in _RIS_CONTAINERS
        else _first(entry, "publisher", "secondary_title", "journal_name"),
        authors=_unique(_clean(a) for a in authors if isinstance(a, str)),
        published=date_from_text(_first(entry, "date"))
        or date_from_text(_first(entry, "year", "publication_year")),
        language=clean_language(_first(entry, "language")),
        kind=_kind(_first(entry, "type_of_work"), _CSL_OF_RIS.get(ris_type, "document")),
        url=clean_url(_first(entry, "urls")),
        key=key,
        doi=clean_doi(_first(entry, "doi")),
        tags=_unique(_clean(k) for k in entry.get("keywords") or [] if isinstance(k, str)),
    )


# Zotero ----------------------------------------------------------------------------------------

# Zotero's item types as CSL types (as Zotero's own CSL export maps them).
_CSL_OF_ZOTERO = {
    "journalArticle": "article-journal",
    "newspaperArticle": "article-newspaper",
    "magazineArticle": "article-magazine",
    "book": "book",
    "bookSection": "chapter",
    "conferencePaper": "paper-conference",
    "report": "report",
    "thesis": "thesis",
    "webpage": "webpage",
    "blogPost": "post-weblog",
    "forumPost": "post",
    "dataset": "dataset",
    "presentation": "speech",
    "interview": "interview",
    "statute": "legislation",
    "bill": "bill",
    "case": "legal_case",
    "hearing": "hearing",
    "document": "document",
    "manuscript": "manuscript",
    "letter": "personal_communication",
    "email": "personal_communication",
    "instantMessage": "personal_communication",
    "film": "motion_picture",
    "videoRecording": "motion_picture",
    "audioRecording": "song",
    "podcast": "song",
    "radioBroadcast": "broadcast",
    "tvBroadcast": "broadcast",
    "map": "map",
    "patent": "patent",
    "computerProgram": "software",
    "standard": "standard",
    "encyclopediaArticle": "entry-encyclopedia",
    "dictionaryEntry": "entry-dictionary",
    "artwork": "graphic",
    "preprint": "article",
}
_NOT_SOURCES = ("attachment", "note", "annotation")
_ZOTERO_CONTAINERS = (
    "publicationTitle",
    "websiteTitle",
    "blogTitle",
    "forumTitle",
    "bookTitle",
    "proceedingsTitle",
    "encyclopediaTitle",
    "dictionaryTitle",
    "programTitle",
)
_ZOTERO_PUBLISHERS = (
    "publisher",
    "institution",
    "university",
    "company",
    "label",
    "network",
    "distributor",
    "studio",
)
_ZOTERO_GENRES = (
    "genre",
    "type",
    "reportType",
    "thesisType",
    "websiteType",
    "postType",
    "letterType",
    "manuscriptType",
    "presentationType",
    "mapType",
)
# Creators a bibliography lists first; when an item has none of these, all but its editors.
_ZOTERO_AUTHORS = ("author",)
_ZOTERO_NOT_AUTHORS = ("editor", "seriesEditor", "translator", "bookAuthor", "reviewedAuthor", "contributor")
_EXTRA_LINE = re.compile(r"^\s*(Citation Key|DOI)\s*:\s*(\S.*?)\s*$", re.IGNORECASE | re.MULTILINE)


def zotero_database(path: Path) -> Path:
    """The zotero.sqlite of a Zotero data folder (or the file itself)."""
    return path / ZOTERO_FILE if path.is_dir() else path


def read_zotero(path: Path) -> tuple[BibRecord, ...]:
    """The items of a Zotero library, read from a copy of its zotero.sqlite: Zotero keeps the
    file locked while it runs, and the original is never opened, let alone written.

    Read: items (not notes, attachments or annotations, nor items in Zotero's trash), their
    creators, date, URL, DOI, language, citation key (Zotero 7's field, or a 'Citation Key:'
    line in Extra as Better BibTeX pins it), tags, and the collections each is in as tags
    ('Thesis/Chapter 2'), and the files Zotero stored for each (PDFs, web page snapshots, in
    its storage folder; linked files elsewhere on the disk are left out)."""
    database = zotero_database(path)
    try:
        status = require_regular(database)
    except UnreadableFile as exc:
        raise BibliographyError(exc.message) from exc
    if status is None:
        raise BibliographyError(
            T_(
                "Bibliography",
                "{path} holds no zotero.sqlite; choose Zotero's data folder (Zotero ▸ Settings ▸ Advanced ▸ Files and Folders).",
            ).format(path=str(path))
        )
    with _copied(database) as copy:
        try:
            conn = sqlite3.connect(copy.as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise _not_zotero(database, str(exc)) from exc
        try:
            return _zotero_items(conn, database.parent)
        except sqlite3.Error as exc:
            raise _not_zotero(database, str(exc)) from exc
        finally:
            conn.close()


def _not_zotero(path: Path, detail: str) -> BibliographyError:
    return BibliographyError(
        T_("Bibliography", "{path} cannot be read as a Zotero database ({detail}).").format(
            path=str(path), detail=detail
        )
    )


class _copied:
    """A private copy of the database (and of its -wal, where Zotero left one) in a temporary
    folder, removed afterwards."""

    def __init__(self, database: Path) -> None:
        self._database = database
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> Path:
        self._folder = tempfile.TemporaryDirectory(prefix="roundtable-zotero-")
        copy = Path(self._folder.name) / ZOTERO_FILE
        try:
            for suffix in ("", "-wal"):
                original = self._database.with_name(self._database.name + suffix)
                if suffix and require_regular(original) is None:
                    continue
                data = read_bytes(original, limit=MAX_ZOTERO_BYTES)
                fd = os.open(copy.with_name(copy.name + suffix), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
        except UnreadableFile as exc:
            self._folder.cleanup()
            raise BibliographyError(exc.message) from exc
        except OSError as exc:
            self._folder.cleanup()
            raise BibliographyError(
                T_("Bibliography", "{path} cannot be read: {error}.").format(
                    path=str(self._database), error=exc.strerror or str(exc)
                )
            ) from exc
        return copy

    def __exit__(self, *exc: object) -> None:
        if self._folder is not None:
            self._folder.cleanup()


def _zotero_items(conn: sqlite3.Connection, folder: Path) -> tuple[BibRecord, ...]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    needed = {"items", "itemTypes", "itemData", "itemDataValues", "fields"}
    if not needed <= tables:
        raise sqlite3.DatabaseError(f"no table {sorted(needed - tables)[0]}")
    # Not what is in Zotero's trash, nor the items of its feeds (news, not the researcher's).
    deleted = "AND i.itemID NOT IN (SELECT itemID FROM deletedItems)" if "deletedItems" in tables else ""
    if "feedItems" in tables:
        deleted += " AND i.itemID NOT IN (SELECT itemID FROM feedItems)"
    items: dict[int, tuple[str, str]] = {
        item_id: (type_name, key)
        for item_id, type_name, key in conn.execute(
            "SELECT i.itemID, t.typeName, i.key FROM items i JOIN itemTypes t ON t.itemTypeID = i.itemTypeID "
            f"WHERE t.typeName NOT IN ({', '.join('?' * len(_NOT_SOURCES))}) {deleted} ORDER BY i.itemID",
            _NOT_SOURCES,
        )
    }
    values: dict[int, dict[str, str]] = {i: {} for i in items}
    for item_id, name, value in conn.execute(
        "SELECT d.itemID, f.fieldName, v.value FROM itemData d JOIN fields f ON f.fieldID = d.fieldID "
        "JOIN itemDataValues v ON v.valueID = d.valueID"
    ):
        if item_id in values and value is not None:
            values[item_id][name] = str(value)
    creators: dict[int, list[tuple[str, str]]] = {i: [] for i in items}
    if {"creators", "itemCreators", "creatorTypes"} <= tables:
        for item_id, first, last, mode, role in conn.execute(
            "SELECT ic.itemID, c.firstName, c.lastName, c.fieldMode, ct.creatorType FROM itemCreators ic "
            "JOIN creators c ON c.creatorID = ic.creatorID JOIN creatorTypes ct ON ct.creatorTypeID = ic.creatorTypeID "
            "ORDER BY ic.itemID, ic.orderIndex"
        ):
            if item_id in creators:
                name = _clean(last) if mode == 1 else _person(last, first)
                if name:
                    creators[item_id].append((role, name))
    tags: dict[int, list[str]] = {i: [] for i in items}
    if {"tags", "itemTags"} <= tables:
        for item_id, name in conn.execute(
            "SELECT it.itemID, t.name FROM itemTags it JOIN tags t ON t.tagID = it.tagID ORDER BY t.name"
        ):
            if item_id in tags:
                tags[item_id].append(name)
    if {"collections", "collectionItems"} <= tables:
        paths = _collection_paths(conn)
        for collection_id, item_id in conn.execute(
            "SELECT collectionID, itemID FROM collectionItems ORDER BY collectionID"
        ):
            if item_id in tags and collection_id in paths:
                tags[item_id].append(paths[collection_id])
    files = _zotero_files(conn, tables, folder, set(items)) if "itemAttachments" in tables else {}
    return tuple(
        replace(
            _zotero_item(type_name, key, values[item_id], creators[item_id], tags[item_id]),
            files=tuple(files.get(item_id, ())),
        )
        for item_id, (type_name, key) in items.items()
    )


# Zotero's link modes for the files it keeps in its storage folder: a file imported, a web page
# saved (its snapshot). Linked files (2) and links (3) are the researcher's own elsewhere.
_STORED = (0, 1)


def _zotero_files(
    conn: sqlite3.Connection, tables: set[str], folder: Path, parents: set[int]
) -> dict[int, list[tuple[str, str]]]:
    """Each item's stored files of the kinds a source's text comes from, that are on this disk
    (storage/<attachment key>/<name>; a file only in Zotero's cloud is not)."""
    from app.io.attachments import EXTENSIONS

    deleted = "AND ia.itemID NOT IN (SELECT itemID FROM deletedItems)" if "deletedItems" in tables else ""
    out: dict[int, list[tuple[str, str]]] = {}
    for parent, key, media_type, stored in conn.execute(
        "SELECT ia.parentItemID, i.key, ia.contentType, ia.path FROM itemAttachments ia "
        f"JOIN items i ON i.itemID = ia.itemID WHERE ia.linkMode IN {_STORED} {deleted} ORDER BY ia.itemID"
    ):
        if (
            parent not in parents
            or media_type not in EXTENSIONS
            or not str(stored or "").startswith("storage:")
        ):
            continue
        name = str(stored)[len("storage:") :]
        if not name or "/" in name or "\\" in name or name in (".", ".."):
            continue  # (a name that would lead out of the item's folder)
        path = folder / "storage" / str(key) / name
        try:
            if require_regular(path) is None:
                continue
        except (UnreadableFile, OSError):
            continue
        out.setdefault(parent, []).append((str(path), str(media_type)))
    return out


def _collection_paths(conn: sqlite3.Connection) -> dict[int, str]:
    rows = {
        cid: (name, parent)
        for cid, name, parent in conn.execute(
            "SELECT collectionID, collectionName, parentCollectionID FROM collections"
        )
    }

    def path(cid: int, seen: tuple[int, ...] = ()) -> str:
        name, parent = rows[cid]
        own = _SPACES.sub(" ", str(name)).replace("/", "-").strip()  # a '/' would nest the tag
        if parent in rows and parent not in seen:
            return f"{path(parent, (*seen, cid))}/{own}"
        return own

    return {cid: path(cid) for cid in rows}


def _zotero_item(
    type_name: str, item_key: str, fields: dict[str, str], creators: list[tuple[str, str]], tags: list[str]
) -> BibRecord:
    extra = {name.casefold(): value for name, value in _EXTRA_LINE.findall(fields.get("extra", ""))}
    key = clean_key(fields.get("citationKey")) or clean_key(extra.get("citation key"))
    authors = [name for role, name in creators if role in _ZOTERO_AUTHORS] or [
        name for role, name in creators if role not in _ZOTERO_NOT_AUTHORS
    ]
    csl = _CSL_OF_ZOTERO.get(type_name, "document")

    def first(names: Sequence[str]) -> str | None:
        return next((v for v in (_clean(fields.get(n)) for n in names) if v), None)

    return BibRecord(
        title=_clean(fields.get("title")) or "",
        where=f"{key or item_key} (Zotero item {item_key})" if key else f"Zotero item {item_key}",
        publisher=first(_ZOTERO_CONTAINERS) or first(_ZOTERO_PUBLISHERS),
        authors=_unique(authors),
        published=_zotero_date(fields.get("date")),
        language=clean_language(fields.get("language")),
        kind=_kind(first(_ZOTERO_GENRES), csl),
        url=clean_url(fields.get("url")),
        key=key,
        doi=clean_doi(fields.get("DOI")) or clean_doi(extra.get("doi")),
        tags=_unique(_clean(t) for t in tags),
    )


def _zotero_date(value: str | None) -> str | None:
    """Zotero stores '2024-03-05 March 5, 2024': the parsed date (00 for a part it lacks),
    then what was typed."""
    if not value:
        return None
    found = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?: |$)", value)
    if found:
        year, month, day = found.groups()
        return iso_date(year, month if month != "00" else None, day if day != "00" else None)
    return date_from_text(value)


# --- keys ----------------------------------------------------------------------------------------

_STOP_WORDS = frozenset(
    {
        "a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "with", "from", "by",
        "about", "as", "is", "are", "de", "la", "le", "les", "el", "los", "der", "die", "das",
    }
)  # fmt: skip


def make_key(record: BibRecord, taken: set[str]) -> str:
    """A citation key for a record without one, in the form Better BibTeX and Pandoc users
    know: first author's family name, year, first word of the title ('smith2024digital'),
    then 'a', 'b', ... until it is free; adds it to `taken` (lower case: keys differing only
    in case trouble BibTeX)."""
    from anyascii import anyascii

    def word(text: str | None) -> str:
        for token in re.findall(r"\w+", anyascii(text or "").lower()):
            token = re.sub(r"[^a-z0-9]", "", token)
            if token and token not in _STOP_WORDS:
                return token[:20]
        return ""

    family = ""
    if record.authors:
        split = split_name(record.authors[0])
        family = word(split[0] if split else record.authors[0])
    year = (record.published or "")[:4]
    base = (family or word(record.publisher) or "source") + year + word(record.title)
    key, n = base, 0
    while key.lower() in taken:
        n += 1
        key = base + _suffix(n)
    taken.add(key.lower())
    return key


def _suffix(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa'."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


# --- Pandoc citations -------------------------------------------------------------------------

_PAGE = re.compile(r"\bp\.\s*")
_PARAGRAPH = re.compile(r"¶\s*")


def pandoc_locator(locator: str | None) -> str:
    """A Roundtable locator ('p. 2, ¶ 3', '¶ 7') in the words Pandoc's citeproc reads as a
    locator ('p. 2, para. 3', 'para. 7'); other text passes as written."""
    if not locator:
        return ""
    return _PARAGRAPH.sub("para. ", _SPACES.sub(" ", locator).strip())


def pandoc_citation(key: str, locator: str | None = None) -> str:
    """'[@key, para. 6]': a citation Pandoc resolves against the exported bibliography."""
    where = pandoc_locator(locator)
    return f"[@{key}, {where}]" if where else f"[@{key}]"


# --- writing ------------------------------------------------------------------------------------


def write(records: Sequence[BibRecord], fmt: str) -> str:
    """The bibliography as text in `fmt` (every record must have its key)."""
    writer: dict[str, Callable[[Sequence[BibRecord]], str]] = {
        CSL_JSON: to_csl_json,
        BIBTEX: to_bibtex,
        RIS: to_ris,
    }
    return writer[fmt](records)


def _name_parts(line: str) -> dict[str, str]:
    """A name line as CSL's name object."""
    family, comma, rest = line.partition(",")
    if comma and rest.count(",") == 1:  # 'Family, Jr., Given'
        suffix, _, given = rest.partition(",")
        return {"family": family.strip(), "given": given.strip(), "suffix": suffix.strip()}
    split = split_name(line)
    return {"family": split[0], "given": split[1]} if split else {"literal": line}


_CONTAINER_TYPES = frozenset(
    {
        "article-journal",
        "article-newspaper",
        "article-magazine",
        "chapter",
        "paper-conference",
        "webpage",
        "post-weblog",
        "post",
        "entry-encyclopedia",
        "entry-dictionary",
    }
)


def to_csl_json(records: Sequence[BibRecord]) -> str:
    items = []
    for r in records:
        csl = csl_type(r.kind)
        item: dict[str, Any] = {"id": r.key, "type": csl, "title": r.title}
        if r.authors:
            item["author"] = [_name_parts(a) for a in r.authors]
        if r.published:
            item["issued"] = {"date-parts": [_date_parts(r.published)]}
        if r.publisher:
            item["container-title" if csl in _CONTAINER_TYPES else "publisher"] = r.publisher
        genre = _genre(r.kind, KIND_OF_TYPE.get(csl, "document"))
        if genre:
            item["genre"] = genre
        for name, value in (("language", r.language), ("URL", r.url), ("DOI", r.doi)):
            if value:
                item[name] = value
        if r.tags:
            item["keyword"] = ", ".join(r.tags)
        if r.cited:
            item["note"] = "\n".join(r.cited)
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# LaTeX's special characters, escaped so every BibTeX and BibLaTeX tool reads the text back.
_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX = re.compile("|".join(re.escape(c) for c in _TEX_SPECIAL))


def tex(text: str) -> str:
    # '--' and quotes written with ` or '' would come back as typographic dashes and quotes.
    escaped = _TEX.sub(lambda m: _TEX_SPECIAL[m.group()], text)
    return escaped.replace("--", "-{}-").replace("`", "{`}").replace("''", "'{}'")


def _bib_name(line: str) -> str:
    parts = _name_parts(line)
    if "literal" in parts:
        return "{" + tex(line) + "}"  # braced: an organisation is not split into first and last
    written = ", ".join(tex(parts[p]) for p in ("family", "suffix", "given") if parts.get(p))
    return written


def to_bibtex(records: Sequence[BibRecord]) -> str:
    """BibLaTeX (what Pandoc, biber and Zotero read best); UTF-8, LaTeX's special characters
    escaped, titles in an extra pair of braces so styles keep their capitals as recorded."""
    out: list[str] = []
    for r in records:
        csl = csl_type(r.kind)
        entry_type, subtype = _BIBTEX_OF_CSL.get(csl, ("misc", None))
        said = _CSL_OF_BIBTEX.get(entry_type, "document")
        if entry_type == "article":
            said = _ARTICLE_SUBTYPES.get(subtype or "", said)
        fields: list[tuple[str, str]] = [("title", "{" + tex(r.title) + "}")]
        if r.authors:
            fields.append(("author", " and ".join(_bib_name(a) for a in r.authors)))
        if r.published:
            fields.append(("date", r.published))
        if r.publisher:
            fields.append((_CONTAINER_FIELD.get(entry_type, "publisher"), tex(r.publisher)))
        if subtype:
            fields.append(("entrysubtype", subtype))
        genre = _genre(r.kind, KIND_OF_TYPE.get(said, "document"))
        if genre:
            fields.append(("type", tex(genre)))
        if r.language:
            fields.append(("langid", r.language))
        if r.url:
            fields.append(("url", r.url))
        if r.doi:
            fields.append(("doi", r.doi))
        if r.tags:
            fields.append(("keywords", tex(", ".join(r.tags))))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@{entry_type}{{{r.key},\n{body}\n}}\n")
    return "\n".join(out)


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {_SPACES.sub(' ', value).strip()}"


def to_ris(records: Sequence[BibRecord]) -> str:
    out: list[str] = []
    for r in records:
        csl = csl_type(r.kind)
        ris_type = _RIS_OF_CSL.get(csl, "GEN")
        lines = [_ris_line("TY", ris_type), _ris_line("ID", r.key or "")]
        lines.append(_ris_line("TI", r.title))
        lines.extend(_ris_line("AU", a) for a in r.authors)
        if r.published:
            lines.append(_ris_line("PY", r.published[:4]))
            if len(r.published) > 4:
                parts = r.published.split("-")
                lines.append(_ris_line("DA", "/".join(parts) + "/" * (4 - len(parts))))
        if r.publisher:
            lines.append(_ris_line("T2" if ris_type in _RIS_CONTAINERS else "PB", r.publisher))
        genre = _genre(r.kind, KIND_OF_TYPE.get(_CSL_OF_RIS.get(ris_type, "document"), "document"))
        if genre:
            lines.append(_ris_line("M3", genre))
        for tag, value in (("LA", r.language), ("UR", r.url), ("DO", r.doi)):
            if value:
                lines.append(_ris_line(tag, value))
        lines.extend(_ris_line("KW", t) for t in r.tags)
        lines.append("ER  - ")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)

"""Reading and validating Roundtable data files (JSON or YAML, one documented schema).

Validation is complete before anything is written: every problem is collected and reported
with the record, the field and (for YAML) the line, so a researcher can fix a file in one go.
What needs the database (slugs that already exist) comes in through `Known`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from app import dates
from app.io import yaml_safe
from app.paths import schema_file
from app.quoting import QUOTE_CHARS, cut, quoted
from app.user_files import MB, UnreadableFile, read_bytes, read_text

KIND_SECTIONS: dict[str, str] = {
    "sources": "source",
    "countries": "country",
    "organizations": "organization",
    "people": "person",
    "events": "event",
    "initiatives": "initiative",
}
SECTION_OF_KIND = {kind: section for section, kind in KIND_SECTIONS.items()}
# A million entries export to 60-90 MB. Parsed, a file takes five times its size in memory and
# more (8.9 MB of JSON made 44 MB of objects; YAML takes more): 200 MB leaves room for twice that
# library, and keeps what a hostile file can make us hold to about a gigabyte.
MAX_FILE_BYTES = 200 * MB
# The schema's bound on a source's archived_text (10,000,000 characters: the text of a PDF of
# some 3,000 pages; a 300-page one passes a million), at UTF-8's most bytes a character (4): an
# archived_text_file holds what archived_text could, and no more.
ARCHIVED_TEXT_CHARS = 10_000_000
ARCHIVED_TEXT_BYTES = 4 * ARCHIVED_TEXT_CHARS
# Lists and mappings inside each other: a data file needs seven levels; a file deeper than this
# is not one (and, nested 100,000 deep, exhausted the stack of the JSON reader).
MAX_DEPTH = 64
TIMESTAMP_FIELDS = ("created_at", "updated_at", "deleted_at")

# Each kind's own fields: (key in the file, column of the kind's table). The importer and the
# JSON export both go through these, so a field added here travels both ways.
SCALAR_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (),
    "country": (
        ("iso_alpha2", "iso_alpha2"),
        ("iso_alpha3", "iso_alpha3"),
        ("iso_numeric", "iso_numeric"),
        ("official_name", "official_name"),
        ("capital", "capital"),
    ),
    "organization": (("abbreviation", "abbreviation"), ("org_kind", "org_kind")),
    "initiative": (
        ("initiative_kind", "initiative_kind"),
        ("status", "status"),
        ("announced_on", "announced_on"),
    ),
    "event": (
        ("event_kind", "event_kind"),
        ("start", "start_date"),
        ("end", "end_date"),
        ("place", "place"),
    ),
    "source": (
        ("source_kind", "source_kind"),
        ("publisher", "publisher"),
        ("url", "url"),
        ("archived_url", "archived_url"),
        ("published", "published"),
        ("reliability", "reliability"),
        ("language", "language"),
        ("citation_key", "citation_key"),
        ("doi", "doi"),
    ),
}
# References to other entries: (key in the file, column holding the entry's id)
REF_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (("country", "country_id"),),
    "country": (),
    "organization": (("country", "country_id"), ("parent", "parent_id")),
    "initiative": (("announced_at", "announced_at_id"),),
    "event": (("country", "country_id"), ("part_of", "part_of_id")),
    "source": (),
}

# Which kinds a reference may point at: (field name -> kinds); None means any kind.
_REF_KINDS: dict[str, tuple[str, ...] | None] = {
    "country": ("country",),
    "organization": ("organization",),
    "parent": ("organization",),
    "part_of": ("event",),
    "announced_at": ("event",),
    "event": ("event",),
    "source": ("source",),
    "speaker": ("person", "organization", "country"),
    "entry": None,
}


@dataclass(frozen=True)
class Problem:
    record: str  # 'people[3] (chen-gang)' or '(file)'
    field: str  # 'roles[0].title' or ''
    message: str
    line: int | None = None

    def describe(self, filename: str) -> str:
        where = filename + (f":{self.line}" if self.line else "")
        what = self.record + (f", field {self.field}" if self.field else "")
        return f"{where}: {what}: {self.message}"


class InvalidDataFile(Exception):
    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        first = problems[0].describe(path.name) if problems else ""
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first + more)

    def report(self) -> str:
        return "\n".join(p.describe(self.path.name) for p in self.problems)


@dataclass
class DataFile:
    path: Path
    data: dict[str, Any]
    sha256: str
    archived_texts: dict[str, str] = field(default_factory=dict)  # source slug -> text
    _lines: Any = None  # YAML node tree, for line numbers
    _yaml: str | None = None  # the YAML text, composed into `_lines` when a line is asked for

    @property
    def dataset_id(self) -> str | None:
        ds = self.data.get("dataset")
        return ds.get("id") if isinstance(ds, dict) else None

    @property
    def dataset_version(self) -> int | None:
        ds = self.data.get("dataset")
        return ds.get("version") if isinstance(ds, dict) else None

    def line_of(self, path: list[str | int]) -> int | None:
        if self._lines is None and self._yaml is not None:
            # Only a file with problems needs its lines: composing a large file again costs
            # nearly as much as reading it (14 s for 100,000 entries).
            self._lines = yaml.compose(self._yaml, Loader=_yaml_loader())
        return _yaml_line(self._lines, path) if self._lines is not None else None

    def entries(self) -> Iterator[tuple[str, int, dict[str, Any]]]:
        """(kind, index in its section, record) for every entry, in file order."""
        for section, kind in KIND_SECTIONS.items():
            for i, rec in enumerate(self.data.get(section) or []):
                yield kind, i, rec


class Known(Protocol):
    """What the database already holds, for references the file does not define itself."""

    def kind_of(self, slug: str) -> str | None: ...

    def archived_text(self, source_slug: str) -> str | None: ...

    def code_holder(self, iso_alpha2: str) -> str | None:
        """The slug of the country that holds this ISO code, if any."""
        ...


class NothingKnown:
    def kind_of(self, slug: str) -> str | None:
        return None

    def archived_text(self, source_slug: str) -> str | None:
        return None

    def code_holder(self, iso_alpha2: str) -> str | None:
        return None


# --- reading -------------------------------------------------------------------------------


def read(path: Path, step: Callable[[int, int], None] | None = None) -> DataFile:
    """Parse and schema-check `path`; raise InvalidDataFile listing every problem.

    `step(done, total)` hears how many bytes have been parsed; what it raises (the user
    cancelled) stops the reading and comes out of `read`."""
    try:
        raw = read_bytes(path, limit=MAX_FILE_BYTES)  # a FIFO or a device is refused, not waited on
    except UnreadableFile as exc:
        raise InvalidDataFile(path, [Problem("(file)", "", f"cannot be read: {exc}")]) from None
    except OSError as exc:
        raise InvalidDataFile(path, [Problem("(file)", "", f"cannot be read: {exc.strerror}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidDataFile(path, [Problem("(file)", "", f"is not UTF-8 text (byte {exc.start})")]) from exc
    data, yaml_text = _parse(path, text, step or (lambda _done, _total: None))
    df = DataFile(path, data, hashlib.sha256(raw).hexdigest(), _yaml=yaml_text)
    restamp = _RESTAMP.set(False)
    try:
        problems = list(_schema_problems(df))
        if problems:
            raise InvalidDataFile(path, problems)
        if _RESTAMP.get():
            _store_timestamps(df.data)
    finally:
        _RESTAMP.reset(restamp)
    problems = _load_archived_texts(df)
    if problems:
        raise InvalidDataFile(path, problems)
    return df


def _yaml_loader() -> Any:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Counted:
    """The text for the YAML parser, which reads it a block at a time: each block is a step."""

    def __init__(self, text: str, step: Callable[[int, int], None]) -> None:
        self._text = text
        self._at = 0
        self._step = step

    def read(self, size: int = -1) -> str:
        start = self._at
        self._at = len(self._text) if size < 0 else min(len(self._text), start + size)
        self._step(start, len(self._text))
        return self._text[start : self._at]


def _parse(path: Path, text: str, step: Callable[[int, int], None]) -> tuple[dict[str, Any], str | None]:
    """The file's data, and its YAML text (None for JSON) for line numbers later."""
    is_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    step(0, len(text))
    numbers = _Numbers()
    if is_json:
        try:
            data = json.loads(text, parse_int=numbers)
        except json.JSONDecodeError as exc:
            raise InvalidDataFile(
                path, [Problem("(file)", "", f"is not valid JSON: {exc.msg}", exc.lineno)]
            ) from exc
        except RecursionError:
            raise InvalidDataFile(path, [_json_too_deep(text)]) from None
        yaml_text = None
    else:
        try:
            # Dates come as the ISO text the author wrote, which is what the schema wants.
            data = yaml_safe.load(_Counted(text, step), dates_as_text=True)
        except yaml.YAMLError as exc:
            step(len(text), len(text))  # the parser reports a cancel as a reading error: raise it
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            reason = getattr(exc, "problem", None) or str(exc)
            if not isinstance(exc, yaml_safe.Refused):
                reason = f"is not valid YAML: {reason}"
            raise InvalidDataFile(path, [Problem("(file)", "", reason, line)]) from exc
        yaml_text = text
    step(len(text), len(text))
    if not isinstance(data, dict):
        raise InvalidDataFile(path, [Problem("(file)", "", "must hold a mapping with 'format: roundtable'")])
    if numbers.too_long or _SURROGATE_ESCAPE.search(text):  # else there are none: no need to look
        problems = _unreadable_values(DataFile(path, data, "", _yaml=yaml_text))
        if problems:
            raise InvalidDataFile(path, problems)
    return data, yaml_text


# --- values no schema can see: numbers and text Python cannot hold, nesting --------------------

_TOO_DEEP = f"nests lists or mappings more than {MAX_DEPTH} levels deep; a data file needs fewer than ten"
# A JSON escape for half of a UTF-16 surrogate pair (\ud800-\udfff): read alone, it is no character,
# and nothing can store or print it. Only a file with such escapes is searched value by value.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]|\\U0000[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _LongNumber:
    """An integer too long to read (Python refuses over 4,300 digits): kept in its place to be
    named with its record, instead of raising from inside the JSON parser."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


class _Numbers:
    """The JSON reader's integers (parse_int): a _LongNumber for one too long to read."""

    too_long = False

    def __call__(self, text: str) -> int | _LongNumber:
        if len(text) <= yaml_safe.MAX_DIGITS:
            return int(text)
        self.too_long = True
        return _LongNumber(len(text.lstrip("-")))


def _json_too_deep(text: str) -> Problem:
    """Where the brackets of a JSON text (too deep for the parser) first nest deeper than
    MAX_DEPTH: its record and field, and line. Only a file that failed to parse is scanned."""
    path: list[str | int] = []
    key: str | int = ""
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{},]', text):
        mark = token[0]
        if mark in "[{":
            if len(path) >= MAX_DEPTH:
                record, rest = _record_name({}, path[1:])
                line = text.count("\n", 0, token.start()) + 1
                return Problem(record, _field_name(rest), _TOO_DEEP, line)
            path.append(key)
            key = 0 if mark == "[" else ""
        elif mark in "]}":
            key = path.pop() if path else ""
        elif mark == ",":
            key = key + 1 if isinstance(key, int) else ""
        elif isinstance(key, str):  # a string in a mapping: its key, then its value
            with suppress(ValueError):
                key = key or json.loads(mark)
    return Problem("(file)", "", _TOO_DEEP)


def _unreadable_values(df: DataFile) -> list[Problem]:
    """Problems no schema can report: a lone surrogate (JSON's "\\ud800"), an integer too long to
    read and nesting too deep, each named with its record. Called only for a file whose text
    shows that one may be there, so a file without them costs one search of its text."""
    problems: list[Problem] = []
    stack: list[tuple[Any, list[str | int]]] = [(df.data, [])]
    while stack:  # not recursive: Python's stack would not hold what the JSON reader does
        value, path = stack.pop()
        if len(path) >= MAX_DEPTH:
            problems.append(problem_at(df, path, _TOO_DEEP))
            continue
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            if isinstance(key, str) and _SURROGATE.search(key):
                problems.append(problem_at(df, path, f"has a key, {quoted(key)}, {_HALF_A_CHARACTER}"))
            elif isinstance(item, dict | list):
                stack.append((item, [*path, key]))
            elif isinstance(item, str) and _SURROGATE.search(item):
                problems.append(problem_at(df, [*path, key], f"holds {quoted(item)}: {_HALF_A_CHARACTER}"))
            elif isinstance(item, _LongNumber):
                problems.append(problem_at(df, [*path, key], _long_number(item.digits)))
    return sorted(problems, key=lambda p: (p.line or 0, p.record, p.field))


_HALF_A_CHARACTER = (
    "an escape from \\ud800 to \\udfff alone is half of a character written as a UTF-16 pair, "
    "and cannot be stored without its other half"
)


def _long_number(digits: int) -> str:
    return f"is a number of {digits:,} digits, more than the {yaml_safe.MAX_DIGITS:,} Roundtable reads"


def _yaml_line(node: Any, path: list[str | int]) -> int | None:
    line = None
    for step in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
    if node is not None:
        line = node.start_mark.line + 1
    return line


# --- schema --------------------------------------------------------------------------------


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(schema_file().read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker(formats=())
    checker.checks(_TIMESTAMP_FORMAT, raises=ValueError)(_check_timestamp)
    return jsonschema.Draft202012Validator(_to_the_end(schema), format_checker=checker)


def _to_the_end(schema: Any) -> Any:
    """`schema` with each pattern's final $ as \\Z. In Python's re, $ also matches before a final
    line break, so jsonschema passed 'Laos\\n' as a one-line name, which the compiled validator,
    whose $ is the end of the text, refuses: refused there and passed here, it was imported."""
    if isinstance(schema, dict):
        return {
            key: value[:-1] + "\\Z"
            if key == "pattern"
            and isinstance(value, str)
            and value.endswith("$")
            and not value.endswith("\\$")
            else _to_the_end(value)
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_to_the_end(value) for value in schema]
    return schema


@cache
def _fast_validator() -> Any:
    """The same schema in jsonschema-rs, a compiled validator: it checks a million entries in
    about a second, where jsonschema takes minutes. It only says which records are wrong; the
    words come from jsonschema, which checks those records again (see `_schema_errors`)."""
    import jsonschema_rs

    schema = json.loads(schema_file().read_text(encoding="utf-8"))
    return jsonschema_rs.Draft202012Validator(
        schema, formats={_TIMESTAMP_FORMAT: _is_timestamp}, validate_formats=True
    )


# Dates and timestamps (resources/schema, $defs/date and $defs/timestamp). A date's pattern is the
# entry forms' rule (app.dates.DATE_PATTERN, leap days included), checked by the compiled
# validator alone; its message is the forms' (app.dates.check_date). A timestamp in the form
# Roundtable writes passes a pattern the same way; only another form (2025-09-18T10:00:00Z, or
# none at all) asks Python, here, whether it names a moment, and so marks the file's timestamps
# as needing to be rewritten in the stored form (_store_timestamps): a file export wrote costs
# no Python call for any of its dates and timestamps.
_DATE_FORMAT = "roundtable-date"
_TIMESTAMP_FORMAT = "roundtable-timestamp"
_RESTAMP: ContextVar[bool] = ContextVar("_RESTAMP", default=False)


def _check_timestamp(value: object) -> bool:
    """The schema's format roundtable-timestamp: a moment (app.dates.instant)."""
    if isinstance(value, str):
        if dates.instant(value) is None:
            raise ValueError(f"{quoted(value)} is not a timestamp: write {dates.TIMESTAMP_HINT}")
        _RESTAMP.set(True)
    return True


def _is_timestamp(value: object) -> bool:
    try:
        return _check_timestamp(value)
    except ValueError:
        return False


def _schema_errors(data: Any) -> Iterator[Any]:
    """jsonschema's errors for `data`, looked for only where the fast validator found any."""
    slow = _validator()
    try:
        found = [list(err.instance_path) for err in _fast_validator().iter_errors(data)]
    except ValueError:  # what it cannot hold (a lone surrogate, nesting past its limit)
        yield from slow.iter_errors(data)
        return
    if not found:
        return
    items = {
        section: spec["items"]
        for section, spec in slow.schema["properties"].items()
        if "items" in spec and isinstance(data, dict) and isinstance(data.get(section), list)
    }
    records = sorted({(str(p[0]), p[1]) for p in found if len(p) >= 2 and p[0] in items})
    if any(len(p) < 2 or p[0] not in items for p in found):
        # Outside the records (a missing field, a section that is not a list): the file with
        # its lists of records left empty, which jsonschema checks at once.
        yield from slow.iter_errors({k: [] if k in items else v for k, v in data.items()})
    for section, index in records:
        for err in slow.descend(data[section][index], items[section], path=index):
            err.path.appendleft(section)
            yield err


@cache
def _known_properties() -> dict[str, frozenset[str]]:
    defs = _validator().schema["$defs"]
    base = set(defs["entry"]["properties"])
    return {kind: frozenset(base | set(defs[kind]["properties"])) for kind in KIND_SECTIONS.values()}


def _record_name(data: Mapping[str, Any], path: list[str | int]) -> tuple[str, list[str | int]]:
    """Split a JSON path into the record it is in and the field within it."""
    if len(path) >= 2 and isinstance(path[1], int):
        section, index = path[0], path[1]
        record = f"{section}[{index}]"
        try:
            item = data[str(section)][index]
            label = item.get("slug") or item.get("uid") or item.get("name") or item.get("title")
            if label:
                record += f" ({cut(str(label))})"
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
        return record, path[2:]
    if path:
        return cut(str(path[0])), path[1:]
    return "(file)", []


def _field_name(rest: list[str | int]) -> str:
    out = ""
    for step in rest:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return cut(out)


def problem_at(df: DataFile, path: list[str | int], message: str) -> Problem:
    record, rest = _record_name(df.data, path)
    return Problem(record, _field_name(rest), message, df.line_of(path))


def _schema_problems(df: DataFile) -> list[Problem]:
    try:
        errors = sorted(_schema_errors(df.data), key=lambda e: list(map(str, e.absolute_path)))
        return [problem for err in errors if (problem := _worded(df, err)) is not None]
    except RecursionError:  # a value nested hundreds deep, quoted in a message
        return [Problem("(file)", "", _TOO_DEEP)]


def _worded(df: DataFile, err: Any) -> Problem | None:
    """jsonschema's error as a problem, every value it quotes cut (app.quoting)."""
    path = list(err.absolute_path)
    if err.validator == "unevaluatedProperties":
        # Reported when any part of the record failed; name only the truly unknown keys.
        section = path[0] if path else None
        kind = KIND_SECTIONS.get(str(section))
        if kind is None or not isinstance(err.instance, dict):
            return None
        unknown = sorted(set(err.instance) - _known_properties()[kind], key=str)
        if not unknown:
            return None
        record, rest = _record_name(df.data, path)
        return Problem(record, _field_name(rest), _unknown(unknown), df.line_of([*path, unknown[0]]))
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = err.schema.get("properties", {})
        return problem_at(df, path, _unknown([key for key in err.instance if key not in known]))
    if err.validator == "format" and err.cause is not None:
        return problem_at(df, path, str(err.cause))
    if err.validator == "anyOf":  # a timestamp: the words of the format's check
        causes = [e.cause for e in err.context if e.validator == "format" and e.cause is not None]
        if causes:
            return problem_at(df, path, str(causes[0]))
    if err.validator == "pattern" and err.schema.get("format") == _DATE_FORMAT:
        return problem_at(df, path, str(dates.check_date(err.instance) or err.message))
    message = err.message
    whole = repr(err.instance) if isinstance(err.instance, str | list | dict) else ""
    if len(whole) > QUOTE_CHARS + 2 and whole in message:
        message = message.replace(whole, quoted(err.instance), 1)
    return problem_at(df, path, message)


def _unknown(keys: list[Any]) -> str:
    named = ", ".join(map(quoted, keys[:5])) + (f" and {len(keys) - 5:,} more" if len(keys) > 5 else "")
    return "unknown field" + ("s " if len(keys) > 1 else " ") + named


def _load_archived_texts(df: DataFile) -> list[Problem]:
    problems = []
    base = df.path.parent.resolve()
    for i, src in enumerate(df.data.get("sources") or []):
        if "archived_text" in src:
            df.archived_texts[src["slug"]] = src["archived_text"]
        rel = src.get("archived_text_file")
        if rel is None:
            continue
        target = (base / rel).resolve()
        at: list[str | int] = ["sources", i, "archived_text_file"]
        if not target.is_relative_to(base):
            problems.append(problem_at(df, at, "must name a file inside the data file's folder"))
            continue
        try:
            text = read_text(target, limit=ARCHIVED_TEXT_BYTES)
        except UnreadableFile as exc:
            problems.append(problem_at(df, at, f"cannot be read: {exc}"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            problems.append(problem_at(df, at, f"cannot read {cut(rel)}: {reason}"))
            continue
        if len(text) > ARCHIVED_TEXT_CHARS:
            problems.append(
                problem_at(
                    df, at, f"holds more than the {ARCHIVED_TEXT_CHARS:,} characters of an archived text"
                )
            )
            continue
        df.archived_texts[src["slug"]] = text
    return problems


# --- meaning: references, uniqueness, quotes --------------------------------------------------


def check_meaning(df: DataFile, known: Known) -> list[Problem]:
    """Problems a schema cannot see: duplicate slugs, dangling references, misquotes."""
    problems: list[Problem] = []
    own: dict[str, str] = {}
    for kind, i, rec in df.entries():
        slug = rec["slug"]
        if slug in own:
            problems.append(
                problem_at(
                    df,
                    [SECTION_OF_KIND[kind], i, "slug"],
                    f"{quoted(slug)} is used by another entry in this file",
                )
            )
        own[slug] = kind

    def kind_of(slug: str) -> str | None:
        return own.get(slug) or known.kind_of(slug)

    def text_of(source: str) -> str | None:
        return df.archived_texts.get(source) if source in df.archived_texts else known.archived_text(source)

    references, citations, spans = _meaningful(df.data)
    for path, key, value in references:
        expected = _REF_KINDS[key]
        found = kind_of(value)
        if found is None:
            problems.append(
                problem_at(df, path, f"refers to {quoted(value)}, which is not in this file or the database")
            )
        elif expected is not None and found not in expected:
            problems.append(
                problem_at(
                    df,
                    path,
                    f"refers to {quoted(value)}, a {found}, where a {' or '.join(expected)} is needed",
                )
            )

    for path, cite in citations:
        quote = cite.get("quote")
        if not quote:
            continue
        text = text_of(cite["source"])
        if text is not None and quote not in text:
            problems.append(
                problem_at(
                    df,
                    [*path, "quote"],
                    f"is not found word for word in the archived text of {quoted(cite['source'])}",
                )
            )

    for path, rec in spans:
        start, end = rec.get("start"), rec.get("end")
        if start and end and end < start:
            problems.append(problem_at(df, [*path, "end"], f"{end} is before the start {start}"))

    keys: dict[str, str] = {}
    for i, src in enumerate(df.data.get("sources") or []):
        key = src.get("citation_key")
        if key in keys:  # (one source a key: the library's index holds no two)
            problems.append(
                problem_at(
                    df, ["sources", i, "citation_key"], f"{quoted(key)} is also the key of {keys[key]}"
                )
            )
        elif key:
            keys[key] = quoted(src["slug"])
        checksums: set[str] = set()
        for n, attached in enumerate(src.get("attachments") or ()):
            if attached["sha256"] in checksums:  # (the library keeps a file once for each source)
                problems.append(
                    problem_at(
                        df,
                        ["sources", i, "attachments", n, "sha256"],
                        "names a file this source already lists; list each file once",
                    )
                )
            checksums.add(attached["sha256"])

    # A country's ISO code is one country's (the library's index holds no two): a country new to
    # the library whose code another holds there, or in this file, could not be written.
    codes: dict[str, str] = {}
    for i, country in enumerate(df.data.get("countries") or []):
        code, slug = country.get("iso_alpha2"), country["slug"]
        if not code:
            continue
        first = codes.setdefault(code, slug)
        if first != slug:
            holder, where = first, "which this file lists too"
        elif known.kind_of(slug) is None and (held := known.code_holder(code)) not in (None, slug):
            holder, where = str(held), "which the library holds"
        else:
            continue
        problems.append(
            problem_at(
                df,
                ["countries", i, "iso_alpha2"],
                f"{quoted(code)} is the ISO code of {quoted(holder)}, {where}; a code is one country's",
            )
        )

    seen_uids: dict[str, str] = {}
    for section in [*KIND_SECTIONS, "notes"]:
        for i, rec in enumerate(df.data.get(section) or []):
            uid = rec.get("uid")
            if uid and uid in seen_uids:
                problems.append(
                    problem_at(df, [section, i, "uid"], f"{uid} is also used by {seen_uids[uid]}")
                )
            elif uid:
                seen_uids[uid] = f"{section}[{i}]"
    return problems


_Path = list[str | int]


def _meaningful(
    data: dict[str, Any],
) -> tuple[
    list[tuple[_Path, str, str]], list[tuple[_Path, dict[str, Any]]], list[tuple[_Path, dict[str, Any]]]
]:
    """The references (a slug under a key of _REF_KINDS), citations and spans (start and end) in
    `data`, each with its path, in file order: one pass that copies a path only for what it
    keeps (three walks copying every path took 20 s for a million entries)."""
    references: list[tuple[_Path, str, str]] = []
    citations: list[tuple[_Path, dict[str, Any]]] = []
    spans: list[tuple[_Path, dict[str, Any]]] = []
    path: _Path = []

    def visit(value: dict[str, Any] | list[Any]) -> None:
        # (recursive: the schema has passed, so the nesting is the few levels it allows)
        if isinstance(value, dict):
            if len(path) >= 2 and path[-2] == "citations" and "source" in value:
                citations.append((list(path), value))
            if "start" in value and "end" in value:
                spans.append((list(path), value))
            for key, item in value.items():
                if isinstance(item, str):
                    if key in _REF_KINDS and len(path) >= 2:
                        references.append(([*path, key], key, item))
                elif isinstance(item, dict | list):
                    path.append(key)
                    visit(item)
                    path.pop()
        else:
            for i, item in enumerate(value):
                if isinstance(item, dict | list):
                    path.append(i)
                    visit(item)
                    path.pop()

    visit(data)
    return references, citations, spans


# --- timestamps ----------------------------------------------------------------------------

_STORED = re.compile(dates.STORED_TIMESTAMP_PATTERN)


def _timestamped(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every record of `data` that may carry timestamps (TIMESTAMP_FIELDS)."""
    for section in [*KIND_SECTIONS, "notes", "saved_searches"]:
        records = data.get(section)
        for rec in records if isinstance(records, list) else ():
            if isinstance(rec, dict):
                yield rec
                revisions = rec.get("revisions") if section == "notes" else None
                yield from (r for r in revisions or () if isinstance(r, dict))


def _store_timestamps(data: dict[str, Any], unreadable: str | None = None) -> None:
    """Rewrite the timestamps of `data` as Roundtable stores them: in UTC (one without a zone
    read as UTC), so that they sort as text. One that names no moment becomes `unreadable`
    (the export's) or, when that is None, stays for the schema's check to refuse."""
    for rec in _timestamped(data):
        for key in TIMESTAMP_FIELDS:
            value = rec.get(key)
            if isinstance(value, str) and not _STORED.match(value):
                rec[key] = dates.stored(value) or unreadable or value


# --- writing -------------------------------------------------------------------------------


def dumps(data: Mapping[str, Any]) -> bytes:
    """A data file as JSON: UTF-8, every script as itself (not \\u escapes), one value a line."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def check(data: dict[str, Any], path: Path) -> list[Problem]:
    """Every problem `read` and `check_meaning` would find in `data`, were it the file `path`.
    The export runs it before writing, so it never writes a file it could not import again.

    Timestamps are put in the form an import stores (`_store_timestamps`) when any is not. A
    library may hold timestamps from before imports checked them ('not-a-time', or naive ones):
    a naive one is written as UTC, and one that names no moment as the time of the export
    (`exported_at`), a moment it was surely made before, rather than refusing to export."""
    df = DataFile(path, data, "")
    restamp = _RESTAMP.set(False)
    try:
        problems = list(_schema_problems(df))
        if problems or _RESTAMP.get():
            _store_timestamps(data, unreadable=data.get("exported_at"))
            problems = list(_schema_problems(df))
    finally:
        _RESTAMP.reset(restamp)
    if problems:
        return problems
    problems = _load_archived_texts(df)
    return problems or check_meaning(df, NothingKnown())

"""Reading and validating Roundtable data files (JSON or YAML, one documented schema).

Validation is complete before anything is written: every problem is collected and reported
with the record, the field and (for YAML) the line, so a researcher can fix a file in one go.
What needs the database (slugs that already exist) comes in through `Known`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from app.paths import schema_file

KIND_SECTIONS: dict[str, str] = {
    "sources": "source",
    "countries": "country",
    "organizations": "organization",
    "people": "person",
    "events": "event",
    "initiatives": "initiative",
}
SECTION_OF_KIND = {kind: section for section, kind in KIND_SECTIONS.items()}
MAX_FILE_BYTES = 200 * 1024 * 1024

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


class NothingKnown:
    def kind_of(self, slug: str) -> str | None:
        return None

    def archived_text(self, source_slug: str) -> str | None:
        return None


# --- reading -------------------------------------------------------------------------------


def read(path: Path, step: Callable[[int, int], None] | None = None) -> DataFile:
    """Parse and schema-check `path`; raise InvalidDataFile listing every problem.

    `step(done, total)` hears how many bytes have been parsed; what it raises (the user
    cancelled) stops the reading and comes out of `read`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidDataFile(
                path, [Problem("(file)", "", f"is {size} bytes; the limit is {MAX_FILE_BYTES}")]
            )
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InvalidDataFile(path, [Problem("(file)", "", "is a folder, not a data file")]) from None
    except OSError as exc:
        raise InvalidDataFile(path, [Problem("(file)", "", f"cannot be read: {exc.strerror}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidDataFile(path, [Problem("(file)", "", f"is not UTF-8 text (byte {exc.start})")]) from exc
    data, yaml_text = _parse(path, text, step or (lambda _done, _total: None))
    df = DataFile(path, data, hashlib.sha256(raw).hexdigest(), _yaml=yaml_text)
    problems = list(_schema_problems(df))
    if problems:
        raise InvalidDataFile(path, problems)
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
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidDataFile(
                path, [Problem("(file)", "", f"is not valid JSON: {exc.msg}", exc.lineno)]
            ) from exc
        yaml_text = None
    else:
        try:
            data = yaml.load(_Counted(text, step), Loader=_yaml_loader())
        except yaml.YAMLError as exc:
            step(len(text), len(text))  # the parser reports a cancel as a reading error: raise it
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            reason = getattr(exc, "problem", None) or str(exc)
            raise InvalidDataFile(
                path, [Problem("(file)", "", f"is not valid YAML: {reason}", line)]
            ) from exc
        yaml_text = text
    step(len(text), len(text))
    if not isinstance(data, dict):
        raise InvalidDataFile(path, [Problem("(file)", "", "must hold a mapping with 'format: roundtable'")])
    return _stringify_dates(data), yaml_text


def _stringify_dates(value: Any) -> Any:
    """YAML reads 2025-09-18 as a date; the schema wants the ISO text the author wrote."""
    import datetime as dt

    if isinstance(value, dict):
        return {k: _stringify_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_dates(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


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
    return jsonschema.Draft202012Validator(schema)


@cache
def _fast_validator() -> Any:
    """The same schema in jsonschema-rs, a compiled validator: it checks a million entries in
    about a second, where jsonschema takes minutes. It only says which records are wrong; the
    words come from jsonschema, which checks those records again (see `_schema_errors`)."""
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(_validator().schema)


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
                record += f" ({label})"
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
        return record, path[2:]
    if path:
        return str(path[0]), path[1:]
    return "(file)", []


def _field_name(rest: list[str | int]) -> str:
    out = ""
    for step in rest:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def problem_at(df: DataFile, path: list[str | int], message: str) -> Problem:
    record, rest = _record_name(df.data, path)
    return Problem(record, _field_name(rest), message, df.line_of(path))


def _schema_problems(df: DataFile) -> Iterator[Problem]:
    errors = sorted(_schema_errors(df.data), key=lambda e: list(map(str, e.absolute_path)))
    for err in errors:
        path = list(err.absolute_path)
        message = err.message
        if err.validator == "unevaluatedProperties":
            # Reported when any part of the record failed; name only the truly unknown keys.
            section = path[0] if path else None
            kind = KIND_SECTIONS.get(str(section))
            if kind is None or not isinstance(err.instance, dict):
                continue
            unknown = sorted(set(err.instance) - _known_properties()[kind])
            if not unknown:
                continue
            message = "unknown field" + ("s " if len(unknown) > 1 else " ") + ", ".join(map(repr, unknown))
            record, rest = _record_name(df.data, path)
            yield Problem(record, _field_name(rest), message, df.line_of([*path, unknown[0]]))
            continue
        elif err.validator == "additionalProperties" and isinstance(err.instance, dict):
            message = message.replace("Additional properties are not allowed", "unknown field")
        yield problem_at(df, path, message)


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
            df.archived_texts[src["slug"]] = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(problem_at(df, at, f"cannot read {rel}: {getattr(exc, 'strerror', None) or exc}"))
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
                    f"{slug!r} is used by another entry in this file",
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
                problem_at(df, path, f"refers to {value!r}, which is not in this file or the database")
            )
        elif expected is not None and found not in expected:
            problems.append(
                problem_at(
                    df,
                    path,
                    f"refers to {value!r}, a {found}, where a {' or '.join(expected)} is needed",
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
                    f"is not found word for word in the archived text of {cite['source']!r}",
                )
            )

    for path, rec in spans:
        start, end = rec.get("start"), rec.get("end")
        if start and end and end < start:
            problems.append(problem_at(df, [*path, "end"], f"{end} is before the start {start}"))

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


# --- writing -------------------------------------------------------------------------------


def dumps(data: Mapping[str, Any]) -> bytes:
    """A data file as JSON: UTF-8, every script as itself (not \\u escapes), one value a line."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def check(data: dict[str, Any], path: Path) -> list[Problem]:
    """Every problem `read` and `check_meaning` would find in `data`, were it the file `path`.
    The export runs it before writing, so it never writes a file it could not import again."""
    df = DataFile(path, data, "")
    problems = list(_schema_problems(df))
    if problems:
        return problems
    problems = _load_archived_texts(df)
    return problems or check_meaning(df, NothingKnown())

"""Reading and validating Roundtable data files (JSON or YAML, one documented schema).

Validation is complete before anything is written: every problem is collected and reported
with the record, the field and (for YAML) the line, so a researcher can fix a file in one go.
What needs the database (slugs that already exist) comes in through `Known`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
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

    @property
    def dataset_id(self) -> str | None:
        ds = self.data.get("dataset")
        return ds.get("id") if isinstance(ds, dict) else None

    @property
    def dataset_version(self) -> int | None:
        ds = self.data.get("dataset")
        return ds.get("version") if isinstance(ds, dict) else None

    def line_of(self, path: list[str | int]) -> int | None:
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


def read(path: Path) -> DataFile:
    """Parse and schema-check `path`; raise InvalidDataFile listing every problem."""
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
    data, nodes = _parse(path, text)
    df = DataFile(path, data, hashlib.sha256(raw).hexdigest(), _lines=nodes)
    problems = list(_schema_problems(df))
    if problems:
        raise InvalidDataFile(path, problems)
    problems = _load_archived_texts(df)
    if problems:
        raise InvalidDataFile(path, problems)
    return df


def _parse(path: Path, text: str) -> tuple[dict[str, Any], Any]:
    is_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidDataFile(
                path, [Problem("(file)", "", f"is not valid JSON: {exc.msg}", exc.lineno)]
            ) from exc
        nodes = None
    else:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            nodes = yaml.compose(text, Loader=loader)
            data = yaml.load(text, Loader=loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            reason = getattr(exc, "problem", None) or str(exc)
            raise InvalidDataFile(
                path, [Problem("(file)", "", f"is not valid YAML: {reason}", line)]
            ) from exc
    if not isinstance(data, dict):
        raise InvalidDataFile(path, [Problem("(file)", "", "must hold a mapping with 'format: roundtable'")])
    return _stringify_dates(data), nodes


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
    errors = sorted(_validator().iter_errors(df.data), key=lambda e: list(map(str, e.absolute_path)))
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

    for path, key, value in _references(df.data):
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

    for path, cite in _citations(df.data):
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

    for path, rec in _spans(df.data):
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


def _walk(value: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], Any]]:
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, [*path, k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, [*path, i])


def _references(data: dict[str, Any]) -> Iterator[tuple[list[str | int], str, str]]:
    for path, value in _walk(data, []):
        if not path or not isinstance(value, str):
            continue
        key = path[-1]
        if key in _REF_KINDS and len(path) >= 3:
            yield path, str(key), value


def _citations(data: dict[str, Any]) -> Iterator[tuple[list[str | int], dict[str, Any]]]:
    for path, value in _walk(data, []):
        if len(path) >= 2 and path[-2] == "citations" and isinstance(value, dict) and "source" in value:
            yield path, value


def _spans(data: dict[str, Any]) -> Iterator[tuple[list[str | int], dict[str, Any]]]:
    for path, value in _walk(data, []):
        if isinstance(value, dict) and "start" in value and "end" in value:
            yield path, value


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

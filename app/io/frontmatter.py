"""YAML front matter: written so that it reads back exactly, never by loose string formatting.

`dump` keeps the caller's key order and writes every string so that YAML reads back the same
string: 'yes', 'null', '~', '2025-09-18', leading '!&*', '#', ': ', '---', newlines and every
script included. The front matter an export writes (strings, lists of strings, counts) goes
through a small emitter of its own that writes what PyYAML writes for the same values (an
export writes 10,000 of these, and PyYAML's general emitter cost 0.5 ms each); anything else
(a nested mapping, a boolean, None) goes through PyYAML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import yaml

from app.io import yaml_safe

FENCE = "---"


# YAML line breaks beyond \n and \r: PyYAML writes them raw inside single quotes, where a reader
# folds them into spaces, so such strings go in double quotes, where they are escaped.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


class _Dumper(yaml.SafeDumper):
    """Safe dumping: plain data only, never a Python object tag."""


# libyaml's emitter, when PyYAML has it, is several times faster (an export writes thousands
# of these) but escapes characters beyond the BMP (emoji, rarer Han characters) as \U0001F1F1;
# when its text holds such an escape, the Python emitter writes it again, with them as themselves.
class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe dumping: plain data only, never a Python object tag."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A link in a property is written as Obsidian writes it, in double quotes ("[[Chen Gang]]").
    if _LINE_BREAKS.search(value) or value.startswith("[["):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)
_FastDumper.add_representer(str, _represent_str)

_OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "default_flow_style": False,
    "width": 2**31 - 1,  # one line per value: simpler for other tools' YAML readers
}


def dump(fields: Mapping[str, Any]) -> str:
    """The front matter block for `fields`, fences included, ending in a newline."""
    lines = []
    try:
        for key, value in fields.items():
            if type(key) is not str or not _plain_key(key):
                raise _NotOurs
            if type(value) is str:
                lines.append(f"{key}: {_scalar(value)}\n")
            elif type(value) is list and value and all(type(v) is str for v in value):
                lines.append(f"{key}:\n" + "".join(f"- {_scalar(v)}\n" for v in value))
            elif type(value) is int:
                lines.append(f"{key}: {value}\n")
            else:
                raise _NotOurs
        if not lines:
            raise _NotOurs  # PyYAML writes an empty mapping as '{}'
    except _NotOurs:
        return _yaml_dump(fields)
    return f"{FENCE}\n{''.join(lines)}{FENCE}\n"


# What YAML would read as something other than the string itself, by first character: PyYAML's
# own implicit types (bool, int, float, null, timestamp, '<<', '=').
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
# Characters a plain (unquoted) scalar may hold: printable, no line break, no byte-order mark.
_PLAIN_CHARS = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)
# What may stand inside single quotes: the same, spaces at the ends included.
_QUOTABLE = _PLAIN_CHARS
_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\xa0\u2028\u2029\ufeff\ufffe\uffff]')
# Half of a surrogate pair: no UTF-8 file can hold one; PyYAML says so as it always did.
_SURROGATE = re.compile("[\ud800-\udfff]")


class _NotOurs(Exception):
    """A value the small emitter leaves to PyYAML."""


def _plain(value: str) -> bool:
    """True when `value` may be written as it is and YAML reads back this very string: it
    starts with a letter, a digit or a character beyond ASCII other than a space, holds no ': ', ' #', line break or unprintable character,
    does not end in a space or ':', and is no other type's spelling ('yes', '1.5', '~')."""
    if _UUID.match(value):  # every file's id: no other type is spelt so, and no regex need ask
        return True
    if not value or value[-1] in " :":
        return False
    first = value[0]
    if not (first.isalnum() if first < "\x80" else not first.isspace()):
        return False
    if ": " in value or " #" in value:
        return False
    if not (value.isprintable() if value.isascii() else _PLAIN_CHARS.fullmatch(value) is not None):
        return False
    resolvers = _IMPLICIT.get(first)
    if resolvers is not None:
        if _STAMP.match(value):  # what every note's front matter holds, thrice: no need to ask
            return False
        for _tag, pattern in resolvers:
            if pattern.match(value):
                return False
    return value not in ("y", "Y", "n", "N")  # booleans to YAML 1.1 readers other than PyYAML


_plain_key = functools.lru_cache(maxsize=256)(_plain)  # the same few keys in every file


_UUID = re.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\Z")
# The times Roundtable writes (2026-01-01T00:00:00.000000+00:00): YAML timestamps, quoted.
_STAMP = re.compile(
    "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:Z|[-+][0-9]{2}:[0-9]{2})?\\Z"
)


@functools.lru_cache(maxsize=4096)  # the same kinds, tags, entries and times, file after file
def _scalar(value: str) -> str:
    if _plain(value):
        return value
    # A link in a property is written as Obsidian writes it, in double quotes ("[[Chen Gang]]").
    if not value.startswith("[[") and _QUOTABLE.fullmatch(value) is not None:
        return "'" + value.replace("'", "''") + "'"
    if _SURROGATE.search(value):
        raise _NotOurs
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _escape(found: re.Match[str]) -> str:
    ch = found.group()
    known = _ESCAPES.get(ch)
    if known is not None:
        return known
    code = ord(ch)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


def _yaml_dump(fields: Mapping[str, Any]) -> str:
    data = dict(fields)
    text = yaml.dump(data, Dumper=_FastDumper, **_OPTIONS)
    if "\\U" in text:  # an escaped astral character (or a backslash-U the text holds)
        text = yaml.dump(data, Dumper=_Dumper, **_OPTIONS)
    return f"{FENCE}\n{text}{FENCE}\n"


def split(text: str) -> tuple[dict[str, Any] | None, str]:
    """(front matter, the rest) of a Markdown file; (None, text) when it has none.

    Raises ValueError when the block is there but is not a YAML mapping.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.startswith(FENCE + "\n"):
        return None, text
    end = _closing_fence(text)
    if end < 0:
        return None, text
    block = text[len(FENCE) + 1 : end]
    rest = text[end + len(FENCE) + 1 :]
    try:
        loaded = yaml_safe.load(block)  # also refuses duplicate keys and overlong numbers
    except yaml.YAMLError as exc:
        raise ValueError(f"the front matter is not valid YAML: {exc}") from exc
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise ValueError("the front matter is not a YAML mapping")
    return loaded, rest


def _closing_fence(text: str) -> int:
    """Offset of the line '---' that closes the block opened on the first line, or -1."""
    start = len(FENCE) + 1
    if text.startswith(FENCE + "\n", start):
        return start  # an empty block
    at = text.find("\n" + FENCE + "\n", start - 1)
    if at < 0:
        return -1 if not text.endswith("\n" + FENCE) else len(text) - len(FENCE)
    return at + 1

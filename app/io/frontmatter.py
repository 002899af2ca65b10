"""YAML front matter: written by PyYAML, never by string formatting, and read back exactly.

`dump` keeps the caller's key order and writes every string so that YAML reads back the same
string: 'yes', 'null', '~', '2025-09-18', leading '!&*', '#', ': ', '---', newlines and every
script included (PyYAML quotes or escapes whatever would otherwise change meaning).
"""

from __future__ import annotations

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

"""Reading YAML that came from a file (a data file, a note's front matter): plain data only,
and only what reads the same in every YAML reader.

PyYAML's safe loader builds no Python objects but plain ones, and that is not enough:
- An alias (*name) repeats a value defined elsewhere. Reading shares the value, but anything
  that then walks the data (validation, a copy, a message quoting it) expands it: 848 bytes
  of aliases ten to a line ("billion laughs") ran three minutes to 3.9 GB. Roundtable writes
  none, nor do editors of front matter, so an alias is refused where it is met, before the
  shared value is handed out.
- A key written twice in one mapping silently keeps the last value; which one another reader
  keeps is its own choice. Refused, naming the key and both lines.
- An integer of more than 4,300 digits is one Python refuses to convert (int_max_str_digits),
  with a ValueError that named no line. Refused here with its line.
- An impossible date (2025-02-30, unquoted) made PyYAML raise ValueError; it is read as the
  text it is, for the caller to refuse by name with the rest of its checks.
- Nesting deeper than the parser allows is refused with a line (libyaml stops at 1,000 levels;
  the pure-Python parser, used where libyaml is missing, ran out of stack).

Each refusal is a yaml.MarkedYAMLError (`Refused`), so a caller that already words YAML
errors with their line words these too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode

MAX_DIGITS = 4300  # Python's default int_max_str_digits: longer is refused by int() itself

_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it


class Readable(Protocol):
    """Text read a block at a time (a file, or the importer's counting reader)."""

    def read(self, size: int = -1, /) -> str: ...


class Refused(yaml.MarkedYAMLError):
    """YAML that parses but that Roundtable does not read; `problem` says why, in a sentence."""

    def __init__(self, problem: str, mark: Any = None) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class SafeLoader(_BASE):  # type: ignore[misc]
    """The safe loader, refusing aliases, duplicate keys and overlong integers."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        # Every node is constructed once, except the one an alias names: it is met again.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise Refused(
                "uses YAML aliases (*name), which Roundtable does not read: write each value out "
                "where it is used",
                node.start_mark,
            )
        try:
            return super().construct_object(node, deep)
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError) as exc:
            # A value its tag does not fit (`!!int abc`, `!!bool maybe`): PyYAML raised these bare.
            raise Refused(_unfit(node, exc), node.start_mark) from None

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        if len(mapping) != len(node.value):  # cheap to ask; only then look for the key
            _refuse_duplicate(node)
        return mapping


def _unfit(node: Node, exc: Exception) -> str:
    from app.quoting import quoted

    tag = str(node.tag).rpartition(":")[2]
    if isinstance(node, ScalarNode):
        return f"holds {quoted(node.value)} tagged !!{tag}, which it is not"
    return f"holds a !!{tag} that cannot be read ({type(exc).__name__})"


def _refuse_duplicate(node: MappingNode) -> None:
    from app.quoting import quoted

    first: dict[tuple[str, str], ScalarNode] = {}
    for key, _value in node.value:
        if not isinstance(key, ScalarNode):
            continue
        earlier = first.setdefault((key.tag, key.value), key)
        if earlier is not key:
            raise Refused(
                f"the key {quoted(key.value)} is written twice in one mapping (also on line "
                f"{earlier.start_mark.line + 1}); keep one",
                key.start_mark,
            )


def _int(loader: SafeConstructor, node: Node) -> Any:
    assert isinstance(node, ScalarNode)
    if len(node.value) > MAX_DIGITS:
        raise Refused(
            f"holds a number of {len(node.value):,} digits, more than the {MAX_DIGITS:,} Roundtable reads",
            node.start_mark,
        )
    return SafeConstructor.construct_yaml_int(loader, node)


def _timestamp(loader: SafeConstructor, node: Node) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except (ValueError, AttributeError):  # 2025-02-30, or `!!timestamp soon`: the caller refuses it by name
        return loader.construct_scalar(node)  # type: ignore[arg-type]


def _timestamp_text(loader: SafeConstructor, node: Node) -> Any:
    value = _timestamp(loader, node)
    return value.isoformat() if isinstance(value, dt.date) else value


SafeLoader.add_constructor("tag:yaml.org,2002:int", _int)
SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class TextDatesLoader(SafeLoader):
    """SafeLoader reading dates and timestamps as ISO text (2025-09-18, 2025-09-18T10:00:00):
    a data file's schema wants the text, in the form the author meant."""


TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_text)


def load(stream: str | Readable, *, dates_as_text: bool = False) -> Any:
    """The one document in `stream`, as plain data; yaml.YAMLError (Refused among them) when it
    cannot or must not be read."""
    loader = (TextDatesLoader if dates_as_text else SafeLoader)(stream)
    try:
        return loader.get_single_data()
    except RecursionError:  # the pure-Python parser, nesting past the stack
        raise Refused("nests lists or mappings too deeply to read") from None
    finally:
        loader.dispose()

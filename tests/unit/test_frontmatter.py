"""Front matter is written by a YAML library and reads back exactly, whatever the text."""

from __future__ import annotations

from typing import Any

import frontmatter as python_frontmatter
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.io import frontmatter
from app.io.markdown import entry_fields
from app.records.entries import AliasView, EntryDetail, FieldView, Ref
from tests.builders.strategies import HOSTILE, SCRIPTS, any_text, text

ENTRY_KEYS = [
    "id",
    "kind",
    "name",
    "aliases",
    "tags",
    "country",
    "organization",
    "dates",
    "source-urls",
    "exported-at",
]


def _round_trip(fields: dict[str, Any]) -> None:
    written = frontmatter.dump(fields) + "The body.\n"
    read, rest = frontmatter.split(written)
    assert read == fields
    assert rest == "The body.\n"
    post = python_frontmatter.loads(written)  # as another tool reads it
    assert dict(post.metadata) == fields
    assert post.content == "The body."


@pytest.mark.parametrize("value", [*HOSTILE, *SCRIPTS, "a: b # c", "---\n---", "x" * 10_000, "‏RTL‎ mark"])
def test_hostile_values_round_trip(value: str) -> None:
    _round_trip({"name": value, "aliases": [value, value + "!"], "id": value})


@settings(max_examples=400)
@given(
    st.dictionaries(
        st.sampled_from(ENTRY_KEYS),
        st.one_of(
            any_text,
            st.lists(text, max_size=4),
            st.none(),
            st.dictionaries(st.sampled_from(["start", "end"]), text),
        ),
    )
)
def test_any_text_round_trips(fields: dict[str, Any]) -> None:
    _round_trip(fields)


def _detail(name: str, aliases: tuple[str, ...]) -> EntryDetail:
    ref = Ref(1, "person", "x", name)
    return EntryDetail(
        ref=ref,
        uid="0c7e6f0e-4a53-4d7e-9a3e-0f1d2c3b4a59",
        summary="",
        created_at="2025-09-18T00:00:00+00:00",
        updated_at="2025-09-18T00:00:00+00:00",
        deleted_at=None,
        fields=(FieldView("Country", "ລາວ", Ref(2, "country", "laos", "ລາວ")),),
        aliases=tuple(AliasView(a, None, None, "name") for a in aliases),
        tags=("policy/ethics",),
    )


@settings(max_examples=300)
@given(text.filter(lambda s: s.strip()), st.lists(text, max_size=3))
def test_entry_front_matter_has_the_fixed_key_order_and_round_trips(name: str, aliases: list[str]) -> None:
    fields = entry_fields(_detail(name, tuple(aliases)), "2026-11-28T10:00:00+00:00")
    # empty properties (no organization, no dates, no sources' addresses here) are left out
    keys = ["id", "kind", "title", *(["aliases"] if aliases else []), "tags", "country", "exported-at"]
    assert list(fields) == keys
    written = frontmatter.dump(fields)
    assert [line.split(":")[0] for line in written.splitlines() if line and line[0].isalpha()] == keys
    read, _ = frontmatter.split(written + "body")
    assert read == fields
    assert read["title"] == name and read["country"] == "ລາວ"


def test_every_script_is_written_as_itself() -> None:
    written = frontmatter.dump({"name": "陈刚 ประเทศไทย ລາວ 🇱🇦 𠀀", "aliases": ["ကမ္ဘာ"]})
    assert "陈刚 ประเทศไทย ລາວ 🇱🇦 𠀀" in written and "ကမ္ဘာ" in written and "\\U" not in written


def test_a_file_without_front_matter_is_all_body() -> None:
    assert frontmatter.split("# Title\n\n---\n") == (None, "# Title\n\n---\n")


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    with pytest.raises(ValueError, match="mapping"):
        frontmatter.split("---\n- a list\n---\nbody")

"""File names for exported Markdown: readable, safe on every OS, unique ignoring case."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pathvalidate import validate_filename

from app.io.filenames import (
    MAX_NAME_BYTES,
    NameAllocator,
    UnsafePath,
    file_name,
    inside,
    is_variant_of,
    safe_stem,
    same_name_key,
)
from tests.builders.strategies import HOSTILE, SCRIPTS, text

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{d}{n}" for d in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]
}


def _check(name: str) -> None:
    validate_filename(name, platform="universal")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name == unicodedata.normalize("NFC", name)
    assert not any(ch in name for ch in '/\\:*?"<>|#^[]')
    assert not any(unicodedata.category(ch) == "Cc" for ch in name)
    assert not any(ch in name for ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert not name.startswith(".")  # hidden on Unix and in Obsidian; import-notes passes it over
    stem = name.removesuffix(".md")
    assert stem.split(".")[0].upper() not in WINDOWS_RESERVED
    assert stem == stem.strip() and not stem.endswith(".")
    assert stem not in ("", ".", "..")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("陈刚", "陈刚.md"),
        ("ประเทศไทย", "ประเทศไทย.md"),
        ("ລາວ", "ລາວ.md"),
        ("Bùi Hoàng Phương", "Bùi Hoàng Phương.md"),
        ("China / ASEAN: AI?", "China ASEAN AI.md"),
        ("CON", "CON_.md"),
        ("com1", "com1_.md"),
        ("nul.txt", "nul_.txt.md"),
        ("conout$", "conout$_.md"),
        ("Report. ", "Report.md"),
        ("..", "untitled.md"),
        ("", "untitled.md"),
        ("\u202egpj.md", "gpj.md.md"),
        ("C# [draft] ^1", "C (draft) 1.md"),
        ("tab\tand\nnewline", "tab and newline.md"),
        ("e\u0301", "é.md"),  # decomposed accent: stored composed (NFC), as Windows and Linux expect
        (".hidden", "hidden.md"),
        (".NET Foundation", "NET Foundation.md"),
        (". . .and then", "and then.md"),
        (".CON", "CON_.md"),  # without its dot, a reserved name
        ("/.com1", "com1_.md"),
        ("\u202e.md", "md.md"),
    ],
)
def test_names_are_readable_and_safe(name: str, expected: str) -> None:
    assert file_name(safe_stem(name)) == expected
    _check(expected)


@settings(max_examples=500)
@given(st.one_of(text, st.sampled_from(HOSTILE), st.sampled_from(SCRIPTS).map(lambda s: s * 40)))
def test_every_name_is_safe(name: str) -> None:
    _check(file_name(safe_stem(name)))
    _check(file_name(safe_stem(name), " (exported 2026-11-28) (12)"))
    _check(file_name(safe_stem("." + name)))


def test_long_names_are_cut_between_characters_within_255_bytes() -> None:
    thai = "กิ" * 200  # a consonant and a vowel sign above it: never split the pair
    name = file_name(safe_stem(thai))
    _check(name)
    assert name.removesuffix(".md").endswith("กิ")
    emoji = "👩‍💻" * 100
    assert not file_name(safe_stem(emoji)).removesuffix(".md").endswith("\u200d")
    with_suffix = file_name(safe_stem("x" * 300), " (2)")
    assert len(with_suffix.encode()) == MAX_NAME_BYTES and with_suffix.endswith(" (2).md")


def test_names_are_unique_regardless_of_case_and_normalization() -> None:
    names = NameAllocator()
    got = [
        names.allocate(s) for s in ("Laos", "LAOS", "laos", "Ｌａｏｓ", "Straße", "STRASSE", "é", "e\u0301")
    ]
    assert got[0] == "Laos.md" and got[1] == "LAOS (2).md" and got[2] == "laos (3).md"
    assert len({same_name_key(g) for g in got}) == len(got)
    assert is_variant_of("LAOS (2).md", "Laos") and not is_variant_of("Lao.md", "Laos")


def test_a_reserved_name_is_not_handed_out(tmp_path: Path) -> None:
    names = NameAllocator()
    names.reserve("Laos.md")  # a file the researcher has in the folder
    assert names.allocate("laos") == "laos (2).md"


def test_paths_never_leave_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    assert inside(root, "Officials/Chen Gang.md") == (root / "Officials" / "Chen Gang.md").resolve()
    for bad in ("../outside.md", "Officials/../../outside.md", "/etc/passwd", "."):
        with pytest.raises(UnsafePath):
            inside(root, bad)
    if hasattr(os, "symlink"):
        (root / "Linked").symlink_to(tmp_path, target_is_directory=True)
        with pytest.raises(UnsafePath):
            inside(root, "Linked/x.md")

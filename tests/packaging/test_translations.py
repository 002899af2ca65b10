"""The translations are complete and up to date: the .ts files hold exactly the messages the
sources use (`make translations` brings them up to date), every message is translated with
the same placeholders, and each .qm is what lrelease makes of its .ts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import translations

_PLACES = re.compile(r"\{[a-z_]+\}")


def test_the_ts_files_hold_exactly_the_messages_of_the_sources_and_the_qm_files_match() -> None:
    assert translations.problems() == []


@pytest.mark.parametrize("language", [language for language, _plural_only in translations.CATALOGUES])
def test_every_message_is_translated(language: str) -> None:
    assert translations.unfinished(translations.ts_path(language)) == []


def test_chinese_keeps_every_placeholder_and_mnemonic() -> None:
    problems = []
    for message, forms in translations.translated(translations.ts_path("zh_CN")):
        for form in forms:
            if sorted(_PLACES.findall(form)) != sorted(_PLACES.findall(message.source)):
                problems.append(f"[{message.context}] {message.source!r} -> {form!r}: placeholders")
            if ("%n" in message.source) != ("%n" in form):
                problems.append(f"[{message.context}] {message.source!r} -> {form!r}: %n")
            mnemonic = re.search(r"&(\w)", message.source)
            if mnemonic and not re.search(r"\(&\w\)", form):
                problems.append(f"[{message.context}] {message.source!r} -> {form!r}: no (&X) accelerator")
    assert problems == []


def test_translations_ship_in_the_package() -> None:
    listed = Path(__file__).resolve().parents[2].joinpath("pyproject.toml").read_text(encoding="utf-8")
    assert '"app.resources.translations"' in listed

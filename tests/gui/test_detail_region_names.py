"""A country's page groups its other names by language, each language under its own name
(简体中文, ไทย, Tiếng Việt) with the interface's word for it beneath, the region's languages
in their usual order."""

from __future__ import annotations

import re

from app.db.database import Database
from app.gui import i18n
from app.gui.detail_html import render
from app.gui.language_names import own_language_name
from app.services.details import EntryDetails

_ROW = re.compile(r"<tr><th class='label'[^>]*>(.*?)</th><td>(.*?)</td></tr>")
_MARKS = re.compile(r"<sup>.*?</sup>|<a [^>]*>.*?</a>")


def _groups(html: str) -> list[tuple[str, str]]:
    names = html.partition("<h3>Other names</h3>")[2] or html.partition("<h3>其他名称</h3>")[2]
    table = names.partition("</table>")[0]
    return [(label, _MARKS.sub("", cell)) for label, cell in _ROW.findall(table)]


def test_names_are_grouped_under_each_languages_own_name(seeded_db: Database) -> None:
    html = render(EntryDetails(seeded_db).get("vietnam"))
    groups = _groups(html)
    assert groups == [
        ("简体中文<br><small>Chinese (Simplified)</small>", "越南"),
        ("ລາວ<br><small>Lao</small>", "ຫວຽດນາມ"),
        ("ไทย<br><small>Thai</small>", "เวียดนาม"),
        ("ខ្មែរ<br><small>Khmer</small>", "វៀតណាម"),
        ("မြန်မာ<br><small>Burmese</small>", "ဗီယက်နမ်"),
        ("Tiếng Việt<br><small>Vietnamese</small>", "Việt Nam"),
        ("português (Timor-Leste)<br><small>Portuguese</small>", "Vietname"),
    ]
    # a name of no stated language stays a plain item before the languages
    assert "<ul><li>Viet Nam <small>(variant)</small>" in html


def test_a_language_with_many_names_lists_them_on_one_line_with_their_kind(seeded_db: Database) -> None:
    groups = dict(_groups(render(EntryDetails(seeded_db).get("china"))))
    assert (
        groups["简体中文<br><small>Chinese (Simplified)</small>"]
        == "中国 · 中华人民共和国 <small>(official name)</small>"
    )
    assert groups["繁體中文<br><small>Chinese (Traditional)</small>"] == "中國"
    laos = dict(_groups(render(EntryDetails(seeded_db).get("laos"))))
    # its name first, though the official name was recorded before it
    assert (
        laos["ລາວ<br><small>Lao</small>"]
        == "ລາວ · ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ <small>(official name)</small>"
    )
    assert laos["繁體中文 (中國香港特別行政區)<br><small>Chinese (Traditional)</small>"] == "老撾"


def test_in_the_chinese_interface_a_language_is_said_once_when_both_words_agree(seeded_db: Database) -> None:
    i18n.install(i18n.CHINESE.code)
    try:
        html = render(EntryDetails(seeded_db).get("asean"))
    finally:
        i18n.install(i18n.ENGLISH.code)
    labels = [label for label, _ in _groups(html)]
    assert labels[0] == "简体中文"  # its own name is the interface's word for it
    assert labels[1].startswith("繁體中文<br><small>")


def test_own_names_come_from_qt_and_fall_back_to_the_interfaces_word() -> None:
    assert own_language_name("th") == "ไทย"
    assert own_language_name("vi") == "Tiếng Việt"
    assert own_language_name("ms") == "Melayu"  # in Latin letters, its usual script
    assert own_language_name("en") == "English"  # not "American English": the tag names no place
    assert own_language_name("tet") == "Tetum"  # Qt does not know Tetum
    assert own_language_name("zh") == "Chinese"  # 简体中文 or 繁體中文? the tag does not say

from __future__ import annotations

from app.services.slugs import is_slug, slugify, unique_slug


def test_slugify_keeps_latin_letters_and_drops_marks() -> None:
    assert slugify("Bùi Hoàng Phương") == "bui-hoang-phuong"
    assert slugify("Đặng Văn") == "dang-van"
    assert slugify("  Laos' national language model!  ") == "laos-national-language-model"
    assert slugify("***", fallback="person") == "person"


def test_slugs_spell_every_script_in_latin_letters_instead_of_dropping_them() -> None:
    assert slugify("Søren Łukasz") == "soren-lukasz"
    assert slugify("Straße") == "strasse"
    assert slugify("陈刚") == "chen-gang"
    assert slugify("中国—东盟") == "zhong-guo-dong-meng"
    assert slugify("ບົວວຽງຄຳ ວົງດາລາ") == "bovvyngkham-vongdala"  # Lao
    assert slugify("ประเสริฐ") == "praesrith"  # Thai
    assert slugify("សុខ") == "sokh"  # Khmer
    assert all(is_slug(slugify(s)) for s in ["a", "--x--", "../../etc", "CON", "x" * 500])


def test_unique_slug() -> None:
    assert unique_slug("laos", set()) == "laos"
    assert unique_slug("laos", {"laos", "laos-2"}) == "laos-3"
    assert len(unique_slug("x" * 120, {"x" * 120})) == 120

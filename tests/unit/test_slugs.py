from __future__ import annotations

from app.services.slugs import is_slug, slugify, unique_slug


def test_slugify_keeps_latin_letters_and_drops_marks() -> None:
    assert slugify("Bùi Hoàng Phương") == "bui-hoang-phuong"
    assert slugify("Đặng Văn") == "dang-van"
    assert slugify("  Laos' national language model!  ") == "laos-national-language-model"
    assert slugify("陈刚") == "entry"
    assert slugify("陈刚", fallback="person") == "person"
    assert all(is_slug(slugify(s)) for s in ["a", "--x--", "../../etc", "CON", "x" * 500])


def test_unique_slug() -> None:
    assert unique_slug("laos", set()) == "laos"
    assert unique_slug("laos", {"laos", "laos-2"}) == "laos-3"
    assert len(unique_slug("x" * 120, {"x" * 120})) == 120

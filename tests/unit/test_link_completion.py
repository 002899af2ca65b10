"""[[ completion offers one line per entry, named the way that matches best (its name before an
alias, an alias before its slug), exact and word-start matches before matches inside a word."""

from __future__ import annotations

from app.db.database import Database
from app.db.folding import fold
from app.services.wikilinks import completions


def test_la_offers_laos_first_once_by_its_name(seeded_db: Database) -> None:
    found = completions(seeded_db.read(), "La")
    assert (found[0].text, found[0].slug) == ("Laos", "laos")
    slugs = [c.slug for c in found]
    assert len(slugs) == len(set(slugs))  # one line per entry
    assert "la-mtc" not in [c.text for c in found]  # the ministry is offered by its name
    mtc = next(c for c in found if c.slug == "la-mtc")
    assert mtc.text == mtc.name


def test_exact_then_beginning_then_a_word_then_inside(seeded_db: Database) -> None:
    found = completions(seeded_db.read(), "lao")
    quality = []
    for c in found:
        text = fold(c.text)
        quality.append(
            0
            if text == "lao"
            else 1
            if text.startswith("lao")
            else 2
            if " lao" in f" {text}".replace("(", " ").replace("-", " ")
            else 3
        )
    assert quality == sorted(quality), [c.text for c in found]


def test_a_slug_is_offered_when_nothing_else_matches(seeded_db: Database) -> None:
    found = completions(seeded_db.read(), "chen-g")
    assert [(c.text, c.slug) for c in found][:1] == [("chen-gang", "chen-gang")]


def test_other_scripts_are_offered_by_the_alias_that_matches(seeded_db: Database) -> None:
    found = completions(seeded_db.read(), "陈刚")
    assert [(c.text, c.slug) for c in found][:1] == [("陈刚", "chen-gang")]

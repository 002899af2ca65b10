"""The kinds of entry, their names for people, and the words that select them."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import N_


@dataclass(frozen=True)
class Kind:
    key: str  # as stored in entity.kind
    singular: str
    plural: str  # as shown in the sidebar
    words: tuple[str, ...]  # what the command line and `kind:` search accept


KINDS: tuple[Kind, ...] = (
    Kind(
        "person",
        N_("Kinds", "Official"),
        N_("Kinds", "Officials"),
        ("official", "officials", "person", "people", "persons"),
    ),
    Kind("country", N_("Kinds", "Country"), N_("Kinds", "Countries"), ("country", "countries")),
    Kind(
        "organization",
        N_("Kinds", "Organization"),
        N_("Kinds", "Organizations"),
        ("organization", "organizations", "org", "orgs", "organisation", "organisations"),
    ),
    Kind("initiative", N_("Kinds", "Initiative"), N_("Kinds", "Initiatives"), ("initiative", "initiatives")),
    Kind("event", N_("Kinds", "Event"), N_("Kinds", "Events"), ("event", "events")),
    Kind("source", N_("Kinds", "Source"), N_("Kinds", "Sources"), ("source", "sources")),
)
BY_KEY = {k.key: k for k in KINDS}
_BY_WORD = {w: k for k in KINDS for w in k.words}


class UnknownKind(ValueError):
    pass


def kind_for(word: str) -> Kind:
    """'officials', 'Person', 'orgs' ... -> the Kind; UnknownKind with the choices otherwise."""
    found = _BY_WORD.get(word.strip().lower())
    if found is None:
        choices = ", ".join(k.words[0] for k in KINDS)
        raise UnknownKind(f"unknown kind {word!r}; choose one of: {choices}")
    return found

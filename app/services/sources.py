"""Sources as a researcher records them: a real title and publisher, and the text the source
holds (pasted, or taken from a saved file kept beside the library).

The rule for titles and publishers is checked by the editing service on every create and edit
(`check_source`); the text goes in through `SourceTexts`, one undoable edit of the source.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.i18n import T_, Text

# What people write when they do not know a title or a publisher. A source carrying one of
# these cannot be told from the next one, nor found by its title in a bibliography.
PLACEHOLDERS = frozenset(
    {
        "unknown",
        "unknown title",
        "unknown publisher",
        "untitled",
        "no title",
        "none",
        "n/a",
        "na",
        "tbd",
        "tba",
        "todo",
        "not recorded",
        "title not recorded",
        "publisher not recorded",
        "not known",
        "anonymous",
        "various",
        "title",
        "publisher",
        "source",
        "xxx",
    }
)
_NOT_RECORDED = re.compile(r"\bnot\s+recorded\b|\bunknown\s+(title|publisher)\b", re.IGNORECASE)
_LETTER_OR_DIGIT = re.compile(r"\w")


def is_placeholder(value: str) -> bool:
    """Is `value` a stand-in for a title or publisher rather than one: blank, only punctuation
    ("-", "?", "…"), a word such as "unknown" or "n/a", or a note that it was "not recorded"."""
    bare = " ".join(value.split()).strip(" .,;:()[]{}<>\"'“”‘’").casefold()
    if not _LETTER_OR_DIGIT.search(bare):
        return True
    return bare in PLACEHOLDERS or bool(_NOT_RECORDED.search(bare))


def title_problem(value: str) -> Text | None:
    if not value.strip():
        return T_("Sources", "A title is required: the source's own title, as it is published.")
    if is_placeholder(value):
        return T_(
            "Sources",
            "“{value}” is not a title: write the source's own title, as it is published (an "
            "article's headline, a report's name).",
        ).format(value=value.strip())
    return None


def publisher_problem(value: str) -> Text | None:
    if not value.strip():
        return T_(
            "Sources",
            "A publisher is required: who published the source (a newspaper, a ministry, a website).",
        )
    if is_placeholder(value):
        return T_(
            "Sources",
            "“{value}” is not a publisher: write who published the source (a newspaper, a ministry, "
            "a website).",
        ).format(value=value.strip())
    return None


def authors_column(value: str | None) -> str | None:
    """Authors as stored: one name a line, each trimmed, blank lines dropped."""
    names = [line.strip() for line in (value or "").splitlines()]
    return "\n".join(n for n in names if n) or None


def check_source(
    session: Session, entity_id: int | None, name: str, columns: MutableMapping[str, Any]
) -> dict[str, Text]:
    """The problems with a source's title (`name`) and publisher, by field key; tidies the
    authors in `columns`. A title or publisher is checked when it is new or changed: sources
    recorded before the rule (whose titles say "(title not recorded)") can still be given
    their text, and the rule meets them when someone edits those fields."""
    columns["authors"] = authors_column(columns.get("authors"))
    stored: tuple[str, str] | None = None
    if entity_id is not None:
        row = session.execute(
            text(
                "SELECT e.name, coalesce(s.publisher, '') FROM entity e JOIN source s ON s.id = e.id "
                "WHERE e.id = :id"
            ),
            {"id": entity_id},
        ).first()
        stored = (str(row[0]), str(row[1])) if row is not None else None
    problems: dict[str, Text] = {}
    publisher = str(columns.get("publisher") or "")
    if stored is None or name != stored[0]:
        problem = title_problem(name)
        if problem is not None:
            problems["name"] = problem
    if stored is None or publisher != stored[1]:
        problem = publisher_problem(publisher)
        if problem is not None:
            problems["publisher"] = problem
    return problems

"""Preferences ▸ Appearance ▸ Names: show entries' names in a chosen script where an entry
has an other name written in it (陈刚 for Chen Gang), wherever an entry is named: the lists
(the name column and the columns naming another entry: an official's organization and
country, an initiative's parties ...), the entry's page and its links, search results, the
note editor's "On ..." line and the entries `[[` completion offers (which still inserts the
name or slug as written, so the link reads the same to everything else). Stored as the
script's code in the group `preferences`; '' shows names as recorded. Only what is on screen
is looked up (EntryLists.names_in, a query for the rows shown): a list of 100,000 rows still
sorts and filters by the names as recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from app.gui.settings import settings
from app.services.entries import EntryLists
from app.services.search import Results

KEY = "preferences/name_script"
AS_RECORDED = ""
# Offered whatever the library holds: the scripts a Chinese reader chooses between.
OFFERED = ("Hans", "Hant")


def current() -> str:
    """The script names are shown in now ('' as recorded)."""
    return str(settings().value(KEY, AS_RECORDED) or AS_RECORDED)


# EntryLists.names_by_slug: (script, slugs) -> the names those entries have in it.
NamesBySlug = Callable[[str, list[str]], Mapping[str, str]]


def names_of(
    lookup: NamesBySlug | None, slugs: Iterable[str], script: str | None = None
) -> Mapping[str, str]:
    """The names in the chosen script of the entries `slugs` name, for those that have one."""
    script = current() if script is None else script
    wanted = list(dict.fromkeys(s for s in slugs if s))
    if not script or lookup is None or not wanted:
        return {}
    return lookup(script, wanted)


def in_results(lists: EntryLists, results: Results, script: str | None = None) -> Results:
    """Search results with each entry's title in the chosen script where it has a name in it."""
    script = current() if script is None else script
    slugs = [h.slug for h in results.hits if h.note_id is None and h.slug]
    if not script or not slugs:
        return results
    names = lists.names_by_slug(script, slugs)
    if not names:
        return results
    groups = tuple(
        replace(
            g,
            hits=tuple(
                replace(h, title=names[h.slug]) if h.note_id is None and h.slug in names else h
                for h in g.hits
            ),
        )
        for g in results.groups
    )
    return replace(results, groups=groups)

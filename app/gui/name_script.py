"""Preferences ▸ Appearance ▸ Names: show entries' names in a chosen script where an entry
has an other name written in it (陈刚 for Chen Gang), in the lists, on the entry's page and in
search results. Stored as the script's code in the group `preferences`; '' shows names as
recorded. Only what is on screen is looked up (EntryLists.names_in): a list of 100,000 rows
still sorts and filters by the names as recorded."""

from __future__ import annotations

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

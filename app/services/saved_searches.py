"""Saved searches: a query kept under a name, run again whenever it is opened."""

from __future__ import annotations

from dataclasses import dataclass

from app.clock import now_iso
from app.db.database import Database
from app.i18n import T_, Explained
from app.services.search import Search, SearchError
from app.services.search_syntax import parse


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str


class SavedSearchError(Explained, ValueError):
    """The search cannot be saved as asked; the message says why."""


class NameTaken(SavedSearchError):
    pass


def saved_searches(db: Database) -> tuple[SavedSearch, ...]:
    rows = db.read().execute("SELECT id, name, query FROM saved_search ORDER BY name COLLATE NOCASE, id")
    return tuple(SavedSearch(*r) for r in rows)


def save_search(db: Database, name: str, query: str, *, replace: bool = False) -> SavedSearch:
    """Save `query` as `name`; NameTaken if the name is used and `replace` is not set."""
    name = " ".join(name.split())
    query = query.strip()
    if not name:
        raise SavedSearchError(T_("Search", "A saved search needs a name."))
    if parse(query).empty:
        raise SavedSearchError(T_("Search", "There is nothing to save: the search box is empty."))
    try:
        Search(db.read()).check_query(query)
    except SearchError as exc:
        raise SavedSearchError(
            T_("Search", "This search cannot be saved: {reason}.").format(reason=exc.message)
        ) from exc
    from sqlalchemy import select

    from app.db import models as m

    with db.sessions.begin() as session:
        row = session.scalars(select(m.SavedSearch).where(m.SavedSearch.name == name)).one_or_none()
        if row is not None and not replace:
            raise NameTaken(T_("Search", "A saved search is already called “{name}”.").format(name=name))
        if row is None:
            row = m.SavedSearch(name=name, query=query, created_at=now_iso())
            session.add(row)
        else:
            row.query = query
        session.flush()
        return SavedSearch(row.id, row.name, row.query)


def delete_saved_search(db: Database, search_id: int) -> None:
    from app.db import models as m

    with db.sessions.begin() as session:
        row = session.get(m.SavedSearch, search_id)
        if row is not None:
            session.delete(row)


class SavedSearches:
    """The saved searches of one library (`library.saved_searches`)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> tuple[SavedSearch, ...]:
        return saved_searches(self._db)

    def save(self, name: str, query: str, *, replace: bool = False) -> SavedSearch:
        """Save `query` as `name`; NameTaken if the name is used and `replace` is not set."""
        return save_search(self._db, name, query, replace=replace)

    def delete(self, search_id: int) -> None:
        delete_saved_search(self._db, search_id)

"""What Help ▸ About reports about a library."""

from __future__ import annotations

from app.db.database import Database
from app.db.schema_version import HEAD
from app.services.about import about


def test_seeded_library_names_its_founding_article_and_dataset(seeded_db: Database) -> None:
    facts = about(seeded_db)
    assert facts.data_folder == seeded_db.path.parent
    assert facts.schema_revision == facts.head_revision == HEAD
    assert facts.founding_article is not None
    assert facts.founding_article.slug == "china-org-cn-2025-09-roundtable"
    assert facts.founding_article.publisher == "China.org.cn"
    assert facts.bundled is not None and facts.bundled.dataset_id == "china-asean-ai-roundtable-2025"
    # The bundled dataset grows with each edition: compare with the library's own count.
    with seeded_db.read() as conn:
        sources = conn.execute(
            "SELECT count(*) FROM source s JOIN entity e ON e.id = s.id WHERE e.deleted_at IS NULL"
        ).fetchone()[0]
    assert facts.sources == sources >= 81 and facts.citations > facts.sources


def test_founding_article_in_the_trash_is_not_named(seeded_db: Database) -> None:
    before = about(seeded_db).sources
    with seeded_db.read() as conn:
        conn.execute(
            "UPDATE entity SET deleted_at = '2026-11-28T00:00:00+00:00' "
            "WHERE slug = 'china-org-cn-2025-09-roundtable'"
        )
    facts = about(seeded_db)
    assert facts.founding_article is None
    assert facts.sources == before - 1  # the one in the Trash is not counted


def test_empty_library_has_no_dataset(empty_db: Database) -> None:
    facts = about(empty_db)
    assert facts.founding_article is None and facts.bundled is None
    assert (facts.sources, facts.citations) == (0, 0)

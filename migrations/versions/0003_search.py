"""search index: folded texts, a trigram full-text index over them, triggers that keep both

Revision ID: 0003_search
Revises: 0002_list_index
Create Date: 2026-12-01 10:00:00.000000

The statements below were generated from app/db/search_index.py (which explains the design)
and are frozen here, as every revision is; tests/migrations/test_search_index.py checks that a
database at head holds exactly what that module defines. The triggers call rt_fold(), which
app/db/connection.py registers on every connection, this one included.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0003_search'
down_revision: str | None = '0002_list_index'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATE = (
    'CREATE TABLE search_doc (id INTEGER PRIMARY KEY, text TEXT NOT NULL)',
    'CREATE INDEX search_doc_names ON search_doc (text) WHERE id < 6597069766656',
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_doc', content_rowid='id', tokenize='trigram case_sensitive 1', detail='none', columnsize=0)",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
)
TRIGGERS = (
    "CREATE TRIGGER search_entity_name_ai AFTER INSERT ON entity BEGIN INSERT INTO search_doc (id, text) SELECT 1099511627776 + new.id, rt_fold(new.name) || char(1, 1) WHERE coalesce(new.name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 1099511627776 + new.id; END",
    "CREATE TRIGGER search_entity_name_ad AFTER DELETE ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 1099511627776 + old.id; DELETE FROM search_doc WHERE id = 1099511627776 + old.id; END",
    "CREATE TRIGGER search_entity_name_au AFTER UPDATE OF name, id ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 1099511627776 + old.id; DELETE FROM search_doc WHERE id = 1099511627776 + old.id; INSERT INTO search_doc (id, text) SELECT 1099511627776 + new.id, rt_fold(new.name) || char(1, 1) WHERE coalesce(new.name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 1099511627776 + new.id; END",
    "CREATE TRIGGER search_alias_value_ai AFTER INSERT ON alias BEGIN INSERT INTO search_doc (id, text) SELECT 2199023255552 + new.id, rt_fold(new.value) || char(1, 1) WHERE coalesce(new.value, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 2199023255552 + new.id; END",
    "CREATE TRIGGER search_alias_value_ad AFTER DELETE ON alias BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 2199023255552 + old.id; DELETE FROM search_doc WHERE id = 2199023255552 + old.id; END",
    "CREATE TRIGGER search_alias_value_au AFTER UPDATE OF value, id ON alias BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 2199023255552 + old.id; DELETE FROM search_doc WHERE id = 2199023255552 + old.id; INSERT INTO search_doc (id, text) SELECT 2199023255552 + new.id, rt_fold(new.value) || char(1, 1) WHERE coalesce(new.value, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 2199023255552 + new.id; END",
    "CREATE TRIGGER search_organization_abbreviation_ai AFTER INSERT ON organization BEGIN INSERT INTO search_doc (id, text) SELECT 3298534883328 + new.id, rt_fold(new.abbreviation) || char(1, 1) WHERE coalesce(new.abbreviation, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 3298534883328 + new.id; END",
    "CREATE TRIGGER search_organization_abbreviation_ad AFTER DELETE ON organization BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 3298534883328 + old.id; DELETE FROM search_doc WHERE id = 3298534883328 + old.id; END",
    "CREATE TRIGGER search_organization_abbreviation_au AFTER UPDATE OF abbreviation, id ON organization BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 3298534883328 + old.id; DELETE FROM search_doc WHERE id = 3298534883328 + old.id; INSERT INTO search_doc (id, text) SELECT 3298534883328 + new.id, rt_fold(new.abbreviation) || char(1, 1) WHERE coalesce(new.abbreviation, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 3298534883328 + new.id; END",
    "CREATE TRIGGER search_country_official_name_ai AFTER INSERT ON country BEGIN INSERT INTO search_doc (id, text) SELECT 4398046511104 + new.id, rt_fold(new.official_name) || char(1, 1) WHERE coalesce(new.official_name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 4398046511104 + new.id; END",
    "CREATE TRIGGER search_country_official_name_ad AFTER DELETE ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 4398046511104 + old.id; DELETE FROM search_doc WHERE id = 4398046511104 + old.id; END",
    "CREATE TRIGGER search_country_official_name_au AFTER UPDATE OF official_name, id ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 4398046511104 + old.id; DELETE FROM search_doc WHERE id = 4398046511104 + old.id; INSERT INTO search_doc (id, text) SELECT 4398046511104 + new.id, rt_fold(new.official_name) || char(1, 1) WHERE coalesce(new.official_name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 4398046511104 + new.id; END",
    "CREATE TRIGGER search_note_title_ai AFTER INSERT ON note BEGIN INSERT INTO search_doc (id, text) SELECT 5497558138880 + new.id, rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 5497558138880 + new.id; END",
    "CREATE TRIGGER search_note_title_ad AFTER DELETE ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 5497558138880 + old.id; DELETE FROM search_doc WHERE id = 5497558138880 + old.id; END",
    "CREATE TRIGGER search_note_title_au AFTER UPDATE OF title, id ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 5497558138880 + old.id; DELETE FROM search_doc WHERE id = 5497558138880 + old.id; INSERT INTO search_doc (id, text) SELECT 5497558138880 + new.id, rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 5497558138880 + new.id; END",
    "CREATE TRIGGER search_entity_summary_ai AFTER INSERT ON entity BEGIN INSERT INTO search_doc (id, text) SELECT 6597069766656 + new.id, rt_fold(new.summary) || char(1, 1) WHERE coalesce(new.summary, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 6597069766656 + new.id; END",
    "CREATE TRIGGER search_entity_summary_ad AFTER DELETE ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 6597069766656 + old.id; DELETE FROM search_doc WHERE id = 6597069766656 + old.id; END",
    "CREATE TRIGGER search_entity_summary_au AFTER UPDATE OF summary, id ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 6597069766656 + old.id; DELETE FROM search_doc WHERE id = 6597069766656 + old.id; INSERT INTO search_doc (id, text) SELECT 6597069766656 + new.id, rt_fold(new.summary) || char(1, 1) WHERE coalesce(new.summary, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 6597069766656 + new.id; END",
    "CREATE TRIGGER search_role_title_ai AFTER INSERT ON role BEGIN INSERT INTO search_doc (id, text) SELECT 7696581394432 + new.id, rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 7696581394432 + new.id; END",
    "CREATE TRIGGER search_role_title_ad AFTER DELETE ON role BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 7696581394432 + old.id; DELETE FROM search_doc WHERE id = 7696581394432 + old.id; END",
    "CREATE TRIGGER search_role_title_au AFTER UPDATE OF title, id ON role BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 7696581394432 + old.id; DELETE FROM search_doc WHERE id = 7696581394432 + old.id; INSERT INTO search_doc (id, text) SELECT 7696581394432 + new.id, rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 7696581394432 + new.id; END",
    "CREATE TRIGGER search_fact_text_ai AFTER INSERT ON fact BEGIN INSERT INTO search_doc (id, text) SELECT 8796093022208 + new.id, rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 8796093022208 + new.id; END",
    "CREATE TRIGGER search_fact_text_ad AFTER DELETE ON fact BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 8796093022208 + old.id; DELETE FROM search_doc WHERE id = 8796093022208 + old.id; END",
    "CREATE TRIGGER search_fact_text_au AFTER UPDATE OF text, id ON fact BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 8796093022208 + old.id; DELETE FROM search_doc WHERE id = 8796093022208 + old.id; INSERT INTO search_doc (id, text) SELECT 8796093022208 + new.id, rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 8796093022208 + new.id; END",
    "CREATE TRIGGER search_statement_text_ai AFTER INSERT ON statement BEGIN INSERT INTO search_doc (id, text) SELECT 9895604649984 + new.id, rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 9895604649984 + new.id; END",
    "CREATE TRIGGER search_statement_text_ad AFTER DELETE ON statement BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 9895604649984 + old.id; DELETE FROM search_doc WHERE id = 9895604649984 + old.id; END",
    "CREATE TRIGGER search_statement_text_au AFTER UPDATE OF text, id ON statement BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 9895604649984 + old.id; DELETE FROM search_doc WHERE id = 9895604649984 + old.id; INSERT INTO search_doc (id, text) SELECT 9895604649984 + new.id, rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 9895604649984 + new.id; END",
    "CREATE TRIGGER search_citation_quote_ai AFTER INSERT ON citation BEGIN INSERT INTO search_doc (id, text) SELECT 10995116277760 + new.id, rt_fold(new.quote) || char(1, 1) WHERE coalesce(new.quote, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 10995116277760 + new.id; END",
    "CREATE TRIGGER search_citation_quote_ad AFTER DELETE ON citation BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 10995116277760 + old.id; DELETE FROM search_doc WHERE id = 10995116277760 + old.id; END",
    "CREATE TRIGGER search_citation_quote_au AFTER UPDATE OF quote, id ON citation BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 10995116277760 + old.id; DELETE FROM search_doc WHERE id = 10995116277760 + old.id; INSERT INTO search_doc (id, text) SELECT 10995116277760 + new.id, rt_fold(new.quote) || char(1, 1) WHERE coalesce(new.quote, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 10995116277760 + new.id; END",
    "CREATE TRIGGER search_country_capital_ai AFTER INSERT ON country BEGIN INSERT INTO search_doc (id, text) SELECT 12094627905536 + new.id, rt_fold(new.capital) || char(1, 1) WHERE coalesce(new.capital, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 12094627905536 + new.id; END",
    "CREATE TRIGGER search_country_capital_ad AFTER DELETE ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 12094627905536 + old.id; DELETE FROM search_doc WHERE id = 12094627905536 + old.id; END",
    "CREATE TRIGGER search_country_capital_au AFTER UPDATE OF capital, id ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 12094627905536 + old.id; DELETE FROM search_doc WHERE id = 12094627905536 + old.id; INSERT INTO search_doc (id, text) SELECT 12094627905536 + new.id, rt_fold(new.capital) || char(1, 1) WHERE coalesce(new.capital, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 12094627905536 + new.id; END",
    "CREATE TRIGGER search_event_place_ai AFTER INSERT ON event BEGIN INSERT INTO search_doc (id, text) SELECT 13194139533312 + new.id, rt_fold(new.place) || char(1, 1) WHERE coalesce(new.place, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 13194139533312 + new.id; END",
    "CREATE TRIGGER search_event_place_ad AFTER DELETE ON event BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 13194139533312 + old.id; DELETE FROM search_doc WHERE id = 13194139533312 + old.id; END",
    "CREATE TRIGGER search_event_place_au AFTER UPDATE OF place, id ON event BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 13194139533312 + old.id; DELETE FROM search_doc WHERE id = 13194139533312 + old.id; INSERT INTO search_doc (id, text) SELECT 13194139533312 + new.id, rt_fold(new.place) || char(1, 1) WHERE coalesce(new.place, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 13194139533312 + new.id; END",
    "CREATE TRIGGER search_source_archived_text_ai AFTER INSERT ON source BEGIN INSERT INTO search_doc (id, text) SELECT 14293651161088 + new.id, rt_fold(new.archived_text) || char(1, 1) WHERE coalesce(new.archived_text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 14293651161088 + new.id; END",
    "CREATE TRIGGER search_source_archived_text_ad AFTER DELETE ON source BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 14293651161088 + old.id; DELETE FROM search_doc WHERE id = 14293651161088 + old.id; END",
    "CREATE TRIGGER search_source_archived_text_au AFTER UPDATE OF archived_text, id ON source BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 14293651161088 + old.id; DELETE FROM search_doc WHERE id = 14293651161088 + old.id; INSERT INTO search_doc (id, text) SELECT 14293651161088 + new.id, rt_fold(new.archived_text) || char(1, 1) WHERE coalesce(new.archived_text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 14293651161088 + new.id; END",
    "CREATE TRIGGER search_note_body_ai AFTER INSERT ON note BEGIN INSERT INTO search_doc (id, text) SELECT 15393162788864 + new.id, rt_fold(new.body) || char(1, 1) WHERE coalesce(new.body, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 15393162788864 + new.id; END",
    "CREATE TRIGGER search_note_body_ad AFTER DELETE ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 15393162788864 + old.id; DELETE FROM search_doc WHERE id = 15393162788864 + old.id; END",
    "CREATE TRIGGER search_note_body_au AFTER UPDATE OF body, id ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id = 15393162788864 + old.id; DELETE FROM search_doc WHERE id = 15393162788864 + old.id; INSERT INTO search_doc (id, text) SELECT 15393162788864 + new.id, rt_fold(new.body) || char(1, 1) WHERE coalesce(new.body, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = 15393162788864 + new.id; END",
)
FILL = (
    "INSERT INTO search_doc (id, text) SELECT 1099511627776 + id, rt_fold(name) || char(1, 1) FROM entity WHERE coalesce(name, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 2199023255552 + id, rt_fold(value) || char(1, 1) FROM alias WHERE coalesce(value, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 3298534883328 + id, rt_fold(abbreviation) || char(1, 1) FROM organization WHERE coalesce(abbreviation, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 4398046511104 + id, rt_fold(official_name) || char(1, 1) FROM country WHERE coalesce(official_name, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 5497558138880 + id, rt_fold(title) || char(1, 1) FROM note WHERE coalesce(title, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 6597069766656 + id, rt_fold(summary) || char(1, 1) FROM entity WHERE coalesce(summary, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 7696581394432 + id, rt_fold(title) || char(1, 1) FROM role WHERE coalesce(title, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 8796093022208 + id, rt_fold(text) || char(1, 1) FROM fact WHERE coalesce(text, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 9895604649984 + id, rt_fold(text) || char(1, 1) FROM statement WHERE coalesce(text, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 10995116277760 + id, rt_fold(quote) || char(1, 1) FROM citation WHERE coalesce(quote, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 12094627905536 + id, rt_fold(capital) || char(1, 1) FROM country WHERE coalesce(capital, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 13194139533312 + id, rt_fold(place) || char(1, 1) FROM event WHERE coalesce(place, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 14293651161088 + id, rt_fold(archived_text) || char(1, 1) FROM source WHERE coalesce(archived_text, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT 15393162788864 + id, rt_fold(body) || char(1, 1) FROM note WHERE coalesce(body, '') <> ''",
    "INSERT INTO search_fts (search_fts) VALUES ('rebuild')",
)
DROP = (
    'DROP TRIGGER IF EXISTS search_entity_name_ai',
    'DROP TRIGGER IF EXISTS search_entity_name_ad',
    'DROP TRIGGER IF EXISTS search_entity_name_au',
    'DROP TRIGGER IF EXISTS search_alias_value_ai',
    'DROP TRIGGER IF EXISTS search_alias_value_ad',
    'DROP TRIGGER IF EXISTS search_alias_value_au',
    'DROP TRIGGER IF EXISTS search_organization_abbreviation_ai',
    'DROP TRIGGER IF EXISTS search_organization_abbreviation_ad',
    'DROP TRIGGER IF EXISTS search_organization_abbreviation_au',
    'DROP TRIGGER IF EXISTS search_country_official_name_ai',
    'DROP TRIGGER IF EXISTS search_country_official_name_ad',
    'DROP TRIGGER IF EXISTS search_country_official_name_au',
    'DROP TRIGGER IF EXISTS search_note_title_ai',
    'DROP TRIGGER IF EXISTS search_note_title_ad',
    'DROP TRIGGER IF EXISTS search_note_title_au',
    'DROP TRIGGER IF EXISTS search_entity_summary_ai',
    'DROP TRIGGER IF EXISTS search_entity_summary_ad',
    'DROP TRIGGER IF EXISTS search_entity_summary_au',
    'DROP TRIGGER IF EXISTS search_role_title_ai',
    'DROP TRIGGER IF EXISTS search_role_title_ad',
    'DROP TRIGGER IF EXISTS search_role_title_au',
    'DROP TRIGGER IF EXISTS search_fact_text_ai',
    'DROP TRIGGER IF EXISTS search_fact_text_ad',
    'DROP TRIGGER IF EXISTS search_fact_text_au',
    'DROP TRIGGER IF EXISTS search_statement_text_ai',
    'DROP TRIGGER IF EXISTS search_statement_text_ad',
    'DROP TRIGGER IF EXISTS search_statement_text_au',
    'DROP TRIGGER IF EXISTS search_citation_quote_ai',
    'DROP TRIGGER IF EXISTS search_citation_quote_ad',
    'DROP TRIGGER IF EXISTS search_citation_quote_au',
    'DROP TRIGGER IF EXISTS search_country_capital_ai',
    'DROP TRIGGER IF EXISTS search_country_capital_ad',
    'DROP TRIGGER IF EXISTS search_country_capital_au',
    'DROP TRIGGER IF EXISTS search_event_place_ai',
    'DROP TRIGGER IF EXISTS search_event_place_ad',
    'DROP TRIGGER IF EXISTS search_event_place_au',
    'DROP TRIGGER IF EXISTS search_source_archived_text_ai',
    'DROP TRIGGER IF EXISTS search_source_archived_text_ad',
    'DROP TRIGGER IF EXISTS search_source_archived_text_au',
    'DROP TRIGGER IF EXISTS search_note_body_ai',
    'DROP TRIGGER IF EXISTS search_note_body_ad',
    'DROP TRIGGER IF EXISTS search_note_body_au',
    'DROP TABLE IF EXISTS search_vocab',
    'DROP TABLE IF EXISTS search_fts',
    'DROP TABLE IF EXISTS search_doc',
)


def upgrade() -> None:
    conn = op.get_bind()
    for statement in (*CREATE, *TRIGGERS, *FILL):
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in DROP:
        conn.exec_driver_sql(statement)

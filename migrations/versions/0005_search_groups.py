"""search by kind: each kind's texts in id ranges of their own, so a query stops per kind

Revision ID: 0005_search_groups
Revises: 0004_list_rows
Create Date: 2026-12-02 12:00:00.000000

A document's id becomes `group << 44 | field code << 40 | row id`, the group being the kind of
the entry the text belongs to (or note). A query reads each kind's ranges on their own and
stops once it has enough of that kind: a common word no longer reads past 100,000 officials to
reach the initiatives. The index is dropped and built again from the texts (a minute or so
for a library of 100,000 entries and notes, once; a backup is taken before).

The statements below were generated from app/db/search_index.py (which explains the design)
and are frozen here, as every revision is; tests/migrations/test_search_index.py checks that a
database at head holds exactly what that module defines. The triggers call rt_fold(), which
app/db/connection.py registers on every connection, this one included. Downgrading builds the
index of revision 0003 again, from that revision's own statements.
"""

from __future__ import annotations

import runpy
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = '0005_search_groups'
down_revision: str | None = '0004_list_rows'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_TRIGGERS = (
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
)
CREATE = (
    'CREATE TABLE search_doc (id INTEGER PRIMARY KEY, text TEXT NOT NULL)',
    'CREATE INDEX search_doc_names ON search_doc (text) WHERE (((id) >> 40) & 15) < 6',
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_doc', content_rowid='id', tokenize='trigram case_sensitive 1', detail='none', columnsize=0)",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
)
TRIGGERS = (
    "CREATE TRIGGER search_entity_name_ai AFTER INSERT ON entity BEGIN INSERT INTO search_doc (id, text) SELECT (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 1099511627776 + new.id), rt_fold(new.name) || char(1, 1) WHERE coalesce(new.name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 1099511627776 + new.id); END",
    "CREATE TRIGGER search_entity_name_ad AFTER DELETE ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (1099511627776 + old.id, 18691697672192 + old.id, 36283883716608 + old.id, 53876069761024 + old.id, 71468255805440 + old.id, 89060441849856 + old.id, 106652627894272 + old.id, 124244813938688 + old.id); DELETE FROM search_doc WHERE id IN (1099511627776 + old.id, 18691697672192 + old.id, 36283883716608 + old.id, 53876069761024 + old.id, 71468255805440 + old.id, 89060441849856 + old.id, 106652627894272 + old.id, 124244813938688 + old.id); END",
    "CREATE TRIGGER search_entity_name_au AFTER UPDATE OF name, id, kind ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (1099511627776 + old.id, 18691697672192 + old.id, 36283883716608 + old.id, 53876069761024 + old.id, 71468255805440 + old.id, 89060441849856 + old.id, 106652627894272 + old.id, 124244813938688 + old.id); DELETE FROM search_doc WHERE id IN (1099511627776 + old.id, 18691697672192 + old.id, 36283883716608 + old.id, 53876069761024 + old.id, 71468255805440 + old.id, 89060441849856 + old.id, 106652627894272 + old.id, 124244813938688 + old.id); INSERT INTO search_doc (id, text) SELECT (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 1099511627776 + new.id), rt_fold(new.name) || char(1, 1) WHERE coalesce(new.name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 1099511627776 + new.id); END",
    "CREATE TRIGGER search_alias_value_ai AFTER INSERT ON alias BEGIN INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 2199023255552 + new.id), rt_fold(new.value) || char(1, 1) WHERE coalesce(new.value, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 2199023255552 + new.id); END",
    "CREATE TRIGGER search_alias_value_ad AFTER DELETE ON alias BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (2199023255552 + old.id, 19791209299968 + old.id, 37383395344384 + old.id, 54975581388800 + old.id, 72567767433216 + old.id, 90159953477632 + old.id, 107752139522048 + old.id, 125344325566464 + old.id); DELETE FROM search_doc WHERE id IN (2199023255552 + old.id, 19791209299968 + old.id, 37383395344384 + old.id, 54975581388800 + old.id, 72567767433216 + old.id, 90159953477632 + old.id, 107752139522048 + old.id, 125344325566464 + old.id); END",
    "CREATE TRIGGER search_alias_value_au AFTER UPDATE OF value, id, entity_id ON alias BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (2199023255552 + old.id, 19791209299968 + old.id, 37383395344384 + old.id, 54975581388800 + old.id, 72567767433216 + old.id, 90159953477632 + old.id, 107752139522048 + old.id, 125344325566464 + old.id); DELETE FROM search_doc WHERE id IN (2199023255552 + old.id, 19791209299968 + old.id, 37383395344384 + old.id, 54975581388800 + old.id, 72567767433216 + old.id, 90159953477632 + old.id, 107752139522048 + old.id, 125344325566464 + old.id); INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 2199023255552 + new.id), rt_fold(new.value) || char(1, 1) WHERE coalesce(new.value, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 2199023255552 + new.id); END",
    "CREATE TRIGGER search_organization_abbreviation_ai AFTER INSERT ON organization BEGIN INSERT INTO search_doc (id, text) SELECT ((3 << 44) + 3298534883328 + new.id), rt_fold(new.abbreviation) || char(1, 1) WHERE coalesce(new.abbreviation, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((3 << 44) + 3298534883328 + new.id); END",
    "CREATE TRIGGER search_organization_abbreviation_ad AFTER DELETE ON organization BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (56075093016576 + old.id); DELETE FROM search_doc WHERE id IN (56075093016576 + old.id); END",
    "CREATE TRIGGER search_organization_abbreviation_au AFTER UPDATE OF abbreviation, id ON organization BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (56075093016576 + old.id); DELETE FROM search_doc WHERE id IN (56075093016576 + old.id); INSERT INTO search_doc (id, text) SELECT ((3 << 44) + 3298534883328 + new.id), rt_fold(new.abbreviation) || char(1, 1) WHERE coalesce(new.abbreviation, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((3 << 44) + 3298534883328 + new.id); END",
    "CREATE TRIGGER search_country_official_name_ai AFTER INSERT ON country BEGIN INSERT INTO search_doc (id, text) SELECT ((2 << 44) + 4398046511104 + new.id), rt_fold(new.official_name) || char(1, 1) WHERE coalesce(new.official_name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((2 << 44) + 4398046511104 + new.id); END",
    "CREATE TRIGGER search_country_official_name_ad AFTER DELETE ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (39582418599936 + old.id); DELETE FROM search_doc WHERE id IN (39582418599936 + old.id); END",
    "CREATE TRIGGER search_country_official_name_au AFTER UPDATE OF official_name, id ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (39582418599936 + old.id); DELETE FROM search_doc WHERE id IN (39582418599936 + old.id); INSERT INTO search_doc (id, text) SELECT ((2 << 44) + 4398046511104 + new.id), rt_fold(new.official_name) || char(1, 1) WHERE coalesce(new.official_name, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((2 << 44) + 4398046511104 + new.id); END",
    "CREATE TRIGGER search_note_title_ai AFTER INSERT ON note BEGIN INSERT INTO search_doc (id, text) SELECT ((7 << 44) + 5497558138880 + new.id), rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((7 << 44) + 5497558138880 + new.id); END",
    "CREATE TRIGGER search_note_title_ad AFTER DELETE ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (128642860449792 + old.id); DELETE FROM search_doc WHERE id IN (128642860449792 + old.id); END",
    "CREATE TRIGGER search_note_title_au AFTER UPDATE OF title, id ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (128642860449792 + old.id); DELETE FROM search_doc WHERE id IN (128642860449792 + old.id); INSERT INTO search_doc (id, text) SELECT ((7 << 44) + 5497558138880 + new.id), rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((7 << 44) + 5497558138880 + new.id); END",
    "CREATE TRIGGER search_entity_summary_ai AFTER INSERT ON entity BEGIN INSERT INTO search_doc (id, text) SELECT (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 6597069766656 + new.id), rt_fold(new.summary) || char(1, 1) WHERE coalesce(new.summary, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 6597069766656 + new.id); END",
    "CREATE TRIGGER search_entity_summary_ad AFTER DELETE ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (6597069766656 + old.id, 24189255811072 + old.id, 41781441855488 + old.id, 59373627899904 + old.id, 76965813944320 + old.id, 94557999988736 + old.id, 112150186033152 + old.id, 129742372077568 + old.id); DELETE FROM search_doc WHERE id IN (6597069766656 + old.id, 24189255811072 + old.id, 41781441855488 + old.id, 59373627899904 + old.id, 76965813944320 + old.id, 94557999988736 + old.id, 112150186033152 + old.id, 129742372077568 + old.id); END",
    "CREATE TRIGGER search_entity_summary_au AFTER UPDATE OF summary, id, kind ON entity BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (6597069766656 + old.id, 24189255811072 + old.id, 41781441855488 + old.id, 59373627899904 + old.id, 76965813944320 + old.id, 94557999988736 + old.id, 112150186033152 + old.id, 129742372077568 + old.id); DELETE FROM search_doc WHERE id IN (6597069766656 + old.id, 24189255811072 + old.id, 41781441855488 + old.id, 59373627899904 + old.id, 76965813944320 + old.id, 94557999988736 + old.id, 112150186033152 + old.id, 129742372077568 + old.id); INSERT INTO search_doc (id, text) SELECT (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 6597069766656 + new.id), rt_fold(new.summary) || char(1, 1) WHERE coalesce(new.summary, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE new.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 6597069766656 + new.id); END",
    "CREATE TRIGGER search_role_title_ai AFTER INSERT ON role BEGIN INSERT INTO search_doc (id, text) SELECT ((1 << 44) + 7696581394432 + new.id), rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((1 << 44) + 7696581394432 + new.id); END",
    "CREATE TRIGGER search_role_title_ad AFTER DELETE ON role BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (25288767438848 + old.id); DELETE FROM search_doc WHERE id IN (25288767438848 + old.id); END",
    "CREATE TRIGGER search_role_title_au AFTER UPDATE OF title, id ON role BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (25288767438848 + old.id); DELETE FROM search_doc WHERE id IN (25288767438848 + old.id); INSERT INTO search_doc (id, text) SELECT ((1 << 44) + 7696581394432 + new.id), rt_fold(new.title) || char(1, 1) WHERE coalesce(new.title, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((1 << 44) + 7696581394432 + new.id); END",
    "CREATE TRIGGER search_fact_text_ai AFTER INSERT ON fact BEGIN INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 8796093022208 + new.id), rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 8796093022208 + new.id); END",
    "CREATE TRIGGER search_fact_text_ad AFTER DELETE ON fact BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (8796093022208 + old.id, 26388279066624 + old.id, 43980465111040 + old.id, 61572651155456 + old.id, 79164837199872 + old.id, 96757023244288 + old.id, 114349209288704 + old.id, 131941395333120 + old.id); DELETE FROM search_doc WHERE id IN (8796093022208 + old.id, 26388279066624 + old.id, 43980465111040 + old.id, 61572651155456 + old.id, 79164837199872 + old.id, 96757023244288 + old.id, 114349209288704 + old.id, 131941395333120 + old.id); END",
    "CREATE TRIGGER search_fact_text_au AFTER UPDATE OF text, id, entity_id ON fact BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (8796093022208 + old.id, 26388279066624 + old.id, 43980465111040 + old.id, 61572651155456 + old.id, 79164837199872 + old.id, 96757023244288 + old.id, 114349209288704 + old.id, 131941395333120 + old.id); DELETE FROM search_doc WHERE id IN (8796093022208 + old.id, 26388279066624 + old.id, 43980465111040 + old.id, 61572651155456 + old.id, 79164837199872 + old.id, 96757023244288 + old.id, 114349209288704 + old.id, 131941395333120 + old.id); INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 8796093022208 + new.id), rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = new.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 8796093022208 + new.id); END",
    "CREATE TRIGGER search_statement_text_ai AFTER INSERT ON statement BEGIN INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.speaker_id, new.event_id)) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 9895604649984 + new.id), rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.speaker_id, new.event_id)) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 9895604649984 + new.id); END",
    "CREATE TRIGGER search_statement_text_ad AFTER DELETE ON statement BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (9895604649984 + old.id, 27487790694400 + old.id, 45079976738816 + old.id, 62672162783232 + old.id, 80264348827648 + old.id, 97856534872064 + old.id, 115448720916480 + old.id, 133040906960896 + old.id); DELETE FROM search_doc WHERE id IN (9895604649984 + old.id, 27487790694400 + old.id, 45079976738816 + old.id, 62672162783232 + old.id, 80264348827648 + old.id, 97856534872064 + old.id, 115448720916480 + old.id, 133040906960896 + old.id); END",
    "CREATE TRIGGER search_statement_text_au AFTER UPDATE OF text, id, speaker_id, event_id ON statement BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (9895604649984 + old.id, 27487790694400 + old.id, 45079976738816 + old.id, 62672162783232 + old.id, 80264348827648 + old.id, 97856534872064 + old.id, 115448720916480 + old.id, 133040906960896 + old.id); DELETE FROM search_doc WHERE id IN (9895604649984 + old.id, 27487790694400 + old.id, 45079976738816 + old.id, 62672162783232 + old.id, 80264348827648 + old.id, 97856534872064 + old.id, 115448720916480 + old.id, 133040906960896 + old.id); INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.speaker_id, new.event_id)) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 9895604649984 + new.id), rt_fold(new.text) || char(1, 1) WHERE coalesce(new.text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.speaker_id, new.event_id)) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 9895604649984 + new.id); END",
    "CREATE TRIGGER search_citation_quote_ai AFTER INSERT ON citation BEGIN INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.entity_id, (SELECT entity_id FROM alias WHERE id = new.alias_id), (SELECT entity_id FROM fact WHERE id = new.fact_id), (SELECT member_id FROM membership WHERE id = new.membership_id), (SELECT person_id FROM role WHERE id = new.role_id), (SELECT event_id FROM participation WHERE id = new.participation_id), (SELECT initiative_id FROM initiative_party WHERE id = new.party_id), (SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = new.statement_id))) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 10995116277760 + new.id), rt_fold(new.quote) || char(1, 1) WHERE coalesce(new.quote, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.entity_id, (SELECT entity_id FROM alias WHERE id = new.alias_id), (SELECT entity_id FROM fact WHERE id = new.fact_id), (SELECT member_id FROM membership WHERE id = new.membership_id), (SELECT person_id FROM role WHERE id = new.role_id), (SELECT event_id FROM participation WHERE id = new.participation_id), (SELECT initiative_id FROM initiative_party WHERE id = new.party_id), (SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = new.statement_id))) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 10995116277760 + new.id); END",
    "CREATE TRIGGER search_citation_quote_ad AFTER DELETE ON citation BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (10995116277760 + old.id, 28587302322176 + old.id, 46179488366592 + old.id, 63771674411008 + old.id, 81363860455424 + old.id, 98956046499840 + old.id, 116548232544256 + old.id, 134140418588672 + old.id); DELETE FROM search_doc WHERE id IN (10995116277760 + old.id, 28587302322176 + old.id, 46179488366592 + old.id, 63771674411008 + old.id, 81363860455424 + old.id, 98956046499840 + old.id, 116548232544256 + old.id, 134140418588672 + old.id); END",
    "CREATE TRIGGER search_citation_quote_au AFTER UPDATE OF quote, id, entity_id, alias_id, fact_id, membership_id, role_id, participation_id, party_id, statement_id ON citation BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (10995116277760 + old.id, 28587302322176 + old.id, 46179488366592 + old.id, 63771674411008 + old.id, 81363860455424 + old.id, 98956046499840 + old.id, 116548232544256 + old.id, 134140418588672 + old.id); DELETE FROM search_doc WHERE id IN (10995116277760 + old.id, 28587302322176 + old.id, 46179488366592 + old.id, 63771674411008 + old.id, 81363860455424 + old.id, 98956046499840 + old.id, 116548232544256 + old.id, 134140418588672 + old.id); INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.entity_id, (SELECT entity_id FROM alias WHERE id = new.alias_id), (SELECT entity_id FROM fact WHERE id = new.fact_id), (SELECT member_id FROM membership WHERE id = new.membership_id), (SELECT person_id FROM role WHERE id = new.role_id), (SELECT event_id FROM participation WHERE id = new.participation_id), (SELECT initiative_id FROM initiative_party WHERE id = new.party_id), (SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = new.statement_id))) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 10995116277760 + new.id), rt_fold(new.quote) || char(1, 1) WHERE coalesce(new.quote, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = (((CASE (SELECT kind FROM entity WHERE id = coalesce(new.entity_id, (SELECT entity_id FROM alias WHERE id = new.alias_id), (SELECT entity_id FROM fact WHERE id = new.fact_id), (SELECT member_id FROM membership WHERE id = new.membership_id), (SELECT person_id FROM role WHERE id = new.role_id), (SELECT event_id FROM participation WHERE id = new.participation_id), (SELECT initiative_id FROM initiative_party WHERE id = new.party_id), (SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = new.statement_id))) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 10995116277760 + new.id); END",
    "CREATE TRIGGER search_country_capital_ai AFTER INSERT ON country BEGIN INSERT INTO search_doc (id, text) SELECT ((2 << 44) + 12094627905536 + new.id), rt_fold(new.capital) || char(1, 1) WHERE coalesce(new.capital, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((2 << 44) + 12094627905536 + new.id); END",
    "CREATE TRIGGER search_country_capital_ad AFTER DELETE ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (47278999994368 + old.id); DELETE FROM search_doc WHERE id IN (47278999994368 + old.id); END",
    "CREATE TRIGGER search_country_capital_au AFTER UPDATE OF capital, id ON country BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (47278999994368 + old.id); DELETE FROM search_doc WHERE id IN (47278999994368 + old.id); INSERT INTO search_doc (id, text) SELECT ((2 << 44) + 12094627905536 + new.id), rt_fold(new.capital) || char(1, 1) WHERE coalesce(new.capital, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((2 << 44) + 12094627905536 + new.id); END",
    "CREATE TRIGGER search_event_place_ai AFTER INSERT ON event BEGIN INSERT INTO search_doc (id, text) SELECT ((5 << 44) + 13194139533312 + new.id), rt_fold(new.place) || char(1, 1) WHERE coalesce(new.place, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((5 << 44) + 13194139533312 + new.id); END",
    "CREATE TRIGGER search_event_place_ad AFTER DELETE ON event BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (101155069755392 + old.id); DELETE FROM search_doc WHERE id IN (101155069755392 + old.id); END",
    "CREATE TRIGGER search_event_place_au AFTER UPDATE OF place, id ON event BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (101155069755392 + old.id); DELETE FROM search_doc WHERE id IN (101155069755392 + old.id); INSERT INTO search_doc (id, text) SELECT ((5 << 44) + 13194139533312 + new.id), rt_fold(new.place) || char(1, 1) WHERE coalesce(new.place, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((5 << 44) + 13194139533312 + new.id); END",
    "CREATE TRIGGER search_source_archived_text_ai AFTER INSERT ON source BEGIN INSERT INTO search_doc (id, text) SELECT ((6 << 44) + 14293651161088 + new.id), rt_fold(new.archived_text) || char(1, 1) WHERE coalesce(new.archived_text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((6 << 44) + 14293651161088 + new.id); END",
    "CREATE TRIGGER search_source_archived_text_ad AFTER DELETE ON source BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (119846767427584 + old.id); DELETE FROM search_doc WHERE id IN (119846767427584 + old.id); END",
    "CREATE TRIGGER search_source_archived_text_au AFTER UPDATE OF archived_text, id ON source BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (119846767427584 + old.id); DELETE FROM search_doc WHERE id IN (119846767427584 + old.id); INSERT INTO search_doc (id, text) SELECT ((6 << 44) + 14293651161088 + new.id), rt_fold(new.archived_text) || char(1, 1) WHERE coalesce(new.archived_text, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((6 << 44) + 14293651161088 + new.id); END",
    "CREATE TRIGGER search_note_body_ai AFTER INSERT ON note BEGIN INSERT INTO search_doc (id, text) SELECT ((7 << 44) + 15393162788864 + new.id), rt_fold(new.body) || char(1, 1) WHERE coalesce(new.body, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((7 << 44) + 15393162788864 + new.id); END",
    "CREATE TRIGGER search_note_body_ad AFTER DELETE ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (138538465099776 + old.id); DELETE FROM search_doc WHERE id IN (138538465099776 + old.id); END",
    "CREATE TRIGGER search_note_body_au AFTER UPDATE OF body, id ON note BEGIN INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text FROM search_doc WHERE id IN (138538465099776 + old.id); DELETE FROM search_doc WHERE id IN (138538465099776 + old.id); INSERT INTO search_doc (id, text) SELECT ((7 << 44) + 15393162788864 + new.id), rt_fold(new.body) || char(1, 1) WHERE coalesce(new.body, '') <> ''; INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = ((7 << 44) + 15393162788864 + new.id); END",
    'CREATE TRIGGER search_alias_cited_au AFTER UPDATE OF entity_id ON alias BEGIN UPDATE citation SET quote = quote WHERE alias_id = new.id AND quote IS NOT NULL; END',
    'CREATE TRIGGER search_fact_cited_au AFTER UPDATE OF entity_id ON fact BEGIN UPDATE citation SET quote = quote WHERE fact_id = new.id AND quote IS NOT NULL; END',
    'CREATE TRIGGER search_membership_cited_au AFTER UPDATE OF member_id ON membership BEGIN UPDATE citation SET quote = quote WHERE membership_id = new.id AND quote IS NOT NULL; END',
    'CREATE TRIGGER search_statement_cited_au AFTER UPDATE OF speaker_id, event_id ON statement BEGIN UPDATE citation SET quote = quote WHERE statement_id = new.id AND quote IS NOT NULL; END',
)
FILL = (
    "INSERT INTO search_doc (id, text) SELECT (((CASE t.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 1099511627776 + t.id), rt_fold(t.name) || char(1, 1) FROM entity t WHERE coalesce(t.name, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = t.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 2199023255552 + t.id), rt_fold(t.value) || char(1, 1) FROM alias t WHERE coalesce(t.value, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((3 << 44) + 3298534883328 + t.id), rt_fold(t.abbreviation) || char(1, 1) FROM organization t WHERE coalesce(t.abbreviation, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((2 << 44) + 4398046511104 + t.id), rt_fold(t.official_name) || char(1, 1) FROM country t WHERE coalesce(t.official_name, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((7 << 44) + 5497558138880 + t.id), rt_fold(t.title) || char(1, 1) FROM note t WHERE coalesce(t.title, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT (((CASE t.kind WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 6597069766656 + t.id), rt_fold(t.summary) || char(1, 1) FROM entity t WHERE coalesce(t.summary, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((1 << 44) + 7696581394432 + t.id), rt_fold(t.title) || char(1, 1) FROM role t WHERE coalesce(t.title, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = t.entity_id) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 8796093022208 + t.id), rt_fold(t.text) || char(1, 1) FROM fact t WHERE coalesce(t.text, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = coalesce(t.speaker_id, t.event_id)) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 9895604649984 + t.id), rt_fold(t.text) || char(1, 1) FROM statement t WHERE coalesce(t.text, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT (((CASE (SELECT kind FROM entity WHERE id = coalesce(t.entity_id, (SELECT entity_id FROM alias WHERE id = t.alias_id), (SELECT entity_id FROM fact WHERE id = t.fact_id), (SELECT member_id FROM membership WHERE id = t.membership_id), (SELECT person_id FROM role WHERE id = t.role_id), (SELECT event_id FROM participation WHERE id = t.participation_id), (SELECT initiative_id FROM initiative_party WHERE id = t.party_id), (SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = t.statement_id))) WHEN 'person' THEN 1 WHEN 'country' THEN 2 WHEN 'organization' THEN 3 WHEN 'initiative' THEN 4 WHEN 'event' THEN 5 WHEN 'source' THEN 6 WHEN 'note' THEN 7 ELSE 0 END) << 44) + 10995116277760 + t.id), rt_fold(t.quote) || char(1, 1) FROM citation t WHERE coalesce(t.quote, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((2 << 44) + 12094627905536 + t.id), rt_fold(t.capital) || char(1, 1) FROM country t WHERE coalesce(t.capital, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((5 << 44) + 13194139533312 + t.id), rt_fold(t.place) || char(1, 1) FROM event t WHERE coalesce(t.place, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((6 << 44) + 14293651161088 + t.id), rt_fold(t.archived_text) || char(1, 1) FROM source t WHERE coalesce(t.archived_text, '') <> ''",
    "INSERT INTO search_doc (id, text) SELECT ((7 << 44) + 15393162788864 + t.id), rt_fold(t.body) || char(1, 1) FROM note t WHERE coalesce(t.body, '') <> ''",
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
    'DROP TRIGGER IF EXISTS search_alias_cited_au',
    'DROP TRIGGER IF EXISTS search_fact_cited_au',
    'DROP TRIGGER IF EXISTS search_membership_cited_au',
    'DROP TRIGGER IF EXISTS search_statement_cited_au',
    'DROP TABLE IF EXISTS search_vocab',
    'DROP TABLE IF EXISTS search_fts',
    'DROP TABLE IF EXISTS search_doc',
)


def upgrade() -> None:
    conn = op.get_bind()
    for statement in (*OLD_TRIGGERS, *DROP, *CREATE, *TRIGGERS, *FILL):
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    search = runpy.run_path(str(Path(__file__).with_name("0003_search.py")))
    for statement in (*DROP, *search["CREATE"], *search["TRIGGERS"], *search["FILL"]):
        conn.exec_driver_sql(statement)

"""initial schema: entries, facts, citations, notes, tags

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-28 16:27:43.092171
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# 'RTB1': marks the file as Roundtable's (app.db.connection.APPLICATION_ID at this revision).
APPLICATION_ID = 0x52544231

revision: str = '0001_initial'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.create_table('dataset_import',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dataset_id', sa.Text(), nullable=True),
    sa.Column('dataset_version', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.String(length=40), nullable=False),
    sa.Column('summary', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dataset_import')),
    sa.UniqueConstraint('dataset_id', 'dataset_version', 'sha256', name=op.f('uq_dataset_import_dataset_id_dataset_version_sha256'))
    )
    op.create_table('entity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.String(length=40), nullable=True),
    sa.CheckConstraint("kind IN ('person', 'country', 'organization', 'initiative', 'event', 'source')", name=op.f('ck_entity_kind')),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_entity_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entity')),
    sa.UniqueConstraint('slug', name=op.f('uq_entity_slug')),
    sa.UniqueConstraint('uid', name=op.f('uq_entity_uid'))
    )
    with op.batch_alter_table('entity', schema=None) as batch_op:
        batch_op.create_index('ix_entity_kind_name', ['kind', 'name'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('saved_search',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_search')),
    sa.UniqueConstraint('name', name=op.f('uq_saved_search_name'))
    )
    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_tag_name'))
    )
    op.create_table('alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=True),
    sa.Column('script', sa.String(length=4), nullable=True),
    sa.Column('kind', sa.String(length=20), server_default='name', nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_alias_entity_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alias'))
    )
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alias_entity_id'), ['entity_id'], unique=False)

    op.create_table('country',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso_alpha2', sa.String(length=2), nullable=False),
    sa.Column('iso_alpha3', sa.String(length=3), nullable=True),
    sa.Column('iso_numeric', sa.String(length=3), nullable=True),
    sa.Column('official_name', sa.Text(), nullable=True),
    sa.Column('capital', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['id'], ['entity.id'], name=op.f('fk_country_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_country')),
    sa.UniqueConstraint('iso_alpha2', name=op.f('uq_country_iso_alpha2'))
    )
    op.create_table('entity_tag',
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_entity_tag_entity_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_entity_tag_tag_id_tag'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entity_id', 'tag_id', name=op.f('pk_entity_tag'))
    )
    with op.batch_alter_table('entity_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entity_tag_tag_id'), ['tag_id'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_kind', sa.Text(), nullable=True),
    sa.Column('start_date', sa.String(length=10), nullable=True),
    sa.Column('end_date', sa.String(length=10), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.Column('part_of_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]' OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_event_end_date_iso_date')),
    sa.CheckConstraint("start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]' OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_event_start_date_iso_date')),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date', name=op.f('ck_event_end_after_start')),
    sa.ForeignKeyConstraint(['country_id'], ['entity.id'], name=op.f('fk_event_country_id_entity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['id'], ['entity.id'], name=op.f('fk_event_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['part_of_id'], ['entity.id'], name=op.f('fk_event_part_of_id_entity'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_country_id'), ['country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_part_of_id'), ['part_of_id'], unique=False)

    op.create_table('fact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.CheckConstraint("date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_fact_date_iso_date')),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_fact_entity_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fact'))
    )
    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fact_entity_id'), ['entity_id'], unique=False)

    op.create_table('initiative',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_kind', sa.Text(), nullable=True),
    sa.Column('status', sa.Text(), nullable=True),
    sa.Column('announced_at_id', sa.Integer(), nullable=True),
    sa.Column('announced_on', sa.String(length=10), nullable=True),
    sa.CheckConstraint("announced_on IS NULL OR announced_on GLOB '[0-9][0-9][0-9][0-9]' OR announced_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR announced_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_initiative_announced_on_iso_date')),
    sa.ForeignKeyConstraint(['announced_at_id'], ['entity.id'], name=op.f('fk_initiative_announced_at_id_entity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['id'], ['entity.id'], name=op.f('fk_initiative_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative'))
    )
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_announced_at_id'), ['announced_at_id'], unique=False)

    op.create_table('initiative_party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_initiative_party_entity_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['entity.id'], name=op.f('fk_initiative_party_initiative_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_party'))
    )
    with op.batch_alter_table('initiative_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_party_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_party_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('start_date', sa.String(length=10), nullable=True),
    sa.Column('end_date', sa.String(length=10), nullable=True),
    sa.CheckConstraint("end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]' OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_membership_end_date_iso_date')),
    sa.CheckConstraint("start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]' OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_membership_start_date_iso_date')),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date', name=op.f('ck_membership_end_after_start')),
    sa.ForeignKeyConstraint(['member_id'], ['entity.id'], name=op.f('fk_membership_member_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['entity.id'], name=op.f('fk_membership_organization_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_organization_id'), ['organization_id'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('body', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.Column('deleted_at', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_note_entity_id_entity'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note')),
    sa.UniqueConstraint('uid', name=op.f('uq_note_uid'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index('ix_note_updated_at', ['updated_at'], unique=False)

    op.create_table('organization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('abbreviation', sa.Text(), nullable=True),
    sa.Column('org_kind', sa.Text(), nullable=True),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['country_id'], ['entity.id'], name=op.f('fk_organization_country_id_entity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['id'], ['entity.id'], name=op.f('fk_organization_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['entity.id'], name=op.f('fk_organization_parent_id_entity'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization'))
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_country_id'), ['country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_parent_id'), ['parent_id'], unique=False)

    op.create_table('participation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_participation_entity_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['entity.id'], name=op.f('fk_participation_event_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation'))
    )
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participation_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_event_id'), ['event_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['country_id'], ['entity.id'], name=op.f('fk_person_country_id_entity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['id'], ['entity.id'], name=op.f('fk_person_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_country_id'), ['country_id'], unique=False)

    op.create_table('role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.Column('as_of', sa.String(length=10), nullable=True),
    sa.Column('start_date', sa.String(length=10), nullable=True),
    sa.Column('end_date', sa.String(length=10), nullable=True),
    sa.CheckConstraint("as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]' OR as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_role_as_of_iso_date')),
    sa.CheckConstraint("end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]' OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_role_end_date_iso_date')),
    sa.CheckConstraint("start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]' OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_role_start_date_iso_date')),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date', name=op.f('ck_role_end_after_start')),
    sa.ForeignKeyConstraint(['country_id'], ['entity.id'], name=op.f('fk_role_country_id_entity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['entity.id'], name=op.f('fk_role_organization_id_entity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['entity.id'], name=op.f('fk_role_person_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role'))
    )
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_country_id'), ['country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_person_id'), ['person_id'], unique=False)

    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_kind', sa.Text(), nullable=True),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('archived_url', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('reliability', sa.String(length=12), server_default='unverified', nullable=False),
    sa.Column('archived_text', sa.Text(), nullable=True),
    sa.CheckConstraint("published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]' OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_source_published_iso_date')),
    sa.CheckConstraint("reliability IN ('high', 'medium', 'low', 'unverified')", name=op.f('ck_source_reliability')),
    sa.ForeignKeyConstraint(['id'], ['entity.id'], name=op.f('fk_source_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source'))
    )
    op.create_table('statement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_label', sa.Text(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=True),
    sa.CheckConstraint("date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", name=op.f('ck_statement_date_iso_date')),
    sa.CheckConstraint("kind IN ('direct', 'reported', 'translated')", name=op.f('ck_statement_kind')),
    sa.CheckConstraint('speaker_id IS NOT NULL OR speaker_label IS NOT NULL', name=op.f('ck_statement_has_speaker')),
    sa.ForeignKeyConstraint(['event_id'], ['entity.id'], name=op.f('fk_statement_event_id_entity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['entity.id'], name=op.f('fk_statement_speaker_id_entity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statement'))
    )
    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statement_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('citation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('alias_id', sa.Integer(), nullable=True),
    sa.Column('fact_id', sa.Integer(), nullable=True),
    sa.Column('membership_id', sa.Integer(), nullable=True),
    sa.Column('role_id', sa.Integer(), nullable=True),
    sa.Column('participation_id', sa.Integer(), nullable=True),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('statement_id', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('locator', sa.Text(), nullable=True),
    sa.Column('reliability', sa.String(length=12), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("reliability IN ('high', 'medium', 'low', 'unverified')", name=op.f('ck_citation_reliability')),
    sa.CheckConstraint('(entity_id IS NOT NULL) + (alias_id IS NOT NULL) + (fact_id IS NOT NULL) + (membership_id IS NOT NULL) + (role_id IS NOT NULL) + (participation_id IS NOT NULL) + (party_id IS NOT NULL) + (statement_id IS NOT NULL) = 1', name=op.f('ck_citation_one_owner')),
    sa.ForeignKeyConstraint(['alias_id'], ['alias.id'], name=op.f('fk_citation_alias_id_alias'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_citation_entity_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fact_id'], ['fact.id'], name=op.f('fk_citation_fact_id_fact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_citation_membership_id_membership'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participation_id'], ['participation.id'], name=op.f('fk_citation_participation_id_participation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['initiative_party.id'], name=op.f('fk_citation_party_id_initiative_party'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_citation_role_id_role'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['entity.id'], name=op.f('fk_citation_source_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['statement_id'], ['statement.id'], name=op.f('fk_citation_statement_id_statement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citation'))
    )
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citation_alias_id'), ['alias_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_fact_id'), ['fact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_membership_id'), ['membership_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_participation_id'), ['participation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_role_id'), ['role_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_statement_id'), ['statement_id'], unique=False)

    op.create_table('note_link',
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], name=op.f('fk_note_link_entity_id_entity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['note_id'], ['note.id'], name=op.f('fk_note_link_note_id_note'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('note_id', 'entity_id', name=op.f('pk_note_link'))
    )
    with op.batch_alter_table('note_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_link_entity_id'), ['entity_id'], unique=False)

    op.create_table('note_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['note_id'], ['note.id'], name=op.f('fk_note_revision_note_id_note'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note_revision'))
    )
    with op.batch_alter_table('note_revision', schema=None) as batch_op:
        batch_op.create_index('ix_note_revision_note_id_created_at', ['note_id', 'created_at'], unique=False)

    op.create_table('note_tag',
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['note_id'], ['note.id'], name=op.f('fk_note_tag_note_id_note'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_note_tag_tag_id_tag'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('note_id', 'tag_id', name=op.f('pk_note_tag'))
    )
    with op.batch_alter_table('note_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_tag_tag_id'), ['tag_id'], unique=False)



def downgrade() -> None:
    op.execute("PRAGMA application_id = 0")
    with op.batch_alter_table('note_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_tag_tag_id'))

    op.drop_table('note_tag')
    with op.batch_alter_table('note_revision', schema=None) as batch_op:
        batch_op.drop_index('ix_note_revision_note_id_created_at')

    op.drop_table('note_revision')
    with op.batch_alter_table('note_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_link_entity_id'))

    op.drop_table('note_link')
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citation_statement_id'))
        batch_op.drop_index(batch_op.f('ix_citation_source_id'))
        batch_op.drop_index(batch_op.f('ix_citation_role_id'))
        batch_op.drop_index(batch_op.f('ix_citation_party_id'))
        batch_op.drop_index(batch_op.f('ix_citation_participation_id'))
        batch_op.drop_index(batch_op.f('ix_citation_membership_id'))
        batch_op.drop_index(batch_op.f('ix_citation_fact_id'))
        batch_op.drop_index(batch_op.f('ix_citation_entity_id'))
        batch_op.drop_index(batch_op.f('ix_citation_alias_id'))

    op.drop_table('citation')
    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statement_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_statement_event_id'))

    op.drop_table('statement')
    op.drop_table('source')
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_person_id'))
        batch_op.drop_index(batch_op.f('ix_role_organization_id'))
        batch_op.drop_index(batch_op.f('ix_role_country_id'))

    op.drop_table('role')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_country_id'))

    op.drop_table('person')
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participation_event_id'))
        batch_op.drop_index(batch_op.f('ix_participation_entity_id'))

    op.drop_table('participation')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_parent_id'))
        batch_op.drop_index(batch_op.f('ix_organization_country_id'))

    op.drop_table('organization')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index('ix_note_updated_at')
        batch_op.drop_index(batch_op.f('ix_note_entity_id'))

    op.drop_table('note')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_organization_id'))
        batch_op.drop_index(batch_op.f('ix_membership_member_id'))

    op.drop_table('membership')
    with op.batch_alter_table('initiative_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_party_initiative_id'))
        batch_op.drop_index(batch_op.f('ix_initiative_party_entity_id'))

    op.drop_table('initiative_party')
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_announced_at_id'))

    op.drop_table('initiative')
    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fact_entity_id'))

    op.drop_table('fact')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_part_of_id'))
        batch_op.drop_index(batch_op.f('ix_event_country_id'))

    op.drop_table('event')
    with op.batch_alter_table('entity_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entity_tag_tag_id'))

    op.drop_table('entity_tag')
    op.drop_table('country')
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alias_entity_id'))

    op.drop_table('alias')
    op.drop_table('tag')
    op.drop_table('saved_search')
    op.drop_table('meta')
    with op.batch_alter_table('entity', schema=None) as batch_op:
        batch_op.drop_index('ix_entity_kind_name')

    op.drop_table('entity')
    op.drop_table('dataset_import')

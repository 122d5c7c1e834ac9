"""store_setting: small per-store values; the default taxonomy version a store has seen

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-01

``store_setting`` keeps one value per key. ``taxonomy_version`` records the version of the
shipped taxonomy (``resources/taxonomy.json``) whose aliases the store has been offered, so
that a newer Briefer adds the aliases later versions introduced
(``library.topics.merge_default_aliases``) without bringing back one the officer removed.
A store that already has topics was made with version 2 or earlier.

On PostgreSQL the search index is rebuilt: its words are now split where Latin letters meet
Japanese (「IPEFの枠組み」 holds the word IPEF, as on SQLite), see ``store.pg_search``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from briefer.store import pg_search

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    setting = op.create_table(
        "store_setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.String(500), nullable=False),
    )
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM topic LIMIT 1")).first() is not None:
        op.bulk_insert(setting, [{"key": "taxonomy_version", "value": "2"}])
    if bind.dialect.name == "postgresql":
        for statement in (*pg_search.DROP, *pg_search.create_statements(chunks=False)):
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("store_setting")

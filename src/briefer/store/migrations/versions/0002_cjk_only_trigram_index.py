"""trigram index for CJK passages only

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The trigram index (Japanese and other CJK search) only holds passages with CJK characters:
search uses it only for queries with CJK characters, and indexing every English passage made
it half of the store (2.9x the raw text at 100 sources). See docs/PERFORMANCE.md.
"""

from __future__ import annotations

from alembic import op

from briefer.store import sqlite_fts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in sqlite_fts.upgrade_v2_statements():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in sqlite_fts.downgrade_v2_statements():
            op.execute(statement)

"""source.importing: a very large source written in several transactions, hidden until done

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01

A source of more than ``store.pending.BATCH_PASSAGES`` passages is written in batches, the
write lock released between them, so another writer waits for a batch and never for the
whole import. Until its last batch commits, its row carries ``importing`` (the importing
process, "host pid") and every read leaves it out (``store.pending``); a row still marked
when its importer has died is removed on the next open or import.
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (nullable, no default), written out: the batch mode would rebuild
    # the table, and DROP TABLE source fails under foreign_keys = ON once passages exist
    op.execute("ALTER TABLE source ADD COLUMN importing VARCHAR(200)")
    # the clean-up on every open looks for marked rows: an index lookup, not a scan
    op.execute("CREATE INDEX ix_source_importing ON source (importing)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_source_importing")
    # DROP COLUMN in place (SQLite 3.35+), as 0014 does: no rebuild under foreign_keys = ON
    op.execute("ALTER TABLE source DROP COLUMN importing")

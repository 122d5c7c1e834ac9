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

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (nullable, no default): no table rebuild under foreign_keys = ON
    op.add_column("source", sa.Column("importing", sa.String(200), nullable=True))
    # the clean-up on every open looks for marked rows: an index lookup, not a scan
    op.create_index("ix_source_importing", "source", ["importing"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_source_importing", table_name="source")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+'s own DROP COLUMN: a batch rebuild would DROP TABLE source under
        # foreign_keys = ON, which the passages' keys refuse (as in 0014's downgrade)
        op.execute("ALTER TABLE source DROP COLUMN importing")
    else:
        op.drop_column("source", "importing")

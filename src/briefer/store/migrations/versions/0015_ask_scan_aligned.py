"""ask_scan.aligned: a source read for the ledger at import, not yet aligned

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-01

The import now reads each new source for the asks ledger in its own transaction (an
industry source's asks and their content terms, an official source's sentences and terms
in ``ask_scan.spans``), the same work the ledger's refresh did for every source it had not
read. ``aligned`` is false until a refresh has matched what the source brings (its asks, or
its sentences as answers), so that refresh re-aligns only that and never re-tokenises the
library. Rows written before this revision were aligned when they were written.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ask_scan") as batch:
        batch.add_column(
            sa.Column("aligned", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("ask_scan") as batch:
        batch.drop_column("aligned")

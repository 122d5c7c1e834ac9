"""team store: who changed what, row versions, PostgreSQL search

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Briefs, sections and quotes record the officer who changed them last (``changed_by``;
sections and quotes also ``changed_at``); sections and quotes get a ``version`` counter for
optimistic concurrency (brief.revision already is one); ``brief_event`` keeps the history.
On PostgreSQL, the full-text machinery of briefer.store.pg_search (tsvector + GIN, pg_trgm
for Japanese), built from the passages already there; SQLite keeps its FTS5 indexes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from briefer.store import pg_search

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_VERSIONED = ("brief_section", "quote")


def upgrade() -> None:
    with op.batch_alter_table("brief") as batch_op:
        batch_op.add_column(
            sa.Column("changed_by", sa.String(length=200), server_default="", nullable=False)
        )
    for table in _VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("changed_by", sa.String(length=200), server_default="", nullable=False)
            )
            batch_op.add_column(sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )
    op.create_table(
        "brief_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("brief_event") as batch_op:
        batch_op.create_index(batch_op.f("ix_brief_event_brief_id"), ["brief_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in pg_search.create_statements(chunks=False):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in pg_search.DROP:
            op.execute(statement)
    with op.batch_alter_table("brief_event") as batch_op:
        batch_op.drop_index(batch_op.f("ix_brief_event_brief_id"))
    op.drop_table("brief_event")
    for table in _VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
            batch_op.drop_column("changed_at")
            batch_op.drop_column("changed_by")
    with op.batch_alter_table("brief") as batch_op:
        batch_op.drop_column("changed_by")

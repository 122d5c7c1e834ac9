"""drop two indexes that others already cover

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

``ix_passage_source (source_id, ordinal)`` repeats the unique constraint's own index on the
same columns, and ``ix_passage_topic_topic (topic_id, passage_id)`` is covered for every
query by ``ix_passage_topic_rank`` (topic_id first) and the primary key (passage_id first).
Together they were ~4% of a 10,000-source store (the store-size target is 3x the raw text).
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_passage_source", table_name="passage")
    op.drop_index("ix_passage_topic_topic", table_name="passage_topic")


def downgrade() -> None:
    op.create_index("ix_passage_topic_topic", "passage_topic", ["topic_id", "passage_id"])
    op.create_index("ix_passage_source", "passage", ["source_id", "ordinal"])

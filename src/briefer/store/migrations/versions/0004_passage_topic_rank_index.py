"""index a topic's tags by primary flag and score, and sources by previous version

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Drafting asks for a topic's best primary tags; with this index it reads them in score order
and stops after a few hundred rows instead of ranking every tagged passage (a topic can
have ~100,000 tags in a 10,000-source library: 4.5 s -> well under a second for 10 topics).
"Is this source superseded?" is asked on every draft and coverage; without an index SQLite
reads every source row, full text included, to answer it.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_passage_topic_rank", "passage_topic", ["topic_id", "primary", "score"])
    op.create_index("ix_source_previous_version_id", "source", ["previous_version_id"])


def downgrade() -> None:
    op.drop_index("ix_source_previous_version_id", table_name="source")
    op.drop_index("ix_passage_topic_rank", table_name="passage_topic")

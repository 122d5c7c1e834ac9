"""indexes that cover a topic's ask count: the tag rank index carries excluded and the passage

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01

Drafting counts each topic's asks (primary, not excluded tags joined to their asks, asks of
superseded sources left out). The count read every tag's table row for ``excluded`` and
every ask's row for ``source_id``: at 100,000 sources ~577,000 tags and ~115,000 asks a
topic, random reads in a 4.8 GB file, 67 s of a 51.5 s-CPU draft's profile. With
``excluded`` and ``passage_id`` at the end of ``ix_passage_topic_rank`` (its ``topic_id,
primary, score`` order kept for the candidates) and ``source_id`` beside ``passage_id`` in
the ask index, both sides are read from the indexes alone. The ask index is renamed
(``ix_ask_passage_source``): a different index, not the old one widened in place.

``ix_source_importing`` (0016) becomes partial, marked rows only. Every ORM read adds
``importing IS NULL`` (``store.pending``); with every row NULL in the full index, SQLite
(no statistics) took that for a selective lookup, read every source row and sorted them,
instead of walking ``ix_source_date`` for the newest sources (20 ms a query at 10,000
sources, linear). The clean-up's ``importing IS NOT NULL`` still uses the partial index.
For the same filter ``ix_source_previous_version_id`` carries ``importing``: "which sources
are replaced?" (every draft, every coverage) had become a scan of every source row.
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_passage_topic_rank", table_name="passage_topic")
    op.create_index(
        "ix_passage_topic_rank",
        "passage_topic",
        ["topic_id", "primary", "score", "excluded", "passage_id"],
    )
    op.drop_index("ix_ask_passage_id", table_name="ask")
    op.create_index("ix_ask_passage_source", "ask", ["passage_id", "source_id"])
    op.execute("DROP INDEX ix_source_importing")
    op.execute("CREATE INDEX ix_source_importing ON source (importing) WHERE importing IS NOT NULL")
    op.drop_index("ix_source_previous_version_id", table_name="source")
    op.create_index("ix_source_previous_version_id", "source", ["previous_version_id", "importing"])


def downgrade() -> None:
    op.execute("DROP INDEX ix_source_importing")
    op.execute("CREATE INDEX ix_source_importing ON source (importing)")
    op.drop_index("ix_source_previous_version_id", table_name="source")
    op.create_index("ix_source_previous_version_id", "source", ["previous_version_id"])
    op.drop_index("ix_ask_passage_source", table_name="ask")
    op.create_index("ix_ask_passage_id", "ask", ["passage_id"])
    op.drop_index("ix_passage_topic_rank", table_name="passage_topic")
    op.create_index("ix_passage_topic_rank", "passage_topic", ["topic_id", "primary", "score"])

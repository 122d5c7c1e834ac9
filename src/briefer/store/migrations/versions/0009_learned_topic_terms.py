"""terms the officer's tags taught a topic

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

``topic_learned_term`` keeps, per store, the words that the officer's manual tags and
untags show to be strong evidence for a topic (``library/learning.py``); the tagger reads
them with the topic's aliases. ``passage_topic.taught`` says whether a manual decision still
teaches: resetting a topic's learned terms clears it on the decisions made so far, so the
same tags do not teach the same terms again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "topic_learned_term",
        sa.Column(
            "topic_id",
            sa.Integer(),
            sa.ForeignKey("topic.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("term", sa.String(200), primary_key=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("positives", sa.Integer(), nullable=False),
        sa.Column("negatives", sa.Integer(), nullable=False),
    )
    with op.batch_alter_table("passage_topic") as batch:
        batch.add_column(
            sa.Column("taught", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("passage_topic") as batch:
        batch.drop_column("taught")
    op.drop_table("topic_learned_term")

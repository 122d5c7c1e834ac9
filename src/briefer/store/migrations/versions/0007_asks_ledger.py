"""the asks ledger: asks, their responses, and which sources the ledger has read

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

Asks are spans of industry sources (offsets, like passages and quotes); responses are spans
of official sources, each with its score and evidence. The officer's decisions (a status
override, a linked answer, an unlinked one kept as ``excluded``) live in the same rows and
re-computation leaves them alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ask",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "source_id", sa.Integer(), sa.ForeignKey("source.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "passage_id", sa.Integer(), sa.ForeignKey("passage.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("context_start", sa.Integer(), nullable=True),
        sa.Column("context_end", sa.Integer(), nullable=True),
        sa.Column("cue", sa.String(60), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("auto_status", sa.String(16), nullable=False),
        sa.Column("status_override", sa.String(16), nullable=True),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("source_id", "start", "end"),
    )
    op.create_index("ix_ask_passage_id", "ask", ["passage_id"])
    op.create_table(
        "ask_response",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "ask_id", sa.Integer(), sa.ForeignKey("ask.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "source_id", sa.Integer(), sa.ForeignKey("source.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "passage_id", sa.Integer(), sa.ForeignKey("passage.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("strength", sa.String(16), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("excluded", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_ask_response_ask_id", "ask_response", ["ask_id"])
    op.create_index("ix_ask_response_source_id", "ask_response", ["source_id"])
    op.create_table(
        "ask_scan",
        sa.Column("source_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("glossary", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("spans", sa.LargeBinary(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("ask_scan")
    op.drop_index("ix_ask_response_source_id", table_name="ask_response")
    op.drop_index("ix_ask_response_ask_id", table_name="ask_response")
    op.drop_table("ask_response")
    op.drop_index("ix_ask_passage_id", table_name="ask")
    op.drop_table("ask")

"""the brief as a ministry files it: front page, language, markings; source URL and marking

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

Briefs get the front-page fields officers' templates carry (purpose, the ask of the minister,
key messages, attendees with pen pictures, agenda, handling instructions, contact officer,
cleared by, reference and its date), the language the brief is written in (labels and date
forms of the export), the marking scheme with its caveats, a copy number and a distribution
list. Sections record whether their assessment is still a drafting proposal (an export must
never carry one silently); existing proposals are recognised by the text drafting wrote.
Sources get an editable URL, a reference and a protective marking (a brief may not be marked
lower than a source it quotes).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_BRIEF_TEXT = ("purpose", "minister_ask", "handling")
_BRIEF_STRINGS = (
    ("language", 16, "en"),
    ("contact_officer", 200, ""),
    ("contact_phone", 100, ""),
    ("cleared_by", 200, ""),
    ("reference", 200, ""),
    ("marking_scheme", 16, ""),
    ("copy_number", 50, ""),
)
_BRIEF_LISTS = ("key_messages", "attendees", "agenda", "marking_caveats", "distribution")
_SOURCE_STRINGS = (("url", 2000), ("reference", 200), ("marking", 100))


def _columns() -> list[tuple[str, sa.Column]]:
    cols: list[tuple[str, sa.Column]] = []
    for name in _BRIEF_TEXT:
        cols.append(("brief", sa.Column(name, sa.Text(), server_default="", nullable=False)))
    for name, length, default in _BRIEF_STRINGS:
        cols.append(
            (
                "brief",
                sa.Column(name, sa.String(length=length), server_default=default, nullable=False),
            )
        )
    for name in _BRIEF_LISTS:
        cols.append(("brief", sa.Column(name, sa.JSON(), server_default="[]", nullable=False)))
    cols.append(("brief", sa.Column("reference_date", sa.Date(), nullable=True)))
    cols.append(
        (
            "brief_section",
            sa.Column(
                "assessment_suggested", sa.Boolean(), server_default=sa.false(), nullable=False
            ),
        )
    )
    for name, length in _SOURCE_STRINGS:
        cols.append(
            ("source", sa.Column(name, sa.String(length=length), server_default="", nullable=False))
        )
    return cols


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite supports it with a default): a batch table rebuild of
    # ``source`` would cascade through its foreign keys.
    for table, column in _columns():
        op.add_column(table, column)
    op.execute(
        "UPDATE brief_section SET assessment_suggested = "
        + ("true" if op.get_bind().dialect.name == "postgresql" else "1")
        + " WHERE assessment_comment LIKE 'Proposed from the evidence:%'"
    )


def downgrade() -> None:
    for table, column in reversed(_columns()):
        op.drop_column(table, column.name)  # SQLite >= 3.35 drops a column in place

"""passages indexed by the code that inserts them, not by per-row triggers

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

The ``passage_ai`` / ``passage_bd`` / ``source_bd`` triggers read each passage's text with
``substr(source.text, …)``, and SQLite loads the whole source text for every call: indexing
or deleting a source of n passages read its text n times (2 MB report: 43 s; 7.6 MB: 21 min,
holding the write lock throughout). ``store/passage_index.py`` now writes and removes the
index rows from the text the caller holds. The update triggers stay (passages are not
updated in place by Briefer; they keep a direct edit consistent).

Also ``ix_passage_source_start``: the passage at a character offset of a source (a quote's
citation; the reader's page for a span) without reading all of a long source's passages.
"""

from __future__ import annotations

from alembic import op

from briefer.store import sqlite_fts

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_DROPPED = ("passage_ai", "passage_bd", "source_bd")


def upgrade() -> None:
    op.create_index("ix_passage_source_start", "passage", ["source_id", "start"])
    if op.get_bind().dialect.name == "sqlite":
        for name in _DROPPED:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def downgrade() -> None:
    op.drop_index("ix_passage_source_start", table_name="passage")
    if op.get_bind().dialect.name == "sqlite":
        ai, bd = sqlite_fts.TRIGGERS_V2[0], sqlite_fts.TRIGGERS_V2[1]
        source_bd = next(t for t in sqlite_fts.TRIGGERS if "source_bd" in t)
        for statement in (ai, bd, source_bd):
            op.execute(statement)

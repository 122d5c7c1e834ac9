"""source_chunk: a source's text in chunks of ~32 K characters, not one 20 MB column

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

``source.text`` held a whole document. SQLite stores a 20 MB value as a chain of overflow
pages and reads it from the start for any ``substr``: the reader's page at offset 15 M took
~40 ms, loading or listing a source walked the chain (``url``, ``reference`` and ``marking``
sit after ``text`` in the row), and every search snippet paid for its whole source. The text
now lives in ``source_chunk`` (``store/texts.py`` reads and writes it), and ``source.length``
keeps its length for bounds checks.

The copy goes source by source (one text in memory at a time), cut where no passage is, so
each passage lies in one chunk. On SQLite the column is dropped with ``ALTER TABLE ... DROP
COLUMN`` (SQLite 3.35+): a table rebuild would run under ``foreign_keys = ON`` and DROP TABLE
would cascade to every passage. The FTS5 content views, the passage update triggers and the
immutability guard are recreated over the chunks; PostgreSQL gets its index function and
guard rewritten the same way. The search indexes themselves do not change (same text).

The freed pages stay in the file until it is compacted (``VACUUM``); alembic runs this in a
transaction, where SQLite cannot vacuum.
"""

from __future__ import annotations

import sqlite3
import time

import sqlalchemy as sa
from alembic import op

from briefer.store import db, pg_search, sqlite_fts, texts

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

def _copy_texts(bind: sa.Connection) -> None:
    ids = [int(i) for i in bind.execute(sa.text("SELECT id FROM source ORDER BY id")).scalars()]
    last = 0.0
    for n, source_id in enumerate(ids, 1):
        body = bind.execute(
            sa.text("SELECT text FROM source WHERE id = :id"), {"id": source_id}
        ).scalar_one()
        spans = bind.execute(
            sa.text('SELECT start, "end" FROM passage WHERE source_id = :id'), {"id": source_id}
        ).all()
        texts.write_text(bind, source_id, body or "", [(int(a), int(b)) for a, b in spans])
        del body
        if time.monotonic() - last > 0.2 or n == len(ids):
            last = time.monotonic()
            db.report_upgrade_progress("Moving source texts into chunks", n, len(ids))


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite and sqlite3.sqlite_version_info < (3, 35, 0):
        raise RuntimeError(
            f"Upgrading this store needs SQLite 3.35 or newer (this Python has "
            f"{sqlite3.sqlite_version})."
        )
    op.create_table(
        "source_chunk",
        sa.Column(
            "source_id", sa.Integer, sa.ForeignKey("source.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("source_id", "start"),
    )
    if sqlite:
        op.execute("ALTER TABLE source ADD COLUMN length INTEGER DEFAULT 0 NOT NULL")
    else:
        op.add_column(
            "source", sa.Column("length", sa.Integer, nullable=False, server_default="0")
        )
    _copy_texts(bind)
    step = "Dropping the old text column"
    db.report_upgrade_progress(step, 0, 1)  # SQLite rewrites the source table: no ticks
    if sqlite:
        for statement in sqlite_fts.upgrade_v14_statements():
            op.execute(statement)
    else:
        for statement in pg_search.upgrade_v14_statements():
            op.execute(statement)
    db.report_upgrade_progress(step, 1, 1)


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        for statement in sqlite_fts.downgrade_v14_drop_statements():
            op.execute(statement)
        op.execute("ALTER TABLE source ADD COLUMN text TEXT DEFAULT '' NOT NULL")
    else:
        for statement in pg_search.downgrade_v14_drop_statements():
            op.execute(statement)
        op.add_column("source", sa.Column("text", sa.Text, nullable=False, server_default=""))
    ids = [int(i) for i in bind.execute(sa.text("SELECT id FROM source ORDER BY id")).scalars()]
    for source_id in ids:
        body = texts.source_text(bind, source_id) or ""
        bind.execute(
            sa.text("UPDATE source SET text = :t WHERE id = :id"), {"t": body, "id": source_id}
        )
    op.drop_table("source_chunk")
    if sqlite:
        op.execute("ALTER TABLE source DROP COLUMN length")
        for statement in sqlite_fts.downgrade_v14_create_statements():
            op.execute(statement)
    else:
        op.drop_column("source", "length")
        for statement in pg_search.downgrade_v14_create_statements():
            op.execute(statement)

"""source_sketch: each source's smallest shingle hashes, to recognise near-duplicates

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

``library.near_duplicates`` finds the sources that read like a new document (the PDF of a
paper whose DOCX is already in, a lightly edited copy) from these rows: the 32 smallest
crc32 hashes of each source's five-token shingles over its content passages, keyed by hash
(no rowid) so one index range per hash answers "who shares these hashes". Existing sources
are sketched here, with a frozen copy of the algorithm: a migration must give the same rows
whatever the library code later becomes (``tests/library/test_near_duplicates.py`` checks
that the two agree).
"""

from __future__ import annotations

import re
import zlib

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")
_SIZE, _SHINGLE, _MIN = 32, 5, 60


def sketch(text: str) -> list[int]:
    """Frozen copy of ``briefer.library.near_duplicates.sketch`` at revision 0010."""
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) - _SHINGLE + 1 < _MIN:
        return []
    grams = zip(*(tokens[i:] for i in range(_SHINGLE)), strict=False)
    hashes = set(map(zlib.crc32, map(str.encode, map(" ".join, grams))))
    return [h - 2**31 for h in sorted(hashes)[:_SIZE]]


def upgrade() -> None:
    op.create_table(
        "source_sketch",
        sa.Column("hash", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("hash", "source_id"),
        sqlite_with_rowid=False,
    )
    bind = op.get_bind()
    table = sa.table("source_sketch", sa.column("hash"), sa.column("source_id"))
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM source ORDER BY id"))]
    for source_id in ids:
        text = bind.execute(
            sa.text("SELECT text FROM source WHERE id = :id"), {"id": source_id}
        ).scalar_one()
        spans = bind.execute(
            sa.text(
                'SELECT start, "end" FROM passage WHERE source_id = :id AND content '
                "ORDER BY ordinal"
            ),
            {"id": source_id},
        ).all()
        hashes = sketch("\n".join(text[start:end] for start, end in spans))
        if hashes:
            bind.execute(sa.insert(table), [{"hash": h, "source_id": source_id} for h in hashes])


def downgrade() -> None:
    op.drop_table("source_sketch")

"""Keeping the search indexes in step with the passages: the one path for every engine.

A passage's text is a span of its source's text. SQLite's FTS5 tables were once fed by
per-row triggers that read ``substr(source.text, …)`` through a view; SQLite loads the whole
column value for every ``substr``, so indexing the n passages of a source read its text n
times: a 2 MB report (11,000 passages) took 43 s, a 7.6 MB one 21 minutes, and deleting one
cost as much again. Here the caller, who holds the source text already, slices it once per
passage in Python and writes the index rows in one ``executemany`` per table (migration
0006 drops those triggers). PostgreSQL keeps its statement-level triggers
(``store/pg_search.py``), so on a team store these functions only touch the passage rows.

Every insertion and deletion of passages goes through :func:`add_passages` and
:func:`delete_source_passages`; ``tests/store/test_passage_index.py`` checks the indexes
against the passages with FTS5's own ``integrity-check``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from briefer.store import texts
from briefer.store.models import Passage, Source
from briefer.store.sqlite_fts import CJK_PAD

#: The code points of ``sqlite_fts.CJK_GLOB``: a passage with any of them is also in the
#: trigram index (Japanese search).
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")

#: Rows per executemany; bounds the memory of one statement's parameters.
CHUNK = 5000

_FTS_INSERT = text("INSERT INTO passage_fts(rowid, text, heading) VALUES (:id, :text, :heading)")
_TRI_INSERT = text("INSERT INTO passage_tri(rowid, text) VALUES (:id, :text)")
_PASSAGE_INSERT = (
    'INSERT INTO passage (id, source_id, ordinal, kind, level, heading_path, start, "end", '
    "content, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_FTS_INSERT_RAW = "INSERT INTO passage_fts(rowid, text, heading) VALUES (?, ?, ?)"
_TRI_INSERT_RAW = "INSERT INTO passage_tri(rowid, text) VALUES (?, ?)"
_FTS_DELETE = text(
    "INSERT INTO passage_fts(passage_fts, rowid, text, heading) "
    "VALUES ('delete', :id, :text, :heading)"
)
_TRI_DELETE = text(
    "INSERT INTO passage_tri(passage_tri, rowid, text) VALUES ('delete', :id, :text)"
)

Bind = Session | Connection


def _dialect(bind: Bind) -> str:
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return engine.dialect.name


def _index_rows(
    source_text: str, rows: Iterable[Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    words, trigrams = [], []
    for r in rows:
        body = source_text[r["start"] : r["end"]]
        words.append({"id": r["id"], "text": body, "heading": r["heading_path"]})
        if CJK.search(body):
            trigrams.append({"id": r["id"], "text": body + CJK_PAD})
    return words, trigrams


def _write(bind: Bind, stmt: Any, rows: list[dict[str, Any]]) -> None:
    for lo in range(0, len(rows), CHUNK):
        bind.execute(stmt, rows[lo : lo + CHUNK])


def add_passages(
    bind: Bind, source_id: int, source_text: str, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert a source's passage rows (dicts of the ``passage`` columns, without ``id`` and
    ``source_id``) and index their text, in the caller's transaction; returns the new
    passages' ids in the order of ``rows``.

    On SQLite the ids are given (one past the largest, which the unit of work's write lock
    keeps stable): the rows and their index rows are then written as plain tuples with one
    prepared statement per table and chunk, and nothing is read back (a 20 MB report,
    110,000 passages: 2.2 s -> 0.9 s of write lock)."""
    if not rows:
        return []
    if _dialect(bind) != "sqlite":
        payload = [{**r, "source_id": source_id} for r in rows]
        for lo in range(0, len(payload), CHUNK):
            bind.execute(insert(cast(Table, Passage.__table__)), payload[lo : lo + CHUNK])
        # PostgreSQL's statement-level triggers index them
        return list(
            bind.execute(
                select(Passage.id).where(Passage.source_id == source_id).order_by(Passage.ordinal)
            ).scalars()
        )
    conn = bind.connection() if isinstance(bind, Session) else bind
    first = int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM passage").scalar() or 0) + 1
    ids = list(range(first, first + len(rows)))
    for lo in range(0, len(rows), CHUNK):
        chunk = rows[lo : lo + CHUNK]
        base = first + lo
        conn.exec_driver_sql(
            _PASSAGE_INSERT,
            [
                (
                    base + i,
                    source_id,
                    r["ordinal"],
                    r["kind"],
                    r.get("level", 0),
                    r.get("heading_path", ""),
                    r["start"],
                    r["end"],
                    r.get("content", True),
                    r.get("page"),
                )
                for i, r in enumerate(chunk)
            ],
        )
        words = []
        trigrams = []
        for i, r in enumerate(chunk):
            body = source_text[r["start"] : r["end"]]
            words.append((base + i, body, r.get("heading_path", "")))
            if CJK.search(body):
                trigrams.append((base + i, body + CJK_PAD))
        conn.exec_driver_sql(_FTS_INSERT_RAW, words)
        if trigrams:
            conn.exec_driver_sql(_TRI_INSERT_RAW, trigrams)
    return ids


def index_source(bind: Bind, source_id: int, source_text: str) -> None:
    """Write the SQLite index rows of every passage of one source (not yet indexed)."""
    rows = bind.execute(
        select(Passage.id, Passage.start, Passage.end, Passage.heading_path).where(
            Passage.source_id == source_id
        )
    ).mappings()
    words, trigrams = _index_rows(source_text, rows)
    _write(bind, _FTS_INSERT, words)
    _write(bind, _TRI_INSERT, trigrams)


def delete_source_passages(bind: Bind, source_id: int) -> None:
    """Take a source's passages out of the indexes and delete them (before the source row:
    the index needs the text that is being removed)."""
    if _dialect(bind) == "sqlite":
        source_text = texts.source_text(bind, source_id)
        rows = bind.execute(
            select(Passage.id, Passage.start, Passage.end, Passage.heading_path).where(
                Passage.source_id == source_id
            )
        ).mappings()
        words, trigrams = _index_rows(source_text or "", rows)
        _write(bind, _FTS_DELETE, words)
        _write(bind, _TRI_DELETE, trigrams)
    bind.execute(delete(Passage).where(Passage.source_id == source_id))


def delete_last_passages(bind: Bind, source_id: int, count: int) -> int:
    """Take the last ``count`` passages of a source (by ordinal) out of the indexes and
    delete them; returns how many there were. Reads only the text under them, so removing a
    20 MB source batch by batch (``store.pending.discard``) never reads it whole."""
    rows = list(
        bind.execute(
            select(Passage.id, Passage.start, Passage.end, Passage.heading_path)
            .where(Passage.source_id == source_id)
            .order_by(Passage.ordinal.desc())
            .limit(count)
        ).mappings()
    )
    if not rows:
        return 0
    if _dialect(bind) == "sqlite":
        base = min(r["start"] for r in rows)
        stop = max(r["end"] for r in rows)
        body = texts.text_span(bind, source_id, base, stop) or ""
        shifted = [
            {**r, "start": r["start"] - base, "end": r["end"] - base} for r in rows
        ]
        words, trigrams = _index_rows(body, shifted)
        _write(bind, _FTS_DELETE, words)
        _write(bind, _TRI_DELETE, trigrams)
    ids = [r["id"] for r in rows]
    for lo in range(0, len(ids), CHUNK):
        bind.execute(delete(Passage).where(Passage.id.in_(ids[lo : lo + CHUNK])))
    return len(rows)


def rebuild(conn: Connection) -> None:
    """Re-index every passage of a SQLite store, reading each source text once."""
    conn.exec_driver_sql("INSERT INTO passage_fts(passage_fts) VALUES ('delete-all')")
    conn.exec_driver_sql("INSERT INTO passage_tri(passage_tri) VALUES ('delete-all')")
    ids = conn.execute(select(Source.id).order_by(Source.id)).scalars().all()
    for source_id, body in texts.source_texts(conn, ids):
        index_source(conn, source_id, body)

"""Migration 0014: a 0013 store's texts move into chunks, and every passage, snippet and
search index reads the same text as before."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import select
from sqlalchemy.engine import make_url

from briefer.store import db, open_store, texts
from briefer.store.models import SourceChunk
from briefer.store.search import SearchQuery, search_passages

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0001.sqlite"
CJK = "半導体の供給網"


def _migrate(path: Path, revision: str, *, down: bool = False) -> None:
    engine = db._make_engine(make_url(f"sqlite:///{path}"))
    try:
        with engine.begin() as conn:
            cfg = db._alembic_config()
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)
    finally:
        engine.dispose()


def _add_long_source_at_0013(path: Path, chars: int) -> int:
    """A long source written as Briefer 0013 wrote it: one text column, passages, and the
    FTS rows written from Python."""
    rng = random.Random(5)
    words = ["standards", "interoperability", "trust", "data", "cooperation", CJK]
    paras, spans, pos = [], [], 0
    while pos < chars:
        para = " ".join(rng.choice(words) for _ in range(rng.randint(5, 400)))
        paras.append(para)
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    body = "\n\n".join(paras)
    con = sqlite3.connect(path)
    cur = con.execute(
        "INSERT INTO source (title, short_title, organisations, kind, language, origin,"
        " content_hash, text, imported_at, extra) VALUES ('Long', '', '[]', 'official', 'en',"
        " 'long.txt', 'h-long', ?, '2026-12-01 00:00:00', '{}')",
        (body,),
    )
    sid = cur.lastrowid
    assert sid is not None
    first = con.execute("SELECT coalesce(max(id), 0) + 1 FROM passage").fetchone()[0]
    for i, (a, b) in enumerate(spans):
        pid = first + i
        con.execute(
            "INSERT INTO passage (id, source_id, ordinal, kind, level, heading_path, start,"
            ' "end", content) VALUES (?, ?, ?, \'paragraph\', 0, \'\', ?, ?, 1)',
            (pid, sid, i, a, b),
        )
        con.execute(
            "INSERT INTO passage_fts(rowid, text, heading) VALUES (?, ?, '')", (pid, body[a:b])
        )
        if CJK in body[a:b]:
            con.execute(
                "INSERT INTO passage_tri(rowid, text) VALUES (?, ?)", (pid, body[a:b] + "  ")
            )
    con.commit()
    con.close()
    return sid


def _fts_ok(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        for name in ("passage_fts", "passage_tri"):
            con.execute(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")
    finally:
        con.close()


def _passage_texts(path: Path) -> dict[int, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT id, text FROM passage_text"))
    finally:
        con.close()


def _schema(path: Path, table: str) -> set[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return {
            (r[0], r[1])
            for r in con.execute(
                "SELECT type, name FROM sqlite_master WHERE tbl_name = ? AND type != 'table'",
                (table,),
            )
        }
    finally:
        con.close()


def test_0013_store_upgrades_to_chunks(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    shutil.copyfile(FIXTURE, path)
    _migrate(path, "0013")
    long_id = _add_long_source_at_0013(path, 300_000)
    con = sqlite3.connect(path)
    originals = dict(con.execute("SELECT id, text FROM source"))
    con.close()
    before = _passage_texts(path)
    source_indexes = _schema(path, "source")
    _fts_ok(path)

    store = open_store(path)  # to head
    try:
        with store.sessions() as s:
            for sid, body in originals.items():
                assert texts.source_text(s, sid) == body
                assert texts.source_length(s, sid) == len(body)
            hits = search_passages(s, SearchQuery("interoperability", limit=100))
            assert hits and all(h.text == before[h.passage_id] for h in hits)
            cjk = search_passages(s, SearchQuery(CJK, limit=100))
            assert cjk and all(CJK in h.text and h.text == before[h.passage_id] for h in cjk)
            chunks = s.execute(
                select(SourceChunk.start).where(SourceChunk.source_id == long_id)
            ).all()
            assert len(chunks) > 5
    finally:
        store.close()
    assert _passage_texts(path) == before
    _fts_ok(path)
    con = sqlite3.connect(path)
    assert "text" not in {r[1] for r in con.execute("PRAGMA table_info(source)")}
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    con.close()
    # the source table keeps its indexes and guards; the text guard moved to the chunks
    after = _schema(path, "source")
    assert {x for x in source_indexes if x[0] == "index"} <= after
    assert ("trigger", "source_chunk_bu") in _schema(path, "source_chunk")

    _migrate(path, "0013", down=True)  # and back: the column filled again
    con = sqlite3.connect(path)
    assert dict(con.execute("SELECT id, text FROM source")) == originals
    con.close()
    assert _passage_texts(path) == before
    _fts_ok(path)


def test_upgrade_reports_progress(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "store.sqlite"
    shutil.copyfile(FIXTURE, path)
    _migrate(path, "0013")
    calls: list[tuple[str, int, int]] = []
    with db.upgrade_progress(lambda step, done, total: calls.append((step, done, total))):
        _migrate(path, "head")
    copied = [c for c in calls if c[0].startswith("Moving")]
    assert copied and copied[-1][1] == copied[-1][2] == 2  # the fixture's two sources
    assert calls[-1][1:] == (1, 1)
    db.report_upgrade_progress("after the block", 1, 1)  # nobody listens any more
    assert calls[-1][0] != "after the block"

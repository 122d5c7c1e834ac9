"""Migration 0014 on a team store: a 0013 PostgreSQL store's texts move into chunks, the
search index function reads them, and every passage reads the same text as before."""

from __future__ import annotations

import random

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from briefer.library import search as search_service
from briefer.store import db, open_store, pg_search, texts

CJK = "半導体の供給網"
INDEX = "SELECT passage_id, tsv::text FROM passage_fts"


def _long_text(chars: int) -> tuple[str, list[tuple[int, int]]]:
    rng = random.Random(11)
    words = ["standards", "interoperability", "trust", "data", "cooperation", CJK]
    paras, spans, pos = [], [], 0
    while pos < chars:
        para = " ".join(rng.choice(words) for _ in range(rng.randint(5, 400)))
        paras.append(para)
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return "\n\n".join(paras), spans


def test_0013_team_store_upgrades_to_chunks(pg_url: str) -> None:
    engine = db._make_engine(make_url(pg_url))
    body, spans = _long_text(200_000)
    try:
        with engine.begin() as conn:
            cfg = db._alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0013")
        with engine.begin() as conn:  # as Briefer 0013 wrote a source: one text column
            sid = conn.execute(
                text(
                    "INSERT INTO source (title, short_title, organisations, kind, language,"
                    " origin, content_hash, text, imported_at, extra) VALUES ('Long', '', '[]',"
                    " 'official', 'en', 'long.txt', 'h', :t, now(), '{}') RETURNING id"
                ),
                {"t": body},
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO passage (source_id, ordinal, kind, level, heading_path, start,"
                    ' "end", content) VALUES (:s, :o, \'paragraph\', 0, \'\', :a, :b, true)'
                ),
                [{"s": sid, "o": i, "a": a, "b": b} for i, (a, b) in enumerate(spans)],
            )
            before = dict(
                conn.execute(
                    text(
                        'SELECT p.id, substr(s.text, p.start + 1, p."end" - p.start) FROM passage'
                        " p JOIN source s ON s.id = p.source_id"
                    )
                ).all()
            )
            indexed = dict(conn.execute(text(INDEX)).all())
    finally:
        engine.dispose()

    store = open_store(pg_url)  # 0014
    try:
        with store.engine.begin() as conn:
            cols = {
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns"
                        " WHERE table_name = 'source'"
                    )
                )
            }
            assert "text" not in cols and "length" in cols
            assert texts.source_text(conn, sid) == body
            assert texts.source_length(conn, sid) == len(body)
            assert (
                conn.execute(
                    text("SELECT count(*) FROM source_chunk WHERE source_id = :s"), {"s": sid}
                ).scalar_one()
                > 3
            )
            after = dict(
                conn.execute(
                    text(f"SELECT p.id, {texts.passage_text_sql('p')} FROM passage p")
                ).all()
            )
            assert after == before
            # the index function reads the chunks: a rebuild gives the same index
            for statement in pg_search.rebuild_statements():
                conn.execute(text(statement))
            assert dict(conn.execute(text(INDEX)).all()) == indexed
        hits = search_service.search(store, "interoperability")
        assert hits and all(h.text == before[h.passage_id] for h in hits)
        cjk = search_service.search(store, CJK)
        assert cjk and all(h.text == before[h.passage_id] for h in cjk)
        with store.engine.begin() as conn, pytest.raises(Exception, match="immutable"):
            conn.execute(text("UPDATE source_chunk SET text = 'x' WHERE source_id = :s"), {"s": 1})
    finally:
        store.close()

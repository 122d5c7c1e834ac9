"""The search indexes follow every insertion and deletion of passages, at a cost linear in
the size of the source (store/passage_index.py)."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import text

from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.briefs import pack
from briefer.ingest.readers import read_text
from briefer.library import search, sources
from briefer.library.sources import SourceFields
from briefer.library.topics import get_topic
from briefer.store import UnitOfWork, open_store
from briefer.store.copy import copy_store


def _integrity(store) -> None:  # type: ignore[no-untyped-def]
    """FTS5's own check: every index entry matches the passage text it was made from."""
    with store.engine.connect() as conn:
        for table in ("passage_fts", "passage_tri"):
            conn.exec_driver_sql(
                f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
            )


def _report(paragraphs: int, word: str) -> bytes:
    lines = [f"Report on {word} cooperation\n"]
    for i in range(paragraphs):
        lines.append(f"{i + 1}. Paragraph {i} about {word} and supply chains number {i}.\n")
    return "\n".join(lines).encode()


def test_import_delete_and_copy_keep_the_indexes_exact(tmp_path: Path) -> None:
    store = open_for_use(tmp_path / "s.sqlite", seed_if_new=True)
    try:
        doc = read_text(_report(300, "quasicrystal"), origin="report.txt")
        info = sources.import_document(store, doc, SourceFields(kind="official"))
        ja_text = "半導体の供給網について、IPEFの枠組みで協力する。\n"
        ja = read_text(ja_text.encode(), origin="ja.txt")
        ja_info = sources.import_document(store, ja, SourceFields(kind="official"))
        _integrity(store)
        hits = search.search(store, "quasicrystal", limit=500)
        assert len([h for h in hits if h.source_id == info.id]) >= 300
        assert all("quasicrystal" in h.text.casefold() for h in hits)
        assert any(h.source_id == ja_info.id for h in search.search(store, "供給網"))

        sources.delete_source(store, info.id)
        _integrity(store)
        assert search.search(store, "quasicrystal") == []
        with store.engine.connect() as conn:
            left = conn.execute(
                text("SELECT count(*) FROM passage WHERE source_id = :s"), {"s": info.id}
            ).scalar()
        assert left == 0

        copy = open_store(tmp_path / "copy.sqlite")
        try:
            copy_store(store, copy)
            _integrity(copy)
            assert any(h.source_id == ja_info.id for h in search.search(copy, "供給網"))
        finally:
            copy.close()
    finally:
        store.close()


def test_unpacked_sources_are_searchable(tmp_path: Path) -> None:
    store = open_for_use(tmp_path / "a.sqlite", seed_if_new=True)
    fresh = open_for_use(tmp_path / "b.sqlite")  # default topics, no sources
    try:
        doc = read_text(_report(5, "zeolite"), origin="r.txt")
        info = sources.import_document(store, doc, SourceFields(kind="industry"))
        bid = ops.CreateBrief("Pack me", {}).apply(store).created_id
        section = ops.AddSection(bid, get_topic(store, "Semiconductors").id).apply(store).created_id
        p = sources.get_source(store, info.id).passages[1]
        ops.AddQuote(section, info.id, p.start, p.end).apply(store)
        report = pack.unpack_brief(fresh, pack.pack_brief(store, bid, tmp_path / "x"))
        assert report.sources_created
        _integrity(fresh)
        assert [h.text for h in search.search(fresh, "zeolite", limit=50)] == [
            h.text for h in search.search(store, "zeolite", limit=50)
        ]
    finally:
        store.close()
        fresh.close()


def _import_seconds(tmp_path: Path, paragraphs: int) -> float:
    best = float("inf")
    for attempt in range(2):
        store = open_store(tmp_path / f"g{paragraphs}-{attempt}.sqlite")
        try:
            doc = read_text(_report(paragraphs, "growth"), origin=f"g{paragraphs}.txt")
            t0 = time.perf_counter()
            with UnitOfWork(store) as uow:
                sources.add_document(uow.session, doc, SourceFields(kind="official"))
                uow.commit()
            best = min(best, time.perf_counter() - t0)
        finally:
            store.close()
    return best


def test_adding_passages_grows_linearly_with_the_source(tmp_path: Path) -> None:
    """4x the passages of a 4x larger text: about 4x the time. The old per-row triggers read
    the whole source text per passage, so this ratio was ~16."""
    small = _import_seconds(tmp_path, 2000)
    large = _import_seconds(tmp_path, 8000)
    assert large / small < 8, (small, large)


def test_too_many_passages_or_lines_are_refused_with_the_limit(tmp_path: Path) -> None:
    import pytest

    from briefer.errors import IngestError
    from briefer.ingest import limits, model

    with pytest.raises(IngestError, match="lines; Briefer reads up to 1,000,000"):
        read_text(b"x\n" * (limits.MAX_LINES + 1), origin="one-letter-lines.txt")
    seg = model.Segment(start=0, end=1, kind="paragraph", level=0, heading_path=())
    with pytest.raises(IngestError, match="passages; Briefer takes up to 250,000"):
        model.Document(
            "x", (seg,) * (limits.MAX_PASSAGES + 1), model.ProposedMetadata(), "big.txt", "text"
        )

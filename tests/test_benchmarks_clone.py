"""The cloned benchmark corpus (benchmarks/clone.py): a large store made from a small one must
be a store the product reads as if it had imported every source — distinct sources, indexes
that agree with the texts, tags and asks that point at the clone's own passages."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import clone  # noqa: E402
from benchmarks import corpus as corpus_mod  # noqa: E402

BASE = 24
COPIES = 2


@pytest.fixture(scope="module")
def cloned(tmp_path_factory: pytest.TempPathFactory) -> tuple[corpus_mod.Corpus, Path, dict]:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("clone")
    base = corpus_mod.ensure_corpus(BASE, out=out, holdout=2, holdout_docx=1, log=lambda m: None)
    dest = out / "big"
    dest.mkdir()
    texts = dest / "texts"
    clone.link_texts(base.texts, texts)
    info = clone.build(base.store, BASE, dest / "store.sqlite", texts, COPIES, workers=2)
    return base, dest, info


def _rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_vary_keeps_length_and_changes_years_and_numbers() -> None:
    text = "12 Mar 2019\nJBCE position paper No. 123: on 5G by 2024.\n2024年4月30日 第7回"
    for k in range(1, 10):
        varied = clone.vary(text, k)
        assert varied is not None and len(varied) == len(text)
        assert f"{2019 - k}" in varied and f"{2024 - k}年" in varied
        assert "No. 123" not in varied and "5G" in varied
    assert len({clone.vary(text, k) for k in range(10)}) == 10
    assert clone.shift_date("2020-02-29", 1) == "2019-02-28"
    assert clone.clone_origin("2019-06-21_official_outcome-en-00002.txt", 3, 10_000) == (
        "2016-06-21_official_outcome-en-30002.txt"
    )


def test_every_table_is_multiplied_and_sources_are_distinct(cloned) -> None:  # type: ignore[no-untyped-def]
    base, dest, info = cloned
    store = dest / "store.sqlite"
    n = COPIES + 1
    for table in ("source", "passage", "passage_topic", "source_chunk", "ask", "ask_response"):
        (before,) = _rows(base.store, f"SELECT count(*) FROM {table}")[0]
        (after,) = _rows(store, f"SELECT count(*) FROM {table}")[0]
        assert after == n * before, table
    (sources,) = _rows(store, "SELECT count(*) FROM source")[0]
    assert _rows(store, "SELECT count(DISTINCT content_hash), count(DISTINCT origin) FROM source")[
        0
    ] == (sources, sources)
    # a file per source in texts/, as ripgrep searches them
    names = {r[0] for r in _rows(store, "SELECT origin FROM source")}
    assert names == {p.name for p in (dest / "texts").iterdir()}
    assert info["clone_rows"]["source"] == COPIES * BASE


def test_clone_text_hash_and_sketch_are_its_own(cloned) -> None:  # type: ignore[no-untyped-def]
    from briefer.library.near_duplicates import sketch
    from briefer.store import open_store
    from briefer.store.texts import source_text

    _, dest, _ = cloned
    store = open_store(dest / "store.sqlite")
    try:
        with store.sessions() as s:
            original = source_text(s, 1)
            copy = source_text(s, 1 + 2 * BASE)
            assert copy == clone.vary(original, 2) and copy != original
            row = _rows(
                dest / "store.sqlite", f"SELECT content_hash FROM source WHERE id = {1 + 2 * BASE}"
            )
            assert row[0][0] == hashlib.sha256(copy.encode("utf-8")).hexdigest()
            spans = _rows(
                dest / "store.sqlite",
                f'SELECT start, "end" FROM passage WHERE source_id = {1 + 2 * BASE} AND content '
                "ORDER BY ordinal",
            )
            hashes = sorted(
                h
                for (h,) in _rows(
                    dest / "store.sqlite",
                    f"SELECT hash FROM source_sketch WHERE source_id = {1 + 2 * BASE}",
                )
            )
            assert hashes == sorted(sketch("\n".join(copy[a:b] for a, b in spans)))
    finally:
        store.close()


def test_indexes_agree_and_search_finds_clones(cloned) -> None:  # type: ignore[no-untyped-def]
    from briefer.library.search import search
    from briefer.store import open_store

    _, dest, _ = cloned
    path = dest / "store.sqlite"
    con = sqlite3.connect(path)
    try:
        # FTS5's own check of the external-content indexes against their content views
        con.execute("INSERT INTO passage_fts(passage_fts, rank) VALUES ('integrity-check', 1)")
        con.execute("INSERT INTO passage_tri(passage_tri, rank) VALUES ('integrity-check', 1)")
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    store = open_store(path)
    try:
        hits = search(store, "cooperation", limit=500)
        assert {h.source_id > BASE for h in hits} == {True, False}
    finally:
        store.close()

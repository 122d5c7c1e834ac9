"""A very large source is written in batches: the write lock free between them, the source
invisible until its last batch, nothing left by a cancel or a kill (issue 20, class 3).

The hostile input is built here: a generated report of a few thousand passages, with the
batch lowered (``importing.BATCH_PASSAGES``) so that it takes several batches.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import store_digest
from sqlalchemy import select

from briefer.bootstrap import open_for_use
from briefer.errors import NotFoundError
from briefer.library import asks, importing, sources, tagging, topics
from briefer.library.search import search
from briefer.library.sources import SourceFields
from briefer.store import ReadSession, Store, UnitOfWork, pending
from briefer.store.models import Source

BATCH = 150
#: A word only the large report holds: search must not find it until the import is done.
MARK = "zyxwanderwort"


def write_report(path: Path, paragraphs: int) -> Path:
    """A long official report: numbered headings, paragraphs about trade and data."""
    parts = []
    for i in range(paragraphs):
        if i % 25 == 0:
            parts.append(f"{i // 25 + 1}. Chapter on digital trade and semiconductors {i}")
        parts.append(
            f"Paragraph {i}: the parties will cooperate on data flows, semiconductor supply "
            f"chains and {MARK} export controls, and shall review progress annually ({i})."
        )
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH_PASSAGES", BATCH)


def _reads(store: Store) -> dict[str, object]:
    """What every kind of reader sees of the library."""
    seen: dict[str, object] = {}
    seen["sources"] = [s.id for s in sources.list_sources(store)]
    seen["count"] = sources.count_sources(store)
    seen["search"] = [h.passage_id for h in search(store, MARK, limit=50)]
    seen["search_common"] = len(search(store, "semiconductor", limit=200))
    seen["topics"] = [(t.id, t.counts) for t in topics.list_topics(store)]
    with ReadSession(store) as s:
        seen["orm_sources"] = sorted(s.scalars(select(Source.id)))
    return seen


def _import(store: Store, report: Path, cancel: Callable[[], bool] | None = None):  # type: ignore[no-untyped-def]
    return importing.import_paths(
        store, [report], SourceFields(kind="official"), cancel=cancel, workers=1
    )


def test_other_writers_get_in_between_batches_and_the_source_is_invisible(
    tmp_path: Path, seeded_store: Store, small_batches: None
) -> None:
    report = write_report(tmp_path / "large-report.txt", 1200)
    before = _reads(seeded_store)
    path = Path(seeded_store.engine.url.database or "")
    polls: list[dict[str, object]] = []
    first = sources.list_sources(seeded_store)[0].id

    def probe() -> bool:
        # polled between batches: the import holds no lock here
        with ReadSession(seeded_store) as s:
            marked = pending.importing_sources(s)
        if not marked:
            return False  # before the first batch or after the last
        # another process's writer gets the lock at once (no busy wait: timeout 0)
        con = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("UPDATE source SET reference = reference WHERE id = ?", (first,))
            con.execute("COMMIT")
        finally:
            con.close()
        # and a writer of this process, through a unit of work on another thread
        done: list[bool] = []
        t = threading.Thread(
            target=lambda: done.append(
                bool(sources.update_source(seeded_store, first, reference="REF-1"))
            )
        )
        t.start()
        t.join(60)
        assert done == [True]
        if not polls:
            # the library's own writers over "every source" pass it by: the ledger's
            # refresh (which reads sources nothing has read) and a re-tag of everything
            asks.refresh(seeded_store)
            with UnitOfWork(seeded_store) as uow:
                tagging.retag_all(uow.session)
                uow.commit()
            # and the command line lists the library without it
            listed = subprocess.run(
                [sys.executable, "-m", "briefer.app", "--store", str(path), "sources", "--json"],
                capture_output=True,
                text=True,
                check=True,
            )
            assert [s["id"] for s in json.loads(listed.stdout)] == before["sources"]
        seen = _reads(seeded_store)
        seen["reference"] = None
        polls.append(seen)
        with pytest.raises(NotFoundError):
            sources.get_source(seeded_store, marked[0][0], window=10)
        return False

    summary = _import(seeded_store, report, probe)
    assert summary.imported == 1, summary.results[0].reason
    assert len(polls) >= 4  # several batches, each followed by a poll
    for seen in polls:
        seen.pop("reference")
        assert seen == before  # nothing of the large source is visible mid-way
    after = _reads(seeded_store)
    new_id = summary.results[0].source.id  # type: ignore[union-attr]
    assert new_id in after["sources"]  # type: ignore[operator]
    assert len(after["search"]) > 0  # type: ignore[arg-type]
    detail = sources.get_source(seeded_store, new_id, window=10)
    assert detail.total == summary.results[0].passages
    with ReadSession(seeded_store) as s:
        assert pending.importing_sources(s) == []
    _check_store(path)


def test_cancel_between_batches_leaves_the_store_as_it_was(
    tmp_path: Path, seeded_store: Store, small_batches: None
) -> None:
    report = write_report(tmp_path / "large-report.txt", 1200)
    before = store_digest(seeded_store)
    polls = 0

    def cancel() -> bool:
        nonlocal polls
        with ReadSession(seeded_store) as s:
            if not pending.importing_sources(s):
                return False
        polls += 1
        return polls >= 3  # mid-way: two batches are in

    summary = _import(seeded_store, report, cancel)
    assert summary.cancelled and summary.imported == 0
    assert summary.not_started == (report,)
    assert polls == 3
    assert store_digest(seeded_store) == before
    assert search(seeded_store, MARK) == []
    _check_store(Path(seeded_store.engine.url.database or ""))


_KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from briefer.bootstrap import open_for_use
    from briefer.library import importing
    from briefer.library.sources import SourceFields
    from briefer.store import ReadSession, pending

    store, report, marker = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    importing.BATCH_PASSAGES = int(sys.argv[4])
    s = open_for_use(store)
    polls = 0

    def cancel():
        global polls
        with ReadSession(s) as r:
            if not pending.importing_sources(r):
                return False
        polls += 1
        if polls == 3:
            marker.write_text("mid-way")
            time.sleep(600)  # killed here
        return False

    importing.import_paths(s, [report], SourceFields(kind="official"), cancel=cancel, workers=1)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_an_import_killed_mid_way_leaves_no_trace(tmp_path: Path, make_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "store.sqlite"
    make_store(path).close()
    report = write_report(tmp_path / "large-report.txt", 1200)
    marker = tmp_path / "mid-way"
    store = open_for_use(path)
    before = store_digest(store)
    store.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORT, str(path), str(report), str(marker), str(BATCH)],
        env={**os.environ},
    )
    try:
        for _ in range(1200):
            if marker.exists() or proc.poll() is not None:
                break
            threading.Event().wait(0.1)
        assert marker.exists(), "the import never reached its third batch"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    con = sqlite3.connect(path)
    marked = con.execute("SELECT count(*) FROM source WHERE importing IS NOT NULL").fetchone()
    partial = con.execute(
        "SELECT count(*) FROM passage p JOIN source s ON s.id = p.source_id "
        "WHERE s.importing IS NOT NULL"
    ).fetchone()
    con.close()
    assert marked == (1,) and partial[0] >= 2 * BATCH  # killed with batches in
    # read-only commands do not see it
    reader = subprocess.run(
        [sys.executable, "-m", "briefer.app", "--store", str(path), "search", MARK],
        capture_output=True,
        text=True,
    )
    assert MARK not in reader.stdout
    # the next open removes it: the store is exactly as it was
    store = open_for_use(path)
    try:
        assert store_digest(store) == before
        assert search(store, MARK) == []
    finally:
        store.close()
    _check_store(path)


def test_small_documents_keep_one_transaction(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = write_report(tmp_path / "small.txt", 100)
    calls: list[int] = []
    monkeypatch.setattr(
        importing.batched_write,
        "write_in_batches",
        lambda *a, **k: calls.append(1),  # type: ignore[func-returns-value]
    )
    summary = _import(store, report)
    assert summary.imported == 1 and calls == []


def test_a_stale_mark_of_a_live_process_is_kept(seeded_store: Store) -> None:
    import datetime

    now = datetime.datetime.now(datetime.UTC)
    assert not pending.is_stale(pending.owner(), now, now)  # this process: alive
    assert pending.is_stale(f"{pending.owner().rpartition(' ')[0]} 999999999", now, now)
    old = now - datetime.timedelta(seconds=pending.STALE_SECONDS + 1)
    assert pending.is_stale(pending.owner(), old, now)  # not moved for too long
    assert not pending.is_stale("another-host 12", now, now)  # cannot tell: wait


def _check_store(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute("INSERT INTO passage_fts(passage_fts, rank) VALUES ('integrity-check', 1)")
        con.execute("INSERT INTO passage_tri(passage_tri, rank) VALUES ('integrity-check', 1)")
    finally:
        con.close()


def test_a_long_official_document_is_read_for_the_ledger_in_slices_the_same(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefer.ingest.readers import read_path
    from briefer.library import asks, import_pool

    doc = read_path(write_report(tmp_path / "report.txt", 900))
    fields = SourceFields(kind="official")
    monkeypatch.setattr(import_pool, "TAG_SLICE", 200)  # several slices, two workers
    monkeypatch.setenv("BRIEFER_IMPORT_WORKERS", "2")
    tags, reading = importing._prepare(store, doc, fields)
    serial = asks.read_document("official", doc.text, doc.segments, asks.store_glossary(store))
    assert reading is not None and len(reading.official_slices) >= 4  # several slices
    ids = [1000 + 3 * i for i in range(len(doc.segments))]
    unpacked = json.loads(zlib.decompress(asks.pack_reading(reading, ids)))
    assert len(serial.official) >= 900
    assert unpacked == json.loads(zlib.decompress(asks.pack_reading(serial, ids)))
    assert (reading.kind, reading.glossary, reading.asks) == ("official", serial.glossary, [])
    assert tags.by_ordinal == importing.prepare_tags(store, doc, fields).by_ordinal


def test_a_large_file_among_many_is_written_in_its_own_batches(
    tmp_path: Path, store: Store, small_batches: None
) -> None:
    """The pool's path (16 files and more): the large file flushes the open batch, goes in
    its own batches, and the files after it carry on."""
    from briefer.library import import_pool

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(import_pool.MIN_PARALLEL_FILES):
        (folder / f"note-{i:02}.txt").write_text(
            f"Note {i} on trade policy {i}.\n\nThe parties discussed item {i * 7919}.\n",
            encoding="utf-8",
        )
    write_report(folder / "note-08-large.txt", 700)
    summary = importing.import_paths(store, [folder], SourceFields(kind="official"), workers=2)
    assert summary.imported == import_pool.MIN_PARALLEL_FILES + 1, summary.line()
    large = next(r for r in summary.results if r.path.name == "note-08-large.txt")
    assert large.source is not None and large.passages > 3 * BATCH
    detail = sources.get_source(store, large.source.id, window=5)
    assert detail.total == large.passages
    with ReadSession(store) as s:
        assert pending.importing_sources(s) == []
    _check_store(Path(store.engine.url.database or ""))

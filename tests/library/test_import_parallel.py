"""Import with worker processes: the same store as one file at a time, batches that are all
or nothing, a cancel that leaves exactly what the summary says, a writer never shut out."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from benchmarks.corpus import Generator
from briefer.bootstrap import open_for_use
from briefer.library import asks, import_pool, importing
from briefer.library.importing import ImportProgress, import_paths
from briefer.library.sources import SourceFields
from briefer.store import Store, UnitOfWork
from briefer.store.models import AskScan, Topic

#: Generated sources in the corpus: with the repeat and the empty file, exactly the
#: readable files an import needs before it starts its worker pool (fewer would be
#: imported in turn, and the pool would go untested).
FILES = import_pool.MIN_PARALLEL_FILES - 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated sources (English and Japanese), a repeat, an unreadable file, a skipped one."""
    root = tmp_path_factory.mktemp("corpus")
    gen = Generator(99)
    for i in range(FILES):
        src = gen.source(i)
        (root / src.filename).write_text(src.text, encoding="utf-8")
    first = sorted(root.glob("*.txt"))[0]
    (root / "zz-repeat.txt").write_bytes(first.read_bytes())
    (root / "zz-empty.txt").write_bytes(b"")
    (root / "notes.xyz").write_text("not a source", encoding="utf-8")
    readable = [p for p in root.iterdir() if p.suffix == ".txt"]
    assert len(readable) >= import_pool.MIN_PARALLEL_FILES  # the pool's path, not the serial one
    return root


def _content(store: Store) -> list[tuple[object, ...]]:
    """Every row an import writes, without the import times."""
    queries = [
        "SELECT id, title, kind, date, language, origin, content_hash, length, extra,"
        " previous_version_id FROM source ORDER BY id",
        "SELECT * FROM source_chunk ORDER BY source_id, start",
        "SELECT * FROM passage ORDER BY id",
        "SELECT * FROM passage_topic ORDER BY passage_id, topic_id",
        "SELECT * FROM source_sketch ORDER BY source_id, hash",
        "SELECT rowid, text, heading FROM passage_fts ORDER BY rowid",
        "SELECT rowid, text FROM passage_tri ORDER BY rowid",
        "SELECT * FROM ask ORDER BY id",
        "SELECT * FROM ask_scan ORDER BY source_id",
    ]
    out: list[tuple[object, ...]] = []
    with store.engine.connect() as conn:
        for q in queries:
            out.append(tuple(tuple(r) for r in conn.exec_driver_sql(q)))
        for index in ("passage_fts", "passage_tri"):
            conn.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    return out


def _summary(summary: importing.ImportSummary) -> list[tuple[str, str, str]]:
    return [(r.path.name, r.status, r.reason) for r in summary.results]


def test_parallel_import_gives_the_same_store_as_serial(
    tmp_path: Path, corpus: Path, spawn_pool: None
) -> None:
    # the app's own start method (spawn); the other tests' pools fork from a server (conftest)
    stores = []
    summaries = []
    for name, workers in (("serial", 1), ("parallel", 2)):
        store = open_for_use(tmp_path / f"{name}.sqlite")
        seen: list[ImportProgress] = []
        summary = import_paths(
            store, [corpus], SourceFields(kind="official"), seen.append, workers=workers
        )
        assert [p.done for p in seen] == list(range(1, len(seen) + 1))
        assert len(seen) == FILES + 3
        stores.append(store)
        summaries.append(summary)
    assert summaries[1].imported == FILES
    assert summaries[1].duplicate == 1 and summaries[1].failed == 1
    assert summaries[1].skipped == 1
    assert _summary(summaries[0]) == _summary(summaries[1])
    assert _content(stores[0]) == _content(stores[1])
    for store in stores:
        store.close()


def test_a_batch_is_all_or_nothing_and_a_cancel_keeps_only_what_was_reported(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH_FILES", 5)
    monkeypatch.setattr(importing, "BATCH_SECONDS", 60.0)
    store = open_for_use(tmp_path / "store.sqlite")
    seen: list[ImportProgress] = []
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 13  # mid-way through the third batch

    summary = import_paths(
        store, [corpus], SourceFields(kind="official"), seen.append, cancel, workers=2
    )
    assert summary.cancelled
    reported = [p.result for p in seen]
    assert list(summary.results) == reported
    assert len(reported) < 13  # the open batch was rolled back, not reported
    assert len(reported) + len(summary.not_started) == FILES + 3
    imported = [r.source.id for r in reported if r.source is not None]
    with store.engine.connect() as conn:
        ids = list(conn.exec_driver_sql("SELECT id FROM source ORDER BY id").scalars())
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM passage WHERE source_id NOT IN (SELECT id FROM source)"
        ).scalar()
        indexed = conn.exec_driver_sql("SELECT count(*) FROM passage_fts").scalar()
        passages = conn.exec_driver_sql("SELECT count(*) FROM passage").scalar()
    assert ids == imported and orphans == 0 and indexed == passages
    # the rest imports afterwards as if nothing had happened
    again = import_paths(store, [corpus], SourceFields(kind="official"), workers=2)
    assert again.imported == FILES - len(imported)
    store.close()


def test_another_writer_gets_in_during_a_long_import(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit made while a parallel import runs is written between two batches."""
    monkeypatch.setattr(importing, "BATCH_FILES", 2)
    store = open_for_use(tmp_path / "store.sqlite")
    other = open_for_use(tmp_path / "store.sqlite")  # another window on the same file
    started = threading.Event()
    edits: list[float] = []
    reported: list[float] = []  # when each file's batch was reported committed

    def progress(p: ImportProgress) -> None:
        reported.append(time.perf_counter())
        started.set()

    def writer() -> None:
        started.wait(120)
        for n in range(3):
            t0 = time.perf_counter()
            with UnitOfWork(other) as uow:
                uow.session.add(Topic(name=f"Edited during import {n}"))
                uow.commit()
            edits.append(time.perf_counter() - t0)
        done.append(time.perf_counter())

    done: list[float] = []

    thread = threading.Thread(target=writer)
    thread.start()
    summary = import_paths(store, [corpus], SourceFields(kind="official"), progress, workers=2)
    thread.join(120)
    assert summary.imported == FILES
    assert len(edits) == 3  # none failed with "The store is busy"
    # the edits went in between batches, while files were still being imported after them
    assert done and any(t > done[0] for t in reported)
    with store.engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM topic WHERE name LIKE 'Edited during%'"))
        assert len(list(names)) == 3
    store.close()
    other.close()


def test_a_long_document_is_tagged_in_slices_with_the_same_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gen = Generator(5)
    body = "\n\n".join(f"{k + 1}. {gen.source(k).title}\n\n{gen.source(k).text}" for k in range(6))
    report = tmp_path / "report.txt"
    report.write_text(body, encoding="utf-8")
    serial = open_for_use(tmp_path / "serial.sqlite")
    monkeypatch.setenv("BRIEFER_IMPORT_WORKERS", "1")
    assert import_paths(serial, [report], SourceFields(kind="official")).imported == 1
    sliced = open_for_use(tmp_path / "sliced.sqlite")
    monkeypatch.setenv("BRIEFER_IMPORT_WORKERS", "2")
    monkeypatch.setattr(import_pool, "TAG_SLICE", 40)  # a few slices of a short document
    assert import_paths(sliced, [report], SourceFields(kind="official")).imported == 1
    assert _content(serial) == _content(sliced)
    serial.close()
    sliced.close()


def test_reading_in_workers_gives_the_same_answers(tmp_path: Path, corpus: Path) -> None:
    """The import dialog's reading step, with and without worker processes."""
    store = open_for_use(tmp_path / "store.sqlite")
    answers = []
    for workers in (1, 2):
        seen: list[importing.ReadProgress] = []
        files, cancelled = importing.read_paths(store, [corpus], seen.append, workers=workers)
        assert not cancelled and len(seen) == len(files) == FILES + 3
        answers.append(
            [
                (f.name, f.status, f.reason, f.kind, f.document.text if f.document else None)
                for f in files
            ]
        )
    assert answers[0] == answers[1]
    statuses = [a[1] for a in answers[1]]
    assert statuses.count("ready") == FILES and statuses.count("duplicate") == 1
    store.close()


def _ledger(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [
            tuple(tuple(r) for r in conn.exec_driver_sql(q))
            for q in ("SELECT * FROM ask ORDER BY id", "SELECT * FROM ask_scan ORDER BY source_id")
        ]


@pytest.mark.parametrize("kind", ["industry", "official", "auto"])
def test_the_ledger_read_in_workers_is_what_the_writer_read(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The asks ledger's reading made in the workers (and, one file at a time, before the
    write transaction), keyed by passage ordinal, writes the same ask and scan rows as the
    writer reading each new source in its transaction (``read_new_sources``, the way before).
    ``auto``: each file's suggested kind, which the workers read with too."""
    from briefer.ingest.kind import suggest_kind
    from briefer.library.views import parse_kind

    def auto(_path: Path, doc: importing.Document) -> SourceFields:
        return SourceFields(kind=parse_kind(suggest_kind(doc)))

    fields = auto if kind == "auto" else SourceFields(kind=kind)  # type: ignore[arg-type]
    fallbacks: list[object] = []
    real = asks.read_new_sources

    def counted(*a: object, **k: object) -> None:
        fallbacks.append(a)
        real(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(asks, "read_new_sources", counted)
    ledgers = {}
    for name, workers in (("pool", 2), ("serial", 1)):
        store = open_for_use(tmp_path / f"{name}.sqlite")
        assert import_paths(store, [corpus], fields, workers=workers).imported == FILES
        ledgers[name] = _ledger(store)
        store.close()
    assert fallbacks == []  # every reading made beforehand was used
    monkeypatch.setattr(importing, "_ledger_reading", lambda *a: None)  # the way before
    store = open_for_use(tmp_path / "before.sqlite")
    assert import_paths(store, [corpus], fields, workers=1).imported == FILES
    ledgers["before"] = _ledger(store)
    store.close()
    assert len(fallbacks) == FILES
    assert ledgers["pool"] == ledgers["serial"] == ledgers["before"]
    assert len(ledgers["before"][1]) == FILES  # a scan row per source
    store = open_for_use(tmp_path / "pool.sqlite")
    with store.engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT count(*), min(length(terms)) FROM ask").one()
        kept = conn.exec_driver_sql("SELECT count(*) FROM ask_scan WHERE spans IS NOT NULL")
        sentences = kept.scalar()
    store.close()
    if kind == "industry":
        assert found[0] > FILES and found[1] > 0  # asks were found, each with its terms
    else:
        assert sentences  # official sentences' terms were kept


def test_a_reading_for_another_kind_or_glossary_is_read_again(tmp_path: Path) -> None:
    """The writer never writes a reading made for a kind or glossary the source does not
    have: it reads the source itself (the officer's kind differs from the suggested one,
    or the glossary file changed while the workers read)."""
    from briefer.ingest.readers import read_text
    from briefer.library.sources import add_document_ids

    store = open_for_use(tmp_path / "store.sqlite")
    doc = read_text(Generator(3).source(1).text, origin="a.txt")
    glossary = asks.store_glossary(store)
    with UnitOfWork(store) as uow:
        src, ids = add_document_ids(uow.session, doc, SourceFields(kind="official"))
        as_industry = asks.read_document("industry", doc.text, doc.segments, glossary)
        assert not asks.record_reading(uow.session, src.id, "official", as_industry, ids, glossary)
        stale = asks.read_document("official", doc.text, doc.segments, glossary)
        other = asks.Reading(stale.kind, "another glossary", stale.asks, stale.official)
        assert not asks.record_reading(uow.session, src.id, "official", other, ids, glossary)
        assert uow.session.query(AskScan).count() == 0  # the refused readings wrote nothing
        assert asks.record_reading(uow.session, src.id, "official", stale, ids, glossary)
        uow.commit()
    assert len(_ledger(store)[1]) == 1
    store.close()

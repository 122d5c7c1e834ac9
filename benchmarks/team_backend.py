"""The benchmark on a team store (PostgreSQL), and the two figures only a shared store needs.

``python -m benchmarks.run --backend postgresql`` copies each scale's cached SQLite corpus
store into its own database on the server (``briefer_bench_SCALE``, made once with
``store copy``'s ``copy_store`` and reused while it holds the same sources), then runs the
search, drafting and start-up phases on it. Two phases are new and run on both back ends:

* ``edit``: an edit's round trip, as the window makes it: one section field changed through
  ``UpdateSectionFields.apply(seen=...)`` (the conflict check included) and the brief read
  back with ``get_brief``; the median of ``EDIT_RUNS``.
* ``writers``: two officers, two connections, editing the same section of the same brief at
  the same time (two threads), each working from the revision it last saw. A refused edit
  (``ConflictError``) is counted, the writer reads the brief again and retries. Nothing is
  lost when the brief's revision rose by exactly the number of accepted edits and its final
  notes are the last accepted edit's.

The server: ``--pg-url`` or ``$BRIEFER_BENCH_PG_URL`` or ``$BRIEFER_TEST_PG_URL`` (what
``.ci/run`` sets up: a role that may create databases, trusted on loopback).
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import load_topics

EDIT_RUNS = 20
WRITER_EDITS = 20


def pg_location(admin_url: str, sqlite_store: Path, scale: int, log: Any) -> str:
    """The URL of ``briefer_bench_SCALE``, holding a copy of ``sqlite_store`` (made once)."""
    from sqlalchemy import create_engine, func, select, text
    from sqlalchemy.engine import make_url

    from briefer.store import open_store
    from briefer.store.copy import copy_store
    from briefer.store.models import Source

    name = f"briefer_bench_{scale}"
    admin = make_url(admin_url)
    url = admin.set(database=name).render_as_string(hide_password=False)
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    dest = open_store(url)
    src = open_store(sqlite_store)
    try:
        with dest.sessions() as s:
            have = s.scalar(select(func.count()).select_from(Source)) or 0
        with src.sessions() as s:
            want = s.scalar(select(func.count()).select_from(Source)) or 0
        if have != want:
            if have:
                raise RuntimeError(f"{name} holds {have} sources, not {want}: drop it first")
            t0 = time.perf_counter()
            copy_store(src, dest)
            log(f"scale {scale}: copied into {name} in {time.perf_counter() - t0:.0f} s")
    finally:
        src.close()
        dest.close()
    return url


def _brief_with_section(store: Any, title: str) -> tuple[int, int]:
    from briefer.briefs import operations as ops
    from briefer.library.topics import get_topic

    bid = ops.CreateBrief(title).apply(store).created_id
    assert bid is not None
    topic = get_topic(store, load_topics()[0].name)
    section = ops.AddSection(bid, topic.id).apply(store).created_id
    assert section is not None
    return bid, section


def bench_edit(location: str | Path) -> dict[str, Any]:
    from briefer.briefs import operations as ops
    from briefer.briefs import service
    from briefer.store import open_store

    store = open_store(location)
    bid, section = _brief_with_section(store, "Benchmark edit")
    try:
        seen = {bid: service.get_brief(store, bid).revision}
        times = []
        for i in range(EDIT_RUNS):
            t0 = time.perf_counter()
            ops.UpdateSectionFields(section, {"notes": f"edit {i}"}).apply(store, seen=seen)
            view = service.get_brief(store, bid)
            times.append((time.perf_counter() - t0) * 1000)
            assert view.sections[0].notes == f"edit {i}"
        return {
            "runs": EDIT_RUNS,
            "median_ms": round(statistics.median(times), 2),
            "max_ms": round(max(times), 2),
        }
    finally:
        ops.DeleteBrief(bid).apply(store)
        store.close()


def bench_two_writers(location: str | Path) -> dict[str, Any]:
    from briefer.briefs import operations as ops
    from briefer.briefs import service
    from briefer.store import ConflictError, open_store

    stores = [open_store(location), open_store(location)]
    bid, section = _brief_with_section(stores[0], "Benchmark two writers")
    start = service.get_brief(stores[0], bid).revision
    accepted: list[tuple[float, str]] = []
    conflicts = [0, 0]
    lock = threading.Lock()
    go = threading.Barrier(2)

    def writer(k: int) -> None:
        store = stores[k]
        seen = {bid: service.get_brief(store, bid).revision}
        go.wait()
        done = 0
        while done < WRITER_EDITS:
            value = f"officer {k} edit {done}"
            try:
                ops.UpdateSectionFields(section, {"notes": value}).apply(store, seen=seen)
            except ConflictError:
                conflicts[k] += 1
                seen[bid] = service.get_brief(store, bid).revision  # read again, then retry
                continue
            with lock:
                accepted.append((time.perf_counter(), value))
            done += 1

    try:
        t0 = time.perf_counter()
        threads = [threading.Thread(target=writer, args=(k,)) for k in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.perf_counter() - t0
        view = service.get_brief(stores[1], bid)
        last = max(accepted)[1]
        lost = len(accepted) - (view.revision - start)
        return {
            "edits_each": WRITER_EDITS,
            "accepted": len(accepted),
            "conflicts": sum(conflicts),
            "revisions": view.revision - start,
            "lost": lost,
            "final_is_last_accepted": view.sections[0].notes == last,
            "seconds": round(seconds, 2),
        }
    finally:
        ops.DeleteBrief(bid).apply(stores[0])
        for store in stores:
            store.close()

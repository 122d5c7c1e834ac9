"""How long the asks ledger takes on a benchmark library (``python -m benchmarks.asks_bench``).

On a copy of the cached corpus store (``benchmarks.corpus``; built if missing):

* ``first_run``: the first refresh of a store whose sources were imported before the import
  read them for the ledger (schema 0015): every source is read (asks found, official
  sentences and their terms computed) and every ask aligned, once;
* ``full_alignment``: the whole ledger of a library whose sources were read at import (every
  ``ask_scan`` row marked not aligned, a new process): every ask aligned against every
  official sentence, no text read;
* ``import_50``: 50 held-out sources (25 industry, 25 official) imported through
  ``import_paths`` into the 10,000-source store, then the refresh, in a new process (what the
  CLI does after ``briefer import``): the import's own time, the part of it spent reading
  the sources for the ledger, and the refresh;
* the same refresh after 2 more sources in the process that holds the index (the window);
* what the window pays: constructing the Asks page (it reads nothing until shown), its first
  page of asks when shown, and a drafted brief's view with its ledger rows (the quote cards).

``--ledger-store PATH`` starts from a copy of a store whose ledger is already computed (the
first run skipped: it is the slow, one-time part).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import corpus_for


def _child(*args: str) -> dict[str, object]:
    """Run one phase in a new process (no index cached, as the CLI after an import)."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.asks_bench", "--child", *args],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"asks_bench child {args[0]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _timed_refresh(store: object) -> dict[str, object]:
    from briefer.library import asks

    t, cpu = time.perf_counter(), time.process_time()
    result = asks.refresh(store)  # type: ignore[arg-type]
    return {
        "seconds": round(time.perf_counter() - t, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "sources": result.sources_read,
        "realigned": result.realigned,
        "asks": result.asks,
    }


def _phase_full_alignment(store_path: str) -> dict[str, object]:
    from sqlalchemy import update

    from briefer.store import UnitOfWork, open_store
    from briefer.store.models import AskScan

    store = open_store(store_path)
    with UnitOfWork(store) as uow:  # as if every source had been read at import
        uow.session.execute(update(AskScan).values(aligned=False))
        uow.commit()
    out = _timed_refresh(store)
    store.close()
    return out


def _phase_import(store_path: str, folder: str) -> dict[str, object]:
    from briefer.library import asks, importing
    from briefer.library.sources import SourceFields
    from briefer.store import open_store

    store = open_store(store_path)
    paths = sorted(Path(folder).glob("*.txt"))
    spent = [0.0]
    real = asks.read_new_sources

    def timed(*args: object, **kwargs: object) -> None:
        t = time.process_time()
        try:
            real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent[0] += time.process_time() - t

    asks.read_new_sources = timed  # type: ignore[assignment]
    t, cpu = time.perf_counter(), time.process_time()
    summary = importing.import_paths(
        store,
        paths,
        lambda p, _doc: SourceFields(kind="industry" if "_industry_" in p.name else "official"),
        workers=1,
    )
    imported = {
        "files": summary.imported,
        "seconds": round(time.perf_counter() - t, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "ledger_reading_cpu_seconds": round(spent[0], 2),
    }
    asks.read_new_sources = real  # type: ignore[assignment]
    store.close()
    store = open_store(store_path)  # the refresh as `briefer asks` runs it next
    refresh = _timed_refresh(store)
    store.close()
    return {"import": imported, "refresh": refresh}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.asks_bench")
    p.add_argument("--scale", type=int, default=10000)
    p.add_argument("--ledger-store", help="a copy of this store, its ledger computed already")
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ns = p.parse_args(argv)
    if ns.child:
        phase, *rest = ns.child
        fn = {"full": _phase_full_alignment, "import": _phase_import}[phase]
        print(json.dumps(fn(*rest)))
        return 0
    from briefer.store import open_store

    corpus = corpus_for(ns.scale)
    out: dict[str, object] = {"scale": ns.scale}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.sqlite"
        shutil.copy(ns.ledger_store or corpus.store, path)
        store = open_store(path)
        if not ns.ledger_store:
            out["first_run"] = _timed_refresh(store)
        t = time.perf_counter()
        _timed_refresh(store)
        out["unchanged_seconds"] = round(time.perf_counter() - t, 3)
        store.close()
        out["full_alignment"] = _child("full", str(path))
        held = sorted(corpus.holdout.glob("*.txt"))
        industry = [h for h in held if "_industry_" in h.name]
        official = [h for h in held if "_official_" in h.name]
        batch = Path(tmp) / "import-50"
        batch.mkdir()
        for h in industry[:25] + official[:25]:
            shutil.copy(h, batch / h.name)
        out["import_50"] = _child("import", str(path), str(batch))
        # The same in the process that holds the index (the window after an import).
        store = open_store(path)
        _timed_refresh(store)  # builds and caches the index
        more = Path(tmp) / "import-2"
        more.mkdir()
        for h in (industry[25], official[25]):
            shutil.copy(h, more / h.name)
        out["import_2_in_process"] = _import_in_process(store, more)
        store.close()
        out["window"] = _window_cost(path)
    print(json.dumps(out, indent=2))
    return 0


def _import_in_process(store: object, folder: Path) -> dict[str, object]:
    from briefer.library import importing
    from briefer.library.sources import SourceFields

    importing.import_paths(
        store,  # type: ignore[arg-type]
        sorted(folder.glob("*.txt")),
        lambda p, _doc: SourceFields(kind="industry" if "_industry_" in p.name else "official"),
        workers=1,
    )
    return _timed_refresh(store)


def _window_cost(path: Path) -> dict[str, float]:
    """Milliseconds the ledger adds to the window: the Asks page built and first shown, a
    brief's ledger rows."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from briefer.briefs import drafting, service
    from briefer.briefs import operations as ops
    from briefer.library import asks
    from briefer.store import ReadSession, open_store
    from briefer.ui.asks_view import AsksPage
    from briefer.ui.main import make_application
    from briefer.ui.workspace import Workspace

    make_application()
    store = open_store(path)
    ws = Workspace(store)
    t = time.perf_counter()
    AsksPage(ws)
    page_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    with ReadSession(store) as s:  # what showing the page reads (on its worker)
        asks.read_asks(s, limit=200)
        asks.count_asks(s)
    first_page_ms = (time.perf_counter() - t) * 1000
    bid = ops.CreateBrief("Benchmark").apply(store).created_id
    assert bid is not None
    drafting.draft(store, bid, ["Artificial intelligence", "Semiconductors", "Cybersecurity"])
    t = time.perf_counter()
    with ReadSession(store) as s:
        service.brief_view(s, bid)
    with_rows = (time.perf_counter() - t) * 1000
    store.close()
    return {
        "asks_page_ms": round(page_ms, 1),
        "asks_first_page_ms": round(first_page_ms, 1),
        "brief_view_with_ledger_ms": round(with_rows, 1),
    }


if __name__ == "__main__":
    raise SystemExit(main())

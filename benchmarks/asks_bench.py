"""How long the asks ledger takes on a benchmark library (``python -m benchmarks.asks_bench``).

On a copy of the cached corpus store (``benchmarks.corpus``; built if missing):

* the first, full run: every ask found, every official sentence indexed, every ask aligned;
* an incremental run after importing one held-out industry and one held-out official
  source (a new process, so the index is re-read from ``ask_scan``, as the CLI would);
* what the window pays at opening: constructing the Asks page (it reads nothing until
  shown) and the ledger rows of a drafted brief's sections (what the quote cards show).
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


def _import_and_refresh(store: object, paths: list[Path]) -> dict[str, float]:
    from briefer.ingest.readers import read_path
    from briefer.library import asks
    from briefer.library.sources import SourceFields, add_document
    from briefer.store import UnitOfWork

    with UnitOfWork(store) as uow:  # type: ignore[arg-type]
        for path in paths:
            kind = "industry" if "_industry_" in path.name else "official"
            add_document(uow.session, read_path(path), SourceFields(kind=kind))
        uow.commit()
    t = time.perf_counter()
    result = asks.refresh(store)  # type: ignore[arg-type]
    return {"seconds": round(time.perf_counter() - t, 2), "realigned": result.realigned}


def _incremental(store_path: str, industry: str, official: str) -> dict[str, float]:
    from briefer.ingest.readers import read_path
    from briefer.library import asks
    from briefer.library.sources import SourceFields, add_document
    from briefer.store import UnitOfWork, open_store

    store = open_store(store_path)
    with UnitOfWork(store) as uow:
        for path, kind in ((industry, "industry"), (official, "official")):
            add_document(uow.session, read_path(Path(path)), SourceFields(kind=kind))
        uow.commit()
    t, cpu = time.perf_counter(), time.process_time()
    result = asks.refresh(store)
    seconds = time.perf_counter() - t
    store.close()
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "realigned": result.realigned,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.asks_bench")
    p.add_argument("--scale", type=int, default=10000)
    p.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ns = p.parse_args(argv)
    if ns.child:
        print(json.dumps(_incremental(*ns.child)))
        return 0
    from briefer.library import asks
    from briefer.store import open_store

    corpus = corpus_for(ns.scale)
    out: dict[str, object] = {"scale": ns.scale}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.sqlite"
        shutil.copy(corpus.store, path)
        store = open_store(path)
        t, cpu = time.perf_counter(), time.process_time()
        full = asks.refresh(store)
        out["full_seconds"] = round(time.perf_counter() - t, 1)
        out["full_cpu_seconds"] = round(time.process_time() - cpu, 1)
        out["asks"] = full.asks
        out["sources_read"] = full.sources_read
        t = time.perf_counter()
        asks.refresh(store)
        out["unchanged_seconds"] = round(time.perf_counter() - t, 3)
        store.close()
        held = sorted(corpus.holdout.glob("*.txt"))
        industry = next(h for h in held if "_industry_" in h.name)
        official = next(h for h in held if "_official_" in h.name)
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.asks_bench",
                "--child",
                str(path),
                str(industry),
                str(official),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        out["incremental"] = json.loads(child.stdout.strip().splitlines()[-1])
        # The same in the process that did the full run (the window keeps its index).
        store = open_store(path)
        asks.refresh(store)  # the child's imports are already read; warm the cache
        more = [h for h in held if h not in (industry, official)][:2]
        out["incremental_in_process"] = _import_and_refresh(store, more)
        store.close()
        out["window"] = _window_cost(path)
    print(json.dumps(out, indent=2))
    return 0


def _window_cost(path: Path) -> dict[str, float]:
    """Milliseconds the ledger adds to the window: the Asks page, a brief's ledger rows."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from briefer.briefs import drafting, service
    from briefer.briefs import operations as ops
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
    bid = ops.CreateBrief("Benchmark").apply(store).created_id
    assert bid is not None
    drafting.draft(store, bid, ["Artificial intelligence", "Semiconductors", "Cybersecurity"])
    t = time.perf_counter()
    with ReadSession(store) as s:
        service.brief_view(s, bid)
    with_rows = (time.perf_counter() - t) * 1000
    store.close()
    return {"asks_page_ms": round(page_ms, 1), "brief_view_with_ledger_ms": round(with_rows, 1)}


if __name__ == "__main__":
    raise SystemExit(main())

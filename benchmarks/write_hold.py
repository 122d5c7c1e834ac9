"""How long one very large source holds the store's write lock: its one write transaction.

    python -m benchmarks.write_hold prep WORKDIR [--mb 20]   # report, read and tagged once
    PYTHONPATH=<checkout>/src python -m benchmarks.write_hold hold WORKDIR

``prep`` writes a report of about ``--mb`` MB (``ui_stall.write_report``), reads it and
scores its tags, and pickles both; ``hold`` (run it for each checkout in turn, the same
pickle) adds it to a new store in one ``UnitOfWork`` as ``importing.import_one`` does and
prints the transaction's wall and CPU seconds (the write lock's hold), the CPU of the work
done before it (the asks ledger's reading, where the checkout makes it there) and the
process's peak RSS.
"""

from __future__ import annotations

import argparse
import pickle
import resource
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["prep", "hold"])
    ap.add_argument("workdir", type=Path)
    ap.add_argument("--mb", type=float, default=20.0)
    ns = ap.parse_args()

    from briefer.bootstrap import open_for_use
    from briefer.library import importing, near_duplicates
    from briefer.library.sources import SourceFields
    from briefer.store import UnitOfWork

    work: Path = ns.workdir
    work.mkdir(parents=True, exist_ok=True)
    fields = SourceFields(kind="official")
    if ns.mode == "prep":
        from benchmarks.ui_stall import write_report
        from briefer.ingest.readers import read_path

        write_report(work / "report.txt", ns.mb)
        doc = read_path(work / "report.txt")
        store = open_for_use(work / "prep.sqlite")
        prepared = importing._prepare_tags(store, doc, fields)
        store.close()
        (work / "prep.pkl").write_bytes(pickle.dumps((doc, prepared)))
        return 0
    doc, prepared = pickle.loads((work / "prep.pkl").read_bytes())
    store = open_for_use(work / f"hold-{time.time_ns()}.sqlite")
    read = importing.ReadFile("report.txt", "ready", path=work / "report.txt", document=doc)
    item = importing.ImportItem(read, fields)
    hashes = near_duplicates.sketch(near_duplicates.content_text(doc))
    extra = {}
    before = time.process_time()
    if hasattr(importing, "_ledger_reading"):  # checkouts that read for the ledger beforehand
        extra["reading"] = importing._ledger_reading(store, doc, fields)
    before = time.process_time() - before
    wall, cpu = time.perf_counter(), time.process_time()
    with UnitOfWork(store) as uow:
        result = importing._write(
            uow.session, read.name, work / "report.txt", item, hashes, prepared, "ask", **extra
        )
        uow.commit()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.close()
    print(
        f"{result.status}: {len(doc.segments):,} passages; write lock held {wall:.2f} s wall, "
        f"{cpu:.2f} s CPU; work before it {before:.2f} s CPU; peak RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

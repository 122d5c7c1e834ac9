"""How long each transaction of a batched import holds the write lock (thread CPU and wall).

    python -m benchmarks.batch_holds [--mb 5]

Generates a report (``ui_stall.write_report``), imports it into a new store in this process
through ``importing.import_paths`` as ``briefer import --kind official`` does, and times every
unit of work of ``library.batched_write`` (its thread's CPU between taking the write lock and
releasing it): the longest is the longest another writer can wait for this import on a quiet
machine. Prints JSON: the number of transactions, the first (source row and text), the
longest passage batch, the last (tags, sketch, ledger) and the whole import's CPU.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.ui_stall import write_report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=5.0)
    ns = ap.parse_args(argv)

    from briefer.bootstrap import open_for_use
    from briefer.library import batched_write, importing
    from briefer.library.sources import SourceFields
    from briefer.store import UnitOfWork

    holds: list[tuple[float, float]] = []

    class Timed(UnitOfWork):
        def __enter__(self) -> Timed:
            super().__enter__()
            self._t = (time.thread_time(), time.perf_counter())
            return self

        def __exit__(self, *exc: Any) -> None:
            try:
                super().__exit__(*exc)
            finally:
                cpu, wall = self._t
                holds.append((time.thread_time() - cpu, time.perf_counter() - wall))

    batched_write.UnitOfWork = Timed  # type: ignore[misc]
    with tempfile.TemporaryDirectory(prefix="briefer-holds-") as tmp:
        report = Path(tmp) / "report.txt"
        write_report(report, ns.mb)
        store = open_for_use(Path(tmp) / "store.sqlite")
        cpu = time.process_time()
        summary = importing.import_paths(store, [report], SourceFields(kind="official"))
        cpu = time.process_time() - cpu
        store.close()
    middle = holds[1:-1] or [(0.0, 0.0)]
    print(
        json.dumps(
            {
                "megabytes": ns.mb,
                "summary": summary.line(),
                "passages": summary.results[0].passages,
                "transactions": len(holds),
                "first_cpu_s": round(holds[0][0], 3),
                "longest_batch_cpu_s": round(max(c for c, _ in middle), 3),
                "last_cpu_s": round(holds[-1][0], 3),
                "longest_wall_s": round(max(w for _, w in holds), 2),
                "import_cpu_s_this_process": round(cpu, 1),
                "peak_rss_mb_this_process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                // 1024,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

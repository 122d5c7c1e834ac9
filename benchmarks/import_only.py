"""Time only the text import figure: the held-out files of one scale, N runs.

    python -m benchmarks.import_only --scale 1000 --runs 3

Each run imports the scale's held-out ``.txt`` files (500 at 1,000 sources) into a fresh copy
of its store through ``library.importing.import_paths``, after opening (migrating) and
checkpointing the copy, and prints wall and CPU seconds. Run it for two checkouts in turn
(``PYTHONPATH=<other checkout>/src``) to compare them on a shared machine: CPU seconds vary
less than wall seconds there.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import OUT, ensure_corpus


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    ns = ap.parse_args()

    from briefer.library.importing import import_paths
    from briefer.library.sources import SourceFields
    from briefer.store import open_store

    corpus = ensure_corpus(ns.scale, out=ns.out)
    paths = sorted(corpus.holdout.glob("*.txt"))
    for _ in range(ns.runs):
        with tempfile.TemporaryDirectory(dir=ns.out) as tmp:
            copy = Path(tmp) / "store.sqlite"
            shutil.copyfile(corpus.store, copy)
            store = open_store(copy)
            with store.engine.connect() as con:
                con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            wall, cpu = time.perf_counter(), time.process_time()
            summary = import_paths(store, paths, SourceFields(kind="official"))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            store.close()
        print(
            json.dumps(
                {
                    "files": len(paths),
                    "imported": summary.imported,
                    "wall_s": round(wall, 2),
                    "cpu_s": round(cpu, 2),
                    "files_per_s": round(len(paths) / wall, 2),
                }
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The 500-file import figure for several checkouts, run in turn (alternating), with CPU
seconds per file of the writer (this process) and of the worker processes.

    python -m benchmarks.import_compare --runs 2 old=/tmp/old/src@BACKUP.sqlite new=src

Each ``NAME=SRC`` (optionally ``@STORE``: a store of that checkout's schema, else the scale's
store) runs ``import_paths`` over the held-out ``.txt`` files in a fresh subprocess with
``PYTHONPATH=SRC``, into a copy of the store, after opening and checkpointing it. On a
shared machine compare the CPU columns: wall time follows the load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import OUT, ensure_corpus

_CHILD = r"""
import json, resource, shutil, sys, tempfile, time
from pathlib import Path
from briefer.library.importing import import_paths
from briefer.library.sources import SourceFields
from briefer.store import open_store

store_path, holdout, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
paths = sorted(holdout.glob("*.txt"))
with tempfile.TemporaryDirectory(dir=out) as tmp:
    copy = Path(tmp) / "store.sqlite"
    shutil.copyfile(store_path, copy)
    store = open_store(copy)
    with store.engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu = time.perf_counter(), time.process_time()
    summary = import_paths(store, paths, SourceFields(kind="official"))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (kids.ru_utime + kids.ru_stime)
    store.close()
n = len(paths)
print(json.dumps({
    "files": n, "imported": summary.imported, "wall_s": round(wall, 2),
    "files_per_s": round(n / wall, 2), "writer_cpu_ms_per_file": round(1000 * cpu / n, 1),
    "workers_cpu_ms_per_file": round(1000 * workers / n, 1),
}))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("code", nargs="+", help="NAME=SRC[@STORE]")
    ns = ap.parse_args()
    # the import does not read the cached ledger: never rebuilt here (40 min of CPU)
    corpus = ensure_corpus(ns.scale, out=ns.out, rebuild_stale_ledger=False)
    for run in range(ns.runs):
        for spec in ns.code:
            name, _, rest = spec.partition("=")
            src, _, store = rest.partition("@")
            env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
            args = [store or str(corpus.store), str(corpus.holdout), str(ns.out)]
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, *args],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            line = done.stdout.strip().splitlines()[-1:] or [done.stderr.strip()[-300:]]
            try:
                figures = json.loads(line[0])
            except ValueError:
                figures = {"error": line[0]}
            print(json.dumps({"run": run + 1, "code": name, **figures}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

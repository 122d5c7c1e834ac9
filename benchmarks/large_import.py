"""One very large plain-text source through ``briefer import``, with a writer waiting beside it.

    python -m benchmarks.large_import [--mb 20] [--store STORE]

Generates a report of about ``--mb`` MB (``ui_stall.write_report``), copies the store (a new
one with the default topics when none is given) and imports the report as a whole process
under ``/usr/bin/time`` (wall seconds, peak RSS of the process and its workers). Meanwhile
this process takes the store's write lock every 0.2 s the way another Briefer window does
(``BEGIN IMMEDIATE`` with the store's 5 s busy timeout, then a rollback) and records how
long each attempt waited: the longest wait is how long the import shut other writers out.
The peer is ``sqlite3``'s own FTS5 bulk load of the same text, one row per paragraph.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.ui_stall import write_report


def _fts5_floor(report: Path, workdir: Path) -> float:
    db = workdir / "floor.sqlite"
    t0 = time.perf_counter()
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61')")
    con.execute("BEGIN")
    text = report.read_text(encoding="utf-8")
    con.executemany(
        "INSERT INTO t(text) VALUES (?)", ((p,) for p in text.split("\n\n") if p.strip())
    )
    con.execute("COMMIT")
    con.close()
    return time.perf_counter() - t0


def _writer(
    path: Path, stop: threading.Event, waits: list[float], errors: list[str], gaps: list[float]
) -> None:
    """``gaps``: the longest time between two writes that got in (failures included)."""
    con = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    last = time.perf_counter()
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
            now = time.perf_counter()
            gaps.append(now - last - 0.2)
            last = now
        except sqlite3.OperationalError as exc:
            errors.append(str(exc))
        waits.append(time.perf_counter() - t0)
        stop.wait(0.2)
    con.close()


def run(megabytes: float, store: Path | None, with_floor: bool = True) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="briefer-large-") as tmp:
        work = Path(tmp)
        copy = work / "store.sqlite"
        if store is not None:
            shutil.copyfile(store, copy)
        briefer = [sys.executable, "-m", "briefer.app", "--store", str(copy)]
        if store is None:  # a new store with the default topics
            seed = work / "seed.txt"
            seed.write_text("A short note on digital trade.\n", encoding="utf-8")
            subprocess.run([*briefer, "import", str(seed)], capture_output=True, check=True)
        else:
            subprocess.run([*briefer, "topics"], capture_output=True, check=True)  # migrate
        report = work / "large-report.txt"
        size = write_report(report, megabytes)
        timer = ["/usr/bin/time", "-f", "%e %M %U %S"] if Path("/usr/bin/time").exists() else []
        stop = threading.Event()
        waits: list[float] = []
        errors: list[str] = []
        gaps: list[float] = []
        thread = threading.Thread(target=_writer, args=(copy, stop, waits, errors, gaps))
        thread.start()
        t0 = time.perf_counter()
        done = subprocess.run(
            [*timer, *briefer, "import", str(report), "--kind", "official"],
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - t0
        stop.set()
        thread.join()
        last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
        parts = last.split()
        rss = int(parts[1]) / 1024 if timer and len(parts) == 4 and parts[1].isdigit() else None
        cpu = float(parts[2]) + float(parts[3]) if rss is not None else None
        floor = _fts5_floor(report, work) if with_floor else float("nan")
        return {
            "megabytes": round(size / 1e6, 1),
            "exit": done.returncode,
            "summary": done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "",
            "seconds": round(seconds, 1),
            "peak_rss_mb": round(rss, 0) if rss is not None else None,
            "cpu_s": round(cpu, 1) if cpu is not None else None,
            "code": os.environ.get("PYTHONPATH", "") or "this checkout",
            "writer_attempts": len(waits),
            "writer_longest_wait_s": round(max(waits), 2) if waits else None,
            "writer_failures": len(errors),
            "writer_longest_shut_out_s": round(max(gaps), 2) if gaps else None,
            "fts5_floor_s": round(floor, 2),
            "ratio_vs_fts5": round(seconds / floor, 1),
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--store", type=Path)
    ap.add_argument("--no-floor", action="store_true", help="skip the FTS5 bulk-load peer")
    ns = ap.parse_args(argv)
    print(json.dumps(run(ns.mb, ns.store, not ns.no_floor)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

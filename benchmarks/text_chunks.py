"""Source text in one column (0013) against chunks (0014), on the 10,000-source corpus plus
one 20 MB report.

    python -m benchmarks.text_chunks measure STORE [--json]
        the figures of one store, with whatever Briefer is on the path (child process:
        its own peak RSS)
    python -m benchmarks.text_chunks page STORE [--json]
        open the store and read the 20 MB report's last reader page: the peak RSS of that
    python -m benchmarks.text_chunks upgrade STORE [--json]
        open a 0013 store with this code: how long migration 0014 takes, and its silences
    python -m benchmarks.text_chunks compare BEFORE.sqlite --old-code DIR [--window]
        copies BEFORE (schema 0013, with the report imported), measures it with the code
        in DIR (``git archive`` of the commit before the chunks), upgrades a second copy
        with this tree's code (the time 0014 takes) and measures that; prints both and the
        ratios. ``--window``: also ``benchmarks.ui_stall``'s window session on each copy.

Build BEFORE once: a copy of ``benchmarks/out/corpus-10000-s20240430/store.sqlite`` and
``benchmarks.ui_stall.write_report(path, 20)`` imported with the old code
(``briefer --store BEFORE import report.txt --kind official``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
QUERIES = ("data", "semiconductor supply", '"data flows"', "interop", "半導体", "trust AND data")


def _ms(fn: Any, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def measure(path: Path) -> dict[str, Any]:
    from sqlalchemy import func, select

    from briefer.library import sources
    from briefer.library.search import search
    from briefer.store import ReadSession, open_store, texts
    from briefer.store.models import Passage, Source

    t0 = time.perf_counter()
    store = open_store(path)
    out: dict[str, Any] = {"open_s": round(time.perf_counter() - t0, 3)}
    try:
        with ReadSession(store) as s:
            big = s.scalar(select(Source.id).where(Source.origin.like("%large-report%")))
            assert big is not None, "the store has no large-report source"
            last = s.scalar(select(func.max(Passage.ordinal)).where(Passage.source_id == big))
            length = texts.source_length(s, big) if hasattr(texts, "source_length") else None
            if length is None:
                length = s.scalar(select(func.length(Source.text)).where(Source.id == big))
        out["large_chars"] = length
        with ReadSession(store) as s:
            texts.text_span(s, big, 15_000_000, 15_004_000)
            span = _ms(lambda: texts.text_span(s, big, 15_000_000, 15_004_000), 30)
        out["text_span_15M_ms"] = round(statistics.median(span), 3)
        sources.list_sources(store)
        listing = _ms(lambda: sources.list_sources(store), 5)
        out["list_10k_sources_ms"] = round(statistics.median(listing), 1)

        def row_load() -> None:
            with ReadSession(store) as s:
                src = s.get(Source, big)
                assert src is not None and src.marking is not None

        row = _ms(row_load, 30)
        out["source_row_load_ms"] = round(statistics.median(row), 3)
        for q in QUERIES:
            search(store, q)
        times: list[float] = []
        for q in QUERIES:
            times += _ms(lambda q=q: search(store, q), 10)
        out["search_p50_ms"] = round(statistics.median(times), 2)
        out["search_p95_ms"] = round(_p95(times), 2)
        # the reader's last page of the 20 MB report
        page = _ms(
            lambda: sources.get_source(store, big, window=60, first=max(0, (last or 0) - 59)),
            5,
        )
        out["reader_last_page_ms"] = round(statistics.median(page), 1)
    finally:
        store.close()
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    con = sqlite3.connect(path)
    try:
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        free = con.execute("PRAGMA freelist_count").fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
        out["store_mb"] = round(pages * size / 1e6, 1)
        out["store_mb_without_free_pages"] = round((pages - free) * size / 1e6, 1)
        cols = {r[1] for r in con.execute("PRAGMA table_info(source)")}
        raw = con.execute(
            "SELECT sum(length(CAST(text AS BLOB))) FROM "
            + ("source" if "text" in cols else "source_chunk")
        ).fetchone()[0]
        out["raw_text_mb"] = round(raw / 1e6, 1)
    finally:
        con.close()
    return out


def last_page(path: Path) -> dict[str, Any]:
    """Open the store and read the 20 MB report's last page in the reader's way: peak RSS."""
    from sqlalchemy import func, select

    from briefer.library import sources
    from briefer.store import ReadSession, open_store
    from briefer.store.models import Passage, Source

    t0 = time.perf_counter()
    store = open_store(path)
    try:
        with ReadSession(store) as s:
            big = s.scalar(select(Source.id).where(Source.origin.like("%large-report%")))
            last = s.scalar(select(func.max(Passage.ordinal)).where(Passage.source_id == big))
        assert big is not None
        sources.get_source(store, big, window=400, first=max(0, (last or 0) - 399))
    finally:
        store.close()
    return {
        "open_and_last_page_s": round(time.perf_counter() - t0, 3),
        "open_and_last_page_rss_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
    }


def upgrade(path: Path) -> dict[str, Any]:
    """Open (and so upgrade) the store, timing the migration and its progress reports."""
    from briefer.store import db

    steps: list[float] = []
    t0 = time.perf_counter()
    with db.upgrade_progress(lambda _s, _d, _t: steps.append(time.perf_counter())):
        db.open_store(path).close()
    ticks = [t0, *steps, time.perf_counter()]  # the longest time without a progress report
    return {
        "upgrade_0014_s": round(ticks[-1] - t0, 1),
        "upgrade_longest_silence_s": round(max(b - a for a, b in itertools.pairwise(ticks)), 2),
        "upgrade_cpu_s": round(time.process_time(), 1),
        "upgrade_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _child(path: Path, pythonpath: str | None, what: str = "measure") -> dict[str, Any]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.text_chunks", what, str(path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=HERE,
    )
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(what, path.name, json.dumps(figures), file=sys.stderr, flush=True)  # as they come
    return dict(figures)


def _window(path: Path, code: Path) -> dict[str, Any]:
    """``benchmarks.ui_stall``'s window session (stalls, peak RSS) with the code in ``code``."""
    env = {**os.environ, "PYTHONPATH": f"{code / 'src'}{os.pathsep}{code}"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.ui_stall", str(path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=code,
    )
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {f"window_{k}": v for k, v in figures.items()}


def _copy(src: Path, dst: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    with b:
        a.backup(b)
    a.close()
    b.close()


def compare(before: Path, old_code: Path, *, window: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="briefer-chunks-", dir=before.parent) as tmp:
        old_copy, new_copy = Path(tmp) / "old.sqlite", Path(tmp) / "new.sqlite"
        _copy(before, old_copy)
        old_path = f"{old_code / 'src'}{os.pathsep}{HERE}"
        old = {**_child(old_copy, old_path), **_child(old_copy, old_path, "page")}
        if window:
            old.update(_window(old_copy, old_code))
        _copy(before, new_copy)
        # each in its own process: Linux keeps a parent's peak RSS across fork and exec
        new = {
            **_child(new_copy, None, "upgrade"),
            **_child(new_copy, None),
            **_child(new_copy, None, "page"),
        }
        if window:
            new.update(_window(new_copy, HERE))
        t1 = time.perf_counter()
        con = sqlite3.connect(new_copy)
        con.execute("VACUUM")
        con.close()
        new["vacuum_s"] = round(time.perf_counter() - t1, 1)
        new["store_mb_after_vacuum"] = round(new_copy.stat().st_size / 1e6, 1)
    ratios = {
        k: round(old[k] / new[k], 2)
        for k in old
        if k in new and isinstance(old[k], (int, float)) and new[k]
    }
    return {"before_0013": old, "after_0014": new, "before_over_after": ratios}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("measure", "page", "upgrade"):
        m = sub.add_parser(name)
        m.add_argument("store", type=Path)
        m.add_argument("--json", action="store_true")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("--old-code", type=Path, required=True)
    c.add_argument("--window", action="store_true", help="also the window session (ui_stall)")
    ns = ap.parse_args(argv)
    if ns.cmd == "measure":
        result = measure(ns.store)
    elif ns.cmd == "page":
        result = last_page(ns.store)
    elif ns.cmd == "upgrade":
        result = upgrade(ns.store)
    else:
        result = compare(ns.before, ns.old_code, window=ns.window)
    indent = None if getattr(ns, "json", False) else 2
    print(json.dumps(result, indent=indent, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Per-query CPU and wall time of search on one store, in one process.

    python -m benchmarks.search_queries benchmarks/out/corpus-10000-s20240430/store.sqlite

The queries of ``benchmarks.run`` (words, phrases, Japanese, prefixes, filters), each once to
warm the caches and then ``--repeats`` times; CPU is this process's CPU time per search, the
figure to read on a shared machine (wall time also counts the wait for a core). Lighter than
the benchmark's search phase (no rg runs, no ledger check, no copy): for iterating and for a
store whose corpus folder is not a benchmark cache (the 100,000-source clone's copy). It
opens the store read-write (an older store is migrated), so run it on a copy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def measure(store_path: Path, repeats: int) -> dict[str, object]:
    from benchmarks.run import QUERIES, percentile
    from briefer.library.search import rank_index_status, search
    from briefer.store.db import open_store

    store = open_store(store_path)
    try:
        status = rank_index_status(store)
        rows = []
        cpu_all: list[float] = []
        wall_all: list[float] = []
        for q in QUERIES:
            search(store, q.text, **q.options)
            cpu, wall = [], []
            hits = 0
            for _ in range(repeats):
                c0, t0 = time.process_time(), time.perf_counter()
                hits = len(search(store, q.text, **q.options))
                cpu.append((time.process_time() - c0) * 1000)
                wall.append((time.perf_counter() - t0) * 1000)
            cpu_all += cpu
            wall_all += wall
            rows.append(
                {
                    "query": q.label,
                    "category": q.category,
                    "hits": hits,
                    "cpu_p50_ms": round(statistics.median(cpu), 1),
                    "cpu_max_ms": round(max(cpu), 1),
                    "wall_p50_ms": round(statistics.median(wall), 1),
                }
            )
    finally:
        store.close()
    return {
        "rank_index": status,
        "queries": rows,
        "cpu_p50_ms": round(percentile(cpu_all, 50), 1),
        "cpu_p95_ms": round(percentile(cpu_all, 95), 1),
        "wall_p50_ms": round(percentile(wall_all, 50), 1),
        "wall_p95_ms": round(percentile(wall_all, 95), 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    ns = parser.parse_args(argv)
    result = measure(ns.store, ns.repeats)
    if ns.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"ranking index: {result['rank_index']}")
    for r in result["queries"]:  # type: ignore[attr-defined]
        print(
            f"{r['query']:36} {r['category']:9} hits {r['hits']:3}  CPU p50 {r['cpu_p50_ms']:6.1f}"
            f" max {r['cpu_max_ms']:6.1f}  wall p50 {r['wall_p50_ms']:7.1f} ms"
        )
    print(
        f"CPU p50 {result['cpu_p50_ms']} p95 {result['cpu_p95_ms']} ms; "
        f"wall p50 {result['wall_p50_ms']} p95 {result['wall_p95_ms']} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Briefer's benchmark runner: import, search, drafting, export, start-up and store size.

    python -m benchmarks.run --scales 100,1000,10000
    python -m benchmarks.run --smoke              # ~50 sources, seconds; what CI runs
    python -m benchmarks.run --scales 1000 --profile   # pyinstrument reports per phase
    python -m benchmarks.run --backend postgresql --scales 10000   # the team store (loopback)
    python -m benchmarks.run --scales 100000 --rg-repeats 1 --import-runs import_text,import_docx

The 100,000-source corpus is the 10,000 one cloned (``benchmarks/clone.py``, built on first
use, generating the 10,000 one first if it is not cached).

Corpora are generated and cached by ``benchmarks.corpus`` (``benchmarks/out/``). Results go
to ``benchmarks/out/results-<date>.json`` and a table on stdout. Timings depend on the
machine; the JSON records the machine facts next to them. See docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import json
import os
import platform
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    DEFAULT_SEED,
    OUT,
    Corpus,
    corpus_for,
    ensure_corpus,
    load_topics,
)

SMOKE_SCALE = 50

#: Targets at 10,000 sources (the issue); ``(key, comparison, value, label)``.
TARGETS: tuple[tuple[str, str, float, str], ...] = (
    ("search.p95_ms", "<=", 20.0, "search p95 <= 20 ms"),
    ("search.ratio_vs_rg", "<", 1.0, "search faster than rg (ratio < 1)"),
    ("import_text.sources_per_s", ">=", 200.0, "import >= 200 text sources/s"),
    ("import_docx.sources_per_s", ">=", 100.0, "import >= 100 DOCX sources/s"),
    ("draft.median_ms", "<=", 500.0, "draft 10-topic brief <= 500 ms"),
    ("export.docx_median_s", "<=", 0.3, "DOCX export 100 sections <= 0.3 s"),
    ("export.ratio_vs_pandoc", "<", 0.15, "DOCX export < 0.15 x pandoc"),
    ("startup.window_ms", "<=", 500.0, "window shown <= 0.5 s"),
    ("startup.peak_rss_mb", "<=", 300.0, "start-up peak RSS <= 300 MB"),
    ("store.ratio_to_raw", "<=", 3.0, "store <= 3x raw text"),
)

#: Targets at 100,000 sources (issue 19 item 4).
TARGETS_100K: tuple[tuple[str, str, float, str], ...] = (
    ("search.p95_ms", "<=", 50.0, "search p95 <= 50 ms"),
    ("search.ratio_vs_rg", "<", 1.0, "search faster than rg (ratio < 1)"),
    ("draft.median_ms", "<=", 1000.0, "draft 10-topic brief <= 1 s"),
    ("startup.window_ms", "<=", 1000.0, "window shown <= 1.0 s"),
    ("store.ratio_to_raw", "<=", 2.5, "store <= 2.5x raw text"),
)

#: The command line's targets (issue 19 item 2), on the fastest of the phase's launches
#: (the least disturbed by other load on a shared machine, as ``benchmarks/cli_startup``).
TARGETS_CLI: tuple[tuple[str, str, float, str], ...] = (
    ("cli.briefer --version.min_ms", "<=", 100.0, "briefer --version <= 100 ms"),
    ("cli.briefer --help.min_ms", "<=", 100.0, "briefer --help <= 100 ms"),
    ("cli.search --json.x_rg", "<=", 1.0, "CLI search no slower than rg"),
    ("cli.source show --json.x_rg", "<=", 1.0, "CLI source show no slower than rg"),
    ("cli.topics --json.x_rg", "<=", 1.0, "CLI topics no slower than rg"),
)

#: Which targets hold at which scale.
TARGETS_AT = {10_000: TARGETS + TARGETS_CLI, 100_000: TARGETS_100K + TARGETS_CLI}


@dataclass
class Settings:
    search_repeats: int = 5
    rg_repeats: int = 3
    draft_runs: int = 5
    draft_timeout: float = 300.0
    export_runs: int = 3
    startup_runs: int = 3
    #: a cached asks ledger read with an older glossary: "rebuild" it in the cache (once,
    #: timed as the ledger's build) or "relabel" it current in the run's copy
    stale_ledger: str = "rebuild"
    #: CPU seconds after which the ranking index build is stopped (None: build it all)
    rank_index_cpu: float | None = None
    #: launches of each command line in the ``cli`` phase (round-robin with rg)
    cli_runs: int = 5
    import_text_limit: int = 500
    import_docx_limit: int = 200
    export_sections: int = 100
    #: which of ``IMPORT_RUNS`` to make (``--import-runs``; each copies the scale's store)
    import_runs: tuple[str, ...] = ()
    profile: bool = False
    #: which figures to measure (``--phases``); the store size is always reported
    phases: tuple[str, ...] = (
        "import",
        "search",
        "draft",
        "export",
        "cli",
        "startup",
        "edit",
        "writers",
    )
    #: "sqlite" (the corpus store itself) or "postgresql" (a copy on ``pg_url``)
    backend: str = "sqlite"
    pg_url: str = ""
    #: run the phases on the cached corpus store itself (``--in-place``), not a copy
    in_place: bool = False
    #: read the cached corpora from this folder and never write to it (``--corpus-cache``):
    #: each run copies the store first and upgrades the copy; no ledger build, no ranking
    #: index kept beside it (another checkout's ``benchmarks/out``, shared read-only)
    corpus_cache: Path | None = None
    out: Path = OUT
    log: Callable[[str], None] = field(default=lambda msg: None)


def smoke_settings(out: Path = OUT) -> Settings:
    """Every phase once, on the fewest files that still take each code path (the suite's
    smoke test: a figure per row, not a measurement)."""
    try:  # an older tree (--baseline) may have no pool
        from briefer.library.import_pool import MIN_PARALLEL_FILES
    except ImportError:
        MIN_PARALLEL_FILES = 16
    return Settings(
        search_repeats=2,
        rg_repeats=1,
        draft_runs=1,
        export_runs=1,
        startup_runs=1,
        cli_runs=1,
        # the fewest text files that still go through the import's worker pool
        import_text_limit=MIN_PARALLEL_FILES,
        import_docx_limit=3,
        export_sections=10,
        out=out,
    )


def _log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- statistics


def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile (p in 0..100) of a non-empty sample."""
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    k = (len(xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


@contextlib.contextmanager
def _profiled(settings: Settings, name: str) -> Iterator[None]:
    """pyinstrument around a phase when ``--profile`` is given (text report in out/)."""
    if not settings.profile:
        yield
        return
    try:
        from pyinstrument import Profiler
    except ImportError:  # pragma: no cover - optional
        yield
        return
    prof = Profiler(interval=0.0005)
    prof.start()
    try:
        yield
    finally:
        prof.stop()
        folder = settings.out / "profiles"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_text(
            prof.output_text(unicode=False, color=False, show_all=False), "utf-8"
        )


# --------------------------------------------------------------------------- machine


def machine_facts() -> dict[str, Any]:
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    import sqlalchemy

    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gb": mem_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "ripgrep": _tool_version("rg"),
        "pandoc": _tool_version("pandoc"),
    }


def _tool_version(tool: str) -> str | None:
    exe = shutil.which(tool)
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.splitlines()[0] if out.stdout else None


# --------------------------------------------------------------------------- store helpers


def _open(path: Path | str) -> Any:
    from briefer.store import open_store

    return open_store(path)


def _checkpoint(store: Any) -> None:
    if not store.is_sqlite:
        return
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _kind_of(path: Path) -> str:
    return "industry" if "_industry_" in path.name else "official"


# --------------------------------------------------------------------------- import


def import_folder(
    store: Any, paths: Sequence[Path], workers: int | None = None, batch_files: int | None = None
) -> tuple[int, str]:
    """Import files through the real import service; returns (imported, how).

    ``briefer.library.importing.import_paths`` when the tree has it (``workers``: its
    worker processes, ``batch_files``: files per committed batch, when the tree has them),
    else ``briefer.library.sources.import_file`` per file (one transaction per file).
    """
    try:
        importing = importlib.import_module("briefer.library.importing")
    except ImportError:
        importing = None
    fn = getattr(importing, "import_paths", None) if importing is not None else None
    if fn is not None:
        kwargs: dict[str, Any] = {}
        how = "library.importing.import_paths"
        if workers is not None and "workers" in inspect.signature(fn).parameters:
            kwargs["workers"] = workers
            how += f" workers={workers}"
        saved = getattr(importing, "BATCH_FILES", None)
        if batch_files is not None and saved is not None:
            importing.BATCH_FILES = batch_files  # type: ignore[union-attr]
            how += f" batch={batch_files}"
        try:
            return _import_with_import_paths(fn, store, paths, kwargs), how
        finally:
            if saved is not None:
                importing.BATCH_FILES = saved  # type: ignore[union-attr]
    from briefer.library.sources import SourceFields, import_file

    n = 0
    for path in paths:
        import_file(store, path, SourceFields(kind=_kind_of(path)))  # type: ignore[arg-type]
        n += 1
    return n, "library.sources.import_file per file"


def _import_with_import_paths(
    fn: Callable[..., Any], store: Any, paths: Sequence[Path], kwargs: dict[str, Any]
) -> int:
    from briefer.library.sources import SourceFields

    def fields_for(path: Path, _doc: Any) -> Any:
        return SourceFields(kind=_kind_of(path))  # type: ignore[arg-type]

    summary = fn(store, list(paths), fields_for, **kwargs)
    imported = int(getattr(summary, "imported", len(paths)))
    if imported < len(paths):
        failed = [r for r in getattr(summary, "results", ()) if r.status != "imported"]
        reason = failed[0].reason if failed else "not imported"
        raise RuntimeError(f"{len(paths) - imported} of {len(paths)} not imported: {reason}")
    return imported


def fts5_floor(paths: Sequence[Path], workdir: Path) -> float:
    """The peer for import: ``sqlite3``'s own FTS5 bulk load of the same files' text (read
    and decoded, one row per file, the word index's tokenizer, one transaction, the
    store's ``synchronous=FULL`` and WAL), in seconds."""
    db = workdir / "fts5-floor.sqlite"
    t0 = time.perf_counter()
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute(
        "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')"
    )
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO t(text) VALUES (?)",
        ((p.read_bytes().decode("utf-8", "replace"),) for p in paths),
    )
    con.execute("COMMIT")
    con.close()
    seconds = time.perf_counter() - t0
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return seconds


#: The import figures: (result key, folder attribute, limit attribute, workers, batch files).
#: ``workers=None`` is the default (one per core); 1 is the one-process path; batch 1 commits
#: (and syncs) every file on its own, the default batches several files per commit.
IMPORT_RUNS: tuple[tuple[str, str, str, int | None, int | None], ...] = (
    ("import_text", "holdout", "import_text_limit", None, None),
    ("import_text_serial", "holdout", "import_text_limit", 1, None),
    ("import_text_commit_each", "holdout", "import_text_limit", None, 1),
    ("import_docx", "holdout_docx", "import_docx_limit", None, None),
    ("import_docx_serial", "holdout_docx", "import_docx_limit", 1, None),
)


def bench_import(corpus: Corpus, settings: Settings, workdir: Path) -> dict[str, Any]:
    """Held-out files imported into a copy of the scale's store (a library of that size)."""
    results: dict[str, Any] = {}
    floors: dict[str, float] = {}
    for key, folder_name, limit_name, workers, batch in IMPORT_RUNS:
        if settings.import_runs and key not in settings.import_runs:
            continue
        folder: Path = getattr(corpus, folder_name)
        paths = sorted(p for p in folder.iterdir() if p.is_file())[: getattr(settings, limit_name)]
        copy = workdir / f"{key}.sqlite"
        shutil.copyfile(corpus.store, copy)
        store = _open(copy)
        try:
            nbytes = sum(p.stat().st_size for p in paths)
            own0 = resource.getrusage(resource.RUSAGE_SELF)
            kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            with _profiled(settings, f"{corpus.scale}-{key}"):
                try:
                    seconds, (n, how) = _timed(
                        lambda paths=paths, store=store, w=workers, b=batch: import_folder(
                            store, paths, w, b
                        )
                    )
                except Exception as exc:  # an unsupported format is a result, not a crash
                    reason = f"{type(exc).__name__}: {exc}"
                    results[key] = {"status": "unavailable", "reason": reason}
                    continue
            results[key] = {
                "files": n,
                "megabytes": round(nbytes / 1e6, 3),
                "seconds": round(seconds, 3),
                "sources_per_s": round(n / seconds, 2),
                "mb_per_s": round(nbytes / 1e6 / seconds, 3),
                "via": how,
            }
            # CPU seconds of this process (the writer) and of its finished children (the
            # workers): on a shared machine the wall time says more about the neighbours.
            own1 = resource.getrusage(resource.RUSAGE_SELF)
            kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            main_cpu = own1.ru_utime + own1.ru_stime - own0.ru_utime - own0.ru_stime
            kids_cpu = kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime
            cores = os.cpu_count() or 1
            results[key]["main_cpu_s"] = round(main_cpu, 2)
            results[key]["workers_cpu_s"] = round(kids_cpu, 2)
            # what the same CPU work gives when nothing else runs: the writer's share and
            # the total spread over the cores, whichever bounds it
            bound = max(main_cpu, (main_cpu + kids_cpu) / cores)
            results[key]["cpu_bound_per_s"] = round(n / bound, 1) if bound else None
            if folder_name == "holdout":
                if folder_name not in floors:
                    floors[folder_name] = fts5_floor(paths, workdir)
                results[key]["fts5_floor_s"] = round(floors[folder_name], 3)
                results[key]["ratio_vs_fts5"] = round(seconds / floors[folder_name], 2)
        finally:
            store.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
        settings.log(f"scale {corpus.scale}: {key} {results[key]}")
    return results


# --------------------------------------------------------------------------- search


@dataclass(frozen=True)
class Query:
    label: str
    category: str  # word | phrase | japanese | prefix | filtered
    text: str
    rg: str  # the fixed string ripgrep looks for (-i -F)
    options: dict[str, Any] = field(default_factory=dict)


QUERIES: tuple[Query, ...] = (
    Query("semiconductor", "word", "semiconductor", "semiconductor"),
    Query("cybersecurity", "word", "cybersecurity", "cybersecurity"),
    Query("quantum", "word", "quantum", "quantum"),
    Query("sandboxes", "word", "sandboxes", "sandboxes"),
    Query("GDPR", "word", "GDPR", "GDPR"),
    Query("interoperable", "word", "interoperable", "interoperable"),
    Query('"data free flow"', "phrase", '"data free flow"', "data free flow"),
    Query('"submarine cables"', "phrase", '"submarine cables"', "submarine cables"),
    Query('"regulatory sandboxes"', "phrase", '"regulatory sandboxes"', "regulatory sandboxes"),
    Query('"expert dialogue"', "phrase", '"expert dialogue"', "expert dialogue"),
    Query("半導体", "japanese", "半導体", "半導体"),
    Query("データ流通", "japanese", "データ流通", "データ流通"),
    Query("サイバーセキュリティ", "japanese", "サイバーセキュリティ", "サイバーセキュリティ"),
    Query("量子 (2 chars)", "japanese", "量子", "量子"),
    Query("se*", "prefix", "se", "se", {"prefix": True}),
    Query("sem*", "prefix", "sem", "sem", {"prefix": True}),
    Query("semic*", "prefix", "semic", "semic", {"prefix": True}),
    Query("interop*", "prefix", "interop", "interop", {"prefix": True}),
    Query("cyb*", "prefix", "cyb", "cyb", {"prefix": True}),
    Query(
        "semiconductor kind=official",
        "filtered",
        "semiconductor",
        "semiconductor",
        {"kinds": ("official",)},
    ),
    Query(
        "cybersecurity topic=Cybersecurity",
        "filtered",
        "cybersecurity",
        "cybersecurity",
        {"topics": ("Cybersecurity",)},
    ),
    Query("quantum since 2023", "filtered", "quantum", "quantum", {"since": date(2023, 1, 1)}),
    Query(
        "data industry 2020-2021",
        "filtered",
        "data",
        "data",
        {"kinds": ("industry",), "since": date(2020, 1, 1), "until": date(2021, 12, 31)},
    ),
    Query("半導体 kind=official", "filtered", "半導体", "半導体", {"kinds": ("official",)}),
)


def _grep_command(folder: Path, needle: str) -> tuple[list[str], str]:
    rg = shutil.which("rg")
    if rg is not None:
        return [rg, "-c", "-i", "-F", "--", needle, str(folder)], "rg -c -i -F"
    return ["grep", "-r", "-c", "-i", "-F", "--", needle, str(folder)], "grep -r -c -i -F"


def bench_rank_index(store: Any, cpu_budget: float | None = None) -> dict[str, Any] | None:
    """Bring the store's ranking index (``store.rank_index``) up to date before search is
    timed, as the window does in the background; its wall and CPU time are reported. None
    for a Briefer without one (an older commit run for comparison) or a team store.

    ``cpu_budget`` (``--rank-index-cpu``): stop the build after that many CPU seconds, as
    the window's Later does (what was committed stays); the rate per passage is reported
    and search then answers on FTS5 alone, as it does while an index is being built."""
    from briefer.library import search as service

    update = getattr(service, "update_rank_index", None)
    if update is None:
        return None
    c0 = time.process_time()
    seen = [0, 0]

    def progress(done: int, total: int) -> None:
        seen[:] = [done, total]

    def cancelled() -> bool:
        return cpu_budget is not None and time.process_time() - c0 > cpu_budget

    result = update(store, progress=progress, cancelled=cancelled)
    if result is None:
        return None
    out = {
        "passages_indexed": result.passages_added,
        "passages_to_index": seen[1] or result.passages_added,
        "complete": result.complete,
        "wall_s": result.seconds,
        "cpu_s": result.cpu_seconds,
        "status": service.rank_index_status(store),
    }
    if result.passages_added:
        out["cpu_us_per_passage"] = round(result.cpu_seconds / result.passages_added * 1e6, 1)
    return out


def bench_search(store: Any, corpus: Corpus, settings: Settings) -> dict[str, Any]:
    from briefer.library.search import search

    rank_index = bench_rank_index(store, settings.rank_index_cpu)
    per_query: list[dict[str, Any]] = []
    all_ms: list[float] = []
    cpu_ms: list[float] = []
    by_category: dict[str, list[float]] = {}
    cpu_by_category: dict[str, list[float]] = {}
    tool = ""
    with _profiled(settings, f"{corpus.scale}-search"):
        for q in QUERIES:
            search(store, q.text, **q.options)  # warm the caches once, as a running app has
            times = []
            hits = 0
            for _ in range(settings.search_repeats):
                c0 = time.process_time()
                seconds, found = _timed(lambda q=q: search(store, q.text, **q.options))
                cpu_ms.append((time.process_time() - c0) * 1000)
                times.append(seconds * 1000)
                hits = len(found)
            all_ms += times
            by_category.setdefault(q.category, []).extend(times)
            cpu_by_category.setdefault(q.category, []).extend(cpu_ms[-len(times) :])
            per_query.append(
                {
                    "query": q.label,
                    "category": q.category,
                    "hits": hits,
                    "p50_ms": round(statistics.median(times), 3),
                    "cpu_p50_ms": round(statistics.median(cpu_ms[-len(times) :]), 3),
                }
            )
    for row, q in zip(per_query, QUERIES, strict=True):
        cmd, tool = _grep_command(corpus.texts, q.rg)
        subprocess.run(cmd, capture_output=True)  # page cache warm, like the store's
        rg_times = []
        for _ in range(settings.rg_repeats):
            seconds, _ = _timed(lambda cmd=cmd: subprocess.run(cmd, capture_output=True))
            rg_times.append(seconds * 1000)
        row["rg_ms"] = round(statistics.median(rg_times), 3)
        row["ratio_vs_rg"] = round(row["p50_ms"] / row["rg_ms"], 4)
    ratios = [r["ratio_vs_rg"] for r in per_query]
    return {
        "queries": len(QUERIES),
        "repeats": settings.search_repeats,
        "p50_ms": round(percentile(all_ms, 50), 3),
        "p95_ms": round(percentile(all_ms, 95), 3),
        "p99_ms": round(percentile(all_ms, 99), 3),
        "max_ms": round(max(all_ms), 3),
        # CPU time of the process per search: what the search costs when the machine's two
        # cores are shared with other work (wall times then measure the queue)
        "cpu_p50_ms": round(percentile(cpu_ms, 50), 3),
        "cpu_p95_ms": round(percentile(cpu_ms, 95), 3),
        "rank_index": rank_index,
        "by_category": {
            k: {
                "p50_ms": round(percentile(v, 50), 3),
                "p95_ms": round(percentile(v, 95), 3),
                "cpu_p95_ms": round(percentile(cpu_by_category[k], 95), 3),
            }
            for k, v in by_category.items()
        },
        "rg_tool": tool,
        "rg_p50_ms": round(statistics.median(r["rg_ms"] for r in per_query), 3),
        # Sum of Briefer medians over the sum of rg medians: "the same queries, all of them".
        "ratio_vs_rg": round(
            sum(r["p50_ms"] for r in per_query) / sum(r["rg_ms"] for r in per_query), 4
        ),
        "worst_ratio_vs_rg": round(max(ratios), 4),
        "per_query": per_query,
    }


# --------------------------------------------------------------------------- drafting

DRAFT_TOPICS = 10


def _draft_child(store_path: str, topics: list[str], run: int, queue: Any) -> None:
    """One timed draft in a child process (so a pathological draft can be stopped)."""
    from briefer.briefs.drafting import draft
    from briefer.briefs.operations import CreateBrief, DeleteBrief

    store = _open(store_path if "://" in store_path else Path(store_path))
    brief_id = CreateBrief(f"Benchmark draft {run}").apply(store).created_id
    assert brief_id is not None
    try:
        c0 = time.process_time()
        seconds, _ = _timed(lambda: draft(store, brief_id, topics, per_side=3))
        cpu = time.process_time() - c0
        queue.put((seconds * 1000, _count_quotes(store, brief_id), cpu * 1000))
    finally:
        DeleteBrief(brief_id).apply(store)
        store.close()


def _delete_benchmark_briefs(store: Any) -> None:
    from sqlalchemy import select

    from briefer.briefs.operations import DeleteBrief
    from briefer.store import ReadSession
    from briefer.store.models import Brief

    with ReadSession(store) as s:
        ids = list(s.scalars(select(Brief.id).where(Brief.title.like("Benchmark draft %"))))
    for brief_id in ids:
        DeleteBrief(brief_id).apply(store)


def bench_draft(
    store: Any, corpus: Corpus, settings: Settings, location: str | Path | None = None
) -> dict[str, Any]:
    """``briefer.briefs.drafting.draft`` on a new brief, 10 topics, 3 quotes per side.

    Each run is a child process with a time limit; after a run longer than 10 s no more
    runs are made (the median of one is reported).
    """
    try:
        importlib.import_module("briefer.briefs.drafting").draft  # noqa: B018
    except (ImportError, AttributeError) as exc:
        return {"status": "unavailable", "reason": f"briefer.briefs.drafting.draft: {exc}"}
    import multiprocessing

    topics = [t.name for t in load_topics()[:DRAFT_TOPICS]]
    # spawn, not fork: a forked child must not inherit open SQLite connections.
    ctx = multiprocessing.get_context("spawn")
    times: list[float] = []
    cpus: list[float] = []
    quotes = 0
    for k in range(settings.draft_runs):
        queue = ctx.Queue()
        where = str(location or corpus.store)
        child = ctx.Process(target=_draft_child, args=(where, topics, k, queue))
        child.start()
        child.join(settings.draft_timeout)
        if child.is_alive():
            child.kill()
            child.join()
            _delete_benchmark_briefs(store)
            return {
                "status": "timeout",
                "reason": f"a 10-topic draft took over {settings.draft_timeout:.0f} s",
                "min_ms": settings.draft_timeout * 1000,
            }
        if queue.empty():
            return {"status": "unavailable", "reason": f"draft failed (exit {child.exitcode})"}
        ms, quotes, cpu_ms = queue.get()
        times.append(ms)
        cpus.append(cpu_ms)
        if ms > 10_000:
            break
    if settings.profile:
        from briefer.briefs.drafting import draft
        from briefer.briefs.operations import CreateBrief, DeleteBrief

        brief_id = CreateBrief("Benchmark draft profiled").apply(store).created_id
        assert brief_id is not None
        with _profiled(settings, f"{corpus.scale}-draft"):
            draft(store, brief_id, topics, per_side=3)
        DeleteBrief(brief_id).apply(store)
    return {
        "topics": len(topics),
        "runs": len(times),
        "median_ms": round(statistics.median(times), 2),
        "max_ms": round(max(times), 2),
        "cpu_median_ms": round(statistics.median(cpus), 2),
        "quotes": quotes,
    }


def _count_quotes(store: Any, brief_id: int) -> int:
    from sqlalchemy import func, select

    from briefer.store import ReadSession
    from briefer.store.models import BriefSection, Quote

    with ReadSession(store) as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(Quote)
                .join(BriefSection, BriefSection.id == Quote.section_id)
                .where(BriefSection.brief_id == brief_id)
            )
            or 0
        )


# --------------------------------------------------------------------------- export

EXPORT_QUOTES_PER_SIDE = 5


def build_export_brief(store: Any, sections: int = 100) -> int:
    """A 100-section brief with 1,000 quotes (5 per side) of passages from the store.

    Written directly with the models in one transaction: building it is not what is measured.
    """
    from sqlalchemy import select

    from briefer.store import UnitOfWork
    from briefer.store.models import Brief, BriefSection, Passage, PassageTopic, Quote, Source
    from briefer.store.models import Topic as TopicRow
    from briefer.store.texts import text_span

    with UnitOfWork(store) as uow:
        s = uow.session
        topics = list(s.scalars(select(TopicRow).order_by(TopicRow.id)))
        brief = Brief(
            title="Benchmark export brief",
            meeting_date=date(2024, 4, 30),
            venue="Tokyo",
            organisation="Digital Policy Unit",
            author="Benchmark",
            marking="OFFICIAL",
            objectives="Agree the work programme.",
            scene_setter="Ministerial meeting under the Digital Partnership.",
        )
        s.add(brief)
        s.flush()
        pools: dict[tuple[int, str], list[tuple[int, int, int, str]]] = {}
        for topic in topics:
            for kind in ("industry", "official"):
                rows = s.execute(
                    select(Passage.source_id, Passage.start, Passage.end)
                    .join(PassageTopic, PassageTopic.passage_id == Passage.id)
                    .join(Source, Source.id == Passage.source_id)
                    .where(
                        PassageTopic.topic_id == topic.id,
                        Source.kind == kind,
                        Passage.content.is_(True),
                        Passage.kind != "heading",
                    )
                    .order_by(PassageTopic.score.desc(), Passage.id)
                    .limit(sections * EXPORT_QUOTES_PER_SIDE // max(1, len(topics)) + 10)
                )
                pools[(topic.id, kind)] = [
                    (sid, a, b, text_span(s, sid, a, b) or "") for sid, a, b in rows
                ]
        for i in range(sections):
            topic = topics[i % len(topics)]
            section = BriefSection(
                brief_id=brief.id,
                topic_id=topic.id,
                heading=f"{topic.name} ({i + 1})",
                position=i,
                assessment="partly",
                assessment_comment="Broadly aligned",
                lines_to_take=[f"We welcome continued cooperation on {topic.name}."],
                if_asked=["On timing: a proposal is expected next year."],
                background=f"{topic.name} was discussed at three previous meetings.",
            )
            s.add(section)
            s.flush()
            for kind in ("industry", "official"):
                pool = pools[(topic.id, kind)] or pools[(topics[0].id, kind)]
                for k in range(EXPORT_QUOTES_PER_SIDE):
                    sid, a, b, text = pool[
                        (i // len(topics) * EXPORT_QUOTES_PER_SIDE + k) % len(pool)
                    ]
                    s.add(
                        Quote(
                            section_id=section.id,
                            source_id=sid,
                            start=a,
                            end=b,
                            text=text,
                            side=kind,
                            position=k,
                        )
                    )
        uow.commit()
        return int(brief.id)


def bench_export(store: Any, corpus: Corpus, settings: Settings, workdir: Path) -> dict[str, Any]:
    from briefer.briefs.operations import DeleteBrief
    from briefer.briefs.service import get_brief
    from briefer.export import ExportOptions, export_brief, write_markdown

    brief_id = build_export_brief(store, settings.export_sections)
    try:
        load_times, export_times = [], []
        docx = workdir / "brief.docx"
        view = None
        with _profiled(settings, f"{corpus.scale}-export"):
            for _ in range(settings.export_runs):
                seconds, view = _timed(lambda: get_brief(store, brief_id))
                load_times.append(seconds)
                seconds, _ = _timed(
                    lambda view=view: export_brief(view, docx, "docx", ExportOptions())
                )
                export_times.append(seconds)
        assert view is not None
        quotes = sum(len(sec.industry) + len(sec.official) for sec in view.sections)
        md = workdir / "brief.md"
        write_markdown(view, md)
        result: dict[str, Any] = {
            "sections": len(view.sections),
            "quotes": quotes,
            "load_median_s": round(statistics.median(load_times), 4),
            "docx_median_s": round(statistics.median(export_times), 4),
            "docx_kib": round(docx.stat().st_size / 1024, 1),
        }
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            result["pandoc"] = "not installed"
            return result
        out = workdir / "brief-pandoc.docx"
        pandoc_times = []
        for _ in range(settings.export_runs):
            seconds, _ = _timed(
                lambda: subprocess.run(
                    [pandoc, str(md), "-o", str(out)], check=True, capture_output=True
                )
            )
            pandoc_times.append(seconds)
        result["pandoc_median_s"] = round(statistics.median(pandoc_times), 4)
        result["ratio_vs_pandoc"] = round(result["docx_median_s"] / result["pandoc_median_s"], 4)
        return result
    finally:
        DeleteBrief(brief_id).apply(store)


# --------------------------------------------------------------------------- start-up

_MS = re.compile(r"(\d+(?:\.\d+)?)\s*ms", re.I)


def _briefer_command() -> list[str]:
    exe = Path(sys.executable).with_name("briefer")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("briefer")
    return [found] if found else [sys.executable, "-m", "briefer.app"]


def run_startup_once(store_path: Path | str, timeout: float = 300.0) -> dict[str, Any]:
    """Launch ``briefer --store S --benchmark-startup``; its own ms figure, wall time, peak RSS.

    The child is reaped with ``os.wait4`` so its own rusage (peak RSS) is read, not the
    maximum over every child this process ever had (rg, pandoc).
    """
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cmd = [*_briefer_command(), "--store", str(store_path), "--benchmark-startup"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    chunks: dict[str, bytes] = {}

    def drain(name: str, stream: Any) -> None:
        chunks[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(n, s), daemon=True)
        for n, s in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for r in readers:
        r.start()
    status = rusage = None
    while time.perf_counter() - t0 < timeout:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.005)
    wall = time.perf_counter() - t0
    if status is None or rusage is None or not pid:
        proc.kill()
        proc.wait()
        return {"status": "unavailable", "reason": f"no exit within {timeout:.0f} s"}
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join(5)
    out = chunks.get("out", b"").decode("utf-8", "replace")
    err = chunks.get("err", b"").decode("utf-8", "replace")
    match = _MS.search(out) or re.search(r"(\d+(?:\.\d+)?)", out)
    # ``--benchmark-startup`` prints "<ms to the shown window> <process CPU ms by then>"
    numbers = re.findall(r"\d+(?:\.\d+)?", out.strip().splitlines()[-1]) if out.strip() else []
    if proc.returncode != 0 or match is None:
        tail = (err.strip() or out.strip()).splitlines()[-3:]
        return {
            "status": "unavailable",
            "reason": f"exit {proc.returncode}: {' | '.join(tail) or 'no ms figure printed'}",
        }
    return {
        "window_ms": float(match.group(1)),
        "window_cpu_ms": float(numbers[1]) if len(numbers) > 1 else None,
        "wall_ms": round(wall * 1000, 1),
        # the whole process's CPU, start to exit (the window shown, then closed)
        "cpu_ms": round((rusage.ru_utime + rusage.ru_stime) * 1000, 1),
        "peak_rss_mb": round(rusage.ru_maxrss / 1024, 1),  # KiB on Linux
    }


def _median_or_none(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.median(known), 1) if known else None


def bench_startup(
    corpus: Corpus, settings: Settings, location: str | Path | None = None
) -> dict[str, Any]:
    runs = [run_startup_once(location or corpus.store) for _ in range(settings.startup_runs)]
    bad = [r for r in runs if "status" in r]
    if bad:
        return bad[0]
    return {
        "runs": len(runs),
        "window_ms": round(statistics.median(r["window_ms"] for r in runs), 1),
        "window_cpu_ms": _median_or_none([r["window_cpu_ms"] for r in runs]),
        "wall_ms": round(statistics.median(r["wall_ms"] for r in runs), 1),
        "cpu_ms": round(statistics.median(r["cpu_ms"] for r in runs), 1),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs), 1),
        "platform": os.environ.get("QT_QPA_PLATFORM")
        or ("offscreen" if not os.environ.get("DISPLAY") else "display"),
    }


# --------------------------------------------------------------------------- command line


def bench_cli(corpus: Corpus, settings: Settings, location: str | Path) -> dict[str, Any]:
    """Whole-process times of ``briefer --version``, ``--help``, ``search``, ``source show``
    and ``topics`` on the scale's store, beside ``python -c pass`` and ``rg`` over the raw
    files, launched round-robin (``benchmarks/cli_startup.py``, which runs more rounds and
    compares checkouts): wall, the child's own CPU and peak RSS of each."""
    from benchmarks import cli_startup

    cmds = cli_startup.commands(
        Path(location) if isinstance(location, Path) else location,  # type: ignore[arg-type]
        corpus.texts,
        cli_startup.briefer_command(),
        None,
    )
    try:
        figures = cli_startup.with_ratios(cli_startup.measure(cmds, settings.cli_runs))
    except RuntimeError as exc:
        return {"status": "unavailable", "reason": str(exc)}
    return {"runs": settings.cli_runs, "query": cli_startup.QUERY, **figures}


def _cli_summary(figures: dict[str, Any]) -> str:
    if "status" in figures:
        return f"{figures['status']}: {figures.get('reason')}"
    return ", ".join(
        f"{name} {row['median_ms']:.0f} ms ({row['cpu_median_ms']:.0f} ms CPU)"
        for name, row in figures.items()
        if isinstance(row, dict)
    )


# --------------------------------------------------------------------------- store size


def store_size(corpus: Corpus, store: Path | None = None) -> dict[str, Any]:
    """The store file's size against the corpus's raw text, with dbstat's breakdown;
    ``store``: the run's copy instead of the cached file (a read-only cache is at an older
    schema)."""
    raw = int(corpus.info()["raw_text_bytes"])  # type: ignore[call-overload]
    store = store or corpus.store
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        page = con.execute("PRAGMA page_size").fetchone()[0]
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        free = con.execute("PRAGMA freelist_count").fetchone()[0]
        parts: dict[str, int] = {}
        with contextlib.suppress(sqlite3.DatabaseError):
            for name, size in con.execute(
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
            ):
                parts[name] = int(size)
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("source", "passage", "passage_topic")
        }
    finally:
        con.close()
    file_bytes = store.stat().st_size
    used = (pages - free) * page
    grouped: dict[str, int] = {}
    for name, size in parts.items():
        group = (
            "fts word index"
            if name.startswith("passage_fts")
            else "fts trigram index"
            if name.startswith("passage_tri")
            else "source (text)"
            if name == "source"
            else "passage_topic + indexes"
            if "passage_topic" in name
            else "passage + indexes"
            if "passage" in name
            else "other"
        )
        grouped[group] = grouped.get(group, 0) + size
    return {
        "raw_text_mb": round(raw / 1e6, 2),
        "file_mb": round(file_bytes / 1e6, 2),
        "used_mb": round(used / 1e6, 2),
        "ratio_to_raw": round(used / raw, 3),
        "file_ratio_to_raw": round(file_bytes / raw, 3),
        "breakdown_mb": {
            k: round(v / 1e6, 2) for k, v in sorted(grouped.items(), key=lambda kv: -kv[1])
        },
        "rows": counts,
    }


# --------------------------------------------------------------------------- one scale


def run_scale(scale: int, settings: Settings, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    log = settings.log
    t0 = time.perf_counter()
    if settings.corpus_cache is not None:
        corpus = corpus_for(scale, seed, out=settings.corpus_cache)
        if not corpus.store.is_file():
            raise SystemExit(f"benchmarks: no cached corpus at {corpus.folder}")
    else:
        corpus = ensure_corpus(
            scale,
            seed,
            out=settings.out,
            holdout=min(scale, settings.import_text_limit),
            holdout_docx=min(scale, settings.import_docx_limit),
            log=log,
            rebuild_stale_ledger=settings.stale_ledger == "rebuild",
        )
    result: dict[str, Any] = {"scale": scale, "seed": seed, "corpus": corpus.info()}
    team = settings.backend == "postgresql"
    result["backend"] = settings.backend
    location: str | Path = corpus.store
    work_copy: Path | None = None
    if team:
        from benchmarks.team_backend import pg_location

        _open(corpus.store).close()  # an older cached store is migrated first
        location = pg_location(settings.pg_url, corpus.store, scale, log)
    elif not settings.in_place:
        work_copy = _work_copy(corpus, settings, log)
        location = work_copy
    if settings.stale_ledger == "relabel":
        result["ledger_relabelled"] = relabel_ledger(location, log, scale)
    # Open once before anything is timed: an older cached store is migrated here.
    seconds, store = _timed(lambda: _open(location))
    result["open_s"] = round(seconds, 3)
    phases = settings.phases
    loads = {"start": os.getloadavg()[0]}

    def done(phase: str) -> None:
        # the machine's load over each phase: wall times are only read against it
        loads[phase] = os.getloadavg()[0]
        result["load_avg"] = {
            "min": round(min(loads.values()), 2),
            "max": round(max(loads.values()), 2),
            "after": {k: round(v, 2) for k, v in loads.items()},
        }

    done("open")
    try:
        _checkpoint(store)
        if not team:  # the server's files are not the store's size; import/export: local
            result["store"] = store_size(corpus, work_copy if settings.corpus_cache else None)
            log(
                f"scale {scale}: store {result['store']['used_mb']} MB used, "
                f"{result['store']['ratio_to_raw']}x raw"
            )
        else:
            phases = tuple(p for p in phases if p not in ("import", "export"))
        with tempfile.TemporaryDirectory(dir=settings.out) as tmp:
            work = Path(tmp)
            store.close()  # copies are taken of a checkpointed file
            if "import" in phases:
                result.update(bench_import(corpus, settings, work))
                done("import")
            store = _open(location)
            if "search" in phases:
                result["search"] = bench_search(store, corpus, settings)
                log(
                    f"scale {scale}: search p50 {result['search']['p50_ms']} ms, "
                    f"p95 {result['search']['p95_ms']} ms, ratio vs rg "
                    f"{result['search']['ratio_vs_rg']}"
                )
                done("search")
            if "draft" in phases:
                result["draft"] = bench_draft(store, corpus, settings, location)
                log(f"scale {scale}: draft {result['draft']}")
                done("draft")
            if "export" in phases:
                result["export"] = bench_export(store, corpus, settings, work)
                log(f"scale {scale}: export {result['export']}")
                done("export")
            if "edit" in phases or "writers" in phases:
                from benchmarks import team_backend

                if "edit" in phases:
                    result["edit"] = team_backend.bench_edit(location)
                    log(f"scale {scale}: edit {result['edit']}")
                    done("edit")
                if "writers" in phases:
                    result["writers"] = team_backend.bench_two_writers(location)
                    log(f"scale {scale}: two writers {result['writers']}")
                    done("writers")
            _checkpoint(store)
        if "cli" in phases:
            result["cli"] = bench_cli(corpus, settings, location)
            log(f"scale {scale}: cli {_cli_summary(result['cli'])}")
            done("cli")
        if "startup" in phases:
            result["startup"] = bench_startup(corpus, settings, location)
            log(f"scale {scale}: startup {result['startup']}")
            done("startup")
    finally:
        store.close()
        if work_copy is not None:
            if settings.corpus_cache is None:
                _keep_rank_index(work_copy, corpus, log)
            shutil.rmtree(work_copy.parent, ignore_errors=True)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def relabel_ledger(
    location: str | Path, log: Callable[[str], None], scale: int
) -> dict[str, Any] | None:
    """``--stale-ledger relabel``: a ledger read with an older glossary (the corpus cache
    predates a glossary change) is marked read with this one, in the run's copy only, so
    that the draft figure is the draft and not the whole ledger read again (82 s of CPU at
    1,000 sources, 163 s at 10,000, ~27 minutes at 100,000). The asks are then those of the
    older glossary: the draft's work is the same in kind and size, not in every term.
    Returns what was relabelled (reported with the results), None when already current."""
    from sqlalchemy import update

    from benchmarks.corpus import ledger_difference
    from briefer.library import asks
    from briefer.store import UnitOfWork
    from briefer.store.models import AskScan

    store = _open(location)
    try:
        digest = asks.store_glossary(store).digest
        stale = ledger_difference(store, digest)
        if stale is None:
            return None
        if stale["scanned"] != stale["sources"]:
            log(f"scale {scale}: the ledger has unread sources, not relabelled: {stale}")
            return {**stale, "relabelled": False}
        with UnitOfWork(store) as uow:
            uow.session.execute(
                update(AskScan).values(glossary=digest, version=asks.LEDGER_VERSION)
            )
            uow.commit()
    finally:
        store.close()
    log(f"scale {scale}: asks ledger of {stale['recorded']} relabelled {stale['wanted']}")
    return {**stale, "relabelled": True}


def _rank_index_dir(store_file: Path) -> Path:
    return store_file.with_name(store_file.name + ".search")  # store.rank_index.index_dir


def _work_copy(corpus: Corpus, settings: Settings, log: Callable[[str], None]) -> Path:
    """The scale's store copied (with its ranking index, if cached) for the phases that
    write: drafts, the export brief, edits, the two writers, the window's own start-up
    writes and the ranking index all go to the copy, so the cached corpus stays as built
    (an interrupted run once left a brief in it) and runs may share it read-only."""
    if settings.corpus_cache is None:
        cached = _open(corpus.store)  # an older cached store is migrated in the cache, once
        try:
            _checkpoint(cached)  # the copy is of the file alone
        finally:
            cached.close()
    else:
        wal = corpus.store.with_name(corpus.store.name + "-wal")
        if wal.is_file() and wal.stat().st_size:
            raise SystemExit(f"benchmarks: {wal} holds commits; checkpoint that cache first")
    folder = Path(tempfile.mkdtemp(prefix=f"work-{corpus.scale}-", dir=settings.out))
    copy = folder / corpus.store.name
    t0 = time.perf_counter()
    shutil.copyfile(corpus.store, copy)
    index = _rank_index_dir(corpus.store)
    if index.is_dir():
        shutil.copytree(index, _rank_index_dir(copy))
    with_index = ", with its ranking index" if index.is_dir() else ""
    log(
        f"scale {corpus.scale}: store copied for the run in {time.perf_counter() - t0:.0f} s"
        f" ({copy.stat().st_size / 1e6:.0f} MB{with_index})"
    )
    return copy


def _keep_rank_index(copy: Path, corpus: Corpus, log: Callable[[str], None]) -> None:
    """Cache the ranking index the run built beside the corpus store (a derived cache of
    the same content, valid while the store is unchanged), so the next run need not build
    it again (12 minutes of CPU at 100,000 sources)."""
    built, cached = _rank_index_dir(copy), _rank_index_dir(corpus.store)
    if not built.is_dir() or cached.exists():
        return
    partial = cached.with_name(cached.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(built, partial)
    partial.rename(cached)
    log(f"scale {corpus.scale}: ranking index kept beside the cached store ({cached})")


def run_benchmarks(scales: Sequence[int], settings: Settings) -> dict[str, Any]:
    started = datetime.now().astimezone()
    t0 = time.perf_counter()
    settings.out.mkdir(parents=True, exist_ok=True)
    results = {
        "started": started.isoformat(timespec="seconds"),
        "machine": machine_facts(),
        "settings": {k: v for k, v in vars(settings).items() if k not in ("log", "out", "pg_url")},
        "scales": {},
    }
    for scale in scales:
        results["scales"][str(scale)] = run_scale(scale, settings)
    results["seconds"] = round(time.perf_counter() - t0, 1)
    results["targets"] = check_targets(results)
    return results


# --------------------------------------------------------------------------- reporting


def lookup(data: dict[str, Any], dotted: str) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Targets of each scale run that has some (10,000 and 100,000 sources); the 10,000
    ones against the largest scale when neither was run (the smoke scale)."""
    if not results["scales"]:
        return []
    scales = [s for s in results["scales"] if int(s) in TARGETS_AT]
    if not scales:
        scales = [max(results["scales"], key=int)]
    out = []
    for scale in scales:
        out += _check(results["scales"][scale], scale, TARGETS_AT.get(int(scale), TARGETS))
    return out


def _check(
    data: dict[str, Any], scale: str, targets: Sequence[tuple[str, str, float, str]]
) -> list[dict[str, Any]]:
    out = []
    for key, op, limit, label in targets:
        value = lookup(data, key)
        head = key.split(".", 1)[0]
        if value is None and lookup(data, f"{head}.status") == "timeout":
            value = lookup(data, f"{head}.min_ms")
        met = None
        if isinstance(value, int | float):
            met = {"<=": value <= limit, "<": value < limit, ">=": value >= limit}[op]
        out.append({"target": label, "scale": int(scale), "value": value, "met": met})
    return out


ROWS: tuple[tuple[str, str, str], ...] = (
    ("Import text (sources/s)", "import_text.sources_per_s", "{:.1f}"),
    ("Import text (MB/s)", "import_text.mb_per_s", "{:.2f}"),
    ("  CPU-bound on idle cores (sources/s)", "import_text.cpu_bound_per_s", "{:.1f}"),
    ("  one process (sources/s)", "import_text_serial.sources_per_s", "{:.1f}"),
    ("  one process, CPU-bound (sources/s)", "import_text_serial.cpu_bound_per_s", "{:.1f}"),
    ("  commit per file (sources/s)", "import_text_commit_each.sources_per_s", "{:.1f}"),
    ("  sqlite3 FTS5 bulk load (s)", "import_text.fts5_floor_s", "{:.2f}"),
    ("  import / FTS5 bulk load", "import_text.ratio_vs_fts5", "{:.1f}"),
    ("Import DOCX (sources/s)", "import_docx.sources_per_s", "{:.1f}"),
    ("Import DOCX (MB/s)", "import_docx.mb_per_s", "{:.2f}"),
    ("  CPU-bound on idle cores (sources/s)", "import_docx.cpu_bound_per_s", "{:.1f}"),
    ("  one process (sources/s)", "import_docx_serial.sources_per_s", "{:.1f}"),
    ("Search p50 (ms)", "search.p50_ms", "{:.1f}"),
    ("Search p95 (ms)", "search.p95_ms", "{:.1f}"),
    ("Search p99 (ms)", "search.p99_ms", "{:.1f}"),
    ("Search CPU p50 (ms)", "search.cpu_p50_ms", "{:.1f}"),
    ("Search CPU p95 (ms)", "search.cpu_p95_ms", "{:.1f}"),
    ("  ranking index update (s wall)", "search.rank_index.wall_s", "{:.1f}"),
    ("  ranking index update (s CPU)", "search.rank_index.cpu_s", "{:.1f}"),
    ("  passages indexed", "search.rank_index.passages_indexed", "{:,d}"),
    ("  CPU per passage indexed (us)", "search.rank_index.cpu_us_per_passage", "{:.0f}"),
    ("  word p95 (ms)", "search.by_category.word.p95_ms", "{:.1f}"),
    ("  phrase p95 (ms)", "search.by_category.phrase.p95_ms", "{:.1f}"),
    ("  japanese p95 (ms)", "search.by_category.japanese.p95_ms", "{:.1f}"),
    ("  prefix p95 (ms)", "search.by_category.prefix.p95_ms", "{:.1f}"),
    ("  filtered p95 (ms)", "search.by_category.filtered.p95_ms", "{:.1f}"),
    ("rg same queries p50 (ms)", "search.rg_p50_ms", "{:.1f}"),
    ("Search / rg (sum of medians)", "search.ratio_vs_rg", "{:.2f}"),
    ("Search / rg (worst query)", "search.worst_ratio_vs_rg", "{:.2f}"),
    ("Draft 10 topics median (ms)", "draft.median_ms", "{:.0f}"),
    ("  CPU median (ms)", "draft.cpu_median_ms", "{:.0f}"),
    ("Asks ledger built once (CPU s)", "corpus.ledger_cpu_seconds", "{:.0f}"),
    ("Load export brief (s)", "export.load_median_s", "{:.2f}"),
    ("DOCX export of brief (s)", "export.docx_median_s", "{:.2f}"),
    ("pandoc md->docx (s)", "export.pandoc_median_s", "{:.2f}"),
    ("DOCX export / pandoc", "export.ratio_vs_pandoc", "{:.2f}"),
    ("Edit round trip median (ms)", "edit.median_ms", "{:.1f}"),
    ("Two writers: edits accepted", "writers.accepted", "{:d}"),
    ("Two writers: conflicts detected", "writers.conflicts", "{:d}"),
    ("Two writers: edits lost", "writers.lost", "{:d}"),
    ("CLI --version, whole process (ms)", "cli.briefer --version.median_ms", "{:.0f}"),
    ("  CPU (ms)", "cli.briefer --version.cpu_median_ms", "{:.0f}"),
    ("CLI --help, whole process (ms)", "cli.briefer --help.median_ms", "{:.0f}"),
    ("  CPU (ms)", "cli.briefer --help.cpu_median_ms", "{:.0f}"),
    ("CLI search --json, whole process (ms)", "cli.search --json.median_ms", "{:.0f}"),
    ("  CPU (ms)", "cli.search --json.cpu_median_ms", "{:.0f}"),
    ("  peak RSS (MB)", "cli.search --json.peak_rss_mb", "{:.0f}"),
    ("CLI source show --json (ms)", "cli.source show --json.median_ms", "{:.0f}"),
    ("  CPU (ms)", "cli.source show --json.cpu_median_ms", "{:.0f}"),
    ("CLI topics --json (ms)", "cli.topics --json.median_ms", "{:.0f}"),
    ("  CPU (ms)", "cli.topics --json.cpu_median_ms", "{:.0f}"),
    ("rg same query, whole process (ms)", "cli.rg -c -i -F.median_ms", "{:.0f}"),
    ("  CPU (ms)", "cli.rg -c -i -F.cpu_median_ms", "{:.0f}"),
    ("python -c pass (ms)", "cli.python -c pass.median_ms", "{:.0f}"),
    ("CLI search / rg (fastest runs, wall)", "cli.search --json.x_rg", "{:.2f}"),
    ("CLI search / rg (fastest runs, CPU)", "cli.search --json.cpu_x_rg", "{:.2f}"),
    ("Window shown (ms)", "startup.window_ms", "{:.0f}"),
    ("  process CPU when shown (ms)", "startup.window_cpu_ms", "{:.0f}"),
    ("  process CPU, start to exit (ms)", "startup.cpu_ms", "{:.0f}"),
    ("Start-up peak RSS (MB)", "startup.peak_rss_mb", "{:.0f}"),
    ("Raw text (MB)", "store.raw_text_mb", "{:.1f}"),
    ("Store used (MB)", "store.used_mb", "{:.1f}"),
    ("Store / raw text", "store.ratio_to_raw", "{:.2f}"),
    ("Load average (1 min), min", "load_avg.min", "{:.1f}"),
    ("Load average (1 min), max", "load_avg.max", "{:.1f}"),
)


def _cell(data: dict[str, Any], key: str, fmt: str) -> str:
    value = lookup(data, key)
    if isinstance(value, int | float):
        return fmt.format(value)
    head = key.split(".", 1)[0]
    status = lookup(data, f"{head}.status")
    if status == "timeout":
        return f"> {lookup(data, f'{head}.min_ms'):.0f}"
    if status == "unavailable":
        return "n/a"
    return "-"


def format_table(results: dict[str, Any], markdown: bool = False) -> str:
    scales = list(results["scales"])
    header = ["Figure", *(f"{int(s):,} sources" for s in scales)]
    rows = [
        [label, *(_cell(results["scales"][s], key, fmt) for s in scales)]
        for label, key, fmt in ROWS
    ]
    if markdown:
        lines = [
            "| " + " | ".join(header) + " |",
            "|" + "|".join(["---"] + ["---:"] * len(scales)) + "|",
        ]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt_row = "  ".join([f"{{:<{widths[0]}}}"] + [f"{{:>{w}}}" for w in widths[1:]])
    return "\n".join(fmt_row.format(*r) for r in [header, *rows])


def format_report(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"Briefer benchmarks, {results['started']}, {results['seconds']:.0f} s",
        f"Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['memory_gb']} GB, {m['os']}",
        f"Python {m['python']}, SQLite {m['sqlite']}, SQLAlchemy {m['sqlalchemy']}, "
        f"{m['ripgrep'] or 'no ripgrep'}, {m['pandoc'] or 'no pandoc'}",
        "",
        format_table(results),
        "",
    ]
    for scale, data in results["scales"].items():
        if data.get("ledger_relabelled"):
            lines.append(
                f"{int(scale):,}: asks ledger read with {data['ledger_relabelled']['recorded']} "
                f"relabelled {data['ledger_relabelled']['wanted']} (--stale-ledger relabel)"
            )
        for key in ("import_text", "import_docx", "draft", "startup", "cli"):
            status = lookup(data, f"{key}.status")
            if status in ("unavailable", "timeout"):
                lines.append(f"{int(scale):,}: {key} {status}: {data[key]['reason']}")
    lines.append("Targets:")
    for t in results["targets"]:
        mark = {True: "met", False: "MISSED", None: "not measured"}[t["met"]]
        lines.append(f"  {t['scale']:>7,} {t['target']:<40} {t['value']!s:>10}  {mark}")
    return "\n".join(lines)


def write_results(results: dict[str, Any], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"results-{datetime.now():%Y-%m-%d}.json"
    path.write_text(json.dumps(results, indent=2, default=str), "utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scales", default="100,1000,10000", help="comma-separated source counts")
    ap.add_argument("--smoke", action="store_true", help=f"{SMOKE_SCALE} sources, few repeats")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--profile", action="store_true", help="pyinstrument report per phase")
    ap.add_argument("--search-repeats", type=int)
    ap.add_argument("--rg-repeats", type=int, help="rg runs per query (1.4 GB at 100,000)")
    ap.add_argument("--draft-runs", type=int)
    ap.add_argument("--startup-runs", type=int)
    ap.add_argument("--cli-runs", type=int, help="launches of each command line (cli phase)")
    ap.add_argument(
        "--stale-ledger",
        choices=("rebuild", "relabel"),
        default="rebuild",
        help="a cached asks ledger read with an older glossary: rebuild it in the cache "
        "(default; minutes of CPU per 10,000 sources) or relabel it current in the run's copy "
        "(the draft then runs on the older glossary's asks; reported with the results)",
    )
    ap.add_argument(
        "--rank-index-cpu",
        type=float,
        help="stop building the ranking index after this many CPU seconds (its rate is "
        "reported; search then runs on FTS5 alone): 12 minutes of CPU at 100,000 sources",
    )
    ap.add_argument(
        "--import-runs",
        help="comma-separated import figures to make (default all: "
        + ",".join(r[0] for r in IMPORT_RUNS)
        + "); each copies the store, 5 GB at 100,000",
    )
    ap.add_argument(
        "--phases",
        default="import,search,draft,export,cli,startup,edit,writers",
        help="comma-separated figures to measure (e.g. import)",
    )
    ap.add_argument(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: a copy of each corpus store on --pg-url (benchmarks/team_backend.py)",
    )
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("BRIEFER_BENCH_PG_URL") or os.environ.get("BRIEFER_TEST_PG_URL"),
        help="a server role that may create databases (default: $BRIEFER_BENCH_PG_URL, "
        "then $BRIEFER_TEST_PG_URL as .ci/run sets it)",
    )
    ap.add_argument(
        "--in-place",
        action="store_true",
        help="run on the cached corpus store itself instead of a copy (saves the copy's "
        "disk and time: 4.4 GB at 100,000; drafts, edits and the ranking index then write "
        "into the cache)",
    )
    ap.add_argument(
        "--corpus-cache",
        type=Path,
        help="read the cached corpora from this folder (another checkout's benchmarks/out) "
        "and never write to it: each run upgrades its own copy; use with --stale-ledger "
        "relabel",
    )
    ns = ap.parse_args(argv)
    if ns.corpus_cache is not None and ns.in_place:
        ap.error("--corpus-cache is read-only: it cannot go with --in-place")
    if ns.corpus_cache is not None and ns.backend == "postgresql":
        ap.error("--corpus-cache: the team store's copy upgrades the cached file; not with it")
    if ns.backend == "postgresql" and not ns.pg_url:
        ap.error("--backend postgresql needs --pg-url or $BRIEFER_BENCH_PG_URL")
    if ns.smoke:
        settings, scales = smoke_settings(ns.out), [SMOKE_SCALE]
    else:
        settings = Settings(out=ns.out)
        scales = [int(s.replace("_", "")) for s in ns.scales.split(",") if s.strip()]
    settings.profile = ns.profile
    settings.phases = tuple(p.strip() for p in ns.phases.split(",") if p.strip())
    settings.log = _log
    settings.backend = ns.backend
    settings.pg_url = ns.pg_url or ""
    settings.in_place = ns.in_place
    settings.corpus_cache = ns.corpus_cache
    settings.rank_index_cpu = ns.rank_index_cpu
    settings.stale_ledger = ns.stale_ledger
    if ns.search_repeats:
        settings.search_repeats = ns.search_repeats
    for name in ("rg_repeats", "draft_runs", "startup_runs", "cli_runs"):
        if getattr(ns, name):
            setattr(settings, name, getattr(ns, name))
    if ns.import_runs:
        settings.import_runs = tuple(r.strip() for r in ns.import_runs.split(",") if r.strip())
    results = run_benchmarks(scales, settings)
    path = write_results(results, settings.out)
    print(format_report(results))
    print(f"\nResults: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

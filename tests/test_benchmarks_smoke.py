"""The benchmark runner's code paths, at the smoke scale (~50 sources), so CI notices breakage.

No timing assertions: timings belong to docs/PERFORMANCE.md and the machine they ran on. This
checks that every figure of the results table is produced and is a positive number, and that
the results JSON and the corpus cache are written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus as corpus_mod  # noqa: E402
from benchmarks import run  # noqa: E402

#: Figures that are counts of something that may rightly not happen (edits lost: none).
ZERO_OK = {
    "writers.lost",
    "writers.conflicts",
    "corpus.ledger_cpu_seconds",  # none to build: a cloned corpus copies its base's
    "load_avg.min",
    "load_avg.max",
}


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("bench")
    settings = run.smoke_settings(out)
    cached = corpus_mod.ensure_corpus(
        run.SMOKE_SCALE,
        out=out,
        holdout=settings.import_text_limit,
        holdout_docx=settings.import_docx_limit,
    )
    before = hashlib.sha256(cached.store.read_bytes()).hexdigest()
    results = run.run_benchmarks([run.SMOKE_SCALE], settings)
    path = run.write_results(results, out)
    results["cached_store_sha256"] = (before, hashlib.sha256(cached.store.read_bytes()).hexdigest())
    return results, path


def test_the_cached_corpus_store_is_left_as_built(smoke: tuple[dict, Path]) -> None:  # type: ignore[type-arg]
    """Every phase that writes (drafts, the export brief, edits, two writers, the window,
    the ranking index) works on a copy, removed after the run; the ranking index it built
    is kept beside the cache for the next run."""
    results, path = smoke
    before, after = results["cached_store_sha256"]
    assert before == after
    assert not list(path.parent.glob("work-*"))
    corpus = corpus_mod.corpus_for(run.SMOKE_SCALE, out=path.parent)
    assert (corpus.folder / "store.sqlite.search" / "state.json").exists()


def test_every_figure_is_a_positive_number(smoke: tuple[dict, Path]) -> None:  # type: ignore[type-arg]
    results, _ = smoke
    data = results["scales"][str(run.SMOKE_SCALE)]
    # Peers the machine may lack (README's test command needs only Python): their figures
    # are absent, not broken.
    absent_tools = {t for t in ("pandoc",) if shutil.which(t) is None}
    has_grep = shutil.which("rg") is not None or shutil.which("grep") is not None
    missing = []
    for label, key, _fmt in run.ROWS:
        if any(t in key for t in absent_tools) or ("rg" in key and not has_grep):
            continue
        value = run.lookup(data, key)
        floor_ok = key in ZERO_OK and value == 0
        if not (isinstance(value, int | float) and (value > 0 or floor_ok)):
            head = key.split(".", 1)[0]
            missing.append(f"{label} ({key}) = {value!r}; {data.get(head)!r}")
    assert not missing, "\n".join(missing)
    assert data["search"]["queries"] == len(run.QUERIES)
    # Two writers on one brief: every accepted edit is a revision, the last one is kept.
    writers = data["writers"]
    assert writers["lost"] == 0 and writers["final_is_last_accepted"]
    assert writers["accepted"] == 2 * writers["edits_each"]
    assert all(q["p50_ms"] > 0 for q in data["search"]["per_query"])
    if has_grep:
        assert all(q["rg_ms"] > 0 for q in data["search"]["per_query"])


def test_outputs_exist(smoke: tuple[dict, Path]) -> None:  # type: ignore[type-arg]
    results, path = smoke
    assert path.exists()
    saved = json.loads(path.read_text("utf-8"))
    assert saved["machine"]["nproc"] and saved["machine"]["sqlite"]
    assert str(run.SMOKE_SCALE) in saved["scales"]
    assert len(saved["targets"]) == len(run.TARGETS)
    corpus = corpus_mod.corpus_for(run.SMOKE_SCALE, out=path.parent)
    assert corpus.complete and corpus.store.exists()
    texts = list(corpus.texts.glob("*.txt"))
    assert len(texts) == run.SMOKE_SCALE
    assert any("-ja-" in p.name for p in texts) or run.SMOKE_SCALE < 40
    assert list(corpus.holdout_docx.glob("*.docx"))
    report = run.format_report(results)
    assert all(label in report for label, _key, _fmt in run.ROWS)


def test_corpus_is_deterministic() -> None:
    a, b = corpus_mod.Generator(7), corpus_mod.Generator(7)
    assert a.source(3) == b.source(3)
    assert a.source(3) != a.source(4)
    sizes = [len(a.source(i).text.encode()) for i in range(40)]
    assert min(sizes) >= corpus_mod.MIN_BYTES and max(sizes) <= corpus_mod.MAX_BYTES + 4096


def test_cli_startup_produces_every_figure(smoke: tuple[dict, Path]) -> None:  # type: ignore[type-arg]
    """benchmarks/cli_startup.py on the smoke corpus (cached by the run above), one round."""
    from benchmarks import cli_startup

    _, path = smoke
    out = path.parent
    assert (
        cli_startup.main(["--scale", str(run.SMOKE_SCALE), "--runs", "1", "--out", str(out)]) == 0
    )
    saved = json.loads((out / f"cli_startup-{run.SMOKE_SCALE}.json").read_text("utf-8"))
    figures = saved["figures"]
    assert {"python -c pass", "briefer --help", "search --json", "topics --json"} <= set(figures)
    assert all(f["min_ms"] > 0 and f["x_python"] > 0 for f in figures.values())


def test_a_read_only_corpus_cache_is_never_written(
    smoke: tuple[dict, Path],  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    """``--corpus-cache DIR`` (another checkout's ``benchmarks/out``): the run copies the
    store into its own ``--out`` and upgrades the copy; nothing in DIR changes, not even a
    ranking index kept beside it, and the size is measured on the copy."""
    _, path = smoke
    cache = path.parent
    corpus = corpus_mod.corpus_for(run.SMOKE_SCALE, out=cache)

    def listing() -> dict[str, tuple[int, float]]:
        return {
            str(p.relative_to(cache)): (p.stat().st_size, p.stat().st_mtime)
            for p in corpus.folder.rglob("*")
            if p.is_file()
        }

    before = listing()
    settings = run.smoke_settings(tmp_path)
    settings.corpus_cache = cache
    settings.phases = ("draft",)
    results = run.run_benchmarks([run.SMOKE_SCALE], settings)
    assert listing() == before
    data = results["scales"][str(run.SMOKE_SCALE)]
    assert data["store"]["used_mb"] > 0
    assert data["draft"]["quotes"] > 0
    assert not list(tmp_path.glob("work-*"))

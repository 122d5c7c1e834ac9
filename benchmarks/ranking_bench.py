"""What exact ranking over every match costs: FTS5's bm25 against a top-k engine, one run.

    python -m benchmarks.ranking_bench --scale 10000 [--tantivy DIR]

On the scale's cached corpus store (benchmarks/corpus.py), for the English queries of
benchmarks/run.py (words, phrases, prefixes: the ones that match tens of thousands of
passages), each timed as the best of ``--repeats``:

- ``window``: today's ranking, ``bm25`` over the 1,000 newest matches
  (``store.search.RANK_CANDIDATES``), without joins;
- ``fts5 exact``: ``bm25`` over every match, ``ORDER BY ... LIMIT 50`` (what exact ranking on
  FTS5 costs, before any join or filter);
- ``count``: the matches, without ranking (the floor of anything that visits them all);
- ``tantivy exact`` (when the ``tantivy`` package is installed): the same passages in a
  tantivy index (text + heading, English stemming), top 50 by BM25 with block-max pruning.
  The index is built once into ``--tantivy`` (default ``benchmarks/out/tantivy-SCALE``) from
  the store, outside the figures; its build time is reported.

Results go to ``benchmarks/out/ranking-SCALE.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import OUT, ensure_corpus
from benchmarks.run import QUERIES
from briefer.store.search import RANK_CANDIDATES, _fts_word_query, parse_terms

K = 50


def best_ms(fn: Any, repeats: int) -> float:
    fn()  # warm
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return round(best * 1000, 2)


def english_queries() -> list[tuple[str, str]]:
    """(label, FTS5 match expression) of the benchmark's unfiltered English queries."""
    out = []
    for q in QUERIES:
        if q.category in ("word", "phrase", "prefix"):
            match = _fts_word_query(parse_terms(q.text), bool(q.options.get("prefix")))
            if match:
                out.append((q.label, match))
    return out


def build_tantivy(store: Path, folder: Path) -> tuple[Any, float]:
    import tantivy

    if (folder / "meta.json").exists():
        return tantivy.Index.open(str(folder)), 0.0
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    sb.add_text_field("text", stored=False, tokenizer_name="en_stem")
    sb.add_text_field("heading", stored=False, tokenizer_name="en_stem")
    index = tantivy.Index(sb.build(), path=str(folder))
    writer = index.writer(heap_size=200_000_000, num_threads=2)
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    t0 = time.perf_counter()
    rows = con.execute(
        'SELECT p.id, substr(s.text, p.start + 1, p."end" - p.start), p.heading_path '
        "FROM passage p JOIN source s ON s.id = p.source_id"
    )
    for pid, body, heading in rows:
        writer.add_document(tantivy.Document(id=pid, text=body, heading=heading))
    writer.commit()
    writer.wait_merging_threads()
    return index, round(time.perf_counter() - t0, 1)


def tantivy_query(index: Any, label: str) -> Any:
    """The benchmark query in tantivy's syntax: words ANDed, a phrase quoted, a prefix as
    a phrase-prefix query on the text field."""
    import tantivy

    text = label.removesuffix("*")
    if label.endswith("*"):
        return tantivy.Query.phrase_prefix_query(index.schema, "text", [text])
    words = text if text.startswith('"') else " ".join(f"+{w}" for w in text.split())
    return index.parse_query(words, ["text", "heading"], field_boosts={"text": 1.0, "heading": 0.3})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--tantivy", type=Path)
    ns = ap.parse_args(argv)
    corpus = ensure_corpus(ns.scale, out=ns.out)
    con = sqlite3.connect(f"file:{corpus.store}?mode=ro", uri=True)
    index = None
    build_s = None
    try:
        index, build_s = build_tantivy(corpus.store, ns.tantivy or ns.out / f"tantivy-{ns.scale}")
        index.reload()
        searcher = index.searcher()
    except ImportError:
        searcher = None
    rows = []
    for label, match in english_queries():
        row: dict[str, Any] = {"query": label}
        row["matches"] = con.execute(
            "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?", (match,)
        ).fetchone()[0]
        row["count_ms"] = best_ms(
            lambda m=match: con.execute(
                "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?", (m,)
            ).fetchall(),
            ns.repeats,
        )
        row["window_ms"] = best_ms(
            lambda m=match: con.execute(
                "SELECT id FROM (SELECT rowid AS id, bm25(passage_fts, 1.0, 0.3) AS r "
                "FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
                "ORDER BY r LIMIT ?",
                (m, RANK_CANDIDATES, K),
            ).fetchall(),
            ns.repeats,
        )
        row["fts5_exact_ms"] = best_ms(
            lambda m=match: con.execute(
                "SELECT rowid, bm25(passage_fts, 1.0, 0.3) AS r FROM passage_fts "
                "WHERE passage_fts MATCH ? ORDER BY r LIMIT ?",
                (m, K),
            ).fetchall(),
            ns.repeats,
        )
        if searcher is not None and index is not None:
            query = tantivy_query(index, label.split(" (")[0])
            row["tantivy_exact_ms"] = best_ms(lambda q=query: searcher.search(q, K), ns.repeats)
            row["tantivy_hits"] = searcher.search(query, 1).count
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    result = {
        "scale": ns.scale,
        "repeats": ns.repeats,
        "k": K,
        "tantivy_build_s": build_s,
        "queries": rows,
    }
    path = ns.out / f"ranking-{ns.scale}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False), "utf-8")
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What exact ranking over every match costs: FTS5's bm25 against a top-k engine, one run.

    python -m benchmarks.ranking_bench --scale 10000

On the scale's cached corpus store (benchmarks/corpus.py), for the English queries of
benchmarks/run.py (words, phrases, prefixes: the ones that match tens of thousands of
passages) and its Japanese ones (FTS5's trigram index against the index's trigram
field), each timed as the best of ``--repeats``:

- ``window``: today's ranking, ``bm25`` over the 1,000 newest matches
  (``store.search.RANK_CANDIDATES``), without joins;
- ``fts5 exact``: ``bm25`` over every match, ``ORDER BY ... LIMIT 50`` (what exact ranking on
  FTS5 costs, before any join or filter);
- ``count``: the matches, without ranking (the floor of anything that visits them all);
- ``tantivy exact``: the product's ranking index beside the store (``store.rank_index``:
  FTS5's own tokens, the query built as ``store.search`` builds it, a prefix expanded into
  every term that starts with it), top 50 by BM25 with block-max pruning, no filter. The
  index is brought up to date outside the figures; its update time is reported.

Results go to ``benchmarks/out/ranking-SCALE.json``.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import OUT, ensure_corpus
from benchmarks.run import QUERIES
from briefer.store.search import (
    MAX_SHORT_TERM_TRIGRAMS,
    MIN_PREFIX,
    RANK_CANDIDATES,
    Db,
    _fts_word_query,
    _trigram_match,
    japanese_query_terms,
    parse_terms,
)

K = 50
TRI_COUNT = "SELECT count(*) FROM passage_tri WHERE passage_tri MATCH ?"


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


def japanese_queries(con: sqlite3.Connection) -> list[tuple[str, str, list[tuple[str, bool]]]]:
    """(label, FTS5 trigram match expression, query terms) of the Japanese queries."""
    out = []
    for q in QUERIES:
        if q.category == "japanese":
            terms = japanese_query_terms(parse_terms(q.text))
            match = _trigram_match(Db(con), terms)
            if match:
                out.append((q.label, match, terms))
    return out


def build_index(store: Path) -> tuple[Any, dict[str, Any]]:
    """The product's ranking index beside the store (``store.rank_index``), brought up to
    date outside the figures; its update's wall and CPU time are reported."""
    from briefer.store import rank_index

    result = rank_index.update(store)
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        ranker = rank_index.ranker(store, rank_index.fts_structure(con))
    finally:
        con.close()
    return ranker, {
        "passages_indexed": result.passages_added,
        "wall_s": result.seconds,
        "cpu_s": result.cpu_seconds,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", type=Path, default=OUT)
    ns = ap.parse_args(argv)
    corpus = ensure_corpus(ns.scale, out=ns.out)
    con = sqlite3.connect(f"file:{corpus.store}?mode=ro", uri=True)
    ranker, build = build_index(corpus.store)
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
        if ranker is not None:
            typed = label.split(" (")[0]
            prefix = typed.endswith("*")
            terms = parse_terms(typed.removesuffix("*"))
            row["tantivy_exact_ms"] = best_ms(
                lambda t=terms, p=prefix: ranker.top(ranker.query(t, p, MIN_PREFIX), K),
                ns.repeats,
            )
            row["tantivy_hits"] = ranker.top(
                ranker.query(terms, prefix, MIN_PREFIX), 1, count=True
            )[1]
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    for label, match, terms in japanese_queries(con):
        row = {"query": label}
        row["matches"] = con.execute(TRI_COUNT, (match,)).fetchone()[0]
        row["count_ms"] = best_ms(
            lambda m=match: con.execute(TRI_COUNT, (m,)).fetchall(), ns.repeats
        )
        row["window_ms"] = best_ms(
            lambda m=match: con.execute(
                "SELECT id FROM (SELECT rowid AS id, bm25(passage_tri) AS r "
                "FROM passage_tri WHERE passage_tri MATCH ? ORDER BY rowid DESC LIMIT ?) "
                "ORDER BY r LIMIT ?",
                (m, RANK_CANDIDATES, K),
            ).fetchall(),
            ns.repeats,
        )
        row["fts5_exact_ms"] = best_ms(
            lambda m=match: con.execute(
                "SELECT rowid, bm25(passage_tri) AS r FROM passage_tri "
                "WHERE passage_tri MATCH ? ORDER BY r LIMIT ?",
                (m, K),
            ).fetchall(),
            ns.repeats,
        )
        if ranker is not None:
            query = ranker.japanese(terms, MAX_SHORT_TERM_TRIGRAMS)
            row["tantivy_exact_ms"] = best_ms(
                lambda t=terms: ranker.top(ranker.japanese(t, MAX_SHORT_TERM_TRIGRAMS), K),
                ns.repeats,
            )
            row["tantivy_hits"] = ranker.top(query, 1, count=True)[1]
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    result = {
        "scale": ns.scale,
        "repeats": ns.repeats,
        "k": K,
        "rank_index_update": build,
        "queries": rows,
    }
    path = ns.out / f"ranking-{ns.scale}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False), "utf-8")
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

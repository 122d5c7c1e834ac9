"""What an import worker makes of documents, pickled, to show a speed-up changed nothing.

    PYTHONPATH=/tmp/old/src python -m benchmarks.reading_digest --out old.pickle
    python -m benchmarks.reading_digest --out new.pickle
    python -m benchmarks.reading_digest --compare old.pickle new.pickle

For each held-out ``.txt`` file of the benchmark corpus (and, with ``--report-mb N``, a
generated report of N MB): the document as read (text digest, every segment, the proposed
metadata), its automatic tags under the corpus store's topics, its sketch, and the asks
ledger's reading of it as an official and as an industry source, made through the same
functions ``import_pool.prepare_file`` calls. ``--compare`` names the first difference.
``--profile FILE`` writes a cProfile (CPU time) of the whole run; ``--seconds`` prints the
CPU seconds of each stage.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import OUT, ensure_corpus


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _one(path: Path, key: Any, glossary: Any, clock: Any, seconds: dict[str, float]) -> Any:
    from briefer.library import asks, import_pool, near_duplicates, tagging

    t = clock()
    doc, reason = import_pool.read_file(path)
    seconds["read"] += clock() - t
    if doc is None:
        return {"reason": reason}
    title = doc.proposed.title.strip() or doc.origin or "Untitled source"
    t = clock()
    words = tagging.passage_words(doc.text, doc.segments)
    seconds["words"] += clock() - t
    t = clock()
    tags = tagging.prepare_tags_with(key, doc.text, title, doc.segments, words)
    seconds["tags"] += clock() - t
    t = clock()
    sketch = tuple(near_duplicates.sketch(near_duplicates.content_text(doc)))
    seconds["sketch"] += clock() - t
    t = clock()
    official = asks.read_document("official", doc.text, doc.segments, glossary, words)
    seconds["official"] += clock() - t
    t = clock()
    industry = asks.read_document("industry", doc.text, doc.segments, glossary, words)
    seconds["industry"] += clock() - t
    return {
        "text": _digest(doc.text),
        "segments": [
            (s.start, s.end, s.kind, s.level, tuple(s.heading_path), s.content, s.page)
            for s in doc.segments
        ],
        "proposed": repr(doc.proposed),
        "format": doc.format,
        "tags": {
            ordinal: [(t.topic_id, t.score, t.primary, tuple(t.evidence)) for t in scores]
            for ordinal, scores in sorted(tags.by_ordinal.items())
        },
        "sketch": sketch,
        "official": (official.kind, official.glossary, [list(r) for r in official.official]),
        "industry": (industry.kind, industry.glossary, [dict(r) for r in industry.asks]),
    }


def run(paths: list[Path], store: Path, profile: Path | None) -> tuple[dict[str, Any], dict]:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from briefer.library import asks, tagging

    engine = create_engine(f"sqlite:///{store}")
    with Session(engine) as session:  # read once, for the topics' terms, without migrating
        key = tagging.tagger_key(session)
    engine.dispose()
    glossary = asks.glossary_for_url("")
    clock = time.process_time
    seconds = dict.fromkeys(("read", "words", "tags", "sketch", "official", "industry"), 0.0)
    _one(paths[0], key, glossary, clock, dict(seconds))  # warm-up: SudachiPy, alias forms
    profiler = cProfile.Profile(clock) if profile else None
    if profiler is not None:
        profiler.enable()
    out = {path.name: _one(path, key, glossary, clock, seconds) for path in paths}
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    return out, seconds


def _first_difference(a: Any, b: Any, where: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} against {type(b).__name__}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                return f"{where}/{k}: only on one side"
            found = _first_difference(a[k], b[k], f"{where}/{k}")
            if found:
                return found
        return None
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{where}: {len(a)} items against {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {a!r} against {b!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=10000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--corpus-out", type=Path, default=OUT)
    ap.add_argument("--report-mb", type=float, default=0.0)
    ap.add_argument("--no-holdout", action="store_true")
    ap.add_argument("--profile", type=Path)
    ap.add_argument("--seconds", action="store_true")
    ap.add_argument("--compare", nargs=2, type=Path)
    ns = ap.parse_args(argv)
    if ns.compare:
        a, b = (pickle.loads(p.read_bytes()) for p in ns.compare)
        found = _first_difference(a, b)
        print(f"{len(a)} documents; " + (f"differ at {found}" if found else "identical"))
        return 1 if found else 0
    corpus = ensure_corpus(ns.scale, out=ns.corpus_out, rebuild_stale_ledger=False)
    paths = [] if ns.no_holdout else sorted(corpus.holdout.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        if ns.report_mb:
            from benchmarks.ui_stall import write_report

            report = Path(tmp) / f"report-{ns.report_mb:g}mb.txt"
            write_report(report, ns.report_mb)
            paths.append(report)
        out, seconds = run(paths, corpus.store, ns.profile)
    if ns.out:
        ns.out.write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
    if ns.seconds:
        n = len(paths)
        per = {k: round(1000 * v / n, 1) for k, v in seconds.items()}
        cpu = round(sum(seconds.values()), 2)
        print(json.dumps({"files": n, "cpu_ms_per_file": per, "cpu_s": cpu}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

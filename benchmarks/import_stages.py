"""Where an import worker's CPU goes: each stage of ``import_pool.prepare_file`` over the
held-out ``.txt`` files, in this one process, in CPU milliseconds per file.

    python -m benchmarks.import_stages --scale 10000 [--kind official] [--profile out.prof]

The stages are those ``prepare_file`` runs (reading, tags, sketch, the asks ledger's
reading), timed apart with ``time.process_time`` after one warm-up file (the tagger's alias
forms, the glossary, SudachiPy's dictionary); ``--total`` times ``prepare_file`` itself
instead (one run per process: the tokeniser's and tagger's caches start as a worker's do).
``--profile`` writes a cProfile (CPU time) of that run for ``python -m pstats``. Run it for two
checkouts in turn (``PYTHONPATH=<other checkout>/src``) to compare them.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import time
from pathlib import Path

from benchmarks.corpus import OUT, ensure_corpus


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=10000)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--kind", default="official", help="the kind the files are read as")
    ap.add_argument("--profile", type=Path, default=None)
    ap.add_argument(
        "--total", action="store_true", help="time prepare_file only (caches start cold)"
    )
    ns = ap.parse_args()

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from briefer.ingest.kind import suggest_kind
    from briefer.library import asks, import_pool, near_duplicates, tagging
    from briefer.library.views import parse_kind

    corpus = ensure_corpus(ns.scale, out=ns.out)
    paths = sorted(corpus.holdout.glob("*.txt"))
    # the store is read once, for the topics' terms, without opening (migrating) it
    engine = create_engine(f"sqlite:///{corpus.store}")
    with Session(engine) as session:
        key = tagging.tagger_key(session)
    engine.dispose()
    url = ""
    import_pool.prepare_file(paths[0], False, key, "", ns.kind, url)  # warm-up

    stages = {"read": 0.0, "tags": 0.0, "sketch": 0.0, "ledger": 0.0}
    clock = time.process_time
    for path in [] if ns.total else paths:
        t = clock()
        doc, _reason = import_pool.read_file(path)
        stages["read"] += clock() - t
        if doc is None:
            continue
        title = doc.proposed.title.strip() or doc.origin or "Untitled source"
        t = clock()
        if hasattr(tagging, "passage_words"):
            shared = tagging.passage_words(doc.text, doc.segments)
            tagging.prepare_tags_with(key, doc.text, title, doc.segments, shared)
        else:
            shared = None
            tagging.prepare_tags_with(key, doc.text, title, doc.segments)
        stages["tags"] += clock() - t
        t = clock()
        near_duplicates.sketch(near_duplicates.content_text(doc))
        stages["sketch"] += clock() - t
        t = clock()
        kind = ns.kind or parse_kind(suggest_kind(doc))
        glossary = asks.glossary_for_url(url)
        if shared is not None:
            asks.read_document(kind, doc.text, doc.segments, glossary, shared)
        else:
            asks.read_document(kind, doc.text, doc.segments, glossary)
        stages["ledger"] += clock() - t
    profiler = cProfile.Profile(clock) if ns.profile else None
    t = clock()
    if profiler is not None:
        profiler.enable()
    for path in paths if ns.total else []:
        import_pool.prepare_file(path, False, key, "", ns.kind, url)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(ns.profile))
    total = clock() - t
    n = len(paths)
    figures = {k: round(1000 * v / n, 1) for k, v in stages.items()}
    if ns.total:
        figures = {"prepare_file": round(1000 * total / n, 1)}
    else:
        figures["sum"] = round(sum(figures.values()), 1)
    print(json.dumps({"files": n, **figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Re-tagging a benchmark store: the whole library, as after a taxonomy change.

    python -m benchmarks.retag_bench --scale 1000

Builds (or reuses) the cached corpus of ``benchmarks.corpus``, copies its store, and times
``library.tagging.retag_all`` in one transaction (rolled back), with the text volume, the
passages per second and the Sudachi dictionary load time. Wall and CPU time are both given:
on a loaded machine the first also counts the time spent waiting for a core. See docs/FIDELITY.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_SEED, ensure_corpus


def measure(scale: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    from sqlalchemy import func, select

    from briefer.ingest import tokens
    from briefer.library import tagging
    from briefer.store import UnitOfWork, open_store, texts
    from briefer.store.models import Passage, Source

    corpus = ensure_corpus(scale, seed)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.sqlite"
        shutil.copy(corpus.store, copy)
        store = open_store(copy)
        try:
            with UnitOfWork(store) as uow:
                s = uow.session
                passages = s.scalar(select(func.count()).select_from(Passage)) or 0
                chars = sum(texts.source_length(s, i) or 0 for i in s.scalars(select(Source.id)))
                t0, c0 = time.perf_counter(), time.process_time()
                written = tagging.retag_all(s)
                seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
                # not committed: the unit of work rolls back on leaving
        finally:
            store.close()
    return {
        "scale": scale,
        "passages": passages,
        "text_mb": round(chars / 1e6, 1),
        "tags_written": written,
        "retag_s": round(seconds, 2),
        # CPU time of this process: on a shared machine the wall time also counts waiting.
        "retag_cpu_s": round(cpu, 2),
        "passages_per_s": round(passages / seconds) if seconds else None,
        "sudachi_load_s": round(tokens.dictionary_load_seconds() or 0.0, 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1000)
    ns = parser.parse_args(argv)
    print(json.dumps(measure(ns.scale), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

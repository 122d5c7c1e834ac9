"""Are the rows an import stores the same for two checkouts? The import's correctness gate.

    python -m benchmarks.stored_rows old=/tmp/old/src new=src [--files 500]

Each ``NAME=SRC`` imports the held-out ``.txt`` files of the scale's corpus (as
``import_compare`` does: ``import_paths`` with its worker pool, as ``--kind``) into its own
copy of the store in a subprocess with ``PYTHONPATH=SRC``, then digests every row the import
wrote: the sources (all columns but ``imported_at``), their text chunks, passages, both FTS5
indexes' rows (read back from the index tables), automatic tags, near-duplicate sketches and
the asks ledger's rows (``ask``, ``ask_scan`` with its spans unpacked). The checkouts must
share a schema; the report says per table whether the digests match, and exits 1 if not.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import OUT, ensure_corpus

_CHILD = r"""
import hashlib, json, shutil, sqlite3, sys, tempfile, zlib
from pathlib import Path
from briefer.library.importing import import_paths
from briefer.library.sources import SourceFields
from briefer.store import open_store

store_path, holdout, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
n, kind = int(sys.argv[4]), sys.argv[5]
paths = sorted(holdout.glob("*.txt"))[:n]
QUERIES = {
    "source": "SELECT * FROM source WHERE id > ? ORDER BY id",
    "source_chunk": "SELECT * FROM source_chunk WHERE source_id > ? ORDER BY 1, 2",
    "passage": "SELECT * FROM passage WHERE source_id > ? ORDER BY id",
    "passage_fts": "SELECT f.rowid, f.text, f.heading FROM passage_fts f JOIN passage p "
    "ON p.id = f.rowid WHERE p.source_id > ? ORDER BY f.rowid",
    "passage_tri": "SELECT f.rowid, f.text FROM passage_tri f JOIN passage p "
    "ON p.id = f.rowid WHERE p.source_id > ? ORDER BY f.rowid",
    "passage_topic": "SELECT t.* FROM passage_topic t JOIN passage p ON p.id = t.passage_id "
    "WHERE p.source_id > ? ORDER BY t.passage_id, t.topic_id, t.origin",
    "source_sketch": "SELECT source_id, hash FROM source_sketch WHERE source_id > ? "
    "ORDER BY 1, 2",
    "ask": "SELECT * FROM ask WHERE source_id > ? ORDER BY id",
    "ask_scan": "SELECT * FROM ask_scan WHERE source_id > ? ORDER BY source_id",
}
with tempfile.TemporaryDirectory(dir=out) as tmp:
    copy = Path(tmp) / "store.sqlite"
    shutil.copyfile(store_path, copy)
    con = sqlite3.connect(copy)
    base = con.execute("SELECT coalesce(max(id), 0) FROM source").fetchone()[0]
    con.close()
    store = open_store(copy)
    summary = import_paths(store, paths, SourceFields(kind=kind))
    store.close()
    con = sqlite3.connect(copy)
    result = {"imported": summary.imported, "tables": {}}
    for table, sql in QUERIES.items():
        cur = con.execute(sql, (base,))
        names = [d[0] for d in cur.description]
        h = hashlib.sha256()
        count = 0
        for row in cur:
            row = dict(zip(names, row))
            row.pop("imported_at", None)
            if table == "ask_scan" and isinstance(row.get("spans"), bytes):
                row["spans"] = json.loads(zlib.decompress(row["spans"]))
            h.update(json.dumps(row, default=repr, ensure_ascii=False, sort_keys=True).encode())
            count += 1
        result["tables"][table] = [count, h.hexdigest()[:16]]
    con.close()
print(json.dumps(result))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=10000)
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--kind", default="official", help="the kind the files are imported as")
    ap.add_argument("code", nargs="+", help="NAME=SRC")
    ns = ap.parse_args()
    # the import does not read the cached ledger: never rebuilt here (40 min of CPU)
    corpus = ensure_corpus(ns.scale, out=ns.out, rebuild_stale_ledger=False)
    store, holdout = corpus.store, corpus.holdout
    found: dict[str, dict[str, list[object]]] = {}
    for spec in ns.code:
        name, src = spec.split("=", 1)
        env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
        args = [str(store), str(holdout), str(ns.out), str(ns.files), ns.kind]
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(name, "imported", result["imported"], flush=True)
        found[name] = result["tables"]
    names = list(found)
    same = True
    for table in found[names[0]]:
        values = [found[n][table] for n in names]
        match = all(v == values[0] for v in values)
        same &= match
        print(f"{table:14} {'same' if match else 'DIFFERENT'}  " + "  ".join(map(str, values)))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

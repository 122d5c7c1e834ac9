"""A large benchmark corpus made from a smaller one: its store rows cloned in bulk.

The 100,000-source corpus (about 1.4 GB of text) cannot go through the import path in the
20 minutes the issue allows on two cores (the 10,000 one took 28 minutes of import, plus the
asks ledger). It is the cached ``base`` corpus (10,000 sources) as its prefix, followed by
``copies`` clone sets: clone set ``k`` (1..copies) holds every base source again, under ids
shifted past the ones before it, with its text **varied at the same length** so that every
offset stays true (passages, chunks, asks, answers, tags):

* every year from 2010 to 2029 written as a word (``2019``, ``2019年``) is ``k`` years
  earlier, and the source's date with it: clone set 9 covers 2009-2017 — a decade of archive;
* the number in a title's ``No. 123`` / ``第123号`` / ``第123回`` is renumbered (same digits
  count, a different number per clone set), so titles and file names differ too;
* everything else (topic terms, asks, headings) is the base text's, so the base's tags and
  asks ledger (asks, answers, scans) are the clone's, with shifted ids.

So every clone has its own content hash (the exact-duplicate check sees distinct sources),
its own file under ``texts/`` (what ripgrep searches) and its own near-duplicate sketch,
recomputed from its text with the product's ``near_duplicates.sketch``; clones of one base
source are near-duplicates of each other (they differ in their dates only), which a real
archive's yearly position papers are too. Word and trigram index rows are written for every
clone passage from its own text.

Work split: worker processes (one per core) read a range of base sources, vary their text,
hash and sketch it, write the text files and return the rows; the one writer inserts those
and copies the rows that need no text (passages, tags, asks, answers, scans) with
``INSERT ... SELECT`` from the attached base store, ids shifted. The file is built as
``store.sqlite.partial`` with the journal off and the secondary indexes dropped (recreated
at the end), and renamed when complete: an interrupted build starts again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

#: Base sources per worker task.
TASK_SOURCES = 250
#: Worker results the writer lets wait at once (bounds memory: ~4 MB of text each).
IN_FLIGHT = 6

_VARY = re.compile(r"(No\. |第)([0-9]+)|(?<![0-9A-Za-z])(20[12][0-9])(?![0-9A-Za-z])")
_ORIGIN = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(_.*-)(\d+)(\.\w+)$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_CJK_PAD = "  "  # briefer.store.sqlite_fts.CJK_PAD (checked in build)


def renumber(digits: str, k: int) -> str:
    """Another number with as many digits (no leading zero made), one per ``k``."""
    if len(digits) == 1:
        return str((int(digits) + k) % 10) if digits == "0" or k % 9 else digits
    head = str((int(digits[0]) - 1 + k) % 9 + 1) if digits[0] != "0" else "0"
    return head + "".join(str((int(d) + k) % 10) for d in digits[1:])


def vary(text: str | None, k: int) -> str | None:
    """``text`` of clone set ``k``: years ``k`` earlier, title numbers renumbered; the
    same length, so every offset into it stays true."""
    if not text or k == 0:
        return text

    def sub(m: re.Match[str]) -> str:
        if m.group(2) is not None:
            return m.group(1) + renumber(m.group(2), k)
        return str(int(m.group(3)) - k)

    return _VARY.sub(sub, text)


def shift_date(day: str | None, k: int) -> str | None:
    if not day:
        return day
    d = date.fromisoformat(day[:10])
    try:
        moved = d.replace(year=d.year - k)
    except ValueError:  # 29 February
        moved = d.replace(year=d.year - k, day=28)
    return moved.isoformat() + day[10:]


def clone_origin(origin: str, k: int, base_scale: int) -> str:
    """``2019-06-21_official_outcome-en-00002.txt`` of clone set 1 at base 10,000:
    ``2018-06-21_official_outcome-en-10002.txt`` (the file in ``texts/``)."""
    m = _ORIGIN.match(origin)
    if m is None:
        return f"clone{k}-{origin}"
    year, month, day, middle, index, ext = m.groups()
    moved = shift_date(f"{year}-{month}-{day}", k)
    width = len(index)
    return f"{moved}{middle}{int(index) + k * base_scale:0{width}d}{ext}"


# --------------------------------------------------------------------------- workers


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def clone_task(
    base_store: str,
    texts_dir: str,
    k: int,
    lo: int,
    hi: int,
    offsets: dict[str, int],
    base_scale: int,
) -> dict[str, Any]:
    """Clone set ``k`` of the base sources with ids ``lo..hi`` (inclusive): their rows
    with shifted ids, their varied texts' chunks, sketches and index rows; writes the
    text files. Runs in a worker process."""
    from briefer.library.near_duplicates import sketch

    con = _ro(Path(base_store))
    s_off, p_off = offsets["source"], offsets["passage"]
    cols = [r[1] for r in con.execute("PRAGMA table_info(source)")]
    sources = con.execute(
        f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM source "
        "WHERE id BETWEEN ? AND ? ORDER BY id",
        (lo, hi),
    ).fetchall()
    chunks: dict[int, list[tuple[int, str]]] = {}
    for sid, start, body in con.execute(
        "SELECT source_id, start, text FROM source_chunk WHERE source_id BETWEEN ? AND ? "
        "ORDER BY source_id, start",
        (lo, hi),
    ):
        chunks.setdefault(sid, []).append((start, body))
    passages: dict[int, list[tuple[int, int, int, str, int]]] = {}
    for pid, sid, a, b, heading, content in con.execute(
        'SELECT id, source_id, start, "end", heading_path, content FROM passage '
        "WHERE source_id BETWEEN ? AND ? ORDER BY source_id, ordinal",
        (lo, hi),
    ):
        passages.setdefault(sid, []).append((pid, a, b, heading, content))
    con.close()
    at = {c: i for i, c in enumerate(cols)}
    out_sources, out_chunks, out_sketch, words, trigrams = [], [], [], [], []
    raw = 0
    folder = Path(texts_dir)
    for row in sources:
        sid = row[at["id"]]
        text = "".join(vary(body, k) or "" for _, body in chunks.get(sid, []))
        new_sid = sid + s_off
        values = list(row)
        values[at["id"]] = new_sid
        values[at["title"]] = vary(row[at["title"]], k)
        values[at["short_title"]] = vary(row[at["short_title"]], k)
        values[at["date"]] = shift_date(row[at["date"]], k)
        values[at["origin"]] = clone_origin(row[at["origin"]], k, base_scale)
        values[at["content_hash"]] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if row[at["previous_version_id"]] is not None:
            values[at["previous_version_id"]] = row[at["previous_version_id"]] + s_off
        out_sources.append(tuple(values))
        for start, body in chunks.get(sid, []):
            out_chunks.append((new_sid, start, text[start : start + len(body)]))
        spans = passages.get(sid, [])
        content = "\n".join(text[a:b] for _, a, b, _, c in spans if c)
        out_sketch += [(h, new_sid) for h in sketch(content)]
        for pid, a, b, heading, _ in spans:
            body = text[a:b]
            words.append((pid + p_off, body, vary(heading, k)))
            if _CJK.search(body):
                trigrams.append((pid + p_off, body + _CJK_PAD))
        data = text.encode("utf-8")
        raw += len(data)
        (folder / values[at["origin"]]).write_bytes(data)
    return {
        "k": k,
        "columns": cols,
        "sources": out_sources,
        "chunks": out_chunks,
        "sketch": out_sketch,
        "words": words,
        "trigrams": trigrams,
        "raw_bytes": raw,
        "cpu": time.process_time(),
    }


# --------------------------------------------------------------------------- writer

#: Rows that need no text: copied in SQL from the attached base, ids shifted. ``{S}``,
#: ``{P}``, ``{A}``, ``{R}``: the clone set's source, passage, ask and answer offsets; ``{k}``
#: the clone set (``vary`` is :func:`vary`, registered on the writer's connection).
_COPIES = (
    'INSERT INTO passage (id, source_id, ordinal, kind, level, heading_path, start, "end", '
    "content, page) SELECT id + {P}, source_id + {S}, ordinal, kind, level, "
    'vary(heading_path, {k}), start, "end", content, page FROM base.passage',
    'INSERT INTO passage_topic (passage_id, topic_id, origin, score, "primary", excluded, '
    'taught) SELECT passage_id + {P}, topic_id, origin, score, "primary", excluded, taught '
    "FROM base.passage_topic",
    "INSERT INTO ask SELECT {ask} FROM base.ask",
    "INSERT INTO ask_response SELECT {ask_response} FROM base.ask_response",
    "INSERT INTO ask_scan SELECT {ask_scan} FROM base.ask_scan",
)

#: How each column of these tables moves in clone set k (others are copied as they are).
_SHIFTS = {
    "ask": {"id": "A", "source_id": "S", "passage_id": "P"},
    "ask_response": {"id": "R", "ask_id": "A", "source_id": "S", "passage_id": "P"},
    "ask_scan": {"source_id": "S"},
}


def _copy_rows(con: sqlite3.Connection, k: int, offsets: dict[str, int]) -> None:
    """Clone set ``k`` of every row that needs no text."""
    by = {
        "k": k,
        "S": k * offsets["source"],
        "P": k * offsets["passage"],
        "A": k * offsets["ask"],
        "R": k * offsets["ask_response"],
    }
    lists = {}
    for table, shifts in _SHIFTS.items():
        cols = [r[1] for r in con.execute(f"PRAGMA base.table_info({table})")]
        lists[table] = ", ".join(
            f'"{c}" + {by[shifts[c]]}' if c in shifts else f'"{c}"' for c in cols
        )
    for sql in _COPIES:
        con.execute(sql.format(**by, **lists))


#: Tables of the store that hang off sources and are not cloned: their base rows must be
#: none (a benchmark corpus has no briefs).
_EMPTY_IN_BASE = ("quote", "brief", "brief_section", "topic_learned_term")


def _max(con: sqlite3.Connection, sql: str) -> int:
    return int(con.execute(sql).fetchone()[0] or 0)


def build(
    base_store: Path,
    base_scale: int,
    store: Path,
    texts: Path,
    copies: int,
    *,
    workers: int | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Write ``store`` (base + ``copies`` clone sets) and the clones' files into ``texts``
    (the base files are linked or copied there first). Returns timings and sizes."""
    from briefer.store.sqlite_fts import CJK_PAD

    assert CJK_PAD == _CJK_PAD, "keep benchmarks.clone._CJK_PAD equal to sqlite_fts.CJK_PAD"
    t0 = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    partial = store.with_name(store.name + ".partial")
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base_store, partial)
    con = sqlite3.connect(partial, isolation_level=None)
    con.create_function("vary", 2, vary, deterministic=True)
    for pragma in (
        "journal_mode = OFF",
        "synchronous = OFF",
        "locking_mode = EXCLUSIVE",
        "cache_size = -262144",  # 256 MB
        "temp_store = MEMORY",
        "foreign_keys = OFF",
    ):
        con.execute(f"PRAGMA {pragma}")
    con.execute("ATTACH DATABASE ? AS base", (f"file:{base_store}?mode=ro&immutable=1",))
    for table in _EMPTY_IN_BASE:
        if _max(con, f"SELECT count(*) FROM base.{table}"):
            raise RuntimeError(f"the base store holds {table} rows; clone a fresh corpus store")
    offsets = {
        "source": _max(con, "SELECT max(id) FROM base.source"),
        "passage": _max(con, "SELECT max(id) FROM base.passage"),
        "ask": _max(con, "SELECT max(id) FROM base.ask"),
        "ask_response": _max(con, "SELECT max(id) FROM base.ask_response"),
    }
    # Secondary indexes of the cloned tables: dropped now, made once at the end (a sort).
    cloned = ("source", "passage", "passage_topic", "ask", "ask_response", "ask_scan")
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(cloned))})",
        cloned,
    ).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    texts.mkdir(parents=True, exist_ok=True)
    ids = [r[0] for r in con.execute("SELECT id FROM base.source ORDER BY id")]
    ranges = [
        (ids[i], ids[min(i + TASK_SOURCES, len(ids)) - 1]) for i in range(0, len(ids), TASK_SOURCES)
    ]
    tasks = [(k, lo, hi) for k in range(1, copies + 1) for lo, hi in ranges]
    sql_s = 0.0
    raw = 0
    rows = {"source": 0, "passage_fts": 0, "passage_tri": 0}
    done_k: set[int] = set()
    n_workers = workers or max(1, min(os.cpu_count() or 1, 4))
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(n_workers, mp_context=ctx) as pool:
        pending: list[Future[dict[str, Any]]] = []
        queue: Iterator[tuple[int, int, int]] = iter(tasks)

        def submit() -> None:
            for k, lo, hi in queue:
                off = {
                    "source": k * offsets["source"],
                    "passage": k * offsets["passage"],
                }
                pending.append(
                    pool.submit(clone_task, str(base_store), str(texts), k, lo, hi, off, base_scale)
                )
                if len(pending) >= IN_FLIGHT:
                    return

        submit()
        con.execute("BEGIN")
        last_log = time.perf_counter()
        finished = 0
        while pending:
            result = pending.pop(0).result()
            submit()
            k = result["k"]
            if k not in done_k:  # the rows without text, once per clone set, in SQL
                t1 = time.perf_counter()
                _copy_rows(con, k, offsets)
                done_k.add(k)
                sql_s += time.perf_counter() - t1
            cols = result["columns"]
            con.executemany(
                f"INSERT INTO source ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
                f"VALUES ({', '.join('?' * len(cols))})",
                result["sources"],
            )
            con.executemany(
                "INSERT INTO source_chunk (source_id, start, text) VALUES (?, ?, ?)",
                result["chunks"],
            )
            con.executemany(
                "INSERT INTO source_sketch (hash, source_id) VALUES (?, ?)", result["sketch"]
            )
            con.executemany(
                "INSERT INTO passage_fts (rowid, text, heading) VALUES (?, ?, ?)",
                result["words"],
            )
            if result["trigrams"]:
                con.executemany(
                    "INSERT INTO passage_tri (rowid, text) VALUES (?, ?)", result["trigrams"]
                )
            rows["source"] += len(result["sources"])
            rows["passage_fts"] += len(result["words"])
            rows["passage_tri"] += len(result["trigrams"])
            raw += result["raw_bytes"]
            finished += 1
            if time.perf_counter() - last_log > 30 or not pending:
                last_log = time.perf_counter()
                log(
                    f"clone: {finished}/{len(tasks)} tasks, {rows['source']:,} sources, "
                    f"{time.perf_counter() - t0:.0f} s"
                )
        con.execute("COMMIT")
    t_index = time.perf_counter()
    for _name, sql in indexes:
        con.execute(sql)
    index_s = time.perf_counter() - t_index
    con.execute("DETACH DATABASE base")
    con.close()
    con = sqlite3.connect(partial)
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    os.replace(partial, store)
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "clone_of": base_scale,
        "copies": copies,
        "clone_raw_bytes": raw,
        "clone_rows": rows,
        "offsets": offsets,
        "workers": n_workers,
        "clone_seconds": round(time.perf_counter() - t0, 1),
        "clone_sql_seconds": round(sql_s, 1),
        "clone_index_seconds": round(index_s, 1),
        "clone_writer_cpu_seconds": round(
            cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime, 1
        ),
        "clone_workers_cpu_seconds": round(
            kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime, 1
        ),
    }


def link_texts(src: Path, dest: Path) -> int:
    """The base corpus's files in ``dest`` (hard links where the disk allows); their bytes."""
    dest.mkdir(parents=True, exist_ok=True)
    total = 0
    for p in src.iterdir():
        if not p.is_file():
            continue
        target = dest / p.name
        total += p.stat().st_size
        if target.exists():
            continue
        try:
            os.link(p, target)
        except OSError:
            shutil.copyfile(p, target)
    return total


def describe(info: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in info.items() if k.startswith("clone")})

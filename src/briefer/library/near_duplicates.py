"""Near-duplicates: the same document in another format, or a lightly edited copy.

The exact-duplicate check compares content hashes, so the PDF and the DOCX of one paper
(running heads, page numbers, hyphenation and line breaks differ) both come in unnoticed.
Here each source keeps a small sketch of its content: the ``SKETCH_SIZE`` smallest hashes of
its five-token shingles (words, or single kana/kanji, so Japanese without spaces works too),
in the ``source_sketch`` table, indexed by hash. A new document's sketch finds the sources
sharing many of those hashes in one indexed query, and the number shared estimates their
resemblance (the Jaccard similarity of the shingle sets; Broder's bottom-k sketches).

Only content passages are sketched (furniture differs between formats), and a text shorter
than ``MIN_SHINGLES`` shingles is never called a near-duplicate (two short notes written
from one template are not the same document).
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from briefer.ingest.model import Document
from briefer.store import ReadSession, Store
from briefer.store.models import Source, SourceSketch

SKETCH_SIZE = 32
SHINGLE = 5
MIN_SHINGLES = 60
#: Estimated resemblance from which a source is offered as "the same document".
THRESHOLD = 0.6
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")
_OFFSET = 2**31  # crc32 is unsigned; the column is a signed 32-bit integer


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """A source already in the store that reads like the new document."""

    source_id: int
    title: str
    similarity: float  # estimated share of shingles in common, 0..1
    kind: str = ""  # the source's kind: a new version of it keeps it

    @property
    def percent(self) -> int:
        return round(100 * self.similarity)


def content_text(doc: Document) -> str:
    """The text of the document's content passages (furniture left out)."""
    return "\n".join(doc.text[s.start : s.end] for s in doc.segments if s.content)


def sketch(text: str) -> list[int]:
    """The smallest ``SKETCH_SIZE`` shingle hashes of ``text`` (empty when it is short).

    The text is tokenised and hashed in pieces of about ``_PIECE`` characters, cut where no
    token can run across, each piece's last ``SHINGLE - 1`` tokens carried into the next:
    the same hashes as one pass, without holding a 20 MB report's three million tokens and
    their hashes at once (400 MB)."""
    folded = text.casefold()
    best: list[int] = []
    carry: list[str] = []
    count = 0
    for piece in _pieces(folded):
        found = _TOKEN.findall(piece)
        count += len(found)
        tokens = carry + found
        if len(tokens) >= SHINGLE:
            # map() over zip keeps the per-shingle work in C: ~2 ms for a 15 KB text.
            grams = zip(*(tokens[i:] for i in range(SHINGLE)), strict=False)
            hashes = set(map(zlib.crc32, map(str.encode, map(" ".join, grams))))
            hashes.update(best)
            best = heapq.nsmallest(SKETCH_SIZE, hashes)
        carry = tokens[-(SHINGLE - 1) :]
    if count - SHINGLE + 1 < MIN_SHINGLES:
        return []
    return [h - _OFFSET for h in best]


_PIECE = 1 << 20
_CUT = re.compile(r"[\W_]")  # never inside a token


def _pieces(text: str) -> Iterator[str]:
    pos = 0
    while pos < len(text):
        cut = _CUT.search(text, min(pos + _PIECE, len(text)))
        end = cut.start() if cut is not None else len(text)
        yield text[pos:end] if end > pos else text[pos:]
        if end <= pos:
            return
        pos = end


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """Broder's estimate of the Jaccard similarity of two bottom-k sketches."""
    if not a or not b:
        return 0.0
    set_a, set_b = set(a), set(b)
    union = sorted(set_a | set_b)[:SKETCH_SIZE]
    return sum(1 for h in union if h in set_a and h in set_b) / len(union)


def resemblance_from_shared(shared: int, size: int = SKETCH_SIZE) -> float:
    """The Jaccard similarity two full sketches of ``size`` sharing ``shared`` hashes imply.

    Of two texts of similar length with resemblance J, a share 2J/(1+J) of each one's
    smallest hashes are also the other's; so J = s/(2-s) for the shared share s.
    """
    share = min(shared, size) / size
    return share / (2 - share)


def _shared_needed(threshold: float, size: int = SKETCH_SIZE) -> int:
    return math.ceil(size * 2 * threshold / (1 + threshold) - 1e-9)


def record(session: Session, source_id: int, hashes: Sequence[int]) -> None:
    """Keep a new source's sketch (caller commits)."""
    if hashes:
        session.execute(
            insert(cast(Table, SourceSketch.__table__)),
            [{"source_id": source_id, "hash": h} for h in hashes],
        )


def find_near_duplicates(
    session: Session, hashes: Sequence[int], *, threshold: float = THRESHOLD, limit: int = 3
) -> list[NearDuplicate]:
    """Sources whose content resembles a document with sketch ``hashes``, most alike first.

    The sources sharing enough of the sketch's hashes to reach ``threshold`` (see
    ``resemblance_from_shared``), found through the hash index; on SQLite without reading
    the postings of common hashes (``_shared_counts``), elsewhere in one grouped query.
    """
    if len(hashes) < SKETCH_SIZE:
        return []
    needed = _shared_needed(threshold)
    if session.get_bind().dialect.name == "sqlite" and 2 * needed > SKETCH_SIZE:
        # (a low threshold leaves too many candidates: the grouped query is cheaper then)
        counted = _shared_counts(session, hashes, needed)
        best = sorted(counted.items(), key=lambda r: (-r[1], -r[0]))[:limit]
        return _described(session, best)
    shared = func.count().label("shared")
    rows = session.execute(
        select(SourceSketch.source_id, shared)
        .where(SourceSketch.hash.in_(list(hashes)))
        .group_by(SourceSketch.source_id)
        .having(shared >= needed)
        .order_by(shared.desc(), SourceSketch.source_id.desc())
        .limit(limit)
    ).all()
    return _described(session, [(int(sid), int(count)) for sid, count in rows])


#: Postings of one hash counted up to this many (``_shared_counts``): a hash shared by more
#: is only looked up for the sources still in the running.
_COMMON = 256


def _shared_counts(session: Session, hashes: Sequence[int], needed: int) -> dict[int, int]:
    """The sources sharing at least ``needed`` of ``hashes``, with how many (SQLite).

    The same answer as counting every posting of every hash, without reading the postings
    of common hashes (at 10,000 sources a sketch's 32 hashes have ~16,000 postings, most of
    them from a few hashes shared by thousands of sources): a source sharing ``needed`` of
    the n hashes shares at least one of any n - needed + 1 of them, so the postings of the
    n - needed + 1 rarest give every candidate; each further hash is read for the
    candidates that can still reach ``needed`` (fully while it is rare, else looked up
    for them alone)."""
    unique = list(dict.fromkeys(hashes))
    n = len(unique)
    if n < needed:
        return {}
    cur = session.connection().connection.cursor()
    try:
        probe = " UNION ALL ".join(
            f"SELECT {i}, count(*) FROM (SELECT 1 FROM source_sketch WHERE hash = ? "
            f"LIMIT {_COMMON})"
            for i in range(n)
        )
        postings = dict(cur.execute(probe, unique).fetchall())
        order = sorted(range(n), key=lambda i: (postings[i], i))
        seed = n - needed + 1  # every source that can qualify has one of these
        counts: dict[int, int] = {}
        done = 0
        for pos, i in enumerate(order):
            if pos >= seed:
                counts = {s: c for s, c in counts.items() if c + n - pos >= needed}
                if not counts or postings[i] >= _COMMON:
                    break
            rows = cur.execute("SELECT source_id FROM source_sketch WHERE hash = ?", (unique[i],))
            for (sid,) in rows:
                if pos < seed:
                    counts[sid] = counts.get(sid, 0) + 1
                elif sid in counts:
                    counts[sid] += 1
            done = pos + 1
        counts = {s: c for s, c in counts.items() if c + n - done >= needed}
        rest = [unique[i] for i in order[done:]]
        if counts and rest:
            alive = list(counts)
            in_rest, in_alive = ",".join("?" * len(rest)), ",".join("?" * len(alive))
            cur.execute(
                f"SELECT source_id, count(*) FROM source_sketch WHERE hash IN ({in_rest}) "
                f"AND source_id IN ({in_alive}) GROUP BY source_id",
                [*rest, *alive],
            )
            for sid, c in cur.fetchall():
                counts[sid] += c
    finally:
        cur.close()
    return {s: c for s, c in counts.items() if c >= needed}


def _described(session: Session, rows: Sequence[tuple[int, int]]) -> list[NearDuplicate]:
    """``(source id, hashes shared)`` rows as near-duplicates, with the sources' titles."""
    if not rows:
        return []
    found = {
        sid: (title, kind)
        for sid, title, kind in session.execute(
            select(Source.id, Source.title, Source.kind).where(
                Source.id.in_([r[0] for r in rows])
            )
        )
    }
    return [
        NearDuplicate(
            source_id,
            found.get(source_id, ("", ""))[0],
            resemblance_from_shared(count),
            found.get(source_id, ("", ""))[1],
        )
        for source_id, count in rows
    ]


def find_for_document(store: Store, doc: Document) -> tuple[NearDuplicate, ...]:
    """The sources already in the store that ``doc`` reads like (read-only): what the import
    dialog shows in its review, before anything is written."""
    hashes = sketch(content_text(doc))
    if not hashes:
        return ()
    with ReadSession(store) as session:
        return tuple(find_near_duplicates(session, hashes))


def describe(found: NearDuplicate) -> str:
    """ "reads 94% like source #3 “Title”" for the import summary."""
    return f"reads {found.percent}% like source #{found.source_id} “{found.title}”"


def offer(found: Sequence[NearDuplicate], path: object) -> str:
    """The three choices, with the command for each, for a file held as a near-duplicate."""
    best = found[0]
    return (
        f"{describe(best)}: import it as a new version (briefer import {path} --kind KIND "
        f"--new-version-of {best.source_id}), leave it out as a duplicate, or keep both "
        "(--keep-both)."
    )

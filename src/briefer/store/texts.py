"""Source text: the one module that reads and writes it.

A source may hold 20 million characters. Since migration 0014 its text is stored as
``source_chunk`` rows (``source_id``, ``start``, ``text``) of about ``CHUNK_CHARS``
characters that cover it contiguously, and ``source.length`` holds its length. A page of the
reader, a quote or a search snippet reads the one or two chunks under its span; a row of
``source`` is small again (listing 10,000 sources read every text's overflow pages, because
``url``, ``reference`` and ``marking`` sit after ``text`` in the row).

Chunks are cut only where no passage is (at a passage start, or between passages), so each
passage lies inside one chunk: the SQL that reads a passage's text (the search snippets, the
FTS5 content views, PostgreSQL's index function) reads one chunk, by the primary key
(``passage_text_sql``). A passage longer than ``CHUNK_CHARS`` makes its chunk longer.

Every reader goes through these functions; a job over many sources holds one text at a time
(``source_texts``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from briefer.store.models import Source, SourceChunk
from briefer.store.schema import passage_text_sql as passage_text_sql

#: Where a text is read: a session, or a connection (migrations, store copies).
Bind = Session | Connection

#: The length a chunk is cut at (characters), at the next place no passage covers. 32 K
#: characters keep a page read under a millisecond and a 20 MB text to ~600 rows.
CHUNK_CHARS = 32_768


def chunk_starts(length: int, spans: Iterable[tuple[int, int]]) -> list[int]:
    """Where the chunks of a text of ``length`` characters start: about every
    ``CHUNK_CHARS``, moved so that no passage (``(start, end)`` of ``spans``) is cut."""
    merged: list[list[int]] = []  # the covered stretches, disjoint and in order
    for a, b in sorted(spans):
        if b <= a:
            continue
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    lows = [m[0] for m in merged]
    starts = [0]
    while starts[-1] + CHUNK_CHARS < length:
        cut = starts[-1] + CHUNK_CHARS
        i = bisect.bisect_right(lows, cut) - 1
        if i >= 0 and merged[i][0] < cut < merged[i][1]:  # inside a passage
            lo, hi = merged[i]
            cut = lo if lo > starts[-1] else hi
        if cut >= length:
            break
        starts.append(cut)
    return starts if length else []


def chunks(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    """``(start, text)`` of each chunk of ``text`` (see ``chunk_starts``)."""
    starts = chunk_starts(len(text), spans)
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else len(text)
        yield start, text[start:stop]


#: Chunk rows per executemany: bounds one statement's parameters (~ 16 MB of text).
_ROWS_PER_INSERT = 500


def write_text(
    bind: Bind, source_id: int, text: str, spans: Iterable[tuple[int, int]]
) -> None:
    """Store the text of a new source (its row exists, without chunks) and its length, in
    the caller's transaction: import, new version, pack unpack, store copies. ``spans``:
    the ``(start, end)`` of its passages, which no chunk boundary may cut. The chunks must
    be written before the passages: the search index reads them."""
    table = SourceChunk.__table__
    assert isinstance(table, Table)
    rows: list[dict[str, object]] = []
    for start, body in chunks(text, spans):
        rows.append({"source_id": source_id, "start": start, "text": body})
        if len(rows) >= _ROWS_PER_INSERT:
            bind.execute(insert(table), rows)
            rows = []
    if rows:
        bind.execute(insert(table), rows)
    bind.execute(update(Source).where(Source.id == source_id).values(length=len(text)))


#: The chunks that overlap ``[:start, :end)``: built once (building a select costs more
#: than running it; a draft reads hundreds of spans).
_PIECES = (
    select(SourceChunk.start, SourceChunk.text)
    .where(
        SourceChunk.source_id == bindparam("sid"),
        SourceChunk.start
        >= func.coalesce(
            select(func.max(SourceChunk.start))
            .where(SourceChunk.source_id == bindparam("sid"), SourceChunk.start <= bindparam("a"))
            .scalar_subquery(),
            0,
        ),
        SourceChunk.start < bindparam("b"),
    )
    .order_by(SourceChunk.start)
)


def _pieces(bind: Bind, source_id: int, start: int, end: int) -> list[tuple[int, str]]:
    """The chunks that overlap ``[start, end)`` (at least the one holding ``start``)."""
    rows = bind.execute(_PIECES, {"sid": source_id, "a": start, "b": max(end, start + 1)})
    return [(int(a), str(t)) for a, t in rows]


def _exists(bind: Bind, source_id: int) -> bool:
    return bind.scalar(select(Source.id).where(Source.id == source_id)) is not None


def text_span(bind: Bind, source_id: int, start: int, end: int) -> str | None:
    """``text[start:end]`` of the source (character offsets, clipped to the text, as a
    Python slice of non-negative bounds); None if there is no such source. Reads only the
    chunks under the span."""
    start = max(0, start)
    if end <= start:
        return "" if _exists(bind, source_id) else None
    pieces = _pieces(bind, source_id, start, end)
    if not pieces:
        return "" if _exists(bind, source_id) else None
    base = pieces[0][0]
    return "".join(t for _, t in pieces)[start - base : end - base]


def text_spans(bind: Bind, spans: Iterable[tuple[int, int, int]]) -> list[str]:
    """``text[start:end]`` for each ``(source_id, start, end)``, in order ("" for a source
    that does not exist)."""
    span = Spans(bind)
    return [span(sid, start, end) for sid, start, end in spans]


class Spans:
    """Spans of many sources read through one session, the last chunks read kept for the
    next span (the passages of a topic page, the asks of a ledger and their answers come in
    document order)."""

    KEEP = 8

    def __init__(self, bind: Bind) -> None:
        self.bind = bind
        self.kept: dict[tuple[int, int], str] = {}  # (source, chunk start) -> chunk text

    def __call__(self, source_id: int, start: int, end: int) -> str:
        """``text[start:end]`` of the source, "" if there is no such source."""
        start = max(0, start)
        if end <= start:
            return ""
        near = sorted(a for sid, a in self.kept if sid == source_id)
        i = bisect.bisect_right(near, start) - 1
        if i >= 0:
            base = near[i]
            body = self.kept[(source_id, base)]
            if end <= base + len(body):  # the span lies in a chunk read already
                return body[start - base : end - base]
        pieces = _pieces(self.bind, source_id, start, end)
        for a, t in pieces:
            self.kept[(source_id, a)] = t
        while len(self.kept) > self.KEEP:
            del self.kept[next(iter(self.kept))]
        if not pieces:
            return ""
        base = pieces[0][0]
        return "".join(t for _, t in pieces)[start - base : end - base]


def source_text(bind: Bind, source_id: int) -> str | None:
    """A source's whole text; None if there is no such source. Only for work that needs all
    of it at once (re-tagging, verifying a quote against a new version, a pack)."""
    body = "".join(
        bind.execute(
            select(SourceChunk.text)
            .where(SourceChunk.source_id == source_id)
            .order_by(SourceChunk.start)
        ).scalars()
    )
    if body or _exists(bind, source_id):
        return body
    return None


def source_texts(bind: Bind, source_ids: Sequence[int]) -> Iterator[tuple[int, str]]:
    """``(id, text)`` of each existing source of ``source_ids``, in that order, one text in
    memory at a time (the caller should not keep them all)."""
    for source_id in source_ids:
        body = source_text(bind, source_id)
        if body is not None:
            yield source_id, body


def source_length(bind: Bind, source_id: int) -> int | None:
    """The number of characters of a source's text; None if there is no such source."""
    return bind.scalar(select(Source.length).where(Source.id == source_id))

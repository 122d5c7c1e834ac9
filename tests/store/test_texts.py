"""A source's text in chunks (store/texts.py): spans, whole texts and snippets read back
exactly what was written, wherever the chunk boundaries fall."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from helpers import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from briefer.store import UnitOfWork, open_store, texts
from briefer.store.models import Passage, Source, SourceChunk
from briefer.store.search import SearchQuery, search_passages

WORDS = ["data", "flows", "trust", "semiconductor", "supply", "chain", "cooperation"]
WORDS += ["半導体", "供給網", "強靭化", "agreed"]


def _document(length: int, seed: int = 7) -> tuple[str, list[tuple[int, int]]]:
    """A text of about ``length`` characters made of paragraphs, and the paragraphs' spans;
    one paragraph is longer than a chunk (it must stay whole in one)."""
    rng = random.Random(seed)
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    n = 0
    while pos < length:
        size = texts.CHUNK_CHARS * 2 if n == 3 else rng.randint(20, 3000)
        words = []
        got = 0
        while got < size:
            w = rng.choice(WORDS)
            words.append(w)
            got += len(w) + 1
        para = " ".join(words)
        spans.append((pos, pos + len(para)))
        parts.append(para)
        pos += len(para) + 2
        n += 1
    return "\n\n".join(parts), spans


def _add_source(store, text: str, spans: list[tuple[int, int]]) -> int:  # type: ignore[no-untyped-def]
    with UnitOfWork(store) as uow:
        src = Source(title="Long report", kind="official", content_hash=str(hash(text)))
        uow.session.add(src)
        uow.session.flush()
        texts.write_text(uow.session, src.id, text, spans)
        uow.commit()
        return src.id


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A store with one ~20 MB source."""
    store = open_store(tmp_path_factory.mktemp("texts") / "store.sqlite")
    text, spans = _document(20_000_000)
    sid = _add_source(store, text, spans)
    yield store, sid, text, spans
    store.close()


def test_chunks_cover_the_text_and_never_cut_a_passage(big) -> None:  # type: ignore[no-untyped-def]
    store, sid, text, spans = big
    with store.sessions() as s:
        rows = s.execute(
            select(SourceChunk.start, SourceChunk.text)
            .where(SourceChunk.source_id == sid)
            .order_by(SourceChunk.start)
        ).all()
        assert texts.source_length(s, sid) == len(text)
    assert "".join(t for _, t in rows) == text
    assert len(rows) > 500  # chunks, not one row
    starts = [a for a, _ in rows]
    assert all(b - a <= 3 * texts.CHUNK_CHARS for a, b in itertools.pairwise(starts))
    for a, b in spans:  # each passage inside one chunk
        assert not any(a < c < b for c in starts[1:])


def test_span_at_every_chunk_boundary_equals_the_slice(big) -> None:  # type: ignore[no-untyped-def]
    store, sid, text, _ = big
    with store.sessions() as s:
        starts = list(
            s.scalars(select(SourceChunk.start).where(SourceChunk.source_id == sid))
        )
        for c in starts:
            for a, b in ((c - 5, c + 5), (c, c + 1), (c - 1, c), (c - 70_000, c + 70_000)):
                assert texts.text_span(s, sid, a, b) == text[max(0, a) : b]
        assert texts.text_span(s, sid, len(text) - 10, len(text) + 50) == text[-10:]
        assert texts.text_span(s, sid, len(text) + 5, len(text) + 50) == ""
        assert texts.text_span(s, sid, 100, 100) == ""
        assert texts.text_span(s, 999_999, 0, 10) is None
        assert texts.source_text(s, sid) == text
        assert texts.source_text(s, 999_999) is None


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_spans_equal_the_slice(big, data) -> None:  # type: ignore[no-untyped-def]
    store, sid, text, _ = big
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text) + 10, start + 200_000)))
    with store.sessions() as s:
        assert texts.text_span(s, sid, start, end) == text[start:end]
        span = texts.Spans(s)
        assert span(sid, start, end) == text[start:end]
        assert span(sid, start, min(end, start + 100)) == text[start : min(end, start + 100)]


def test_chunk_starts_properties() -> None:
    @given(
        length=st.integers(0, 400_000),
        cuts=st.lists(st.integers(0, 400_000), max_size=60),
    )
    @settings(max_examples=examples(200), deadline=None)
    def check(length: int, cuts: list[int]) -> None:
        points = sorted({min(c, length) for c in cuts})
        spans = [(a, b) for a, b in itertools.pairwise(points) if b > a][::2]
        starts = texts.chunk_starts(length, spans)
        if length == 0:
            assert starts == []
            return
        assert starts[0] == 0 and starts == sorted(set(starts)) and starts[-1] < length
        for c in starts[1:]:
            assert not any(a < c < b for a, b in spans)
        bounds = [*starts, length]
        for a, b in itertools.pairwise(bounds):
            inside = [s for s in spans if a <= s[0] and s[1] <= b]
            longest = max((s[1] - s[0] for s in inside), default=0)
            assert b - a <= texts.CHUNK_CHARS + longest

    check()


def test_text_is_immutable(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    try:
        sid = _add_source(store, "one two three", [(0, 3)])
        with pytest.raises(DBAPIError, match="immutable"), store.engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE source_chunk SET text = 'x' WHERE source_id = {sid}")
        with store.sessions() as s:
            assert texts.source_text(s, sid) == "one two three"
    finally:
        store.close()


def test_search_snippets_are_verbatim_across_chunks(tmp_path: Path) -> None:
    from briefer.ingest.readers import read_text
    from briefer.library.sources import SourceFields, import_document

    text, _ = _document(400_000, seed=3)
    text = text.replace("agreed", "agreed\n\nInteroperable standards were agreed", 40)
    store = open_store(tmp_path / "s.sqlite")
    try:
        doc = read_text(text.encode("utf-8"), origin="long.txt")
        info = import_document(store, doc, SourceFields(kind="official"))
        with store.sessions() as s:
            body = texts.source_text(s, info.id)
            assert body == doc.text
            assert len(s.scalars(select(SourceChunk.start)).all()) > 5
            for query in ("interoperable standards", "半導体"):
                hits = search_passages(s, SearchQuery(query, limit=200))
                assert hits, query
                for h in hits:
                    p = s.get(Passage, h.passage_id)
                    assert p is not None
                    assert h.text == body[p.start : p.end]
    finally:
        store.close()

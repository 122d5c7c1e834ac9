"""Brief reads: only the columns a view needs (never a source's text), partial refreshes that
equal a full read, and the Changes every operation reports (ids, created id)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from brief_helpers import DPC, INDUSTRY, spans

from briefer.briefs import operations as ops
from briefer.briefs import reads
from briefer.briefs.library_ops import EditSource, ForgetTag, SetTag
from briefer.library import sources, topics
from briefer.store import ReadSession
from briefer.store.models import PassageTopic, Quote


@contextmanager
def statements(store) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    seen: list[str] = []

    def record(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


@pytest.fixture
def brief(store):  # type: ignore[no-untyped-def]
    bid = ops.CreateBrief("DPC").apply(store).created_id
    ai = ops.AddSection(bid, heading="AI").apply(store).created_id
    cyber = ops.AddSection(bid, heading="Cyber").apply(store).created_id
    quotes = [
        ops.AddQuote(ai, INDUSTRY, *spans(store, INDUSTRY)[0]).apply(store).created_id,
        ops.AddQuote(ai, DPC, *spans(store, DPC)[0]).apply(store).created_id,
        ops.AddQuote(cyber, DPC, *spans(store, DPC)[1]).apply(store).created_id,
    ]
    return {"id": bid, "sections": [ai, cyber], "quotes": quotes}


def test_a_brief_view_never_reads_source_text(store, brief) -> None:  # type: ignore[no-untyped-def]
    with statements(store) as seen:
        view = reads.get_brief(store, brief["id"])
    assert [q.source.id for q in view.sections[0].industry] == [INDUSTRY]
    assert view.sections[0].industry[0].source.title  # the citation is there
    source_reads = [s for s in seen if re.search(r"\bFROM source\b", s)]
    assert source_reads, "the cited sources were not read"
    for statement in seen:
        assert not re.search(r"\bsource\.(text|extra|content_hash)\b", statement), statement


def test_refresh_of_the_changed_sections_equals_a_full_read(store, brief) -> None:  # type: ignore[no-untyped-def]
    ai, cyber = brief["sections"]
    first, moved, last = brief["quotes"]
    version = ops.TakeVersion(brief["id"], "before").apply(store).created_id
    assert version is not None
    with ReadSession(store) as s:
        words = s.get(Quote, last).text.split()  # type: ignore[union-attr]
    edits = [
        ops.UpdateSectionFields(ai, {"notes": "ask about chips"}),
        ops.UpdateBriefFields(brief["id"], {"venue": "Tokyo"}),
        ops.MoveQuote(moved, cyber, "official", 0),
        ops.SetQuoteSide(first, "official"),
        ops.TrimQuote(last, " ".join(words[:4]) + " … " + words[-1]),
        ops.SetSuggested(last, True),
        ops.AcceptAllSuggestions(brief_id=brief["id"]),
        ops.MoveSection(cyber, 0),
        ops.RemoveSection(ai),
        ops.AddSection(brief["id"], heading="Data flows", position=0),
        ops.TakeVersion(brief["id"], "final"),
        ops.RestoreVersion(brief["id"], version),
    ]
    view = reads.get_brief(store, brief["id"])
    for op in edits:
        changes = op.apply(store).changes
        assert changes.brief_ids == {brief["id"]} and changes.section_ids is not None
        view = reads.refresh_brief(
            store, view, changes.section_ids, layout=brief["id"] in changes.layout
        )
        assert view == reads.get_brief(store, brief["id"]), op.label
    assert [s.id for s in view.sections] == [ai, cyber]  # the version brought both back


def test_operations_report_what_they_changed(store, brief) -> None:  # type: ignore[no-untyped-def]
    ai, cyber = brief["sections"]
    bid = brief["id"]
    field = ops.UpdateBriefFields(bid, {"venue": "Osaka"}).apply(store)
    assert field.changes.briefs and field.changes.brief_ids == {bid}
    assert field.changes.section_ids == frozenset() and not field.changes.layout
    assert field.created_id is None
    moved = ops.MoveQuote(brief["quotes"][0], cyber, "industry").apply(store)
    assert moved.changes.section_ids == {ai, cyber}  # out of one, into the other
    assert not moved.changes.layout
    order = ops.MoveSection(cyber, 0).apply(store)
    assert order.changes.layout == {bid}
    copy = ops.DuplicateBrief(bid).apply(store)
    assert copy.created_id not in (None, bid) and copy.created_id in copy.changes.brief_ids
    gone = ops.DeleteBrief(copy.created_id).apply(store)  # type: ignore[arg-type]
    assert gone.changes.deleted_ids == {copy.created_id} and not gone.changes.brief_ids
    back = gone.inverse.apply(store)
    assert back.changes.brief_ids == {copy.created_id} and not back.changes.deleted_ids
    assert not (field.changes.sources or field.changes.passages or field.changes.topics)


def _decision(store, passage_id: int, topic_id: int):  # type: ignore[no-untyped-def]
    with ReadSession(store) as s:
        row = s.get(PassageTopic, (passage_id, topic_id))
        return None if row is None else (row.origin, row.excluded)


def test_tag_operations_return_their_inverse(store) -> None:  # type: ignore[no-untyped-def]
    detail = sources.get_source(store, INDUSTRY)
    passage = next(p for p in detail.passages if p.content and p.kind != "heading")
    topic = next(t for t in topics.list_topics(store, counts=False))
    before = _decision(store, passage.id, topic.id)
    tagged = SetTag(passage.id, topic.id, True, topic.name).apply(store)
    assert _decision(store, passage.id, topic.id) == ("manual", False)
    assert tagged.changes.passages and tagged.changes.topics
    assert tagged.changes.source_id == INDUSTRY and not tagged.changes.briefs
    assert isinstance(tagged.inverse, ForgetTag)
    untag = SetTag(passage.id, topic.id, False, topic.name).apply(store)
    assert _decision(store, passage.id, topic.id) == ("manual", True)
    assert untag.inverse == SetTag(passage.id, topic.id, True, topic.name)  # the decision before
    untag.inverse.apply(store)
    forgot = tagged.inverse.apply(store)  # the tagger decides again, as before any decision
    assert _decision(store, passage.id, topic.id) == before
    assert forgot.inverse == SetTag(passage.id, topic.id, True, topic.name)


def test_source_edit_returns_the_old_values(store) -> None:  # type: ignore[no-untyped-def]
    old = sources.get_source(store, DPC).info
    done = EditSource(DPC, {"title": "Renamed", "organisations": ["METI"]}).apply(store)
    info = sources.get_source(store, DPC).info
    assert (info.title, tuple(info.organisations)) == ("Renamed", ("METI",))
    assert done.changes.sources and done.changes.source_id == DPC and not done.changes.briefs
    done.inverse.apply(store)
    again = sources.get_source(store, DPC).info
    assert (again.title, tuple(again.organisations)) == (old.title, tuple(old.organisations))

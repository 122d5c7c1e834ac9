"""Operations: ordering, sides, validation, and exact undo/redo for every kind."""

from __future__ import annotations

import pytest
from brief_helpers import DPC, INDUSTRY, WORKSHOP, roundtrip, spans, state

from briefer.briefs import operations as ops
from briefer.briefs import service
from briefer.errors import BrieferError, NotFoundError
from briefer.library.topics import get_topic
from briefer.store import ReadSession


@pytest.fixture
def brief(store):
    """A brief with two sections, two industry and two official quotes in the first."""
    bid = (
        ops.CreateBrief("EU-Japan DPC", {"venue": "Tokyo", "meeting_date": "2025-05-01"})
        .apply(store)
        .created_id
    )
    ai = ops.AddSection(bid, get_topic(store, "AI").id).apply(store).created_id
    cyber = ops.AddSection(bid, get_topic(store, "Cybersecurity").id).apply(store).created_id
    ind = spans(store, INDUSTRY)
    off = spans(store, DPC)
    q = [
        ops.AddQuote(ai, INDUSTRY, *ind[0]).apply(store).created_id,
        ops.AddQuote(ai, INDUSTRY, *ind[1]).apply(store).created_id,
        ops.AddQuote(ai, DPC, *off[0]).apply(store).created_id,
        ops.AddQuote(ai, DPC, *off[1]).apply(store).created_id,
    ]
    return {"id": bid, "sections": [ai, cyber], "quotes": q}


def columns(store, brief_id):
    view = service.get_brief(store, brief_id)
    return {s.id: ([q.id for q in s.industry], [q.id for q in s.official]) for s in view.sections}


def test_create_and_fields(store):
    bid = (
        ops.CreateBrief("  Meeting  ", {"marking": "OFFICIAL", "meeting_date": "2025-01-02"})
        .apply(store)
        .created_id
    )
    view = service.get_brief(store, bid)
    assert view.title == "Meeting" and view.marking == "OFFICIAL"
    assert view.meeting_date.isoformat() == "2025-01-02"
    assert view.revision == 1
    ops.UpdateBriefFields(bid, {"objectives": "Agree on AI", "venue": "Brussels"}).apply(store)
    view = service.get_brief(store, bid)
    assert (view.objectives, view.venue, view.revision) == ("Agree on AI", "Brussels", 2)
    with pytest.raises(BrieferError):
        ops.CreateBrief("   ", {}).apply(store)
    with pytest.raises(BrieferError):
        ops.UpdateBriefFields(bid, {"colour": "red"}).apply(store)
    with pytest.raises(BrieferError):
        ops.UpdateBriefFields(bid, {"meeting_date": "tomorrow"}).apply(store)


def test_quote_sides_follow_source_kind(store, brief):
    view = service.get_brief(store, brief["id"])
    ai = view.sections[0]
    assert [q.source.id for q in ai.industry] == [INDUSTRY, INDUSTRY]
    assert [q.source.id for q in ai.official] == [DPC, DPC]
    assert not any(q.side_overridden for q in (*ai.industry, *ai.official))
    for q in (*ai.industry, *ai.official):
        assert q.source.short_title and q.heading_path is not None
    # official sources default to the official side, "other" (press, analysis) to context
    with ReadSession(store) as s:
        from briefer.store.models import Source

        assert ops.natural_side(s.get(Source, WORKSHOP).kind) == "official"
    assert ops.natural_side("other") == "context"
    assert ops.natural_side("industry") == "industry"


def test_ordering_is_dense_and_moves(store, brief):
    bid, (ai, cyber), (i1, i2, o1, o2) = brief["id"], brief["sections"], brief["quotes"]
    ind = spans(store, INDUSTRY)
    i0 = ops.AddQuote(ai, INDUSTRY, *ind[2], position=0).apply(store).created_id
    assert columns(store, bid)[ai] == ([i0, i1, i2], [o1, o2])
    ops.MoveQuote(i0, position=99).apply(store)
    assert columns(store, bid)[ai] == ([i1, i2, i0], [o1, o2])
    ops.MoveQuote(o2, position=0).apply(store)
    assert columns(store, bid)[ai] == ([i1, i2, i0], [o2, o1])
    ops.MoveQuote(i2, section_id=cyber).apply(store)
    assert columns(store, bid) == {ai: ([i1, i0], [o2, o1]), cyber: ([i2], [])}
    ops.RemoveQuote(i1).apply(store)
    assert columns(store, bid)[ai] == ([i0], [o2, o1])
    ops.MoveSection(cyber, 0).apply(store)
    assert [s.id for s in service.get_brief(store, bid).sections] == [cyber, ai]
    snap = state(store, bid)
    assert [s["position"] for s in snap["sections"]] == [0, 1]
    for sd in snap["sections"]:
        for side in ("industry", "official"):
            pos = [q["position"] for q in sd["quotes"] if q["side"] == side]
            assert pos == list(range(len(pos)))


def test_side_override(store, brief):
    bid, (ai, _), (i1, _, o1, _) = brief["id"], brief["sections"], brief["quotes"]
    ops.MoveQuote(i1, side="official", position=0).apply(store)
    ai_view = service.get_brief(store, bid).sections[0]
    moved = ai_view.official[0]
    assert moved.id == i1 and moved.side_overridden and moved.source.kind == "industry"
    ops.SetQuoteSide(i1, None).apply(store)  # back to its natural side
    ai_view = service.get_brief(store, bid).sections[0]
    assert ai_view.industry[-1].id == i1 and not ai_view.industry[-1].side_overridden
    ops.SetQuoteSide(o1, "industry").apply(store)
    ai_view = service.get_brief(store, bid).sections[0]
    assert ai_view.industry[-1].id == o1 and ai_view.industry[-1].side_overridden
    ind = spans(store, INDUSTRY)
    q = ops.AddQuote(ai, INDUSTRY, *ind[3], side="official").apply(store).created_id
    assert next(
        x for x in service.get_brief(store, bid).sections[0].official if x.id == q
    ).side_overridden
    with pytest.raises(BrieferError):
        ops.SetQuoteSide(q, "sideways").apply(store)


@pytest.mark.parametrize(("start", "end"), [(-1, 10), (10, 10), (20, 10), (0, 10**7), (5, "9")])
def test_add_quote_validation(store, brief, start, end):
    ai = brief["sections"][0]
    before = state(store, brief["id"])
    with pytest.raises(BrieferError):
        ops.AddQuote(ai, INDUSTRY, start, end).apply(store)
    assert state(store, brief["id"]) == before  # nothing half-done


def test_add_quote_stores_exact_text(store, brief):
    ai = brief["sections"][0]
    from briefer.library.sources import get_source

    text = get_source(store, INDUSTRY).text
    qid = ops.AddQuote(ai, INDUSTRY, 0, len(text)).apply(store).created_id
    q = next(x for x in service.get_brief(store, brief["id"]).sections[0].industry if x.id == qid)
    assert q.text == text
    with pytest.raises(NotFoundError):
        ops.AddQuote(ai, 999, 0, 5).apply(store)
    with pytest.raises(NotFoundError):
        ops.AddQuote(999, INDUSTRY, 0, 5).apply(store)
    with pytest.raises(BrieferError):
        ops.AddSection(brief["id"], get_topic(store, "AI").id).apply(store)  # one section per topic


def test_trim_validation(store, brief):
    qid = brief["quotes"][0]
    view = service.get_brief(store, brief["id"])
    original = view.sections[0].industry[0].text
    words = original.split()
    good = " ".join(words[:3]) + " … " + " ".join(words[-3:])
    ops.TrimQuote(qid, good).apply(store)
    q = service.get_brief(store, brief["id"]).sections[0].industry[0]
    assert q.text == good and q.trimmed and q.verbatim == original
    assert (q.start, q.end) == (
        view.sections[0].industry[0].start,
        view.sections[0].industry[0].end,
    )
    ops.TrimQuote(qid, "..." + " ".join(words[2:5]) + "...").apply(
        store
    )  # leading/trailing ellipses
    for bad in (
        " ".join(words[-3:]) + " … " + " ".join(words[:3]),  # out of order
        " ".join(words[:3]) + " … inserted words",  # words not in the quote
        " … ",
        words[0] + " … … " + words[-1],
    ):
        with pytest.raises(BrieferError):
            ops.TrimQuote(qid, bad).apply(store)
    ops.TrimQuote(qid, None).apply(store)
    q = service.get_brief(store, brief["id"]).sections[0].industry[0]
    assert q.text == original and not q.trimmed


def test_suggestions(store, brief):
    bid, (ai, _) = brief["id"], brief["sections"]
    off = spans(store, WORKSHOP)
    s1 = ops.AddQuote(ai, WORKSHOP, *off[0], suggested=True).apply(store).created_id
    s2 = ops.AddQuote(ai, WORKSHOP, *off[1], suggested=True).apply(store).created_id
    s3 = ops.AddQuote(ai, WORKSHOP, *off[2], suggested=True).apply(store).created_id
    assert len(service.get_brief(store, bid, include_suggested=False).sections[0].official) == 2
    ops.AcceptSuggestion(s1).apply(store)
    ops.DismissSuggestion(s2).apply(store)
    with pytest.raises(BrieferError):
        ops.DismissSuggestion(s1).apply(store)  # accepted: no longer a suggestion
    official = service.get_brief(store, bid).sections[0].official
    assert [q.id for q in official][-2:] == [s1, s3]
    assert [q.position for q in ()] == []
    accepted = ops.AcceptAllSuggestions(brief_id=bid).apply(store).inverse
    assert isinstance(accepted, ops.Compound) and len(accepted.ops) == 1
    assert not any(q.suggested for q in service.get_brief(store, bid).sections[0].official)


def test_labels():
    assert ops.AddQuote(1, 1, 0, 1).label == "Add quote"
    assert ops.MoveSection(1, 0).label == "Move section"
    assert ops.Compound((ops.RemoveQuote(1),)).label == "Remove quote"
    assert ops.Compound((), "Draft").label == "Draft"


def test_undo_redo_every_kind(store, brief):
    bid, (ai, cyber), (i1, i2, o1, o2) = brief["id"], brief["sections"], brief["quotes"]
    off = spans(store, WORKSHOP)
    ind = spans(store, INDUSTRY)
    sug = ops.AddQuote(cyber, WORKSHOP, *off[0], suggested=True).apply(store).created_id
    sug2 = ops.AddQuote(cyber, WORKSHOP, *off[1], suggested=True).apply(store).created_id
    topic_id = get_topic(store, "Quantum").id
    words = service.get_brief(store, bid).sections[0].industry[0].text.split()
    vid_holder = ops.TakeVersion(bid, "v1").apply(store).inverse
    ops.UpdateSectionFields(ai, {"lines_to_take": ["Welcome"], "assessment": "aligned"}).apply(
        store
    )
    cases = [
        ops.UpdateBriefFields(bid, {"title": "New title", "meeting_date": "2026-01-01"}),
        ops.AddSection(bid, topic_id, "", 0),
        ops.AddSection(bid, None, "Any other business", None),
        ops.RemoveSection(ai),
        ops.MoveSection(cyber, 0),
        ops.AddQuote(ai, INDUSTRY, *ind[2], position=1),
        ops.AddQuote(ai, INDUSTRY, *ind[2], side="official", position=0, suggested=True),
        ops.RemoveQuote(i1),
        ops.MoveQuote(i1, None, None, 1),
        ops.MoveQuote(i2, cyber, "official", 0),
        ops.MoveQuote(o1, cyber, None, None),
        ops.SetQuoteSide(o2, "industry"),
        ops.SetQuoteSide(o2, None),
        ops.TrimQuote(i1, words[0] + " … " + words[-1]),
        ops.AcceptSuggestion(sug),
        ops.DismissSuggestion(sug2),
        ops.AcceptAllSuggestions(section_id=cyber),
        ops.AcceptAllSuggestions(brief_id=bid),
        ops.UpdateSectionFields(
            ai,
            {
                "assessment": "divergent",
                "assessment_comment": "No",
                "lines_to_take": ["A", "B"],
                "if_asked": ["C"],
                "background": "bg",
                "notes": "private",
            },
        ),
        ops.UpdateSectionFields(ai, {"lines_to_take": []}),
        ops.TakeVersion(bid, "v2"),
        ops.DeleteVersion(vid_holder.version_id),
        ops.RestoreVersion(bid, vid_holder.version_id),
        ops.AddQuoteToTopic(bid, topic_id, DPC, *spans(store, DPC)[2]),
        ops.SetQuoteAnchor(i1, DPC, 0, 10, "changed?", "changed"),
        ops.Compound((ops.MoveSection(cyber, 0), ops.RemoveQuote(o1), ops.RemoveSection(ai))),
    ]
    start = state(store, bid)
    for op in cases:
        roundtrip(store, op, bid).apply(store)  # undo again: the next case starts afresh
        assert state(store, bid) == start, op.label


def test_delete_duplicate_and_restore_brief(store, brief):
    bid = brief["id"]
    ops.TakeVersion(bid, "v1").apply(store)
    before = state(store, bid)
    inverse = ops.DeleteBrief(bid).apply(store).inverse
    with pytest.raises(NotFoundError):
        service.get_brief(store, bid)
    redo = inverse.apply(store).inverse
    assert state(store, bid) == before  # same ids, sections, quotes and versions
    assert isinstance(redo, ops.DeleteBrief) and redo.brief_id == bid

    new_id = ops.DuplicateBrief(bid, "Next meeting").apply(store).created_id
    dup, orig = service.get_brief(store, new_id), service.get_brief(store, bid)
    assert dup.title == "Next meeting" and dup.venue == orig.venue
    assert [s.topic for s in dup.sections] == [s.topic for s in orig.sections]
    assert [q.text for q in dup.sections[0].industry] == [q.text for q in orig.sections[0].industry]
    assert not {q.id for q in dup.sections[0].industry} & {q.id for q in orig.sections[0].industry}
    assert state(store, bid) == before  # the original is untouched

    undo = ops.CreateBrief("Temp", {"venue": "x"}).apply(store).inverse
    assert isinstance(undo, ops.DeleteBrief)
    restore = undo.apply(store).inverse
    recreated = restore.apply(store).inverse
    assert service.get_brief(store, recreated.brief_id).venue == "x"


def test_revision_bumps(store, brief):
    bid, (ai, _) = brief["id"], brief["sections"]
    rev = service.get_brief(store, bid).revision
    ops.UpdateSectionFields(ai, {"notes": "x"}).apply(store)
    assert service.get_brief(store, bid).revision == rev + 1
    ops.Compound((ops.UpdateSectionFields(ai, {"notes": "y"}), ops.MoveSection(ai, 1))).apply(store)
    assert service.get_brief(store, bid).revision == rev + 2  # one transaction, one bump

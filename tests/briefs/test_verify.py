"""Verification: quotes against their sources and against newer versions."""

from __future__ import annotations

from brief_helpers import DPC, state

from briefer.briefs import operations as ops
from briefer.briefs import service, verify
from briefer.ingest.readers import read_text
from briefer.library.sources import SourceFields, add_document, get_source
from briefer.library.topics import get_topic
from briefer.store import UnitOfWork


def _passage(store, source_id, startswith):
    return next(p for p in get_source(store, source_id).passages if p.text.startswith(startswith))


def _new_version(store, old_id, edit):
    old = get_source(store, old_id)
    with UnitOfWork(store) as uow:
        src = add_document(
            uow.session,
            read_text(edit(old.text).encode("utf-8"), origin="dpc-v2.txt"),
            SourceFields(kind=old.info.kind, title=old.info.title + " (revised)"),
            previous_version_id=old_id,
        )
        new_id = src.id
        uow.commit()
    return new_id


def _setup(store):
    bid = ops.CreateBrief("DPC", {}).apply(store).created_id
    sid = ops.AddSection(bid, get_topic(store, "Semiconductors").id).apply(store).created_id
    semis = _passage(store, DPC, "Furthermore, in semiconductors")
    hpc = _passage(store, DPC, "The EU and Japan will continue their joint work")
    q_moves = ops.AddQuote(sid, DPC, semis.start, semis.end).apply(store).created_id
    q_changes = ops.AddQuote(sid, DPC, hpc.start, hpc.end).apply(store).created_id
    return bid, q_moves, q_changes, semis.text, hpc.text


def _reword(hpc_text):
    def edit(text):
        text = "Preliminary note added in the revision.\n\n" + text
        return text.replace(hpc_text, hpc_text.replace("joint work", "joint efforts", 1))

    return edit


def _quotes(store, bid):
    return {q["id"]: q for sd in state(store, bid)["sections"] for q in sd["quotes"]}


def test_all_ok_without_new_version(store):
    bid, *_ = _setup(store)
    checks = verify.verify(store, bid)
    assert [c.status for c in checks] == ["ok", "ok"]


def test_moved_within_the_same_source(store):
    bid, q_moves, _, semis_text, _ = _setup(store)
    # Point the quote at the wrong offsets (as after an offset bug); its text is elsewhere.
    ops.SetQuoteAnchor(q_moves, DPC, 0, len(semis_text), semis_text, "ok").apply(store)
    checks = {c.quote_id: c for c in verify.verify(store, bid)}
    assert checks[q_moves].status == "moved"
    q = _quotes(store, bid)[q_moves]
    assert q["status"] == "moved"
    assert get_source(store, DPC).text[q["start"] : q["end"]] == semis_text


def test_verify_after_new_version(store):
    bid, q_moves, q_changes, semis_text, hpc_text = _setup(store)
    new_id = _new_version(store, DPC, _reword(hpc_text))
    checks = {c.quote_id: c for c in verify.verify(store, bid)}
    moved, changed = checks[q_moves], checks[q_changes]
    assert moved.status == "moved" and moved.source_id == new_id
    assert moved.previous is not None and moved.previous[0] == DPC
    assert changed.status == "changed" and changed.source_id == DPC  # flagged, never dropped
    assert changed.candidate is not None and changed.candidate.source_id == new_id
    assert changed.candidate.score > 90 and "joint efforts" in changed.candidate.text

    quotes = _quotes(store, bid)
    new_text = get_source(store, new_id).text
    assert quotes[q_moves]["status"] == "moved" and quotes[q_moves]["source_id"] == new_id
    assert new_text[quotes[q_moves]["start"] : quotes[q_moves]["end"]] == semis_text
    assert quotes[q_changes]["status"] == "changed" and quotes[q_changes]["text"] == hpc_text
    view = service.get_brief(store, bid)
    assert {q.status for q in view.sections[0].official} == {"moved", "changed"}

    # A second verification: the moved quote is now ok where it was re-anchored.
    assert {c.status for c in verify.verify(store, bid)} == {"ok", "changed"}


def test_verify_is_undoable(store):
    bid, q_moves, _, _, hpc_text = _setup(store)
    _new_version(store, DPC, _reword(hpc_text))
    before = state(store, bid)
    checks, op = verify.verify_operation(store, bid)
    assert sorted(c.status for c in checks) == ["changed", "moved"]
    inverse = op.apply(store).inverse
    assert _quotes(store, bid)[q_moves]["status"] == "moved"
    inverse.apply(store)
    assert state(store, bid) == before


def test_move_quotes_to_version(store):
    bid, q_moves, q_changes, _, hpc_text = _setup(store)
    sid = state(store, bid)["sections"][0]["id"]
    gone = _passage(store, DPC, "Lastly, to ensure a safe online environment")
    q_gone = ops.AddQuote(sid, DPC, gone.start, gone.end).apply(store).created_id

    def edit(text):
        return _reword(hpc_text)(text).replace(gone.text, "Something else entirely was said.")

    new_id = _new_version(store, DPC, edit)
    checks = {c.quote_id: c for c in verify.move_quotes_to_version(store, DPC, new_id)}
    assert checks[q_moves].status == "moved"
    assert checks[q_changes].status == "changed" and checks[q_changes].source_id == new_id
    assert checks[q_gone].status == "changed" and checks[q_gone].source_id == DPC
    quotes = _quotes(store, bid)
    new_text = get_source(store, new_id).text
    for qid in (q_moves, q_changes):
        q = quotes[qid]
        assert q["source_id"] == new_id and new_text[q["start"] : q["end"]] == q["text"]
    assert "joint efforts" in quotes[q_changes]["text"]
    assert quotes[q_gone]["source_id"] == DPC and quotes[q_gone]["status"] == "changed"
    assert quotes[q_gone]["text"] == gone.text

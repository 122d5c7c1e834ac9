"""Named versions: taking, listing, comparing, restoring (undoably)."""

from __future__ import annotations

from brief_helpers import DPC, INDUSTRY, spans, state

from briefer.briefs import operations, service, versions
from briefer.briefs import operations as ops
from briefer.library.topics import get_topic


def test_snapshot_compare_restore(store):
    bid = ops.CreateBrief("DPC", {"objectives": "Agree"}).apply(store).created_id
    ai = operations.AddSection(bid, get_topic(store, "AI").id).apply(store).created_id
    cyber = operations.AddSection(bid, get_topic(store, "Cybersecurity").id).apply(store).created_id
    ind, off = spans(store, INDUSTRY), spans(store, DPC)
    keep = operations.AddQuote(ai, INDUSTRY, *ind[0]).apply(store).created_id
    drop = operations.AddQuote(ai, DPC, *off[0]).apply(store).created_id
    ops.UpdateSectionFields(ai, {"lines_to_take": ["We welcome cooperation."]}).apply(store)
    v1 = versions.take_version(store, bid, "Sent to the Director")
    at_v1 = state(store, bid)

    ops.RemoveQuote(drop).apply(store)
    operations.AddQuote(ai, DPC, *off[1]).apply(store)
    words = service.get_brief(store, bid).sections[0].industry[0].text.split()
    ops.TrimQuote(keep, " ".join(words[:4]) + " … " + " ".join(words[-4:])).apply(store)
    ops.UpdateSectionFields(ai, {"lines_to_take": ["We warmly welcome cooperation."]}).apply(store)
    operations.RemoveSection(cyber).apply(store)
    operations.AddSection(bid, get_topic(store, "Quantum").id).apply(store)
    ops.UpdateBriefFields(bid, {"objectives": "Agree on AI"}).apply(store)

    [info] = versions.list_versions(store, bid)
    assert (info.id, info.name, info.section_count, info.quote_count) == (v1, info.name, 2, 2)

    diff = versions.compare_brief(store, bid, v1)
    assert [f.field for f in diff.fields] == ["objectives"]
    by_heading = {s.heading: s for s in diff.sections}
    assert by_heading["Cybersecurity"].status == "removed"
    assert by_heading["Quantum"].status == "added"
    ai_diff = by_heading["Artificial intelligence"]
    assert ai_diff.status == "changed"
    kinds = sorted(q.status for q in ai_diff.quotes)
    assert kinds == ["added", "removed", "reworded"]
    reworded = next(q for q in ai_diff.quotes if q.status == "reworded")
    assert "…" in (reworded.new_text or "") and "[-" in reworded.diff
    assert [f.field for f in ai_diff.fields] == ["lines_to_take"]
    assert "warmly" in ai_diff.fields[0].diff
    assert versions.compare(store, bid, v1) == list(diff.sections)

    before_restore = state(store, bid)
    inverse = operations.RestoreVersion(bid, v1).apply(store).inverse
    restored = state(store, bid)
    assert restored["sections"] == at_v1["sections"]
    assert restored["brief"]["objectives"] == "Agree"
    assert [s.status for s in versions.compare(store, bid, v1)] == ["unchanged", "unchanged"]
    inverse.apply(store)
    assert state(store, bid) == before_restore


def test_version_survives_deleted_source_quote(store):
    bid = ops.CreateBrief("x", {}).apply(store).created_id
    sec = operations.AddSection(bid, get_topic(store, "AI").id).apply(store).created_id
    operations.AddQuote(sec, INDUSTRY, *spans(store, INDUSTRY)[0]).apply(store)
    v = versions.take_version(store, bid, "v")
    operations.RemoveSection(sec).apply(store)
    versions.restore_version(store, bid, v)
    assert len(service.get_brief(store, bid).sections[0].industry) == 1

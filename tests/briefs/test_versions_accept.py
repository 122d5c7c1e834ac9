"""Accepting suggestions after a version shows in the comparison with that version."""

from __future__ import annotations

from briefer.briefs import operations as ops
from briefer.briefs import service, versions
from briefer.briefs.drafting import DraftSections
from briefer.library import topics
from briefer.store import Store


def test_accept_all_after_a_version_is_a_change(seeded_store: Store) -> None:
    store = seeded_store
    brief_id = ops.CreateBrief("Council").apply(store).inverse.brief_id  # type: ignore[attr-defined]
    ai = next(t for t in topics.list_topics(store) if t.name == "Artificial intelligence")
    DraftSections(brief_id, (ai.id,), 2).apply(store)
    suggested = [
        q for s in service.get_brief(store, brief_id).sections for q in (*s.industry, *s.official)
    ]
    assert suggested and all(q.suggested for q in suggested)
    version = ops.TakeVersion(brief_id, "before accepting").apply(store).inverse
    ops.AcceptAllSuggestions(brief_id=brief_id).apply(store)
    diff = versions.compare_brief(store, brief_id, version.version_id)  # type: ignore[attr-defined]
    accepted = [q for s in diff.sections for q in s.quotes if q.status == "accepted"]
    assert len(accepted) == len(suggested)
    assert any(s.changed for s in diff.sections)

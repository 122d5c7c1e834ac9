"""Topics: aliases unify names, manual decisions survive re-tagging, merge and rename."""

from __future__ import annotations

import pytest

from briefer.errors import BrieferError, NotFoundError
from briefer.library import topics
from briefer.library.seeds import seed_manifest
from briefer.library.tagging import retag_all
from briefer.store import Store, UnitOfWork


def _passages(store: Store, name: str) -> set[int]:
    return {tp.passage.id for tp in topics.topic_passages(store, name)}


def test_default_taxonomy_covers_the_issue_list(store: Store) -> None:
    names = [t.name for t in topics.list_topics(store)]
    assert len(names) >= 15
    for needle in ("AI", "cybersecurity", "semiconductors", "6G", "quantum", "HPC", "DFFT",
                   "DSA", "eID", "submarine cables", "digital trade", "green transition",
                   "blockchain", "standardisation", "R&I", "半導体", "量子"):
        with UnitOfWork(store) as uow:
            assert topics.find_topic(uow.session, needle) is not None


def test_differently_named_mentions_land_on_one_topic(store: Store) -> None:
    with UnitOfWork(store) as uow:
        s = uow.session
        ids = {topics.find_topic(s, n).id for n in ("Beyond 5G/6G", "6G technologies", "5G")}
        assert len(ids) == 1
        ids = {topics.find_topic(s, n).id for n in ("DFFT", "cross-border data flow", "Data Act")}
        assert len(ids) == 1


def test_ai_topic_has_passages_from_all_three_seeds(seeded_store: Store) -> None:
    rows = topics.topic_passages(seeded_store, "ai")
    assert {r.source.id for r in rows} == {1, 2, 3}
    assert len(seed_manifest()) == 3


def test_bullets_inherit_their_heading_topic(seeded_store: Store) -> None:
    rows = topics.topic_passages(seeded_store, "Quantum")
    under_heading = [r for r in rows if r.passage.heading_path and r.passage.kind == "bullet"]
    # Some bullets under the quantum heading never say "quantum" themselves.
    assert any("quantum" not in r.passage.text.lower() for r in under_heading)


def test_tagger_scores_mentions_headings_and_primary() -> None:
    from briefer.ingest.tagger import Tagger, TopicTerms

    tagger = Tagger([TopicTerms(1, ("Chips", "semiconductor")), TopicTerms(2, ("AI",)),
                     TopicTerms(3, ("量子",))])
    assert tagger.score("Nothing relevant here, said the aide.") == []  # no "ai" inside words
    body = "Capacity must grow in both regions before the end of the decade."
    # A heading supports a passage of some length that names no topic itself; the plural
    # heading finds the singular alias.
    inherited = tagger.score(body, ("6. Semiconductors",))
    assert [(t.topic_id, t.primary) for t in inherited] == [(1, True)]
    assert inherited[0].evidence == ("heading: 6. Semiconductors",)
    # ... but a fragment of a few words takes none.
    assert tagger.score("Capacity must grow.", ("6. Semiconductor policy",)) == []
    mixed = tagger.score("AI and AI and AI, and one semiconductor.")
    assert [(t.topic_id, t.primary) for t in mixed] == [(2, True), (1, False)]
    assert tagger.score("ai in lower case is not the acronym") == []
    assert [t.topic_id for t in tagger.score("量子技術の研究")] == [3]


def test_manual_tags_survive_retagging(seeded_store: Store) -> None:
    ai = _passages(seeded_store, "AI")
    quantum = _passages(seeded_store, "Quantum")
    untag = sorted(ai)[0]
    tag = next(pid for pid in sorted(quantum) if pid not in ai)
    topics.set_tag(seeded_store, untag, "AI", False)
    topics.set_tag(seeded_store, tag, "AI", True)
    with UnitOfWork(seeded_store) as uow:
        retag_all(uow.session)
        uow.commit()
    topics.set_aliases(seeded_store, "AI", [*topics.get_topic(seeded_store, "AI").aliases, "AIs"])
    after = _passages(seeded_store, "AI")
    assert untag not in after
    assert tag in after
    # Forgetting the decision hands the passage back to the tagger.
    info = topics.get_topic(seeded_store, "AI")
    topics.clear_manual_tag(seeded_store, untag, info.id)
    assert untag in _passages(seeded_store, "AI")


def test_alias_changes_retag(seeded_store: Store) -> None:
    from briefer.library import search

    g7 = {h.passage_id for h in search.search(seeded_store, "G7")}
    before = _passages(seeded_store, "Blockchain")
    original = topics.get_topic(seeded_store, "Blockchain").aliases
    assert g7 and not g7 <= before
    topics.set_aliases(seeded_store, "Blockchain", [*original, "G7"])
    assert _passages(seeded_store, "Blockchain") >= before | g7
    topics.set_aliases(seeded_store, "Blockchain", original)
    assert _passages(seeded_store, "Blockchain") == before


def test_add_rename_merge_delete(seeded_store: Store) -> None:
    added = topics.add_topic(seeded_store, "Export controls", ["export control", "dual-use"])
    assert added.aliases == ("export control", "dual-use")
    with pytest.raises(BrieferError, match="already a topic"):
        topics.add_topic(seeded_store, "export CONTROLS")
    with pytest.raises(BrieferError, match="already belongs"):
        topics.add_topic(seeded_store, "Chips", ["semiconductors"])
    renamed = topics.rename_topic(seeded_store, "Export controls", "Economic security")
    assert renamed.name == "Economic security"
    hpc = _passages(seeded_store, "HPC")
    q = _passages(seeded_store, "Quantum")
    merged = topics.merge_topics(seeded_store, "High-performance computing", "Quantum")
    assert "High-performance computing" in merged.aliases and "HPC" in merged.aliases
    assert _passages(seeded_store, "Quantum") >= hpc | q
    assert topics.find_topic  # the merged name now resolves to the target
    assert topics.get_topic(seeded_store, "High-performance computing").name == "Quantum"
    topics.delete_topic(seeded_store, "Economic security")
    with pytest.raises(NotFoundError):
        topics.get_topic(seeded_store, "Economic security")


def test_counts_are_per_kind(seeded_store: Store) -> None:
    by_name = {t.name: t for t in topics.list_topics(seeded_store)}
    ai = by_name["Artificial intelligence"]
    assert ai.counts["industry"] > 0 and ai.counts["official"] > 0
    # passages *on* the topic, as the window's navigator, coverage map and board count them
    for kind, n in ai.counts.items():
        assert n == topics.topic_page(seeded_store, ai.id, kind, limit=0, on_topic=True).total
    assert sum(ai.counts.values()) < len(topics.topic_passages(seeded_store, "AI"))  # mentions


def test_one_topics_counts_are_its_share_of_the_listing(seeded_store: Store) -> None:
    """``get_topic`` counts its own tags only; the figures are the listing's for it."""
    listed = {t.id: t.counts for t in topics.list_topics(seeded_store)}
    for t in topics.list_topics(seeded_store, counts=False):
        assert topics.get_topic(seeded_store, t.name).counts == listed[t.id]
    assert any(sum(c.values()) for c in listed.values())

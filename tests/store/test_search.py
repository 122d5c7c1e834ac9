"""Search stays in step with the passages, ranks sensibly and finds Japanese."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, update

from briefer.library import search as search_service
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.store import UnitOfWork, texts
from briefer.store.models import Passage


def _ids(hits) -> list[int]:  # type: ignore[no-untyped-def]
    return [h.passage_id for h in hits]


def test_hit_text_is_the_passage_span(seeded_store) -> None:  # type: ignore[no-untyped-def]
    hits = search_service.search(seeded_store, "semiconductors")
    assert hits
    for hit in hits:
        detail = sources.get_source(seeded_store, hit.source_id)
        p = next(p for p in detail.passages if p.id == hit.passage_id)
        assert hit.text == detail.text[p.start : p.end]
        assert "<mark>" in hit.snippet


def test_deleting_a_source_removes_its_passages_from_the_index(seeded_store) -> None:  # type: ignore[no-untyped-def]
    hits = search_service.search(seeded_store, "submarine")
    assert hits
    doomed = hits[0].source_id
    sources.delete_source(seeded_store, doomed)
    after = search_service.search(seeded_store, "submarine")
    assert all(h.source_id != doomed for h in after)
    # The index itself agrees with the table (FTS5 integrity check against its content).
    with seeded_store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO passage_fts(passage_fts) VALUES ('integrity-check')")
        conn.exec_driver_sql("INSERT INTO passage_tri(passage_tri) VALUES ('integrity-check')")


def test_editing_passage_offsets_reindexes(seeded_store) -> None:  # type: ignore[no-untyped-def]
    hit = search_service.search(seeded_store, "oceanographic")[0]
    with UnitOfWork(seeded_store) as uow:
        p = uow.session.get(Passage, hit.passage_id)
        assert p is not None
        text = texts.source_text(uow.session, p.source_id)
        assert text is not None
        # Shrink the passage so that the word falls outside it.
        cut = text.index("oceanographic", p.start)
        uow.session.execute(update(Passage).where(Passage.id == p.id).values(end=cut))
        uow.commit()
    assert hit.passage_id not in _ids(search_service.search(seeded_store, "oceanographic"))


def test_deleting_passages_keeps_index_in_sync(seeded_store) -> None:  # type: ignore[no-untyped-def]
    hits = search_service.search(seeded_store, "quantum")
    with UnitOfWork(seeded_store) as uow:
        uow.session.execute(delete(Passage).where(Passage.id == hits[0].passage_id))
        uow.commit()
    assert hits[0].passage_id not in _ids(search_service.search(seeded_store, "quantum"))
    with seeded_store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO passage_fts(passage_fts) VALUES ('integrity-check')")


def test_rolled_back_import_leaves_no_index_entries(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "note.txt"
    f.write_text("Zebra crossings are discussed here at length.\n")
    with UnitOfWork(store) as uow:
        from briefer.ingest.readers import read_path

        sources.add_document(uow.session, read_path(f), SourceFields(kind="other"))
        # no commit: rolled back
    assert search_service.search(store, "zebra") == []


def test_filters(seeded_store) -> None:  # type: ignore[no-untyped-def]
    all_hits = search_service.search(seeded_store, "cybersecurity")
    kinds = {h.source_kind for h in all_hits}
    assert kinds == {"industry", "official"}
    official = search_service.search(seeded_store, "cybersecurity", kinds=["official"])
    assert official and {h.source_kind for h in official} == {"official"}
    from datetime import date

    recent = search_service.search(seeded_store, "cybersecurity", since=date(2023, 1, 1))
    assert recent and all(h.source_date and h.source_date >= date(2023, 1, 1) for h in recent)
    by_topic = search_service.search(seeded_store, "EU", topics=["Semiconductors"])
    assert by_topic and all("semiconductor" in h.text.lower() or h.heading_path for h in by_topic)
    one = search_service.search(seeded_store, "Japan", source_ids=[all_hits[0].source_id])
    assert {h.source_id for h in one} == {all_hits[0].source_id}


def test_phrases_prefixes_and_stemming(seeded_store) -> None:  # type: ignore[no-untyped-def]
    assert search_service.search(seeded_store, '"submarine cable"')
    assert search_service.search(seeded_store, "semicond", prefix=True)
    assert not search_service.search(seeded_store, "semicond")
    assert search_service.search(seeded_store, "cable")  # stem of "cables"
    assert search_service.search(seeded_store, '"') == []
    assert search_service.search(seeded_store, "   ") == []
    # FTS5 syntax typed by a user is taken literally, never a syntax error.
    assert all("and" in h.text.lower() for h in search_service.search(seeded_store, "AND ("))
    assert search_service.search(seeded_store, "NEAR( * ^ -") == []


def test_japanese_search(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "ja.txt"
    f.write_text(
        "日欧デジタルパートナーシップ\n\n"
        "１．半導体\n\n"
        "日EUは半導体のサプライチェーン強靱化に向けて協力する。\n\n"
        "２．量子\n\n"
        "量子技術の共同研究を進める。\n",
        encoding="utf-8",
    )
    sources.import_file(store, f, SourceFields(kind="official"))
    three = search_service.search(store, "サプライチェーン")
    assert len(three) == 1 and "<mark>サプライチェーン</mark>" in three[0].snippet
    two = search_service.search(store, "量子")  # shorter than a trigram
    assert two and all("量子" in h.text for h in two)
    assert "<mark>量子</mark>" in two[0].snippet
    assert search_service.search(store, "半導体 協力")


def test_as_you_type_prefix_starts_at_three_characters(seeded_store) -> None:  # type: ignore[no-untyped-def]
    from briefer.store.search import MIN_PREFIX

    assert MIN_PREFIX == 3
    assert search_service.search(seeded_store, "sem", prefix=True)  # semiconductors...
    # Two letters are a word, not a prefix matching half the library.
    assert search_service.search(seeded_store, "se", prefix=True) == []
    assert search_service.search(seeded_store, "AI", prefix=True)  # a real two-letter word


def test_counts_are_every_match(seeded_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.team.team_count_queries import add_mixed, check_counts

    add_mixed(seeded_store, tmp_path)
    check_counts(seeded_store)
    assert search_service.count(seeded_store, "IPEF") == 2  # Latin, and inside Japanese

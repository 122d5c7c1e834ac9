"""A store on PostgreSQL: migrations, search, concurrency, copies (skipped without a server)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete, inspect, text, update
from team_helpers import DPC, all_rows, make_brief

from briefer.bootstrap import open_for_use
from briefer.briefs import history, service
from briefer.briefs import operations as ops
from briefer.briefs.pack import pack_brief, unpack_brief
from briefer.library import search as search_service
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.store import ConflictError, Store, UnitOfWork, open_store, texts
from briefer.store.copy import copy_store
from briefer.store.db import head_revision, include_object
from briefer.store.models import Base, BriefSection, Passage

SEED_QUERIES = (
    "submarine cables",
    "semiconductors",
    "cybersecurity",
    "6G",
    "privacy",
    "artificial intelligence",
    '"supply chain"',
)
JAPANESE = (
    "日欧デジタルパートナーシップ\n\n"
    "１．半導体\n\n"
    "日EUは半導体のサプライチェーン強靱化に向けて協力する。\n\n"
    "２．量子\n\n"
    "量子技術の共同研究を進める。量子計算機の開発でも協力する。\n"
)


def test_migrations_bring_postgres_to_head_matching_the_models(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        with store.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
            assert ctx.get_current_revision() == head_revision()
            assert compare_metadata(ctx, Base.metadata) == []
            assert "passage_fts" in inspect(conn).get_table_names()
            assert conn.execute(
                text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")
            ).scalar()
        assert store.label == pg_url and not store.is_sqlite
    finally:
        store.close()
    open_store(pg_url).close()  # reopening at head is a no-op


def test_search_on_postgres_gives_sqlite_top_hits(pg_store: Store, sqlite_seeded: Store) -> None:
    for query in SEED_QUERIES:
        pg = search_service.search(pg_store, query, limit=5)
        lite = search_service.search(sqlite_seeded, query, limit=5)
        assert pg and lite, query
        assert pg[0].passage_id == lite[0].passage_id, query
        assert pg[0].text == lite[0].text
        assert "<mark>" in pg[0].snippet and "</mark>" in pg[0].snippet
    top = search_service.search(pg_store, "submarine cables")[0]
    assert "Digital Partnership Council" in top.source_title
    assert search_service.search(pg_store, "semicond", prefix=True)
    assert not search_service.search(pg_store, "semicond")
    assert search_service.search(pg_store, "cable")  # stem of "cables"
    assert search_service.search(pg_store, "NEAR( * ^ - '") == []


def test_search_filters_on_postgres(pg_store: Store, sqlite_seeded: Store) -> None:
    from datetime import date

    for kwargs in (
        {"kinds": ["official"]},
        {"since": date(2023, 1, 1)},
        {"topics": ["Semiconductors"]},
        {"source_ids": [DPC]},
    ):
        pg = search_service.search(pg_store, "cybersecurity EU", **kwargs)  # type: ignore[arg-type]
        lite = search_service.search(sqlite_seeded, "cybersecurity EU", **kwargs)  # type: ignore[arg-type]
        assert {h.passage_id for h in pg} == {h.passage_id for h in lite}, kwargs


def test_japanese_search_on_postgres(pg_url: str, tmp_path: Path) -> None:
    f = tmp_path / "ja.txt"
    f.write_text(JAPANESE, encoding="utf-8")
    lite_store = open_for_use(tmp_path / "ja.sqlite")
    pg_store = open_for_use(pg_url)
    try:
        for st in (lite_store, pg_store):
            sources.import_file(st, f, SourceFields(kind="official"))
        for query in ("サプライチェーン", "量子", "半導体 協力", "計算機"):
            pg = search_service.search(pg_store, query)
            lite = search_service.search(lite_store, query)
            assert pg, query
            assert [h.text for h in pg][:1] == [h.text for h in lite][:1], query
            assert f"<mark>{query.split()[0]}</mark>" in pg[0].snippet
    finally:
        lite_store.close()
        pg_store.close()


def test_latin_acronyms_inside_japanese_are_found_on_postgres(pg_url: str, tmp_path: Path) -> None:
    f = tmp_path / "acronyms.txt"
    f.write_text(
        "日EU協力の現状\n\n"
        "双方は、IPEFの枠組みでサプライチェーン協力を進めることで一致した。\n\n"
        "量子暗号通信（QKD）の実証について、NICTと欧州側が意見交換を行った。\n\n"
        "The partners discussed the IPEF supply chain agreement.\n",
        encoding="utf-8",
    )
    lite_store = open_for_use(tmp_path / "acr.sqlite")
    pg_store = open_for_use(pg_url)
    try:
        for st in (lite_store, pg_store):
            sources.import_file(st, f, SourceFields(kind="official"))
        for query, want in (("IPEF", 2), ("QKD", 1), ("NICT", 1), ("IPEF サプライチェーン", 1)):
            pg = search_service.search(pg_store, query)
            lite = search_service.search(lite_store, query)
            assert len(pg) == want, (query, [h.text for h in pg])
            assert sorted(h.text for h in pg) == sorted(h.text for h in lite), query
            for hit in pg:
                assert query.split()[0] in hit.text
                assert f"<mark>{query.split()[0]}</mark>" in hit.snippet, hit.snippet
    finally:
        lite_store.close()
        pg_store.close()


def test_counts_on_postgres_are_every_match(pg_store: Store, tmp_path: Path) -> None:
    from tests.team.team_count_queries import add_mixed, check_counts

    add_mixed(pg_store, tmp_path)
    check_counts(pg_store)


def test_postgres_index_follows_passages(pg_store: Store) -> None:
    hit = search_service.search(pg_store, "oceanographic")[0]
    with UnitOfWork(pg_store) as uow:
        p = uow.session.get(Passage, hit.passage_id)
        assert p is not None
        body = texts.source_text(uow.session, p.source_id)
        assert body is not None
        cut = body.index("oceanographic", p.start)
        uow.session.execute(update(Passage).where(Passage.id == p.id).values(end=cut))
        uow.commit()
    assert hit.passage_id not in {
        h.passage_id for h in search_service.search(pg_store, "oceanographic")
    }
    quantum = search_service.search(pg_store, "quantum")
    with UnitOfWork(pg_store) as uow:
        uow.session.execute(delete(Passage).where(Passage.id == quantum[0].passage_id))
        uow.commit()
    assert quantum[0].passage_id not in {
        h.passage_id for h in search_service.search(pg_store, "quantum")
    }
    with pg_store.engine.begin() as conn, pytest.raises(Exception, match="immutable"):
        conn.execute(text("UPDATE source_chunk SET text = 'rewritten' WHERE source_id = 1"))


def test_stale_edit_is_refused_and_nothing_is_lost(pg_url: str) -> None:
    officer_a = open_for_use(pg_url, seed_if_new=True)
    officer_b = open_store(pg_url)
    try:
        bid = make_brief(officer_a)
        section = service.get_brief(officer_a, bid).sections[0]
        seen_a = {bid: service.get_brief(officer_a, bid).revision}
        seen_b = dict(seen_a)
        ops.UpdateSectionFields(section.id, {"notes": "B's notes"}).apply(officer_b, seen=seen_b)
        assert seen_b[bid] == seen_a[bid] + 1
        with pytest.raises(ConflictError, match="changed by someone else"):
            ops.UpdateSectionFields(section.id, {"notes": "A's notes"}).apply(
                officer_a, seen=seen_a
            )
        view = service.get_brief(officer_a, bid)
        assert view.sections[0].notes == "B's notes"  # B's change kept, A's not half-applied
        assert view.revision == seen_b[bid]
        # A refreshes (sees the new revision) and tries again: accepted.
        seen_a[bid] = view.revision
        ops.UpdateSectionFields(section.id, {"notes": "A's notes"}).apply(officer_a, seen=seen_a)
        assert service.get_brief(officer_b, bid).sections[0].notes == "A's notes"
    finally:
        officer_a.close()
        officer_b.close()


def test_racing_transactions_are_caught_by_row_versions(pg_url: str) -> None:
    """A transaction that read a section before another one changed it cannot overwrite it."""
    officer_a = open_for_use(pg_url, seed_if_new=True)
    officer_b = open_store(pg_url)
    try:
        bid = make_brief(officer_a)
        section_id = service.get_brief(officer_a, bid).sections[0].id
        with pytest.raises(ConflictError), UnitOfWork(officer_a) as uow:
            mine = uow.session.get(BriefSection, section_id)
            assert mine is not None
            ops.UpdateSectionFields(section_id, {"notes": "B got there first"}).apply(officer_b)
            mine.notes = "A, from a stale read"
            uow.commit()
        assert service.get_brief(officer_b, bid).sections[0].notes == "B got there first"
    finally:
        officer_a.close()
        officer_b.close()


def test_copy_sqlite_to_postgres_and_back_keeps_every_row(
    sqlite_seeded: Store, pg_url: str, tmp_path: Path
) -> None:
    bid = make_brief(sqlite_seeded)
    ops.TakeVersion(bid, "first draft").apply(sqlite_seeded)
    ops.DeleteBrief(ops.CreateBrief("Scratch", {}).apply(sqlite_seeded).created_id).apply(
        sqlite_seeded
    )
    original = all_rows(sqlite_seeded)

    pg = open_store(pg_url)
    try:
        report = copy_store(sqlite_seeded, pg)
        assert report.rows["passage"] == len(original["passage"])
        assert all_rows(pg) == original
        assert search_service.search(pg, "submarine cables")[0].source_id == DPC
        # New rows after the copy get ids past the copied ones (sequences moved on).
        new_id = ops.CreateBrief("After the copy", {}).apply(pg).created_id
        assert new_id > max(r[0] for r in original["brief"])
        ops.DeleteBrief(new_id).apply(pg)
        # The bulk load switched the passage triggers off and built the GIN indexes once
        # at the end: both are back, so a passage imported after the copy is found.
        with pg.engine.connect() as conn:
            assert set(
                conn.scalars(
                    text("SELECT indexname FROM pg_indexes WHERE tablename = 'passage_fts'")
                )
            ) >= {"passage_fts_tsv", "passage_fts_cjk"}
            assert set(
                conn.scalars(
                    text(
                        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'passage'::regclass "
                        "AND tgenabled = 'O'"
                    )
                )
            ) >= {"passage_fts_ai", "passage_fts_au"}
        back = open_store(tmp_path / "back.sqlite")
        try:
            copy_store(pg, back)
            rows_back = all_rows(back)
            assert {k: v for k, v in rows_back.items() if k != "brief_event"} == {
                k: v for k, v in original.items() if k != "brief_event"
            }
            assert (
                rows_back["brief_event"][: len(original["brief_event"])] == original["brief_event"]
            )
            assert search_service.search(back, "submarine cables")[0].source_id == DPC
        finally:
            back.close()
        after = tmp_path / "after.txt"
        after.write_text(
            "Outcome of the xylophonic dialogue\n\nBoth sides agreed to cooperate on "
            "xylophonic standards and to meet again next year.\n",
            encoding="utf-8",
        )
        sources.import_file(pg, after, SourceFields(kind="official"))
        assert search_service.search(pg, "xylophonic")
    finally:
        pg.close()


def test_pack_from_sqlite_unpacks_into_postgres(
    sqlite_seeded: Store, pg_url: str, tmp_path: Path
) -> None:
    bid = make_brief(sqlite_seeded)
    path = pack_brief(sqlite_seeded, bid, tmp_path / "dpc")
    pg = open_for_use(pg_url)  # default topics, no sources
    try:
        report = unpack_brief(pg, path)
        assert len(report.sources_created) == 2 and not report.sources_matched
        before = service.strip_volatile(service.get_snapshot(sqlite_seeded, bid))
        after = service.strip_volatile(service.get_snapshot(pg, report.brief_id))
        assert [q["text"] for s in after["sections"] for q in s["quotes"]] == [
            q["text"] for s in before["sections"] for q in s["quotes"]
        ]
        assert search_service.search(pg, "submarine cables")
    finally:
        pg.close()


def test_history_records_the_database_role(pg_store: Store) -> None:
    bid = make_brief(pg_store)
    events = history.brief_history(pg_store, bid)
    role = pg_store.engine.url.username
    assert events and {e.officer for e in events} == {role}
    with pg_store.engine.connect() as conn:
        by = conn.execute(text("SELECT DISTINCT changed_by FROM quote")).scalars().all()
    assert by == [role]

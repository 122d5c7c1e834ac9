"""The asks ledger in a real store: incremental refresh, decisions that survive it, undo."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefer.briefs import ask_ops
from briefer.errors import BrieferError, NotFoundError
from briefer.ingest.readers import read_text
from briefer.library import asks as ledger
from briefer.library.sources import SourceFields, add_document, delete_source
from briefer.store import ReadSession, Store, UnitOfWork
from briefer.store.models import AskResponse, AskScan

INDUSTRY = """Drone position paper

Drones

The drone market has doubled since 2020.

  • We call on both governments to set up a joint test corridor for drone deliveries.
  • Pilot licences should be mutually recognised between the two regions.
  • Both sides should harmonise noise limits for urban air mobility.

Our association represents 200 drone makers.
"""
OFFICIAL = """Outcome of the drone dialogue

The two sides agreed to set up a joint test corridor for drone deliveries in 2026.
The EU side explained its rules on pilot licences and their recognition.
Both sides reaffirmed the importance of their partnership.
"""
OFFICIAL_JA = """ドローン対話の結果

双方は、操縦ライセンスの相互承認に向けた協議を開始することで合意した。
"""


def _add(store: Store, text: str, kind: str, name: str) -> int:
    doc = read_text(text.encode("utf-8"), origin=name)
    with UnitOfWork(store) as uow:
        src = add_document(
            uow.session, doc, SourceFields(kind=kind, title=name, date=date(2025, 1, 1))
        )
        uow.commit()
        return src.id


def _by_text(views: list[ledger.AskView], needle: str) -> ledger.AskView:
    (found,) = [a for a in views if needle in a.text]
    return found


def test_asks_found_verbatim_and_answered(store: Store) -> None:
    ind = _add(store, INDUSTRY, "industry", "paper.txt")
    off = _add(store, OFFICIAL, "official", "outcome.txt")
    views = ledger.list_asks(store)
    assert len(views) == 3
    with ReadSession(store) as s:
        from briefer.store.texts import source_text

        text = source_text(s, ind) or ""
        off_text = source_text(s, off) or ""
    for a in views:
        assert a.source_id == ind and text[a.start : a.end] == a.text
        for r in a.responses:
            assert off_text[r.start : r.end] == r.text
    corridor = _by_text(views, "test corridor")
    assert corridor.status == "addressed"
    assert corridor.responses[0].text.startswith("The two sides agreed")
    assert any("corridor" in e for e in corridor.responses[0].evidence)
    licences = _by_text(views, "Pilot licences")
    assert licences.status == "partly"  # only reported: "the EU side explained"
    noise = _by_text(views, "noise limits")
    assert noise.status == "unaddressed" and not noise.responses
    assert all("reaffirmed" not in r.text for a in views for r in a.responses)


def test_refresh_is_incremental_and_follows_deletions(store: Store) -> None:
    _add(store, INDUSTRY, "industry", "paper.txt")
    first = ledger.refresh(store)
    assert first.sources_read == 1 and first.asks == 3
    assert ledger.refresh(store).sources_read == 0  # nothing changed: nothing read
    licences = _by_text(ledger.list_asks(store), "Pilot licences")
    assert licences.status == "unaddressed"
    ja = _add(store, OFFICIAL_JA, "official", "ja.txt")
    again = ledger.refresh(store)
    assert again.sources_read == 1 and again.realigned >= 1
    licences = _by_text(ledger.list_asks(store, up_to_date=False), "Pilot licences")
    assert licences.responses and licences.responses[0].source_id == ja
    # Agreeing to start talks towards recognition is not recognition: partly.
    assert licences.status == "partly"
    delete_source(store, ja)
    licences = _by_text(ledger.list_asks(store), "Pilot licences")
    assert licences.status == "unaddressed" and not licences.responses


def test_decisions_survive_recomputation_and_undo(store: Store, tmp_path: Path) -> None:
    _add(store, INDUSTRY, "industry", "paper.txt")
    off = _add(store, OFFICIAL, "official", "outcome.txt")
    views = ledger.list_asks(store)
    noise = _by_text(views, "noise limits")
    corridor = _by_text(views, "test corridor")
    undo_status = ask_ops.SetAskStatus(noise.id, "partly").apply(store).inverse
    undo_link = ask_ops.LinkAnswer(noise.id, off, 0, 29).apply(store).inverse
    top = corridor.responses[0]
    with ReadSession(store) as s:
        undo_unlink = ask_ops.unlink_by_id(s, corridor.id, top.id).apply(store).inverse
    # A new official text forces re-computation of every ask sharing a term with it.
    _add(store, OFFICIAL + "\nThe corridor will open in 2026.\n", "official", "outcome2.txt")
    views = ledger.list_asks(store)
    noise = _by_text(views, "noise limits")
    assert noise.status == "partly" and noise.auto_status == "unaddressed"
    assert [r.origin for r in noise.responses] == ["manual"]
    corridor = _by_text(views, "test corridor")
    assert all((r.source_id, r.start) != (top.source_id, top.start) for r in corridor.responses)
    # Each inverse undoes exactly its operation.
    undo_unlink.apply(store)
    undo_link.apply(store)
    undo_status.apply(store)
    views = ledger.list_asks(store)
    noise = _by_text(views, "noise limits")
    assert noise.status == "unaddressed" and not noise.confirmed and not noise.responses
    corridor = _by_text(views, "test corridor")
    assert any((r.source_id, r.start) == (top.source_id, top.start) for r in corridor.responses)


def test_bad_decisions_are_refused_and_change_nothing(store: Store) -> None:
    from helpers import store_digest

    ind = _add(store, INDUSTRY, "industry", "paper.txt")
    _add(store, OFFICIAL, "official", "outcome.txt")
    ask = ledger.list_asks(store)[0]
    before = store_digest(store)
    with pytest.raises(BrieferError, match="Unknown status"):
        ask_ops.SetAskStatus(ask.id, "done").apply(store)
    with pytest.raises(BrieferError, match="own source"):
        ask_ops.LinkAnswer(ask.id, ind, 0, 5).apply(store)
    with pytest.raises(BrieferError, match="span"):
        ask_ops.LinkAnswer(ask.id, ind + 1, 50, 10_000).apply(store)
    with pytest.raises(NotFoundError):
        ask_ops.SetAskStatus(99_999, "partly").apply(store)
    assert store_digest(store) == before


def test_the_officer_glossary_beside_the_store_bridges_new_terms(tmp_path: Path) -> None:
    from briefer.bootstrap import open_for_use

    path = tmp_path / "g.sqlite"
    store = open_for_use(path)
    try:
        _add(
            store, "Paper\n\nWe call for a joint sandbox for hovercraft ferries.\n", "industry", "p"
        )
        _add(
            store,
            "結果\n\n双方は、ホバークラフトの実証を開始することで合意した。\n",
            "official",
            "o",
        )
        ask = ledger.list_asks(store)[0]
        assert ask.status == "unaddressed"
        (tmp_path / "g.glossary.json").write_text(
            json.dumps(
                {
                    "concepts": [
                        {"id": "hovercraft", "en": ["hovercraft"], "ja": ["ホバークラフト"]},
                        {"id": "sandbox", "en": ["sandbox"], "ja": ["実証"]},
                    ]
                }
            ),
            "utf-8",
        )
        ask = ledger.list_asks(store)[0]
        assert ask.status == "addressed"
        assert {"hovercraft (glossary)", "sandbox (glossary)"} <= set(ask.responses[0].evidence)
    finally:
        store.close()


def test_unlinking_an_unknown_answer_is_a_clear_error(store: Store) -> None:
    _add(store, INDUSTRY, "industry", "paper.txt")
    ask = ledger.list_asks(store)[0]
    with ReadSession(store) as s, pytest.raises(NotFoundError, match="no answer"):
        ask_ops.unlink_by_id(s, ask.id, 12345)
    with ReadSession(store) as s:
        assert s.query(AskResponse).count() == 0


def test_a_new_process_aligns_new_asks_like_a_full_run(store: Store) -> None:
    """After an industry import, a process without the cached index builds only the postings
    the new asks need; the answers must be those a full re-computation gives."""
    _add(store, OFFICIAL, "official", "outcome.txt")
    _add(store, OFFICIAL_JA, "official", "ja.txt")
    ledger.refresh(store)
    _add(store, INDUSTRY, "industry", "paper.txt")
    partial = ledger.list_asks(store)

    def shape(views: list[ledger.AskView]) -> list[object]:
        return [
            (a.text, a.status, [(r.source_id, r.start, r.score) for r in a.responses])
            for a in views
        ]

    with UnitOfWork(store) as uow:  # force a full re-computation
        uow.session.query(AskScan).update({AskScan.glossary: "stale"})
        uow.commit()
    full = ledger.list_asks(store)
    assert shape(partial) == shape(full)
    assert any(a.responses for a in full)


def test_an_import_reads_sources_for_the_ledger_and_refresh_only_aligns(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``import_paths`` reads each new source for the ledger in its own transaction; the
    refresh then reads no text (tokenising nothing) and gives what a full run gives."""
    from briefer.library import importing

    (tmp_path / "outcome.txt").write_text(OFFICIAL, "utf-8")
    (tmp_path / "ja.txt").write_text(OFFICIAL_JA, "utf-8")
    (tmp_path / "paper.txt").write_text(INDUSTRY, "utf-8")

    def kind_of(path: Path, doc: object) -> SourceFields:
        return SourceFields(kind="industry" if path.name == "paper.txt" else "official")

    summary = importing.import_paths(store, [tmp_path], kind_of, workers=1)
    assert summary.imported == 3
    with ReadSession(store) as s:
        scans = {r.kind: r for r in s.query(AskScan)}
        assert not scans["industry"].aligned and not scans["official"].aligned
        assert scans["official"].spans
    read: list[object] = []
    real = ledger._read_industry
    monkeypatch.setattr(ledger, "_read_industry", lambda *a, **k: read.append(a) or real(*a, **k))
    monkeypatch.setattr(ledger, "_official_rows", lambda *a: read.append(a) or [])
    result = ledger.refresh(store)
    assert read == [] and result.sources_read == 3 and result.realigned == 3
    with ReadSession(store) as s:
        assert all(r.aligned for r in s.query(AskScan))
    assert ledger.refresh(store).realigned == 0

    def shape(views: list[ledger.AskView]) -> list[object]:
        return [
            (a.text, a.status, [(r.source_id, r.start, r.score) for r in a.responses])
            for a in views
        ]

    after_import = shape(ledger.list_asks(store, up_to_date=False))
    monkeypatch.undo()
    with UnitOfWork(store) as uow:  # force a full re-computation, reading every text
        uow.session.query(AskScan).update({AskScan.glossary: "stale"})
        uow.commit()
    assert after_import == shape(ledger.list_asks(store))
    corridor = _by_text(ledger.list_asks(store, up_to_date=False), "test corridor")
    assert corridor.status == "addressed"


CYBER_INDUSTRY = """Cybersecurity position paper

Cybersecurity

  • We call on both governments to align their cybersecurity certification schemes.
  • Both sides should share cybersecurity incident reports within 72 hours.

Our association represents 300 security firms.
"""
CYBER_OFFICIAL = """Outcome of the cyber dialogue

The two sides agreed to align their cybersecurity certification schemes by 2026.
Both sides reaffirmed the importance of their partnership.
"""


def test_a_draft_on_a_store_never_read_for_the_ledger_shows_the_catch_up(store: Store) -> None:
    """A store imported before the ledger (``add_document`` does not read sources for it):
    the draft reads every source first. That step reports its progress and can be
    cancelled, and a cancel leaves the brief and the ledger as they were."""
    from briefer.briefs import drafting, service
    from briefer.briefs import operations as ops

    _add(store, CYBER_INDUSTRY, "industry", "paper.txt")
    _add(store, CYBER_OFFICIAL, "official", "outcome.txt")
    with ReadSession(store) as s:
        assert s.query(AskScan).count() == 0
    bid = ops.CreateBrief("Cyber dialogue").apply(store).created_id
    assert bid is not None
    with pytest.raises(ledger.Cancelled):
        drafting.draft(store, bid, ["Cybersecurity"], cancelled=lambda: True)
    assert service.get_brief(store, bid).sections == ()
    with ReadSession(store) as s:
        assert s.query(AskScan).count() == 0
    seen: list[tuple[int, int, str]] = []
    [section] = drafting.draft(
        store, bid, ["Cybersecurity"], progress=lambda d, t, w: seen.append((d, t, w))
    )
    # both sources read (then their asks aligned), reported as it goes
    assert [w for _, _, w in seen][:2] == ["Finding asks", "Reading official texts"]
    assert seen[1][:2] == (1, 2)
    view = service.get_brief(store, bid)
    drafted = next(s for s in view.sections if s.id == section)
    assert any("certification" in q.text for q in drafted.industry)


def test_drafting_ranks_a_topics_asks_in_sql_as_it_did_in_python(seeded_store: Store) -> None:
    """``drafting.topic_asks`` ranks in SQL and reads a page of views: primary asks, newest
    source first (undated last), then tag score and reading order; within a page, asks that
    stand alone before those that lean on their context."""
    from sqlalchemy import select

    from briefer.briefs import drafting
    from briefer.store.models import Ask, PassageTopic, Source, Topic

    ledger.refresh(seeded_store)
    compared = 0
    with ReadSession(seeded_store) as s:
        superseded = set(
            s.scalars(
                select(Source.previous_version_id).where(Source.previous_version_id.is_not(None))
            )
        )
        for topic in s.scalars(select(Topic)):
            found = [
                a for a in ledger.read_asks(s, topic=topic.id) if a.source_id not in superseded
            ]
            tags = {
                pid: (primary, score)
                for pid, primary, score in s.execute(
                    select(PassageTopic.passage_id, PassageTopic.primary, PassageTopic.score).where(
                        PassageTopic.topic_id == topic.id
                    )
                )
            }

            found = [a for a in found if tags.get(a.passage_id, (False, 0.0))[0]]
            glossary = ledger.glossary_for_session(s)
            notions = {
                i: drafting.specific_notions(t or "", glossary)
                for i, t in s.execute(select(Ask.id, Ask.terms))
            }

            def key(a: ledger.AskView, tags: dict = tags) -> tuple[object, ...]:  # type: ignore[type-arg]
                day = a.source_date.toordinal() if a.source_date else 0
                return (a.source_date is None, -day, -tags[a.passage_id][1], -a.source_id, a.start)

            def leans(a: ledger.AskView, notions: dict = notions) -> bool:  # type: ignore[type-arg]
                return drafting.leans_on_context(a.text, notions.get(a.id, 0))

            in_sql_order = sorted(found, key=key)
            expected = [a.id for a in sorted(in_sql_order, key=leans)]
            assert [a.id for a in drafting.topic_asks(s, topic)] == expected
            assert drafting.count_topic_asks(s, topic) == len(expected)
            first = drafting.topic_asks(s, topic, limit=2)
            second = drafting.topic_asks(s, topic, limit=2, offset=2)
            assert [a.id for a in first] == [a.id for a in sorted(in_sql_order[:2], key=leans)]
            assert [a.id for a in second] == [a.id for a in sorted(in_sql_order[2:4], key=leans)]
            compared += len(expected)
    assert compared > 10


def test_a_large_topics_page_walked_from_the_newest_sources_is_the_sorted_page(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A topic with many asks is paged from the newest sources down, day by day, stopping
    once the page is full (``drafting._newest_ask_ids``): every page, undated sources
    included (ranked last), is the page the one sorted statement returns."""
    from sqlalchemy import select, update

    from briefer.briefs import drafting
    from briefer.store.models import Source, Topic

    ledger.refresh(seeded_store)
    with UnitOfWork(seeded_store) as uow:  # two sources without a date: the walk's last part
        undated = list(uow.session.scalars(select(Source.id).order_by(Source.id).limit(2)))
        uow.session.execute(update(Source).where(Source.id.in_(undated)).values(date=None))
        uow.commit()
    monkeypatch.setattr(drafting, "WALK_FROM_ASKS", 0)
    compared = 0
    with ReadSession(seeded_store) as s:
        for topic in s.scalars(select(Topic)):
            total = drafting.count_topic_asks(s, topic)
            for limit in (1, 3, 10):
                for offset in range(0, total + 2, limit):
                    walked = drafting.topic_asks(s, topic, limit=limit, offset=offset, total=total)
                    sorted_ = drafting.topic_asks(s, topic, limit=limit, offset=offset)
                    assert [a.id for a in walked] == [a.id for a in sorted_]
                    compared += len(walked)
    assert compared > 30


def test_the_ledgers_quick_check_sees_what_refresh_would_redo(seeded_store: Store) -> None:
    """``refresh`` first asks ``_current`` (two statements that stop early) whether there
    is anything to do: a source read as another kind, with another glossary, not aligned
    yet, or deleted since, is seen; after the refresh the ledger is current again."""
    from sqlalchemy import select, update

    from briefer.store.models import AskScan, Source

    def current(digest: str | None = None) -> bool:
        with ReadSession(seeded_store) as s:
            return ledger._current(s, digest or ledger.store_glossary(seeded_store).digest)

    def change(stmt: object) -> None:
        with UnitOfWork(seeded_store) as uow:
            uow.session.execute(stmt)  # type: ignore[call-overload]
            uow.commit()

    ledger.refresh(seeded_store)
    assert current()
    assert not current("another glossary")
    with ReadSession(seeded_store) as s:
        first, kind = s.execute(select(Source.id, Source.kind).order_by(Source.id)).first()  # type: ignore[misc]
    change(
        update(Source)
        .where(Source.id == first)
        .values(kind="other" if kind != "other" else "industry")
    )
    assert not current()
    ledger.refresh(seeded_store)
    assert current()
    change(update(AskScan).where(AskScan.source_id == first).values(aligned=False))
    assert not current()
    ledger.refresh(seeded_store)
    assert current()
    delete_source(seeded_store, first)
    with ReadSession(seeded_store) as s:
        kept = s.scalar(select(AskScan.source_id).where(AskScan.source_id == first))
    assert current() is (kept is None)
    ledger.refresh(seeded_store)
    assert current()

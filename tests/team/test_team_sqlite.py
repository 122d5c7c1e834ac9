"""Team features that need no server: stale edits, history, packs, copies between files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from team_helpers import DPC, INDUSTRY, all_rows, make_brief

from briefer.app import main
from briefer.bootstrap import open_for_use
from briefer.briefs import history, service
from briefer.briefs import operations as ops
from briefer.briefs.pack import PackError, pack_brief, read_pack, unpack_brief
from briefer.errors import StoreError
from briefer.library import search as search_service
from briefer.store import ConflictError, Store, engines, open_store
from briefer.store.copy import copy_store
from briefer.store.models import BriefSection, Quote, Source
from briefer.store.texts import text_span
from briefer.store.watch import change_stamp


def _quotes(section: Any) -> list[Any]:
    return [*section.industry, *section.official]


def test_stale_revision_is_refused_with_a_clear_message(sqlite_seeded: Store) -> None:
    bid = make_brief(sqlite_seeded)
    view = service.get_brief(sqlite_seeded, bid)
    seen = {bid: view.revision}
    ops.UpdateBriefFields(bid, {"venue": "Brussels"}).apply(
        sqlite_seeded
    )  # someone else, meanwhile
    with pytest.raises(ConflictError, match=r"changed by someone else.*refreshed"):
        ops.UpdateBriefFields(bid, {"venue": "Osaka"}).apply(sqlite_seeded, seen=seen)
    assert service.get_brief(sqlite_seeded, bid).venue == "Brussels"
    with pytest.raises(ConflictError):
        ops.DeleteBrief(bid).apply(sqlite_seeded, seen=seen)
    # Up to date: accepted, and ``seen`` follows the change (undo works on from there).
    seen[bid] = service.get_brief(sqlite_seeded, bid).revision
    inverse = ops.UpdateBriefFields(bid, {"venue": "Osaka"}).apply(sqlite_seeded, seen=seen).inverse
    assert seen[bid] == service.get_brief(sqlite_seeded, bid).revision
    inverse.apply(sqlite_seeded, seen=seen)
    assert service.get_brief(sqlite_seeded, bid).venue == "Brussels"


def test_every_change_records_officer_and_time(
    sqlite_seeded: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bid = make_brief(sqlite_seeded)
    monkeypatch.setenv("BRIEFER_USER", "officer-b")
    ops.UpdateBriefFields(bid, {"title": "DPC 2025"}).apply(sqlite_seeded)
    events = history.brief_history(sqlite_seeded, bid)
    assert [e.action for e in events] == [
        "New brief",
        "Add section",
        "Add quote",
        "Add quote",
        "Edit notes",  # an edit of one field is named by the field
        "Edit title",
    ]
    assert [e.officer for e in events] == ["officer-a"] * 5 + ["officer-b"]
    assert [e.revision for e in events] == list(range(1, 7))
    assert all(e.at is not None for e in events)
    with sqlite_seeded.sessions() as s:
        quotes = list(s.scalars(select(Quote)))
        assert quotes and all(q.changed_by == "officer-a" and q.changed_at for q in quotes)
        section = s.scalars(select(BriefSection)).one()
        assert section.changed_by == "officer-a" and section.version > 1
    ops.DeleteBrief(bid).apply(sqlite_seeded)
    assert history.brief_history(sqlite_seeded, bid)[-1].action == "Delete brief"

    code = main(["--store", sqlite_seeded.label, "brief", "history", str(bid), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out[0]["action"] == "New brief" and out[-1]["revision"] is None


def test_pack_and_unpack_into_a_fresh_store(sqlite_seeded: Store, tmp_path: Path) -> None:
    bid = make_brief(sqlite_seeded)
    path = pack_brief(sqlite_seeded, bid, tmp_path / "dpc")
    assert path.name == "dpc.briefpack"
    data = read_pack(path)
    assert {s["id"] for s in data["sources"]} == {INDUSTRY, DPC}
    assert all(s["text"] and s["passages"] for s in data["sources"])

    fresh = open_for_use(tmp_path / "fresh.sqlite")  # default topics, no sources
    try:
        report = unpack_brief(fresh, path)
        assert sorted(report.sources_created) == [1, 2] and report.quotes == 2
        view = service.get_brief(fresh, report.brief_id)
        original = service.get_brief(sqlite_seeded, bid)
        assert view.title == original.title and view.venue == "Tokyo"
        assert [s.topic for s in view.sections] == [s.topic for s in original.sections]
        got = [(q.source.title, q.text, q.side) for s in view.sections for q in _quotes(s)]
        want = [(q.source.title, q.text, q.side) for s in original.sections for q in _quotes(s)]
        assert got == want
        assert search_service.search(fresh, "submarine cables")  # sources indexed
        # Unpacked again: the sources are matched by content, not duplicated.
        again = unpack_brief(fresh, path)
        assert sorted(again.sources_matched) == sorted(report.sources_created)
        assert not again.sources_created
        with fresh.sessions() as s:
            assert len(list(s.scalars(select(Source)))) == 2
        assert history.brief_history(fresh, again.brief_id)[0].action == "Unpack brief"
    finally:
        fresh.close()


def test_unpack_into_a_store_with_other_ids_repoints_quotes(
    sqlite_seeded: Store, tmp_path: Path
) -> None:
    bid = make_brief(sqlite_seeded)
    path = pack_brief(sqlite_seeded, bid, tmp_path / "p.briefpack")
    other = open_for_use(tmp_path / "other.sqlite")
    try:
        f = tmp_path / "first.txt"
        f.write_text("A source imported first, so ids differ.\n\nSecond paragraph here.\n")
        from briefer.library.sources import SourceFields, import_file

        import_file(other, f, SourceFields(kind="other"))
        report = unpack_brief(other, path)
        assert sorted(report.sources_created) == [2, 3]
        view = service.get_brief(other, report.brief_id)
        for section in view.sections:
            for q in _quotes(section):
                with other.sessions() as s:
                    src = s.get(Source, q.source.id)
                    assert src is not None
                    assert text_span(s, src.id, q.start, q.end) == q.text
    finally:
        other.close()


def test_damaged_packs_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.briefpack"
    bad.write_text("not a zip")
    with pytest.raises(PackError, match="not a brief pack"):
        read_pack(bad)
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("brief.json", json.dumps({"format": "briefer-briefpack", "version": 99}))
    with pytest.raises(PackError, match="newer version"):
        read_pack(bad)


def test_copy_between_store_files(sqlite_seeded: Store, tmp_path: Path) -> None:
    make_brief(sqlite_seeded)
    dest = open_store(tmp_path / "copy.sqlite")
    try:
        report = copy_store(sqlite_seeded, dest)
        assert report.rows["source"] == 3
        assert all_rows(dest) == all_rows(sqlite_seeded)
        assert search_service.search(dest, "submarine cables")[0].source_id == DPC
        with pytest.raises(StoreError, match="already holds data"):
            copy_store(sqlite_seeded, dest)
    finally:
        dest.close()


def test_store_copy_command(sqlite_seeded: Store, tmp_path: Path, capsys: Any) -> None:
    make_brief(sqlite_seeded)
    target = tmp_path / "via-cli.sqlite"
    code = main(["store", "copy", sqlite_seeded.label, str(target), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["rows"]["quote"] == 2
    code = main(["store", "copy", sqlite_seeded.label, str(target)])
    assert code == 1 and "already holds data" in capsys.readouterr().err


def test_pack_unpack_commands(sqlite_seeded: Store, tmp_path: Path, capsys: Any) -> None:
    bid = make_brief(sqlite_seeded)
    pack_path = tmp_path / "out.briefpack"
    assert (
        main(["--store", sqlite_seeded.label, "brief", "pack", str(bid), "-o", str(pack_path)]) == 0
    )
    capsys.readouterr()
    target = str(tmp_path / "target.sqlite")
    assert main(["--store", target, "brief", "unpack", str(pack_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["quotes"] == 2 and len(data["sources_created"]) == 2


def test_labels_never_carry_a_password() -> None:
    url = "postgresql+psycopg://officer:s3cret@db.example/briefs"
    assert engines.safe_label(url) == "postgresql+psycopg://officer@db.example/briefs"
    assert "s3cret" not in engines.safe_label(url)
    assert engines.needs_password(Exception("fe_sendauth: no password supplied"))
    assert not engines.needs_password(Exception("could not connect to server"))


def test_password_prompt_is_used_and_kept_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def prompt(label: str) -> str | None:
        asked.append(label)
        return None  # the officer cancels

    monkeypatch.setattr(engines, "password_prompt", prompt)
    monkeypatch.setattr(
        "briefer.store.db._migrate",
        lambda engine: (_ for _ in ()).throw(Exception("fe_sendauth: no password supplied")),
    )
    with pytest.raises(StoreError, match="no password supplied"):
        open_store("postgresql+psycopg://officer@127.0.0.1:1/briefs")
    assert asked == ["postgresql+psycopg://officer@127.0.0.1:1/briefs"]


def test_change_stamp_moves_with_changes(sqlite_seeded: Store) -> None:
    before = change_stamp(sqlite_seeded)
    assert change_stamp(sqlite_seeded) == before
    bid = make_brief(sqlite_seeded)
    middle = change_stamp(sqlite_seeded)
    assert middle != before
    ops.UpdateBriefFields(bid, {"venue": "Osaka"}).apply(sqlite_seeded)
    assert change_stamp(sqlite_seeded) != middle

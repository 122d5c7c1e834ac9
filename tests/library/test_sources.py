"""Importing text sources: exact offsets, encodings, duplicates, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import store_digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.errors import BrieferError, DuplicateSourceError, IngestError
from briefer.library import sources
from briefer.library.seeds import load_seeds, seed_manifest
from briefer.library.sources import SourceFields
from briefer.store import Store
from briefer.store.texts import text_span


def test_every_seed_passage_round_trips(seeded_store: Store) -> None:
    items = sources.list_sources(seeded_store)
    assert len(items) == len(seed_manifest()) == 3
    for info in items:
        detail = sources.get_source(seeded_store, info.id)
        assert detail.passages
        previous_end = 0
        for p in detail.passages:
            assert detail.text[p.start : p.end] == p.text
            assert p.text == p.text.strip() and p.text
            assert p.start >= previous_end
            previous_end = p.end


def test_seed_metadata_comes_from_the_manifest(seeded_store: Store) -> None:
    by_title = {s.title: s for s in sources.list_sources(seeded_store)}
    for entry in seed_manifest():
        info = by_title[str(entry["title"])]
        assert info.kind == entry["kind"]
        assert info.date is not None and info.date.isoformat() == entry["date"]
        assert list(info.organisations) == entry["organisations"]


def test_seeding_is_idempotent(seeded_store: Store) -> None:
    before = store_digest(seeded_store)
    result = load_seeds(seeded_store)
    assert (result.added, result.already_present, result.topics_added) == (0, 3, 0)
    assert store_digest(seeded_store) == before


SAMPLE = (
    "Joint “statement” on Café data — 5 € fee\n\n"
    "1. Semiconductors:\n\n"
    "  • The parties will cooperate on semiconductor supply chains.\n"
)
JAPANESE = "日欧協力について\n\n１．半導体\n\n半導体の供給網を強化する。\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-8", SAMPLE), ("utf-16", SAMPLE), ("cp1252", SAMPLE), ("shift_jis", JAPANESE)],
)
def test_encodings_import_exactly(store: Store, tmp_path: Path, encoding: str, text: str) -> None:
    f = tmp_path / f"doc-{encoding}.txt"
    f.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    info = sources.import_file(store, f, SourceFields(kind="industry"))
    detail = sources.get_source(store, info.id)
    assert detail.text == text
    assert any("emiconductor" in p.text or "半導体" in p.text for p in detail.passages)


def test_duplicate_content_is_refused_naming_the_existing_source(
    seeded_store: Store, tmp_path: Path
) -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / str(seed_manifest()[0]["file"])
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed.read_bytes())
    before = store_digest(seeded_store)
    with pytest.raises(DuplicateSourceError, match="already in the store as source #1"):
        sources.import_file(seeded_store, copy, SourceFields(kind="industry"))
    assert store_digest(seeded_store) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("nul.txt", b"some text\x00\x00\x00 with NULs\x00" * 20, "binary"),
    ],
)
def test_bad_input_is_refused_and_store_unchanged(
    store: Store, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    f = tmp_path / name
    if content is not None:
        f.write_bytes(content)
    before = store_digest(store)
    with pytest.raises(IngestError, match=message):
        sources.import_file(store, f, SourceFields(kind="other"))
    assert store_digest(store) == before


def test_folder_is_not_a_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="folder"):
        sources.import_file(store, tmp_path, SourceFields(kind="other"))


def test_metadata_edits_and_guarded_delete(seeded_store: Store) -> None:
    info = sources.update_source(seeded_store, 2, title="DPC report", organisations=["EC"])
    assert info.title == "DPC report" and info.organisations == ("EC",)
    with pytest.raises(BrieferError, match="needs a title"):
        sources.update_source(seeded_store, 2, title="  ")
    with pytest.raises(BrieferError, match="Cannot change"):
        sources.update_source(seeded_store, 2, text="sneaky")
    sources.delete_source(seeded_store, 2)
    assert [s.id for s in sources.list_sources(seeded_store)] == [1, 3]


_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=400,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_texts)
def test_any_text_round_trips_through_the_store(store: Store, body: str) -> None:
    """Whatever text is imported, every stored passage is exactly its span of the source."""
    from briefer.ingest.readers import read_text
    from briefer.store import UnitOfWork

    try:
        doc = read_text(body.encode("utf-8"), origin="prop.txt")
    except IngestError:
        return  # empty / binary-looking input is refused, which is fine
    with UnitOfWork(store) as uow:
        src = sources.add_document(uow.session, doc, SourceFields(kind="other"))
        uow.flush()
        for p in src.passages:
            stored = text_span(uow.session, src.id, p.start, p.end)
            assert stored == doc.text[p.start : p.end]
            assert stored.strip()
        # rolled back: the next example starts from the same store

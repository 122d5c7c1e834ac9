"""Citations of quotes from a source too long to read whole (briefs/service._PassageIndex)."""

from __future__ import annotations

from pathlib import Path

from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.briefs import service
from briefer.briefs.service import _PassageIndex
from briefer.ingest.readers import read_text
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.library.topics import get_topic


def _report(chapters: int, per_chapter: int) -> bytes:
    lines = ["Digital economy report\n"]
    for c in range(1, chapters + 1):
        lines.append(f"{c}. Chapter {c} on connectivity\n")
        lines += [f"Finding {c}.{i}: connectivity keeps growing.\n" for i in range(per_chapter)]
    return "\n".join(lines).encode()


def test_quotes_from_a_long_source_cite_their_heading(tmp_path: Path) -> None:
    store = open_for_use(tmp_path / "s.sqlite")
    try:
        doc = read_text(_report(30, 100), origin="long.txt")
        info = sources.import_document(store, doc, SourceFields(kind="official"))
        detail = sources.get_source(store, info.id)
        assert len(detail.passages) > _PassageIndex.WHOLE
        bid = ops.CreateBrief("Long source", {}).apply(store).created_id
        section = ops.AddSection(bid, get_topic(store, "Semiconductors").id).apply(store).created_id
        picks = [detail.passages[i] for i in (5, 1500, len(detail.passages) - 1)]
        for p in picks:
            ops.AddQuote(section, info.id, p.start + 3, p.end).apply(store)
        view = service.get_brief(store, bid)
        quotes = [*view.sections[0].industry, *view.sections[0].official]
        assert [q.heading_path for q in quotes] == [p.heading_path for p in picks]
        assert quotes[1].heading_path[-1].startswith("15. Chapter 15")
    finally:
        store.close()

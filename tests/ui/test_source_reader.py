"""The source reader with a long source: a page of passages at a time, Earlier / Later, and
jumps (search hit, quote) that land on the right page."""

from __future__ import annotations

from briefer.ingest.readers import read_text
from briefer.library import search, sources
from briefer.library.sources import SourceFields
from briefer.ui.qt import Qt
from briefer.ui.source_reader import WINDOW


def _long_source(window, paragraphs: int) -> int:  # type: ignore[no-untyped-def]
    lines = ["Annual digital report\n"]
    lines += [
        f"Paragraph {i}: findings on item zz{i:05d} of the report.\n" for i in range(paragraphs)
    ]
    doc = read_text("\n".join(lines).encode(), origin="long-report.txt")
    info = sources.import_document(window.ws.store, doc, SourceFields(kind="other"))
    window.reload()
    return info.id


def test_long_source_reads_a_page_at_a_time(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = 2 * WINDOW + 50
    source_id = _long_source(window, total - 1)
    assert window.navigator.select_key(f"source:{source_id}")
    reader = window.reader
    assert reader.source_id == source_id
    assert reader.pager.isVisible()
    assert len(reader.view.passages_shown) == WINDOW
    assert reader.page_label.text() == f"Passages 1–{WINDOW} of {total:,}"
    assert not reader.earlier.isEnabled() and reader.later.isEnabled()
    assert "zz00000" in reader.view.toPlainText()
    assert "zz00500" not in reader.view.toPlainText()

    qtbot.mouseClick(reader.later, Qt.MouseButton.LeftButton)
    assert reader.page_label.text() == f"Passages {WINDOW + 1}–{2 * WINDOW} of {total:,}"
    assert f"zz{WINDOW:05d}" in reader.view.toPlainText()
    qtbot.mouseClick(reader.later, Qt.MouseButton.LeftButton)
    assert reader.page_label.text() == f"Passages {2 * WINDOW + 1}–{total} of {total:,}"
    assert not reader.later.isEnabled()
    qtbot.mouseClick(reader.earlier, Qt.MouseButton.LeftButton)
    assert reader.page_label.text().startswith(f"Passages {WINDOW + 1}–")

    # a search hit on the first page opens that page, with the passage current
    hit = next(h for h in search.search(window.ws.store, "zz00003") if h.source_id == source_id)
    window.open_hit(hit)
    assert reader.page_label.text().startswith("Passages 1–")
    assert reader.current_passage is not None and reader.current_passage.id == hit.passage_id
    # and a span on the last page opens the last page
    detail = sources.get_source(window.ws.store, source_id)
    last = detail.passages[-1]
    assert reader.show_span(source_id, last.start, last.end)
    assert f"zz{total - 2:05d}" in reader.view.toPlainText()


def test_short_source_has_no_pager(window) -> None:  # type: ignore[no-untyped-def]
    listing = sources.list_sources(window.ws.store)
    window.navigator.select_key(f"source:{listing[0].id}")
    assert window.reader.source_id == listing[0].id
    assert not window.reader.pager.isVisible()
    assert len(window.reader.view.passages_shown) == listing[0].passage_count

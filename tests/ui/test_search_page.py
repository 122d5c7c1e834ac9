"""Search as the officer types: the count shown agrees with the library's own search."""

from __future__ import annotations

from briefer.library import search
from briefer.ui.qt import Qt


def _type_search(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    field = window.search_field
    assert field.hasFocus()
    qtbot.keyClicks(field, text)
    page = window.search_page
    qtbot.waitUntil(lambda: text in page.summary.text(), timeout=5000)


def test_count_agrees_with_the_library(window, qtbot) -> None:
    _type_search(window, qtbot, "semiconductor")
    every = search.search(window.ws.store, "semiconductor", prefix=True, limit=100_000)
    assert 0 < len(every) <= 100
    summary = window.search_page.summary.text()
    assert summary.startswith(f"{len(every)} passage")
    assert window.search_page.model.rowCount() == len(every)


def test_many_matches_give_their_true_total(window, qtbot) -> None:
    from briefer.ingest.readers import read_text
    from briefer.library import sources
    from briefer.library.sources import SourceFields

    body = "\n\n".join(f"Paragraph {i} on qubit research and cooperation." for i in range(150))
    doc = read_text(f"Qubit notes\n\n{body}\n", origin="notes.txt")
    sources.import_document(window.ws.store, doc, SourceFields(kind="other"))
    _type_search(window, qtbot, "qubit")
    every = search.search(window.ws.store, "qubit", prefix=True, limit=100_000)
    assert len(every) > 100
    summary = window.search_page.summary.text()
    # Every match is counted (150 paragraphs and the title), the first 100 listed.
    assert summary == f"{len(every):,} passages match “qubit”; the first 100 are listed"
    assert len(every) == search.count(window.ws.store, "qubit", prefix=True) == 151
    assert window.search_page.model.rowCount() == 100

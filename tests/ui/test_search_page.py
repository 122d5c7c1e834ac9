"""Search as the officer types: the count shown agrees with the library's own search."""

from __future__ import annotations

from briefer.library import search, sources
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


def test_type_in_search_and_open_result(window, qtbot) -> None:
    field = window.search_field
    assert field.objectName() == "searchField"
    with qtbot.waitSignal(
        window.search_page.results_shown, timeout=5000, check_params_cb=lambda n: n > 0
    ):
        qtbot.keyClicks(field, "semiconductors")
    assert window.stack.currentWidget() is window.search_page
    results = window.search_page.results
    assert results.objectName() == "searchResults"
    hit = window.search_page.model.hit(0)
    assert "<mark>" in hit.snippet
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.reader
    assert window.reader.source_id == hit.source_id
    assert window.reader.current_passage is not None
    assert window.reader.current_passage.id == hit.passage_id
    assert window.navigator.current_key() == f"source:{hit.source_id}"


def test_stale_search_results_are_dropped(window, qtbot) -> None:
    page = window.search_page
    page.set_query("cybersecurity", immediate=True)
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        page.set_query("semiconductors", immediate=True)
    qtbot.wait(100)
    assert page.model.rowCount() > 0
    for row in range(page.model.rowCount()):
        assert "semiconductor" in page.model.hit(row).snippet.lower()


def test_a_phrase_search_is_quoted_once_in_the_summary(window, qtbot, tmp_path) -> None:
    """Typing "data free flow" with its quotation marks: the summary quotes it once, not
    as “"data free flow"”; a hit found through its heading says so in the list."""
    from briefer.ingest.readers import read_text
    from briefer.library.sources import SourceFields

    text = "Cross-border notes\n\nData free flow\n\nPartners agreed on a common approach.\n"
    sources.import_document(
        window.ws.store, read_text(text, origin="notes.txt"), SourceFields(kind="other")
    )
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, '"data free flow"')
    qtbot.waitUntil(lambda: "data free flow" in window.search_page.summary.text(), timeout=5000)
    summary = window.search_page.summary.text()
    assert summary.endswith("match “data free flow”") and '"' not in summary
    hits = [window.search_page.model.hit(i) for i in range(window.search_page.model.rowCount())]
    assert any(h.matched_in == "heading" for h in hits)
    window.resize(1024, 640)
    window.search_page.grab().save(str(tmp_path / "phrase-search.png"))

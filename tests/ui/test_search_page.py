"""Search as the officer types: the count shown agrees with the library's own search."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent

from briefer.library import search, sources, topics
from briefer.ui.qt import QApplication, Qt


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text``: keys for ASCII, an input-method commit (as a Japanese IME sends) else."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _type_search(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    field = window.search_field
    assert field.hasFocus()
    type_text(qtbot, field, text)
    page = window.search_page
    qtbot.waitUntil(lambda: text in page.summary.text(), timeout=5000)


def test_count_agrees_with_the_library(window, qtbot) -> None:
    _type_search(window, qtbot, "semiconductor")
    # the window also searches a topic word's name in the other language (expand)
    every = search.search(window.ws.store, "semiconductor", prefix=True, limit=100_000, expand=True)
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


def test_a_word_naming_a_topic_also_searches_the_other_language(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Typing an English topic word also finds the topic's Japanese name (the checkbox under
    the summary says which, from the store's topics); unticking it searches only what was
    typed, and the choice holds for the next query."""
    from briefer.ingest.readers import read_text
    from briefer.library.sources import SourceFields
    from briefer.store.search import _CJK

    store = window.ws.store
    # the default taxonomy's semiconductor topic: its first Japanese alias, not named here
    topic = next(
        t
        for t in topics.list_topics(store, counts=False)
        if any(a.casefold() == "semiconductor" for a in t.aliases)
    )
    ja = next(a for a in topic.aliases if _CJK.search(a))
    body = f"日EU間で{ja}の供給網について議論した。\n\n出張予算の段落。\n"
    sources.import_document(store, read_text(body, origin="ja.txt"), SourceFields(kind="other"))
    _type_search(window, qtbot, "semiconductor")
    page = window.search_page
    qtbot.waitUntil(lambda: page.expand.isVisible(), timeout=5000)
    assert page.expand.isChecked() and ja in page.expand.text() and topic.name in page.expand.text()
    hits = [page.model.hit(i) for i in range(page.model.rowCount())]
    japanese = [h for h in hits if ja in h.text]
    assert japanese and f"<mark>{ja}</mark>" in japanese[0].snippet
    assert len(hits) == search.count(store, "semiconductor", prefix=True, expand=True)
    window.resize(1024, 640)
    page.grab().save(str(tmp_path / "expanded-search.png"))
    # untick: only the English word
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        qtbot.mouseClick(page.expand, Qt.MouseButton.LeftButton)
    assert not page.expand.isChecked() and page.expand.isVisible()
    hits = [page.model.hit(i) for i in range(page.model.rowCount())]
    assert hits and not any(ja in h.text for h in hits)
    assert len(hits) == search.count(store, "semiconductor", prefix=True)
    # a query naming no topic hides it; the choice stays for the next one that does
    window.search_field.clear()
    _type_search(window, qtbot, "budget")
    assert not page.expand.isVisible()
    window.search_field.clear()
    _type_search(window, qtbot, ja)
    qtbot.waitUntil(lambda: page.expand.isVisible(), timeout=5000)
    assert not page.expand.isChecked()
    assert all(ja in page.model.hit(i).text for i in range(page.model.rowCount()))

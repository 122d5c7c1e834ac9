"""The source reader with a long source: a page of passages at a time, Earlier / Later, and
jumps (search hit, quote) that land on the right page."""

from __future__ import annotations

from briefer.ingest.readers import read_text
from briefer.library import search, sources, topics
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
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    reader = window.reader
    assert reader.source_id == source_id
    assert reader.pager.isVisible()
    assert len(reader.view.passages_shown) == WINDOW
    assert reader.page_label.text() == f"Passages 1–{WINDOW} of {total:,}"
    assert not reader.earlier.isEnabled() and reader.later.isEnabled()
    assert "zz00000" in reader.view.toPlainText()
    assert "zz00500" not in reader.view.toPlainText()

    qtbot.mouseClick(reader.later, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reader.is_reading)
    assert reader.page_label.text() == f"Passages {WINDOW + 1}–{2 * WINDOW} of {total:,}"
    assert f"zz{WINDOW:05d}" in reader.view.toPlainText()
    qtbot.mouseClick(reader.later, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reader.is_reading)
    assert reader.page_label.text() == f"Passages {2 * WINDOW + 1}–{total} of {total:,}"
    assert not reader.later.isEnabled()
    qtbot.mouseClick(reader.earlier, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reader.is_reading)
    assert reader.page_label.text().startswith(f"Passages {WINDOW + 1}–")

    # a search hit on the first page opens that page, with the passage current
    hit = next(h for h in search.search(window.ws.store, "zz00003") if h.source_id == source_id)
    window.open_hit(hit)
    qtbot.waitUntil(lambda: not reader.is_reading)
    assert reader.page_label.text().startswith("Passages 1–")
    assert reader.current_passage is not None and reader.current_passage.id == hit.passage_id
    # and a span on the last page opens the last page
    detail = sources.get_source(window.ws.store, source_id)
    last = detail.passages[-1]
    assert reader.show_span(source_id, last.start, last.end)
    qtbot.waitUntil(lambda: not reader.is_reading)
    assert f"zz{total - 2:05d}" in reader.view.toPlainText()


def test_short_source_has_no_pager(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    listing = sources.list_sources(window.ws.store)
    window.navigator.select_key(f"source:{listing[0].id}")
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    assert window.reader.source_id == listing[0].id
    assert not window.reader.pager.isVisible()
    assert len(window.reader.view.passages_shown) == listing[0].passage_count


def _undo_key(window, qtbot, redo: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z (Ctrl+Y) with the focus on the navigator, as an officer presses it."""
    window.activateWindow()
    window.navigator.setFocus()
    key = Qt.Key.Key_Y if redo else Qt.Key.Key_Z
    qtbot.keyClick(window.navigator, key, Qt.KeyboardModifier.ControlModifier)


def test_tag_and_metadata_edits_undo_and_redo_from_the_keyboard(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from briefer.library import topics
    from briefer.ui.qt import QLineEdit

    store = window.ws.store
    info = sources.list_sources(store)[0]
    assert window.navigator.select_key(f"source:{info.id}")
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    passage = next(p for p in sources.get_source(store, info.id).passages if p.content)
    assert window.reader.view.select_passage(passage.id)
    panel = window.reader.tags
    row = next(
        r for r in range(panel.model.rowCount()) if panel.model.item(r).text() not in passage.topics
    )
    name = panel.model.item(row).text()
    topic_id = next(t.id for t in topics.list_topics(store, counts=False) if t.name == name)

    def tagged() -> bool:
        fresh = sources.get_source(store, info.id).passages
        return name in next(p for p in fresh if p.id == passage.id).topics

    # tick the topic in the panel: click the row, then Space toggles its check box
    index = panel.model.index(row, 0)
    panel.list.scrollTo(index)
    qtbot.mouseClick(
        panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualRect(index).center()
    )
    qtbot.keyClick(panel.list, Qt.Key.Key_Space)
    assert tagged()
    assert f"Tag with {name}" in window.window_actions.undo.text()
    qtbot.waitUntil(lambda: name in window.reader.current_passage.topics)  # re-read
    _undo_key(window, qtbot)
    assert not tagged()
    qtbot.waitUntil(lambda: name not in window.reader.current_passage.topics)
    assert passage.id not in {tp.passage.id for tp in topics.topic_passages(store, topic_id)}
    _undo_key(window, qtbot, redo=True)
    assert tagged()
    qtbot.waitUntil(lambda: name in window.reader.current_passage.topics)

    # rename the source in the Details form, then undo and redo the rename
    title = window.reader.form.findChild(QLineEdit, "meta_title")
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    title.selectAll()
    qtbot.keyClicks(title, "Renamed letter")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert sources.get_source(store, info.id).info.title == "Renamed letter"
    assert "Edit title" in window.window_actions.undo.text()
    _undo_key(window, qtbot)
    assert sources.get_source(store, info.id).info.title == info.title
    qtbot.waitUntil(lambda: title.text() == info.title)  # the form shows the old title
    _undo_key(window, qtbot, redo=True)
    assert sources.get_source(store, info.id).info.title == "Renamed letter"
    qtbot.waitUntil(lambda: title.text() == "Renamed letter")


def _passage_without(detail, topic_name: str):  # type: ignore[no-untyped-def]
    return next(p for p in detail.passages if p.content and topic_name not in p.topics)


def test_tag_and_untag_through_the_reader(window, qtbot) -> None:
    store = window.ws.store
    quantum = next(t for t in topics.list_topics(store) if t.name == "Quantum")
    info = sources.list_sources(store)[0]
    assert window.navigator.select_key(f"source:{info.id}")
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    passage = _passage_without(sources.get_source(store, info.id), "Quantum")
    assert window.reader.view.select_passage(passage.id)
    panel = window.reader.tags
    assert panel.passage is not None and panel.passage.id == passage.id

    panel.check_topic(quantum.id, True)
    tagged = {tp.passage.id for tp in topics.topic_passages(store, quantum.id)}
    assert passage.id in tagged
    fresh = next(p for p in sources.get_source(store, info.id).passages if p.id == passage.id)
    assert "Quantum" in fresh.topics
    qtbot.waitUntil(lambda: "Quantum" in window.reader.current_passage.topics)  # re-read

    panel.check_topic(quantum.id, False)
    assert passage.id not in {tp.passage.id for tp in topics.topic_passages(store, quantum.id)}
    fresh = next(p for p in sources.get_source(store, info.id).passages if p.id == passage.id)
    assert "Quantum" not in fresh.topics

    # undo is an inverse: undoing the untag brings back the tag it replaced ...
    window.window_actions.undo.trigger()
    back = next(p for p in sources.get_source(store, info.id).passages if p.id == passage.id)
    assert "Quantum" in back.topics
    qtbot.waitUntil(lambda: "Quantum" in window.reader.current_passage.topics)
    # ... and undoing the tag forgets the decision: the tagger decides again
    window.window_actions.undo.trigger()
    auto = next(p for p in sources.get_source(store, info.id).passages if p.id == passage.id)
    assert "Quantum" not in auto.topics or passage.topics == auto.topics
    window.window_actions.redo.trigger()
    qtbot.waitUntil(lambda: "Quantum" in window.reader.current_passage.topics)


def test_edit_metadata_in_place_saves_and_undoes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    form = window.reader.form
    source_id = window.reader.source_id
    old = sources.get_source(store, source_id).info.short_title
    form.short_title.setFocus()
    form.short_title.selectAll()
    qtbot.keyClicks(form.short_title, "Letter 2022")
    qtbot.keyClick(form.short_title, Qt.Key.Key_Return)
    assert sources.get_source(store, source_id).info.short_title == "Letter 2022"

    def named() -> str:
        return window.navigator.nav_model.index_for_key(f"source:{source_id}").data()

    # the navigator re-lists the sources on a worker after an edit, then shows the new name
    qtbot.waitUntil(lambda: named() == "Letter 2022")
    window.window_actions.undo.trigger()
    assert sources.get_source(store, source_id).info.short_title == old
    qtbot.waitUntil(lambda: named() == old)

"""The reader says why a passage has a topic: hovering a tag shows primary/secondary and the
words that produced it."""

from __future__ import annotations

from briefer.library import sources
from briefer.ui.qt import QPoint, Qt


def test_hovering_a_topic_shows_its_evidence(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    info = sources.list_sources(store)[0]
    detail = sources.get_source(store, info.id)
    passage, tag = next(
        (p, t)
        for p in detail.passages
        for t in p.tags
        if p.kind != "heading" and t.primary and t.origin == "auto" and t.evidence
    )
    assert window.navigator.select_key(f"source:{info.id}")
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    reader = window.reader
    reader.view.select_passage(passage.id)  # scroll it into view, then click it
    span_pos = next(s.doc_start for s in reader.view._spans if s.passage.id == passage.id)
    cursor = reader.view.textCursor()
    cursor.setPosition(span_pos + 1)
    rect = reader.view.cursorRect(cursor)
    qtbot.mouseClick(
        reader.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.x() + 2, rect.center().y()),
    )
    qtbot.waitUntil(
        lambda: reader.tags.passage is not None and reader.tags.passage.id == passage.id
    )
    panel = reader.tags
    item = next(
        panel.model.item(r)
        for r in range(panel.model.rowCount())
        if panel.model.item(r).text() == tag.topic
    )
    # the evidence is read for the clicked passage off the UI thread, then shown
    qtbot.waitUntil(lambda: tag.evidence[0] in item.toolTip())
    tip = item.toolTip()
    assert "Primary topic of this passage" in tip
    untagged = next(
        panel.model.item(r)
        for r in range(panel.model.rowCount())
        if panel.model.item(r).text() not in passage.topics
    )
    assert "found from" not in untagged.toolTip()
    # showing the evidence ticked nothing: the passage keeps automatic tags only
    after = sources.get_source(store, info.id)
    shown = next(p for p in after.passages if p.id == passage.id)
    assert {(t.topic_id, t.origin) for t in shown.tags} == {
        (t.topic_id, t.origin) for t in passage.tags
    }
    panel.grab().save(str(tmp_path / "tag-panel.png"))


def test_ticking_a_topic_keeps_the_source_list(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A tag is a change of passages: the navigator recounts topics on a worker and keeps its
    sources (re-listing 10,000 sources took a second of the UI thread per tick)."""
    store = window.ws.store
    info = sources.list_sources(store)[0]
    assert window.navigator.select_key(f"source:{info.id}")
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    reader = window.reader
    passage = next(p for p in reader.detail.passages if p.content)
    reader.view.select_passage(passage.id)
    qtbot.waitUntil(lambda: reader.tags.passage is not None)
    listed: list[object] = []
    real = sources.list_sources
    monkeypatch.setattr(sources, "list_sources", lambda *a, **k: listed.append(a) or real(*a, **k))
    panel = reader.tags
    row = next(
        r
        for r in range(panel.model.rowCount())
        if panel.model.item(r).checkState() == Qt.CheckState.Unchecked
    )
    topic_id = panel.model.item(row).data(Qt.ItemDataRole.UserRole + 1)
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(row, 0))
    resets: list[object] = []
    window.navigator.nav_model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(window.topic_counts_loaded, timeout=10000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Space)
    assert window.ws.undo.count() > 0
    assert resets == []  # the counts were filled into the topic rows, the tree stayed
    tagged = sources.get_source(store, info.id)
    shown = next(p for p in tagged.passages if p.id == reader.tags.passage.id)
    assert topic_id in {t.topic_id for t in shown.tags}
    assert listed == []

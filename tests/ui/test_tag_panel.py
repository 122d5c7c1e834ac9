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
    tip = item.toolTip()
    assert "Primary topic of this passage" in tip
    assert tag.evidence[0] in tip
    untagged = next(
        panel.model.item(r)
        for r in range(panel.model.rowCount())
        if panel.model.item(r).text() not in passage.topics
    )
    assert "found from" not in untagged.toolTip()
    panel.grab().save(str(tmp_path / "tag-panel.png"))

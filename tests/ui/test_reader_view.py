"""The reader view: selections map to source offsets, spans highlight their passage."""

from __future__ import annotations

from briefer.ui.qt import QTextCursor


def test_selection_maps_to_source_offsets(window, qtbot) -> None:
    reader = window.reader
    qtbot.waitUntil(lambda: not reader.is_reading)
    detail = reader.detail
    passage = next(p for p in detail.passages if p.content and len(p.text) > 40)
    reader.view.select_passage(passage.id)
    cursor = reader.view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 25)
    reader.view.setTextCursor(cursor)
    source_id, start, end = reader.selection()
    assert source_id == detail.info.id
    assert (start, end) == (passage.start, passage.start + 25)
    assert detail.text[start:end] == cursor.selectedText()


def test_show_span_highlights_a_passage(window, qtbot) -> None:
    reader = window.reader
    qtbot.waitUntil(lambda: not reader.is_reading)
    detail = reader.detail
    last = [p for p in detail.passages if p.content][-1]
    assert reader.show_span(detail.info.id, last.start, last.end)
    assert reader.current_passage.id == last.id
    assert reader.view.extraSelections()

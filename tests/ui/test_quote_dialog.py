"""Quoting a passage the section already quotes (or a part of one) asks first."""

from __future__ import annotations

from briefer.briefs import service
from briefer.ui.qt import QDialogButtonBox, QMessageBox, QPushButton, Qt


def _count(window, brief_id: int) -> int:  # type: ignore[no-untyped-def]
    brief = service.get_brief(window.ws.store, brief_id)
    return sum(len(s.industry) + len(s.official) for s in brief.sections)


def test_quoting_a_part_of_a_quote_again_asks(window, qtbot, drafted) -> None:
    brief = service.get_brief(window.ws.store, drafted)
    section = brief.sections[0]
    q = (section.industry or section.official)[0]
    before = _count(window, drafted)
    start, end = q.start + 5, min(q.end, q.start + 60)  # a sub-span of the quote
    dialog = window.open_quote_dialog(q.source.id, start, end, [section.topic])
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.choose_brief(drafted)
    dialog.choose_section(section.id)
    assert tuple(dialog.section.currentData()) == ("section", section.id)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicate_box is not None and dialog.duplicate_box.isVisible())
    box = dialog.duplicate_box
    assert "already quotes" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert _count(window, drafted) == before  # nothing added
    assert dialog.isVisible()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicate_box is not box and dialog.duplicate_box.isVisible())
    again = dialog.duplicate_box
    add = next(b for b in again.findChildren(QPushButton) if b.text() == "Add Anyway")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _count(window, drafted) == before + 1)


def test_a_new_span_is_quoted_without_asking(window, qtbot, drafted) -> None:
    brief = service.get_brief(window.ws.store, drafted)
    section = brief.sections[0]
    quoted = [(q.source.id, q.start, q.end) for q in (*section.industry, *section.official)]
    q = (section.industry or section.official)[0]
    others = [e for (s, _b, e) in quoted if s == q.source.id]
    start = max(others) + 1  # after every quote from that source
    before = _count(window, drafted)
    dialog = window.open_quote_dialog(q.source.id, start, start + 40, [section.topic])
    qtbot.waitExposed(dialog)
    dialog.choose_brief(drafted)
    dialog.choose_section(section.id)
    assert tuple(dialog.section.currentData()) == ("section", section.id)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.duplicate_box is None
    assert _count(window, drafted) == before + 1

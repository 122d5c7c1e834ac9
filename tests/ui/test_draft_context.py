"""The Draft dialog's "Press and analysis" choice: a Context column in the editor's section
card, filled only when the officer asks for it, chosen and drafted by clicking."""

from __future__ import annotations

from pathlib import Path

from helpers import add_press

from briefer.briefs import service
from briefer.ui.qt import QListView, Qt


def _draft(window, qtbot, topic_id: int, context: bool) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_draft()
    dialog.check_topics([topic_id])
    assert not dialog.context.isChecked()  # press and analysis are left out by default
    if context:
        qtbot.mouseClick(dialog.context, Qt.MouseButton.LeftButton)
        assert dialog.context.isChecked()
    with qtbot.waitSignal(dialog.drafted, timeout=15000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_context_column_drafted_and_shown(window, qtbot, topic_ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    press = add_press(window.ws.store)
    chips = topic_ids["Semiconductors"]
    brief_id = window.new_brief("Without press")
    _draft(window, qtbot, chips, False)
    card = window.editor.section_widgets()[0]
    assert not card.views["context"].isVisible()
    assert not service.get_brief(window.ws.store, brief_id).sections[0].context

    brief_id = window.new_brief("With press as context")
    _draft(window, qtbot, chips, True)
    section = service.get_brief(window.ws.store, brief_id).sections[0]
    assert section.context and {q.source.id for q in section.context} == {press}
    assert all(q.source.id != press for q in section.official)
    qtbot.waitUntil(lambda: bool(window.editor.section_widgets()))
    card = window.editor.section_widgets()[0]
    column = card.findChild(QListView, "contextQuotes")
    qtbot.waitUntil(column.isVisible)
    assert card.column_labels["context"].text() == "Context: press and analysis"
    assert [column.model().quote(r).id for r in range(column.model().rowCount())] == [
        q.id for q in section.context
    ]
    window.resize(1400, 900)
    qtbot.wait(300)  # the card lays out again at the new width
    window.grab().save(str(tmp_path / "context-column.png"))
    undo_text = window.ws.undo.undoText()
    assert "Draft sections" in undo_text
    window.ws.undo.undo()
    assert service.get_brief(window.ws.store, brief_id).sections == ()

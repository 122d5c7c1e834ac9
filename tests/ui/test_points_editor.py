"""Lines to take / If asked, driven as an officer does: click "+ Add point", type, press Enter.

The first version of these tests called ``add_point("…")`` directly and missed that the
button's ``clicked(bool)`` handed ``False`` to it as the point's text.
"""

from __future__ import annotations

import pytest

from briefer.briefs import service
from briefer.ui.qt import QApplication, QLineEdit, Qt


def _section(window, brief_id: int):  # type: ignore[no-untyped-def]
    return service.get_brief(window.ws.store, brief_id).sections[0]


def _editor_line(qtbot, editor) -> QLineEdit:  # type: ignore[no-untyped-def]
    """The in-place editor the list opened for the new point."""
    def open_editors() -> list[QLineEdit]:
        return [w for w in editor.view.viewport().findChildren(QLineEdit) if w.isVisible()]

    qtbot.waitUntil(lambda: len(open_editors()) == 1, timeout=3000)
    line = open_editors()[0]
    return line


@pytest.mark.parametrize("field", ["lines", "if_asked"])
def test_add_point_by_mouse_then_type(window, qtbot, drafted, field) -> None:  # type: ignore[no-untyped-def]
    editor = getattr(window.editor.section_widgets()[0], field)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    line = _editor_line(qtbot, editor)
    qtbot.keyClicks(line, "Welcome the joint research call")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    stored = "lines_to_take" if field == "lines" else "if_asked"
    qtbot.waitUntil(
        lambda: getattr(_section(window, drafted), stored) == ("Welcome the joint research call",),
        timeout=3000,
    )
    # Enter went on to a new, empty point (as in a bulleted list); Escape leaves it unmade
    line = _editor_line(qtbot, editor)
    assert line.text() == ""
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.model.rowCount() == 1, timeout=3000)
    assert "Welcome the joint research call" in editor.model.index(0, 0).data()
    # a second point, started with the keyboard: Space on the focused button
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    line = _editor_line(qtbot, editor)
    qtbot.keyClicks(line, "Ask about the timetable")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(getattr(_section(window, drafted), stored)) == 2, timeout=3000)
    assert getattr(_section(window, drafted), stored)[1] == "Ask about the timetable"
    # one undo step per point, named
    assert window.ws.undo.canUndo()
    window.ws.undo.undo()
    assert getattr(_section(window, drafted), stored) == ("Welcome the joint research call",)


def test_add_point_left_empty_leaves_no_row(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor.section_widgets()[0].lines
    before = _section(window, drafted).lines_to_take
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    line = _editor_line(qtbot, editor)
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.model.rowCount() == len(before), timeout=3000)
    QApplication.processEvents()
    assert all("empty point" not in editor.model.index(r, 0).data() for r in range(len(before)))
    assert _section(window, drafted).lines_to_take == before
    # double-clicking where a stale row would be opens no True/False editor
    assert not any(isinstance(v, bool) for v in editor.model._points)


def test_typing_on_the_list_starts_a_point_and_enter_goes_on(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    """A tester clicked into the empty list and typed: nothing happened and the text was
    lost. Typing there starts a point; Enter saves it and opens the next; Enter on an
    empty one ends the list."""
    editor = window.editor.section_widgets()[0].lines
    window.editor.scroll_area.ensureWidgetVisible(editor)
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.view, "C")
    line = _editor_line(qtbot, editor)
    qtbot.keyClicks(line, "ables first")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: _section(window, drafted).lines_to_take == ("Cables first",), timeout=3000
    )
    line = _editor_line(qtbot, editor)
    qtbot.keyClicks(line, "Chips second")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: _section(window, drafted).lines_to_take == ("Cables first", "Chips second"),
        timeout=3000,
    )
    line = _editor_line(qtbot, editor)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # Enter on an empty point: the list is done
    qtbot.waitUntil(lambda: editor.model.rowCount() == 2, timeout=3000)
    QApplication.processEvents()
    assert not [w for w in editor.view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert _section(window, drafted).lines_to_take == ("Cables first", "Chips second")

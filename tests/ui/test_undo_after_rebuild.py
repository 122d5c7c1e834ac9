"""Undo after the editor rebuilt the widgets that made the edit (issue 13 item 3).

Editing a section, switching to another brief and back (the section widgets are deleted and
made again), then Ctrl+Z, raised "Internal C++ object (QWidgetItem) already deleted" from the
wrapping button rows' layout on the next layout pass, over and over. The test fails on any
exception Qt reports from a Python override while the officer clicks and types.
"""

from __future__ import annotations

import shiboken6

from briefer.briefs import service
from briefer.ui.brief_commands import OperationCommand
from briefer.ui.flow_layout import FlowLayout
from briefer.ui.qt import QLineEdit, Qt, QWidget
from tests.ui.ui_helpers import click_nav


def _undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z with the focus on the navigator (the row just clicked), as an officer presses it."""
    window.activateWindow()
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)


def _layouts_intact(window) -> None:  # type: ignore[no-untyped-def]
    for layout in window.findChildren(FlowLayout):
        for i in range(layout.count()):
            item = layout.itemAt(i)
            assert shiboken6.isValid(item), f"a dead item in {layout.parentWidget()}"
            assert item.widget() is not None


def test_undo_after_switching_briefs_and_back(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    first = window.editor.section_widgets()[0]
    before = first.section.topic
    stack = window.ws.undo
    start = stack.index()
    comment_before = service.get_brief(store, drafted).sections[0].assessment_comment
    heading = first.findChild(QLineEdit, "sectionHeading") or first.heading
    qtbot.mouseClick(heading, Qt.MouseButton.LeftButton)
    heading.selectAll()
    qtbot.keyClicks(heading, "Chips and supply chains")
    qtbot.keyClick(heading, Qt.Key.Key_Return)
    comment = first.comment
    qtbot.mouseClick(comment.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(comment, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(comment, " Worth raising early")
    other = window.new_brief("Another meeting")  # what the New Brief dialog's OK does
    click_nav(window, qtbot, f"brief:{drafted}")  # the section widgets are made again
    qtbot.wait(100)
    _layouts_intact(window)
    comment_after = service.get_brief(store, drafted).sections[0].assessment_comment
    assert comment_after == comment_before + " Worth raising early"

    assert stack.index() - start >= 3  # the heading, the comment, the new brief
    for _ in range(2 * (stack.index() - start)):  # a key pressed during a stall is dropped
        if stack.index() == start:
            break
        _undo(window, qtbot)
    assert stack.index() == start
    qtbot.wait(100)
    _layouts_intact(window)
    brief = service.get_brief(store, drafted)
    assert brief.sections[0].topic == before
    assert brief.sections[0].assessment_comment == comment_before
    assert other not in {b.id for b in service.list_briefs(store)}
    shown = window.editor.section_widgets()[0]
    assert shown.heading.text() == before
    # the buttons of the brief's command row are still laid out in the window
    verify = window.editor.verify_button
    assert verify.isVisible() and verify.width() > 0


def test_the_command_keeps_no_widget(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    """The undo stack outlives any view: a command holds the operation, never its view."""
    first = window.editor.section_widgets()[0]
    heading = first.heading
    qtbot.mouseClick(heading, Qt.MouseButton.LeftButton)
    heading.selectAll()
    qtbot.keyClicks(heading, "Chips")
    qtbot.keyClick(heading, Qt.Key.Key_Return)
    stack = window.ws.undo
    command = stack.command(stack.index() - 1)
    assert isinstance(command, OperationCommand)
    assert not any(isinstance(v, QWidget) for v in vars(command).values())

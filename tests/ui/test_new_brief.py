"""New Brief from the dialog, as the officer makes one: the brief is written on the write pool
(issue 13: in a 10,000-source store the write and the reads after it were 90-170 ms of the UI
thread), the status bar says so meanwhile, the window stays usable, and then the navigator and
the editor show the new brief, which one undo takes away again."""

from __future__ import annotations

import threading

import pytest
from ui_helpers import click_nav

from briefer.briefs import service
from briefer.errors import BrieferError
from briefer.ui import main_window
from briefer.ui.name_dialog import NameDialog
from briefer.ui.qt import QGuiApplication, QMessageBox, Qt, QToolBar


def _open_dialog(window, qtbot) -> NameDialog:  # type: ignore[no-untyped-def]
    bar = window.findChild(QToolBar, "mainToolBar")
    qtbot.mouseClick(
        bar.widgetForAction(window.window_actions.new_brief), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.findChild(NameDialog, "newBriefDialog") is not None)
    dialog = window.findChild(NameDialog, "newBriefDialog")
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def held_back(monkeypatch):  # type: ignore[no-untyped-def]
    """The worker's write waits until the test lets it go (a slow store)."""
    go = threading.Event()
    started = threading.Event()
    real = main_window._made_brief

    def slow(job, store, op):  # type: ignore[no-untyped-def]
        started.set()
        go.wait(10)
        return real(job, store, op)

    monkeypatch.setattr(main_window, "_made_brief", slow)
    yield started, go
    go.set()


def test_new_brief_is_made_off_the_ui_thread_and_then_opened(
    window, qtbot, topic_ids, held_back
) -> None:
    started, go = held_back
    before = {b.id for b in service.list_briefs(window.ws.store)}
    dialog = _open_dialog(window, qtbot)
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Digital Partnership Council")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert started.wait(5)
    # while the write runs: the dialog is gone, the status bar says what is going on, and
    # nothing half-made is shown
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Creating “Digital Partnership Council”…"
    assert window.editor.brief_id in (None, *before)
    brief_keys = {f"brief:{b}" for b in before}
    nav = window.navigator.nav_model
    assert {k for k in nav._keys if k.startswith("brief:")} == brief_keys
    # the window is usable meanwhile: a click on a topic shows its board
    click_nav(window, qtbot, f"topic:{topic_ids['Semiconductors']}")
    assert window.stack.currentWidget() is window.board
    assert window.board.topic is not None and window.board.topic.name == "Semiconductors"

    go.set()
    qtbot.waitUntil(lambda: window.editor.brief_id not in (None, *before), timeout=10000)
    new = [b for b in service.list_briefs(window.ws.store) if b.id not in before]
    assert [b.title for b in new] == ["Digital Partnership Council"]
    assert window.editor.brief_id == new[0].id
    assert window.stack.currentWidget() is window.editor
    assert window.editor.title.text() == "Digital Partnership Council"
    assert window.navigator.current_key() == f"brief:{new[0].id}"
    assert window.statusBar().currentMessage() == "Created “Digital Partnership Council”"
    assert window.ws.undo.undoText() == "New brief"

    # one undo takes it away again, from the store and the navigator
    window.activateWindow()  # offscreen has no window manager to give it back after the dialog
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: f"brief:{new[0].id}" not in nav._keys, timeout=5000)
    assert {b.id for b in service.list_briefs(window.ws.store)} == before


def test_two_briefs_in_a_row_both_arrive(window, qtbot) -> None:
    before = {b.id for b in service.list_briefs(window.ws.store)}
    for title in ("Trade Council", "Digital Dialogue"):
        dialog = _open_dialog(window, qtbot)
        dialog.name.setFocus()
        qtbot.keyClicks(dialog.name, title)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda t=title: window.editor.title.text() == t, timeout=10000)
    titles = {b.title for b in service.list_briefs(window.ws.store) if b.id not in before}
    assert titles == {"Trade Council", "Digital Dialogue"}
    shown = [window.navigator.nav_model._keys[k].label for k in window.navigator.nav_model._keys]
    assert "Trade Council" in shown and "Digital Dialogue" in shown


def test_a_refused_brief_says_why_and_leaves_the_store_alone(window, qtbot, monkeypatch) -> None:
    def refuse(job, store, op):  # type: ignore[no-untyped-def]
        raise BrieferError("The store is read-only.")

    monkeypatch.setattr(main_window, "_made_brief", refuse)
    before = service.list_briefs(window.ws.store)
    current = window.editor.brief_id
    dialog = _open_dialog(window, qtbot)
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Trade Council")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "problemDialog") is not None)
    box = window.findChild(QMessageBox, "problemDialog")
    assert box.text() == "The store is read-only."
    assert window.statusBar().currentMessage() != "Creating “Trade Council”…"
    assert service.list_briefs(window.ws.store) == before
    assert window.editor.brief_id == current
    assert window.ws.undo.count() == 0

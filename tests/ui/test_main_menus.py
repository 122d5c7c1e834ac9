"""The window's actions and menus (ui/main_menus.py): shortcuts, labels, enabled states."""

from __future__ import annotations

from briefer.ui.qt import QApplication, Qt


def test_ctrl_k_focuses_search(window, qtbot) -> None:
    window.activateWindow()
    window.navigator.setFocus()
    window.window_actions.find.trigger()
    assert window.search_field.hasFocus() or QApplication.focusWidget() is window.search_field


def test_ctrl_y_redoes_and_undo_names_the_field(window, qtbot) -> None:
    from briefer.briefs import service

    brief_id = window.new_brief("Council")
    venue = window.editor.header.venue
    window.activateWindow()
    venue.setFocus()
    qtbot.keyClicks(venue, "Tokyo")
    qtbot.keyClick(venue, Qt.Key.Key_Tab)
    assert window.window_actions.undo.text().replace("&", "") == "Undo Edit venue"
    window.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.get_brief(window.ws.store, brief_id).venue == ""
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert service.get_brief(window.ws.store, brief_id).venue == "Tokyo"


def test_menu_actions_follow_their_buttons(window, qtbot) -> None:
    window.new_brief("Council")
    editor = window.editor
    assert not editor.accept_all_button.isEnabled()  # nothing to accept yet
    assert not window.window_actions.accept_all.isEnabled()
    assert window.window_actions.export.isEnabled() == editor.export_button.isEnabled()


def test_view_menu_opens_the_coverage_map_by_its_shortcut(window, qtbot) -> None:
    """View › Coverage Map (Ctrl+Shift+M) opens the map and the navigator marks it."""
    view = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    assert window.window_actions.coverage in view.actions()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.coverage_page)
    assert window.navigator.current_key() == "section:coverage"

"""The user guide and the shortcut list (ui/help_dialog.py)."""

from __future__ import annotations

from briefer.ui.qt import Qt


def test_help_menu_has_a_guide_and_a_shortcut_list(window, qtbot) -> None:
    from briefer.ui.help_dialog import HelpDialog

    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert window.window_actions.guide in help_menu.actions()
    assert window.window_actions.shortcuts in help_menu.actions()
    window.new_brief("Council")  # an edit: Undo now reads "Undo New brief"
    assert window.window_actions.undo.text().replace("&", "") != "Undo"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(HelpDialog, "shortcutsDialog") is not None)
    text = window.findChild(HelpDialog, "shortcutsDialog").browser.toPlainText()
    for expected in ("Ctrl+Y", "Ctrl+Shift+Q", "Ctrl+K", "Import", "Enter: next point"):
        assert expected in text
    lines = text.splitlines()
    assert "Undo" in lines and "Redo" in lines  # by what they are, not the next step's name
    assert not any(line.startswith(("Undo ", "Redo ")) for line in lines)
    window.window_actions.guide.trigger()
    guide = window.findChild(HelpDialog, "guideDialog")
    assert guide is not None and "Import" in guide.browser.toPlainText()

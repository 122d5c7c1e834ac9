"""The versions dialog (ui/versions_dialog.py): taking a named version."""

from __future__ import annotations

from briefer.ui.qt import Qt


def test_take_version_dialog(window, qtbot) -> None:
    from briefer.briefs import versions
    from briefer.ui.name_dialog import NameDialog

    brief_id = window.new_brief("Council")
    dialog = window.open_versions()
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(NameDialog, "takeVersionDialog") is not None)
    ask = dialog.findChild(NameDialog, "takeVersionDialog")
    assert ask.windowTitle() == "Take Version"
    ask.name.setFocus()
    qtbot.keyClicks(ask.name, "sent to cabinet")
    qtbot.keyClick(ask.name, Qt.Key.Key_Return)
    assert [v.name for v in versions.list_versions(window.ws.store, brief_id)] == [
        "sent to cabinet"
    ]

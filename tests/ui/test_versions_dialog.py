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


def test_a_taken_version_name_is_refused_in_words(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from briefer.briefs import versions
    from briefer.ui.name_dialog import NameDialog

    brief_id = window.new_brief("Council")
    dialog = window.open_versions()

    def ask_name() -> NameDialog:
        qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.findChild(NameDialog, "takeVersionDialog") is not None)
        ask = dialog.findChild(NameDialog, "takeVersionDialog")
        qtbot.waitExposed(ask)
        ask.name.setFocus()
        return ask

    first = ask_name()
    qtbot.keyClicks(first.name, "Sent to cabinet")
    qtbot.keyClick(first.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.findChild(NameDialog, "takeVersionDialog") is None)
    second = ask_name()
    qtbot.keyClicks(second.name, "sent to cabinet ")
    assert not second.ok_button.isEnabled()
    assert second.error.isVisible()
    assert "already a version named “Sent to cabinet”" in second.error.text()
    qtbot.keyClick(second.name, Qt.Key.Key_Return)  # refused: nothing taken
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    assert second.isVisible()
    assert [v.name for v in versions.list_versions(window.ws.store, brief_id)] == [
        "Sent to cabinet"
    ]
    qtbot.keyClicks(second.name, "again")
    assert second.ok_button.isEnabled() and not second.error.isVisible()
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    names = [v.name for v in versions.list_versions(window.ws.store, brief_id)]
    assert names == ["Sent to cabinet", "sent to cabinet again"]

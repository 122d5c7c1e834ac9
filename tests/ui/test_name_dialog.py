"""The New Brief dialog's meeting date as an officer types it: a date it cannot read is said
in words, with the forms it reads, and Create stays disabled until the date is one."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent

from briefer.briefs import service
from briefer.ui.qt import QApplication, Qt, QToolBar


def ime_type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type Japanese as an input method sends it: one commit of the converted text."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _open_new_brief(window, qtbot):  # type: ignore[no-untyped-def]
    from briefer.ui.name_dialog import NameDialog

    bar = window.findChild(QToolBar, "mainToolBar")
    qtbot.mouseClick(
        bar.widgetForAction(window.window_actions.new_brief), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.findChild(NameDialog, "newBriefDialog") is not None)
    dialog = window.findChild(NameDialog, "newBriefDialog")
    qtbot.waitExposed(dialog)
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Digital Partnership Council")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    dialog.date.setFocus()
    return dialog


def test_an_unreadable_date_is_said_in_words_and_blocks_ok(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_new_brief(window, qtbot)
    before = service.list_briefs(window.ws.store)
    qtbot.keyClicks(dialog.date, "next Tuesday")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error.isVisible()
    message = dialog.error.text()
    assert "“next Tuesday” is not a date" in message
    for form in ("12 May 2025", "2025-05-12", "12/05/2025", "2025年5月12日"):
        assert form in message
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # Enter: refused, the dialog stays
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert service.list_briefs(window.ws.store) == before

    dialog.date.selectAll()
    ime_type(dialog.date, "2025年5月12日")
    assert dialog.ok_button.isEnabled() and not dialog.error.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    ids = {b.id for b in before}

    def made() -> list:  # type: ignore[type-arg]
        return [b for b in service.list_briefs(window.ws.store) if b.id not in ids]

    qtbot.waitUntil(lambda: len(made()) == 1, timeout=10_000)  # written on the write pool
    assert made()[0].meeting_date.isoformat() == "2025-05-12"


@pytest.mark.parametrize("typed", ["12 May 2025", "2025-05-12", "12/05/2025"])
def test_each_accepted_form_enables_ok(window, qtbot, typed: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_new_brief(window, qtbot)
    qtbot.keyClicks(dialog.date, typed)
    assert dialog.ok_button.isEnabled() and not dialog.error.isVisible()
    dialog.date.clear()  # no date at all is fine too
    assert dialog.ok_button.isEnabled() and not dialog.error.isVisible()
    dialog.reject()

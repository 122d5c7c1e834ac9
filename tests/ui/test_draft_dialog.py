"""The Draft dialog as an officer uses it: the asks ledger's catch-up shows progress, and
Cancel stops it with nothing written."""

from __future__ import annotations

import threading

from briefer.briefs import service
from briefer.library import asks
from briefer.ui.qt import QDialogButtonBox, QProgressBar, Qt


def test_cancel_while_the_ledger_catches_up_writes_nothing(  # type: ignore[no-untyped-def]
    window, qtbot, topic_ids, monkeypatch
) -> None:
    real_refresh = asks.refresh
    started = threading.Event()

    def slow_refresh(store, *, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        # a library of new sources to read: reports progress until the officer cancels
        started.set()
        done = 0
        while not (cancelled is not None and cancelled()):
            done = min(done + 1, 999)
            if progress is not None:
                progress(done, 1000, "Finding asks")
            threading.Event().wait(0.01)
        raise asks.Cancelled("Cancelled: the asks ledger was not updated.")

    brief_id = window.new_brief("Cancelled draft")
    monkeypatch.setattr(asks, "refresh", slow_refresh)
    dialog = window.open_draft()
    dialog.check_topics([topic_ids["Artificial intelligence"]])
    draft = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(draft, Qt.MouseButton.LeftButton)
    assert started.wait(5)
    bar = dialog.findChild(QProgressBar, "draftProgress")
    qtbot.waitUntil(lambda: bar.maximum() == 1000 and bar.value() > 0)
    assert "of 1,000" in dialog.status.text()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None)
    assert dialog.isVisible()  # still open: the officer can draft again
    assert "nothing was drafted" in dialog.status.text()
    assert service.get_brief(window.ws.store, brief_id).sections == ()
    assert draft.isEnabled()

    monkeypatch.setattr(asks, "refresh", real_refresh)
    with qtbot.waitSignal(dialog.drafted, timeout=15000):
        qtbot.mouseClick(draft, Qt.MouseButton.LeftButton)
    assert len(service.get_brief(window.ws.store, brief_id).sections) == 1


def test_the_briefs_own_topics_come_ticked_and_named(  # type: ignore[no-untyped-def]
    window, qtbot, topic_ids
) -> None:
    from briefer.ui.draft_dialog import DraftDialog, TopicIdRole

    brief_id = window.new_brief("Council")
    ai, chips = topic_ids["Artificial intelligence"], topic_ids["Semiconductors"]

    def open_by_button() -> DraftDialog:
        qtbot.mouseClick(window.editor.draft_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.findChild(DraftDialog, "draftDialog") is not None)
        dialog = window.findChild(DraftDialog, "draftDialog")
        qtbot.waitExposed(dialog)
        return dialog

    first = open_by_button()
    assert first.checked_topics() == [] and not first.already.isVisible()
    # tick Artificial intelligence by mouse, on its check box
    row = next(
        r for r in range(first.model.rowCount()) if first.model.item(r).data(TopicIdRole) == ai
    )
    index = first.model.index(row, 0)
    first.list.scrollTo(index)
    rect = first.list.visualRect(index)
    qtbot.mouseClick(first.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(first.list, Qt.Key.Key_Space)  # and tick it
    assert first.checked_topics() == [ai]
    with qtbot.waitSignal(first.drafted, timeout=15000):
        qtbot.mouseClick(first.ok, Qt.MouseButton.LeftButton)
    assert [s.topic_id for s in service.get_brief(window.ws.store, brief_id).sections] == [ai]
    qtbot.waitUntil(lambda: window.findChild(DraftDialog, "draftDialog") is None)  # closed

    again = open_by_button()
    assert again.checked_topics() == [ai]
    assert chips not in again.checked_topics()
    assert again.already.isVisible()
    assert "Already drafted in this brief: “Artificial intelligence”." in again.already.text()
    label = next(
        again.model.item(r).text()
        for r in range(again.model.rowCount())
        if again.model.item(r).data(TopicIdRole) == ai
    )
    assert "already drafted" in label
    assert again.ok.text() == "Draft 1 Section" and again.ok.isEnabled()


def test_select_all_ticks_every_topic_and_the_button_counts_them(  # type: ignore[no-untyped-def]
    window, qtbot, topic_ids
) -> None:
    """The Draft dialog's Select all (issue 13, dialogs), clicked as an officer does, and the
    Draft button's count in Qt's plural forms ("Draft 1 Section", "Draft 5 Sections")."""
    from briefer.ui.draft_dialog import DraftDialog

    window.new_brief("Everything")
    qtbot.mouseClick(window.editor.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(DraftDialog, "draftDialog") is not None)
    dialog = window.findChild(DraftDialog, "draftDialog")
    qtbot.waitExposed(dialog)
    n = dialog.model.rowCount()
    assert n > 1 and dialog.checked_topics() == [] and not dialog.ok.isEnabled()
    from briefer.ui.qt import QPoint

    box = QPoint(8, dialog.select_all.height() // 2)  # on its box, as a person clicks it
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton, pos=box)
    assert len(dialog.checked_topics()) == n
    assert dialog.ok.text() == f"Draft {n} Sections" and dialog.ok.isEnabled()
    # unticking one topic by keyboard unticks Select all; the count follows
    first = dialog.model.index(0, 0)
    dialog.list.setFocus()
    dialog.list.setCurrentIndex(first)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert len(dialog.checked_topics()) == n - 1 and not dialog.select_all.isChecked()
    assert dialog.ok.text() == f"Draft {n - 1} Section" + ("s" if n - 1 != 1 else "")
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton, pos=box)  # all again
    assert dialog.select_all.isChecked() and len(dialog.checked_topics()) == n
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton, pos=box)  # and none
    assert dialog.checked_topics() == [] and dialog.ok.text() == "Draft"
    assert not dialog.ok.isEnabled()
    dialog.reject()

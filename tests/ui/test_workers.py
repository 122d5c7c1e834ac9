"""Long work shows the busy cursor after 200 ms, and only while it runs."""

from __future__ import annotations

import time

from briefer.ui import workers
from briefer.ui.qt import QApplication, Qt, QTimer


def _slow(job: workers.Job, seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def test_busy_cursor_for_slow_work_only(window, qtbot) -> None:
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None)  # start-up work done
    quick = workers.Worker(_slow, 0.01)
    with qtbot.waitSignal(quick.signals.finished, timeout=5000):
        workers.start(quick)
    qtbot.wait(250)
    assert QApplication.overrideCursor() is None  # under 200 ms: no flicker of a cursor
    slow = workers.Worker(_slow, 0.8)
    workers.start(slow)
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is not None, timeout=700)
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None, timeout=5000)


def _post_click(widget) -> None:  # type: ignore[no-untyped-def]
    """A click as the window system queues it while the UI thread is busy."""
    from briefer.ui.qt import QCoreApplication, QEvent, QMouseEvent, QPointF

    centre = QPointF(widget.rect().center())
    glob = QPointF(widget.mapToGlobal(widget.rect().center()))
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(
            kind,
            centre,
            glob,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress
            else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QCoreApplication.postEvent(widget, event)


def test_clicks_during_a_stall_are_not_replayed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The officer clicks Verify Quotes while the window is stuck: the click must not fire
    when the window comes back; a click during quick work still lands."""
    from ui_helpers import click_nav

    window.new_brief("Stall test")
    button = window.editor.verify_button
    qtbot.waitUntil(button.isVisible)
    fired: list[bool] = []
    button.clicked.connect(lambda *_: fired.append(True))
    cursors: list[object] = []

    def stall() -> None:
        _post_click(button)
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor else None)
        time.sleep(0.3)

    def after_a_stall(work) -> None:  # type: ignore[no-untyped-def]
        # as the event loop does when a handler returns: the queued input first
        window.ws.attempt(work, slow=True)
        QApplication.sendPostedEvents()

    QTimer.singleShot(0, lambda: after_a_stall(stall))
    qtbot.wait(200)  # inside the event loop, as in use
    assert fired == []  # dropped, not replayed
    assert cursors == [Qt.CursorShape.WaitCursor]  # the wait cursor while it ran
    assert QApplication.overrideCursor() is None

    QTimer.singleShot(0, lambda: after_a_stall(lambda: _post_click(button)))  # quick work
    qtbot.wait(200)
    assert fired == [True]  # input during quick work is delivered
    # and the window takes real clicks afterwards
    click_nav(window, qtbot, "section:coverage")
    assert window.stack.currentWidget() is window.coverage_page

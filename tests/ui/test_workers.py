"""Long work shows the busy cursor after 200 ms, and only while it runs."""

from __future__ import annotations

import time

from briefer.ui import workers
from briefer.ui.qt import QApplication, Qt


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

"""The re-tag an upgrade schedules runs behind the shown window, with progress and Later."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefer.library import pending_retag, tagging
from briefer.store import ReadSession, UnitOfWork
from briefer.ui.qt import QStatusBar, Qt


def _schedule(store: object) -> None:
    with UnitOfWork(store) as uow:  # type: ignore[arg-type]
        pending_retag.schedule(uow.session, None)
        uow.commit()


def _left(store: object) -> pending_retag.Progress | None:
    with ReadSession(store) as s:  # type: ignore[arg-type]
        return pending_retag.progress(s)


def test_the_window_finishes_a_scheduled_retag_in_the_background(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    _schedule(store)
    window.warn_about_store()  # what starting the window does once it shows
    widget = window.background_retag
    assert widget.isVisible() and "of 3 sources" in widget.label.text()
    qtbot.waitUntil(lambda: not widget.running, timeout=20000)
    assert not widget.isVisible()
    assert _left(store) is None
    bar = window.findChild(QStatusBar)
    assert "Topics updated" in bar.currentMessage()


@pytest.fixture
def slow_retag(monkeypatch: pytest.MonkeyPatch) -> None:
    """One source per batch, and each batch slow enough to click Later during the run."""
    real = tagging.retag
    monkeypatch.setattr(pending_retag, "BATCH", 1)

    def slow(*args: object, **kwargs: object) -> int:
        time.sleep(0.4)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tagging, "retag", slow)


def test_later_stops_after_the_batch_and_the_next_start_carries_on(  # type: ignore[no-untyped-def]
    window, qtbot, slow_retag: None, tmp_path: Path
) -> None:
    store = window.ws.store
    _schedule(store)
    window.warn_about_store()
    widget = window.background_retag
    qtbot.waitUntil(lambda: "1 of 3" in widget.label.text(), timeout=10000)
    qtbot.mouseClick(widget.later, Qt.MouseButton.LeftButton)
    assert not widget.later.isEnabled()  # stopping: one click is enough
    qtbot.waitUntil(lambda: not widget.running, timeout=10000)
    left = _left(store)
    assert left is not None and 1 <= left.done < 3  # kept what it did, the rest waits

    window.warn_about_store()  # the next start
    qtbot.waitUntil(lambda: not widget.running, timeout=20000)
    assert _left(store) is None


def test_closing_the_window_stops_the_retag_and_keeps_it_scheduled(  # type: ignore[no-untyped-def]
    window, qtbot, slow_retag: None
) -> None:
    store = window.ws.store
    _schedule(store)
    window.warn_about_store()
    qtbot.waitUntil(lambda: "1 of 3" in window.background_retag.label.text(), timeout=10000)
    window.close()  # waits for the current batch only
    assert window.background_retag.pool.activeThreadCount() == 0
    left = _left(store)
    assert left is not None and left.done < 3

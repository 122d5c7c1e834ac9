"""The reader reads a source's page on a worker: a click on a source never waits for the
store on the UI thread, a slow read says so, and the last click wins."""

from __future__ import annotations

import threading
import time

from briefer.library import sources
from briefer.ui.qt import QApplication, QModelIndex, Qt


def _click_source(window, qtbot, source_id: int) -> float:  # type: ignore[no-untyped-def]
    """Click the source's row in the navigator as an officer does; the seconds it took."""
    nav = window.navigator
    idx = nav.nav_model.index_for_key(f"source:{source_id}")
    parent = idx.parent()
    while parent.isValid():
        nav.setExpanded(parent, True)
        parent = parent.parent()
    nav.scrollTo(idx)
    QApplication.processEvents()
    started = time.perf_counter()
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualRect(idx).center())
    return time.perf_counter() - started


def _slow_reads(monkeypatch, delay: float) -> list[str]:  # type: ignore[no-untyped-def]
    """get_source made slow (a 20 MB source on a busy disk); the threads it ran on."""
    real = sources.get_source
    threads: list[str] = []

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        time.sleep(delay)
        return real(*args, **kwargs)

    monkeypatch.setattr(sources, "get_source", slow)
    return threads


def test_a_slow_source_opens_without_freezing(window, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.reader.is_reading)
    listing = sources.list_sources(window.ws.store)
    target = next(s for s in listing if s.id != window.reader.source_id)
    threads = _slow_reads(monkeypatch, 0.8)
    took = _click_source(window, qtbot, target.id)
    reader = window.reader
    assert took < 0.5  # the click came back before the read finished
    assert reader.is_reading
    # after 200 ms the page says it is opening, beside the title still shown
    qtbot.waitUntil(lambda: reader.loading.isVisible(), timeout=2000)
    window.grab().save(str(tmp_path / "reader-opening.png"))
    with qtbot.waitSignal(reader.page_shown, timeout=10_000):
        pass
    assert threads and threading.main_thread().name not in threads
    assert reader.source_id == target.id
    assert reader.title.text() == target.title
    assert not reader.loading.isVisible()
    window.grab().save(str(tmp_path / "reader-opened.png"))


def test_the_last_click_wins_over_a_read_still_running(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.reader.is_reading)
    listing = sources.list_sources(window.ws.store)
    first, second = [s for s in listing if s.id != window.reader.source_id][:2]
    _slow_reads(monkeypatch, 0.6)
    _click_source(window, qtbot, first.id)
    _click_source(window, qtbot, second.id)
    qtbot.waitUntil(lambda: not window.reader.is_reading, timeout=10_000)
    qtbot.wait(800)  # the first read reports too, later: it must not replace the second
    assert window.reader.source_id == second.id
    assert window.navigator.current_key() == f"source:{second.id}"


def test_a_quote_jump_during_a_read_lands_on_the_quote(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.reader.is_reading)
    reader = window.reader
    shown = reader.detail
    last = [p for p in shown.passages if p.content][-1]
    other = next(s for s in sources.list_sources(window.ws.store) if s.id != shown.info.id)
    _slow_reads(monkeypatch, 0.6)
    _click_source(window, qtbot, other.id)
    assert reader.is_reading
    # the officer goes back to a span of the page still shown: that wins, at once
    assert reader.show_span(shown.info.id, last.start, last.end)
    assert not reader.is_reading
    qtbot.wait(900)
    assert reader.source_id == shown.info.id
    assert reader.current_passage is not None and reader.current_passage.id == last.id


def test_a_stale_navigator_index_has_no_parent(window) -> None:  # type: ignore[no-untyped-def]
    from briefer.library import topics

    model = window.navigator.nav_model
    listing = sources.list_sources(window.ws.store)
    idx = model.index_for_key(f"source:{listing[0].id}")
    assert idx.isValid() and idx.parent().isValid()
    # the tree is rebuilt (a re-listing); a view or a queued signal may still hold the old
    # index: asking for its parent once raised KeyError
    model.reset(topics.list_topics(window.ws.store, counts=False), listing)
    assert model.parent(idx) == QModelIndex()
    fresh = model.index_for_key(f"source:{listing[0].id}")
    assert fresh.isValid() and fresh.parent().isValid()



def test_closing_the_window_while_a_page_is_read_is_quiet(
    qtbot, isolated_settings, store_path, make_store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The officer closes the window (Qt deletes it and its widgets) while a slow page is
    still being read: the read's late answer finds no reader and does nothing (it raised
    "QTimer already deleted" from the worker's signal)."""
    from shiboken6 import delete, isValid

    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow
    from briefer.ui.workers import read_pool

    make_application()
    store = make_store(store_path)
    win = MainWindow(store)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.reader.is_reading)
    listing = sources.list_sources(store)
    target = next(s for s in listing if s.id != win.reader.source_id)
    _slow_reads(monkeypatch, 0.6)
    _click_source(win, qtbot, target.id)
    reader = win.reader
    assert reader.is_reading
    win.close()
    delete(win)  # as a window with WA_DeleteOnClose is deleted
    assert not isValid(reader)
    read_pool().waitForDone(10_000)
    QApplication.processEvents()  # the worker's answer is delivered now: no error raised
    qtbot.wait(50)
    store.close()

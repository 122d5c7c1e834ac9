"""A large store's window shows before its sources are listed (issue 19 item 3).

The navigator gets the topics and briefs at once and the sources from a worker; the last
view (a source in the reader) is on screen from the first paint and its row is selected when
the sources arrive. The listing is held back here until the test lets it go, so what the
officer sees in between is checked, not raced.
"""

from __future__ import annotations

import threading
from pathlib import Path

from briefer.library import sources
from briefer.ui import navigator_loader
from briefer.ui.navigator_model import KeyRole
from briefer.ui.qt import QSettings, QThreadPool
from tests.ui.ui_helpers import click_nav


def _held_listing(monkeypatch) -> threading.Event:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    real = sources.list_sources

    def held(store, kind=None):  # type: ignore[no-untyped-def]
        assert gate.wait(30), "the test never let the listing go"
        return real(store, kind)

    monkeypatch.setattr(navigator_loader, "LIST_AT_ONCE", 0)  # as a 10,000-source store
    monkeypatch.setattr(navigator_loader.sources, "list_sources", held)
    return gate


def test_the_last_view_shows_before_the_sources_are_listed(  # type: ignore[no-untyped-def]
    qtbot, isolated_settings: Path, store_path: Path, make_store, monkeypatch
) -> None:
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow

    make_application()
    store = make_store(store_path)
    listing = sources.list_sources(store)
    last, other = listing[-1], listing[0]
    QSettings().setValue("navigator/selection", f"source:{last.id}")
    gate = _held_listing(monkeypatch)
    win = MainWindow(store)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitExposed(win)
        # usable at once: the reader opens the last source, the topics are listed
        assert win.stack.currentWidget() is win.reader
        qtbot.waitUntil(lambda: win.reader.source_id == last.id and not win.reader.is_reading)
        model = win.navigator.nav_model
        assert model.first_key("topic")
        assert model.first_key("source") == ""  # not yet
        kind = model.index_for_key("kind:official")
        assert kind.siblingAtColumn(1).data() == "…"
        assert not win.loader.sources_ready

        with qtbot.waitSignal(win.loader.sources_listed, timeout=10_000):
            gate.set()
        assert win.navigator.current_key() == f"source:{last.id}"
        assert kind.siblingAtColumn(1).data() != "…"
        assert win.navigator.isExpanded(model.index_for_key(f"kind:{last.kind}"))
        # the counts are filled in after, on a worker
        qtbot.waitUntil(lambda: any(t.counts for t in win.loader.topics), timeout=10_000)
        click_nav(win, qtbot, f"source:{other.id}")
        qtbot.waitUntil(lambda: win.reader.source_id == other.id)
        assert win.navigator.currentIndex().data(KeyRole) == f"source:{other.id}"
    finally:
        gate.set()
        QThreadPool.globalInstance().waitForDone(5000)
        win.ws.store.close()


def test_an_empty_view_waits_for_the_listing_to_choose(  # type: ignore[no-untyped-def]
    qtbot, isolated_settings: Path, store_path: Path, make_store, monkeypatch
) -> None:
    """No last view: the first source is opened once listed, never the empty-store page."""
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow

    make_application()
    store = make_store(store_path)
    gate = _held_listing(monkeypatch)
    win = MainWindow(store)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitExposed(win)
        assert win.stack.currentWidget() is not win.welcome_page
        with qtbot.waitSignal(win.loader.sources_listed, timeout=10_000):
            gate.set()
        first = win.navigator.nav_model.first_key("source")
        assert first and win.navigator.current_key() == first
        assert win.stack.currentWidget() is win.reader
    finally:
        gate.set()
        QThreadPool.globalInstance().waitForDone(5000)
        win.ws.store.close()

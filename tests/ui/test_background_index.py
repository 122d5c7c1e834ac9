"""The ranking index is brought up to date behind the shown window, with progress and
Later; meanwhile search answers from FTS5, and once it is current, from the index."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefer.library import search as search_service
from briefer.store import rank_index
from briefer.ui.qt import QStatusBar, Qt


@pytest.fixture
def slow_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each passage slow enough to see the progress and click Later during the run."""
    real = rank_index.analyse

    def slow(text: str, stems: rank_index.Stems) -> tuple[str, str]:
        time.sleep(0.01)
        return real(text, stems)

    monkeypatch.setattr(rank_index, "analyse", slow)


def test_opening_a_store_builds_its_ranking_index_in_the_background(  # type: ignore[no-untyped-def]
    window, qtbot, slow_index: None, tmp_path: Path
) -> None:
    store = window.ws.store
    assert search_service.rank_index_status(store) == "missing"
    window.show()
    window.warn_about_store()  # what starting the window does once it shows
    widget = window.background_index
    qtbot.waitUntil(lambda: "passages" in widget.label.text(), timeout=10000)
    assert widget.isVisible() and widget.bar.maximum() > 1
    bar = window.findChild(QStatusBar)
    bar.grab().save(str(tmp_path / "status-bar-indexing.png"))
    # meanwhile the officer searches: answered (from FTS5), not blocked
    qtbot.keyClicks(window.search_field, "semiconductors")
    qtbot.waitUntil(lambda: window.search_page.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: not widget.running, timeout=60000)
    assert not widget.isVisible()
    assert search_service.rank_index_status(store) == "current"
    # the search shown meanwhile is run again, now ranked by the index
    qtbot.waitUntil(lambda: window.search_page.model.rowCount() > 0, timeout=10000)
    shown = [window.search_page.model.hit(r).passage_id for r in range(3)]
    ranked = search_service.search(store, "semiconductors", prefix=True, limit=3)
    assert shown == [h.passage_id for h in ranked]


def test_later_stops_and_the_next_change_carries_on(  # type: ignore[no-untyped-def]
    window, qtbot, slow_index: None, tmp_path: Path
) -> None:
    store = window.ws.store
    window.warn_about_store()
    widget = window.background_index
    qtbot.waitUntil(lambda: "passages" in widget.label.text(), timeout=10000)
    qtbot.mouseClick(widget.later, Qt.MouseButton.LeftButton)
    assert not widget.later.isEnabled()
    qtbot.waitUntil(lambda: not widget.running, timeout=20000)
    assert search_service.rank_index_status(store) != "current"
    assert not widget.start(store)  # Later holds for this store
    widget.reset()  # another store opened, or the window opened again
    assert widget.start(store)
    qtbot.waitUntil(lambda: not widget.running, timeout=60000)
    assert search_service.rank_index_status(store) == "current"


def test_closing_the_window_stops_the_update(window, qtbot, slow_index: None) -> None:  # type: ignore[no-untyped-def]
    window.warn_about_store()
    qtbot.waitUntil(lambda: "passages" in window.background_index.label.text(), timeout=10000)
    window.close()  # waits for the current source only
    assert window.background_index.pool.activeThreadCount() == 0

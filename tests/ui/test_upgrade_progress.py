"""Opening a store that needs an upgrade shows a progress window while the UI keeps painting;
a store at this version opens without one."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from briefer.bootstrap import needs_upgrade
from briefer.errors import BrieferError
from briefer.ui import upgrade_progress
from briefer.ui.qt import QApplication, QProgressDialog, QTimer

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0001.sqlite"


def _watch(seen: list[str]) -> QTimer:
    """Record the progress window's title and text while it shows (the UI thread is free)."""
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                seen.append(f"{w.windowTitle()}|{w.labelText()}")

    timer.timeout.connect(look)
    timer.start()
    return timer


def test_an_old_store_opens_behind_a_progress_window(
    qapp, isolated_settings: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.briefer"
    shutil.copy(FIXTURE, old)
    assert needs_upgrade(str(old))
    seen: list[str] = []
    timer = _watch(seen)
    store = upgrade_progress.open_for_window(str(old))
    timer.stop()
    try:
        assert not needs_upgrade(str(old))  # upgraded
        assert seen and seen[0].startswith("Upgrading the Store|Upgrading ")
        assert "old.briefer" in seen[0] and "backup copy" in seen[0]
        assert any(
            p.name.startswith("old") and "before-upgrade" in p.name
            for p in (tmp_path / "backups").iterdir()
        )
    finally:
        store.close()
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]

    seen.clear()
    timer = _watch(seen)
    again = upgrade_progress.open_for_window(str(old))  # current now: no window
    timer.stop()
    again.close()
    assert seen == []


def test_the_ui_thread_paints_while_the_work_runs_and_errors_come_back(qapp) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    def slow() -> str:
        time.sleep(0.5)
        return "opened"

    assert upgrade_progress.run_with_progress(None, "T", "L", slow) == "opened"
    timer.stop()
    assert len(ticks) >= 3  # the event loop ran during the work (a blocked one: 0 or 1)

    def refused() -> str:
        raise BrieferError("This store was written by a newer Briefer.")

    with pytest.raises(BrieferError, match="newer Briefer"):
        upgrade_progress.run_with_progress(None, "T", "L", refused)


def test_needs_upgrade_is_false_for_what_is_no_old_store(tmp_path: Path) -> None:
    assert not needs_upgrade(str(tmp_path / "new.briefer"))  # does not exist yet
    text = tmp_path / "notes.briefer"
    text.write_text("hello", encoding="utf-8")
    assert not needs_upgrade(str(text))
    assert not needs_upgrade("postgresql+psycopg://officer@server/briefs")


def test_the_bar_follows_the_progress_the_work_reports(qapp) -> None:
    state: dict[str, int] = {}
    bars: list[tuple[int, int]] = []
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                bars.append((w.value(), w.maximum()))

    timer.timeout.connect(look)
    timer.start()

    def work() -> None:
        for done in range(0, 11, 5):
            state["done"], state["total"] = done, 10
            time.sleep(0.3)

    upgrade_progress.run_with_progress(None, "T", "L", work, state)
    timer.stop()
    assert (5, 10) in bars  # determinate once the work tells its total

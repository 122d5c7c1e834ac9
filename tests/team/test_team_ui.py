"""The window with other officers: stale edits refused and refreshed, polling, team URLs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.briefs import service
from briefer.store import Store, open_store
from briefer.ui.qt import QCoreApplication, QSettings, QThreadPool


@pytest.fixture
def settings(tmp_path: Path, qapp: object) -> None:
    QCoreApplication.setOrganizationName("BrieferTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QSettings().clear()


def _window(qtbot: Any, store: Store) -> Any:
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow

    make_application()
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: Any, settings: None, tmp_path: Path) -> Iterator[Any]:
    win = _window(qtbot, open_for_use(tmp_path / "desk.sqlite", seed_if_new=True))
    yield win
    QThreadPool.globalInstance().waitForDone(5000)
    win.ws.store.close()


def test_stale_edit_in_the_window_is_refused_and_refreshed(window: Any) -> None:
    from briefer.ui.brief_commands import perform

    brief_id = window.new_brief("EU–Japan Digital Partnership Council")
    editor = window.editor
    problems: list[str] = []
    window.ws.problem.connect(problems.append)
    other = open_store(window.ws.store.label)  # another officer on the same store
    try:
        ops.UpdateBriefFields(brief_id, {"venue": "Brussels"}).apply(other)
    finally:
        other.close()
    assert perform(window.ws, ops.UpdateBriefFields(brief_id, {"venue": "Osaka"})) is None
    assert problems and "changed by someone else" in problems[-1]
    assert service.get_brief(window.ws.store, brief_id).venue == "Brussels"
    # The window refreshed: what is on screen is the other officer's version, and the next
    # edit (based on it) goes through.
    assert window.ws.seen[brief_id] == service.get_brief(window.ws.store, brief_id).revision
    assert editor.brief is not None and editor.brief.venue == "Brussels"
    assert perform(window.ws, ops.UpdateBriefFields(brief_id, {"venue": "Osaka"})) is not None
    assert service.get_brief(window.ws.store, brief_id).venue == "Osaka"


def test_open_team_store_refuses_a_non_url(window: Any) -> None:
    problems: list[str] = []
    window.show_problem = problems.append  # type: ignore[method-assign]
    assert window.choose_team_store("just a name") is False
    assert problems and "postgresql+psycopg://" in problems[0]
    assert window.window_actions.open_team_store.text().replace("&", "") == "Open Team Store…"


def test_window_on_a_team_store_follows_other_officers(
    qtbot: Any, settings: None, pg_url: str, tmp_path: Path
) -> None:
    from briefer.ui.main_window import recent_stores

    first = _window(qtbot, open_for_use(tmp_path / "local.sqlite", seed_if_new=True))
    try:
        assert first.choose_team_store(pg_url)
        assert first.ws.poll.isActive() and recent_stores()[0] == pg_url
        brief_id = first.new_brief("Team brief")
        assert not first.ws.check_for_changes()  # our own change is not news
        other = open_store(pg_url)
        try:
            ops.UpdateBriefFields(brief_id, {"venue": "Brussels"}).apply(other)
        finally:
            other.close()
        assert first.ws.check_for_changes()
        assert first.ws.seen[brief_id] == service.get_brief(first.ws.store, brief_id).revision
    finally:
        QThreadPool.globalInstance().waitForDone(5000)
        first.ws.store.close()

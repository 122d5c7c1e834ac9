"""UI tests: offscreen Qt, a fresh seeded store per test, QSettings kept in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.bootstrap import open_for_use
from briefer.ui.qt import QCoreApplication, QSettings, QThreadPool


@pytest.fixture
def isolated_settings(tmp_path: Path, qapp: object) -> Path:
    """QSettings of the test go to an ini file under tmp_path, never the user's."""
    from briefer.ui.main import APP_NAME

    folder = tmp_path / "settings"
    # the window's own application name now, so the settings written here are the ones the
    # window reads after make_application (which sets it): order-independent tests
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("BrieferTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    QSettings().setValue("ui/language", "en")  # English strings whatever the machine's locale
    return folder


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "seeded.briefer"


@pytest.fixture
def window(qtbot, isolated_settings: Path, store_path: Path, make_store) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window on a fresh store seeded with the bundled corpus (or on the store a
    test made at ``store_path`` first)."""
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow

    make_application()
    if store_path.exists():
        store = open_for_use(store_path, seed_if_new=True)
    else:
        store = make_store(store_path)
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QThreadPool.globalInstance().waitForDone(5000)
    from briefer.ui.workers import write_pool

    write_pool().waitForDone(5000)
    win.ws.store.close()


@pytest.fixture
def topic_ids(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Seed topics by name."""
    from briefer.library import topics

    return {t.name: t.id for t in topics.list_topics(window.ws.store)}


@pytest.fixture
def drafted(window, qtbot, topic_ids):  # type: ignore[no-untyped-def]
    """A new brief, open in the editor, with two drafted sections (suggestions pending)."""
    brief_id = window.new_brief("EU–Japan Digital Partnership Council")
    dialog = window.open_draft()
    dialog.check_topics([topic_ids["Artificial intelligence"], topic_ids["Semiconductors"]])
    with qtbot.waitSignal(dialog.drafted, timeout=15000):
        dialog.start()
    return brief_id

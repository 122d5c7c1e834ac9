"""Dates in the Japanese window read as Japanese dates (2025年5月12日), in the asks ledger's
citations and answers and in the versions list, not as "12 May 2025"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import click_nav

from briefer.ui import i18n
from briefer.ui.qt import QLabel, QLocale, Qt, QThreadPool

JAPANESE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
ENGLISH_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


@pytest.fixture
def japanese_window(qtbot, isolated_settings: Path, store_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from briefer.bootstrap import open_for_use
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow
    from briefer.ui.workers import write_pool

    app = make_application()
    i18n.install(app, "ja")
    win = MainWindow(open_for_use(store_path, seed_if_new=True))
    qtbot.addWidget(win)
    win.resize(1024, 640)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QThreadPool.globalInstance().waitForDone(5000)
    write_pool().waitForDone(5000)
    win.ws.store.close()
    i18n.install(app, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_the_asks_ledger_dates_read_japanese(japanese_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = japanese_window
    click_nav(win, qtbot, "section:asks")
    page = win.asks_page
    qtbot.waitUntil(lambda: win.stack.currentWidget() is page)
    qtbot.waitUntil(lambda: bool(page.cards), timeout=20000)
    cites = [label.text() for label in page.findChildren(QLabel, "askCitation")]
    answers = [label.text() for label in page.findChildren(QLabel, "askAnswer")]
    assert cites and answers
    for text in (*cites, *answers):
        assert JAPANESE_DATE.search(text), text
        assert not ENGLISH_MONTH.search(text.split("—")[-1]), text


def test_the_versions_list_dates_read_japanese(japanese_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from briefer.ui.versions_dialog import VersionsDialog

    win = japanese_window
    win.new_brief("日EU協議会")
    qtbot.mouseClick(win.editor.versions_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.findChild(VersionsDialog, "versionsDialog") is not None)
    dialog = win.findChild(VersionsDialog, "versionsDialog")
    qtbot.waitExposed(dialog)
    dialog.take_version("送付版")
    shown = dialog.model.item(0).text()
    assert shown.startswith("送付版\n")
    assert JAPANESE_DATE.search(shown), shown
    assert not ENGLISH_MONTH.search(shown), shown

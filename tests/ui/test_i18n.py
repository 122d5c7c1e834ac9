"""The Japanese window: a complete, current translation shipped as package data, a language
setting, and views that still fit at 1024×640 with Japanese text."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from briefer.ui import i18n
from briefer.ui.qt import QApplication, QLabel, QMenu, QPushButton, Qt, QThreadPool, QWidget

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "briefer_ja.ts"
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%[nvm]")


def _lrelease() -> str | None:
    return shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))


def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 400
    for m in messages:
        source = m.findtext("source") or ""
        tr = m.find("translation")
        assert tr is not None and tr.get("type") is None and (tr.text or "").strip(), source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(tr.text)), source
        if re.search(r"&\w", source):
            assert re.search(r"&\w", tr.text), f"{source!r} lost its accelerator"


def test_the_ts_lists_every_string_the_ui_translates(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    files_ = [str(p) for p in sorted((ROOT / "src" / "briefer" / "ui").glob("*.py"))]
    subprocess.run(
        [lupdate, *files_, "-no-obsolete", "-ts", str(copy)], check=True, capture_output=True
    )
    new = [
        m.findtext("source")
        for m in ET.parse(copy).iter("message")
        if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert new == [], "run python tools/translations.py and translate these"


def test_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    if _lrelease() is None:
        pytest.skip("pyside6-lrelease not installed")
    built = tmp_path / "briefer_ja.qm"
    translations.release(TS, built)
    shipped = files("briefer.resources") / "i18n" / "briefer_ja.qm"
    assert shipped.read_bytes() == built.read_bytes(), "run python tools/translations.py"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"i18n/*.qm"' in pyproject  # shipped as package data


@pytest.fixture
def japanese_window(qtbot, isolated_settings: Path, store_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from briefer.bootstrap import open_for_use
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow
    from briefer.ui.qt import QLocale
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


def test_japanese_window_at_1024_by_640(japanese_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui_helpers import click_nav

    win = japanese_window
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles[:2] == ["ファイル(&F)", "編集(&E)"]
    assert win.window_actions.import_files.text() == "取り込み(&I)…"
    # dates read the Japanese way in the navigator
    source_key = win.navigator.current_key()
    assert source_key.startswith("source:")
    date = win.navigator.nav_model.index_for_key(source_key).siblingAtColumn(1).data()
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", date)
    # every page fits beside a readable navigator
    for key in ("section:coverage", "section:topics", source_key):
        click_nav(win, qtbot, key)
        QApplication.processEvents()
        assert win.navigator.width() >= 240, key
    click_nav(win, qtbot, "section:coverage")
    qtbot.waitUntil(lambda: not win.coverage_page.is_counting(), timeout=10000)
    QApplication.processEvents()
    assert win.coverage_page.table.horizontalScrollBar().maximum() == 0
    brief_id = win.new_brief("日EUデジタルパートナーシップ協議会")
    assert brief_id is not None
    editor = win.editor
    qtbot.waitUntil(lambda: editor.subtitle.text() != "")
    assert editor.subtitle.height() <= 2 * editor.subtitle.fontMetrics().height() + 4
    assert win.navigator.width() >= 240
    assert editor.draft_button.text() == "セクションを下書き…"


def test_language_setting_from_the_view_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert i18n.setting() == "en"
    menu = window.findChild(QMenu, "languageMenu")
    japanese = next(a for a in menu.actions() if a.data() == "ja")
    assert japanese.text() == "日本語" and not japanese.isChecked()
    view = next(
        a.menu()
        for a in window.menuBar().actions()
        if a.menu() and menu in a.menu().findChildren(QMenu)
    )
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.isVisible)
    view.setActiveAction(menu.menuAction())
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(menu.isVisible)
    menu.setActiveAction(japanese)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert i18n.setting() == "ja" and japanese.isChecked()
    assert i18n.chosen_language() == "ja"
    try:
        # applied at once, no restart: menus, toolbar, navigator, the pages' buttons
        assert [a.text() for a in window.menuBar().actions()][:2] == ["ファイル(&F)", "編集(&E)"]
        assert window.window_actions.import_files.text() == "取り込み(&I)…"
        assert window.editor.draft_button.text() == "セクションを下書き…"
        topics = window.navigator.nav_model.index_for_key("section:topics")
        assert topics.data() == "トピック"
        qtbot.waitUntil(lambda: window.reader.detail is not None and not window.reader.is_reading)
        source = window.navigator.nav_model.index_for_key(window.navigator.current_key())
        assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", source.siblingAtColumn(1).data())
        notice = window.findChild(QWidget, "languageNotice")
        assert notice.isVisible() and "日本語" in notice.findChild(QLabel).text()
        assert notice.findChild(QPushButton, "restartNow").text() == "今すぐ再起動"
    finally:
        # and back to English: the View menu by the mouse this time, then the keyboard
        bar = window.menuBar()
        view_action = next(a for a in bar.actions() if a.menu() is view)
        qtbot.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view_action).center()
        )
        qtbot.waitUntil(view.isVisible)
        view.setActiveAction(menu.menuAction())
        qtbot.keyClick(view, Qt.Key.Key_Right)
        qtbot.waitUntil(menu.isVisible)
        menu.setActiveAction(next(a for a in menu.actions() if a.data() == "en"))
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert window.window_actions.import_files.text() == "&Import…"
    assert window.navigator.nav_model.index_for_key("section:topics").data() == "Topics"


def test_japanese_search_results_name_the_kind_in_japanese(japanese_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A result's "Industry position · 2022年3月1日" line was left in English."""
    from briefer.ui import search_model

    win = japanese_window
    win.search_field.setFocus()
    qtbot.keyClicks(win.search_field, "semiconductors")
    page = win.search_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    painted: list[str] = []
    real = search_model.QPainter.drawText

    def record(self, *args):  # type: ignore[no-untyped-def]
        painted.extend(a for a in args if isinstance(a, str))
        return real(self, *args)

    search_model.QPainter.drawText = record  # type: ignore[method-assign]
    try:
        page.results.viewport().grab()
    finally:
        search_model.QPainter.drawText = real  # type: ignore[method-assign]
    metas = [t for t in painted if "·" in t]
    assert metas, painted
    assert any("業界の立場" in t or "公式の成果" in t for t in metas), metas
    assert not any("Industry position" in t or "Official outcome" in t for t in metas)

"""The window on a seeded store: navigator and pages, state kept across starts, workers after
showing, drops, the New Brief dialog and the empty store (views have their own modules)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from ui_helpers import click_nav

from briefer.library import sources, topics
from briefer.store import UnitOfWork
from briefer.ui.navigator_model import KeyRole
from briefer.ui.qt import QApplication, QModelIndex, Qt, QWidget


def _keys(model: object, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):  # type: ignore[attr-defined]
        idx = model.index(row, 0, parent)  # type: ignore[attr-defined]
        out.append(idx.data(KeyRole))
        out.extend(_keys(model, idx))
    return out


def _labels(model: object, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):  # type: ignore[attr-defined]
        idx = model.index(row, 0, parent)  # type: ignore[attr-defined]
        out.append(idx.data())
        out.extend(_labels(model, idx))
    return out


def test_fresh_store_shows_seed_sources_and_topics(window, qtbot) -> None:
    store = window.ws.store
    keys = _keys(window.navigator.model())
    for info in sources.list_sources(store):
        assert f"source:{info.id}" in keys
    for t in topics.list_topics(store):
        assert f"topic:{t.id}" in keys
    labels = _labels(window.navigator.model())
    assert {
        "Briefs",
        "Topics",
        "Sources",
        "Coverage",
        "Industry positions",
        "Official outcomes",
        "Other",
    } <= set(labels)
    assert "Joint industry letter" in labels
    # the first start opens the newest source in the reader
    assert window.stack.currentWidget() is window.reader
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    assert window.reader.source_id is not None
    assert "seeded.briefer" in window.windowTitle()


def test_state_is_restored(window, qtbot) -> None:
    from briefer.ui.main_window import MainWindow

    ai = next(t for t in topics.list_topics(window.ws.store) if t.name == "Artificial intelligence")
    window.navigator.select_key(f"topic:{ai.id}")
    window.close()
    from briefer.bootstrap import open_for_use

    second = MainWindow(open_for_use(window.ws.store.label))
    qtbot.addWidget(second)
    try:
        assert second.navigator.current_key() == f"topic:{ai.id}"
        assert second.stack.currentWidget() is second.board
    finally:
        second.ws.store.close()


def test_topic_counts_arrive_from_a_worker(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Names show at once; the industry · official counts follow without blocking the UI."""
    with qtbot.waitSignal(window.topic_counts_loaded, timeout=10_000):
        window.reload()
    model = window.navigator.model()
    ai = next(t for t in topics.list_topics(window.ws.store) if t.name == "Artificial intelligence")
    index = model.index_for_key(f"topic:{ai.id}")
    shown = model.index(index.row(), 1, index.parent()).data()
    # the passages on the topic, as the coverage map counts them (see test_counts.py)
    on = {
        kind: topics.topic_page(window.ws.store, ai.id, kind, limit=0, on_topic=True).total
        for kind in ("industry", "official")
    }
    assert shown == f"{on['industry']} · {on['official']}"


def test_routine_backup_runs_after_the_window_shows(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from briefer.store.backup import list_backups

    store_path = Path(window.ws.store.label)
    with UnitOfWork(window.ws.store) as uow:  # a change, so the backup is not skipped
        topics.install_default_taxonomy(uow.session)
        uow.session.execute(text("UPDATE topic SET description = 'changed' WHERE id = 1"))
        uow.commit()
    before = len(list_backups(store_path))
    window.warn_about_store()
    qtbot.waitUntil(lambda: len(list_backups(store_path)) > before, timeout=10_000)


# -- the window in an officer's hands (issue 13) ---------------------------------------------
def test_first_start_opens_the_source_at_its_top(window, qtbot) -> None:
    window.resize(1024, 640)
    qtbot.wait(50)
    assert window.navigator.current_key().startswith("source:")
    assert window.reader.view.verticalScrollBar().value() == 0


def test_selection_is_remembered_at_once_not_only_on_quit(
    window, qtbot, isolated_settings: Path, topic_ids
) -> None:
    key = f"topic:{topic_ids['Semiconductors']}"
    click_nav(window, qtbot, key)
    assert window.navigator.current_key() == key
    # what a kill -9 leaves: the settings file on disk, without save_state()
    ini = "\n".join(p.read_text() for p in isolated_settings.rglob("*.ini"))
    assert key in ini


def test_drop_hint_while_dragging_files(window, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.txt"))])
    enter = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert window.drop_hint.isVisible() and "Drop" in window.drop_hint.text()
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert not window.drop_hint.isVisible()


def test_stale_status_text_is_cleared_on_another_page(window, qtbot, topic_ids) -> None:
    window.statusBar().showMessage("Drafted 3 sections")
    click_nav(window, qtbot, f"topic:{topic_ids['Quantum']}")
    assert window.statusBar().currentMessage() == ""


def test_new_brief_dialog_asks_for_title_and_date(window, qtbot) -> None:
    from briefer.briefs import service
    from briefer.ui.name_dialog import NameDialog
    from briefer.ui.qt import QToolBar

    bar = window.findChild(QToolBar, "mainToolBar")
    button = bar.widgetForAction(window.window_actions.new_brief)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(NameDialog, "newBriefDialog") is not None)
    dialog = window.findChild(NameDialog, "newBriefDialog")
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "New Brief"
    assert dialog.findChild(QWidget, "dialogTitle").isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Digital Partnership Council")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.date, "12 May 2025")
    before = {b.id for b in service.list_briefs(window.ws.store)}
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # made on the write pool (test_new_brief.py): open in the editor once it is in
    qtbot.waitUntil(lambda: window.editor.brief_id not in (None, *before), timeout=10000)
    new = [b for b in service.list_briefs(window.ws.store) if b.id not in before]
    assert len(new) == 1 and new[0].title == "Digital Partnership Council"
    assert new[0].meeting_date is not None and new[0].meeting_date.isoformat() == "2025-05-12"
    assert window.editor.brief_id == new[0].id


def test_an_empty_store_says_what_to_do(window, qtbot, tmp_path: Path) -> None:
    from briefer.ui.qt import QFileDialog

    assert window.open_store(str(tmp_path / "empty.briefer"))
    page = window.welcome_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    assert page.isVisible() and "no sources" in page.findChild(QWidget, "pageTitle").text()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "importFileDialog") is not None)

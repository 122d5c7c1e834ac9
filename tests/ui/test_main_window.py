"""The window on a seeded store: navigator, search, tagging, import, stores."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from ui_helpers import click_nav

from briefer.library import sources, topics
from briefer.store import UnitOfWork
from briefer.ui.navigator_model import KeyRole
from briefer.ui.qt import QApplication, QMessageBox, QModelIndex, Qt, QTextCursor, QWidget


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


def test_fresh_store_shows_seed_sources_and_topics(window) -> None:
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
    assert window.reader.source_id is not None
    assert "seeded.briefer" in window.windowTitle()


def test_topic_board_shows_both_sides(window, qtbot) -> None:
    ai = next(t for t in topics.list_topics(window.ws.store) if t.name == "Artificial intelligence")
    assert window.navigator.select_key(f"topic:{ai.id}")
    assert window.stack.currentWidget() is window.board
    qtbot.waitUntil(lambda: not window.board.is_loading(), timeout=5000)
    assert window.board.objectName() == "topicBoard"
    for side in ("industry", "official"):
        on = topics.topic_page(window.ws.store, ai.id, side, limit=0, on_topic=True).total
        assert on and window.board.models[side].passage_count() == on


def test_type_in_search_and_open_result(window, qtbot) -> None:
    field = window.search_field
    assert field.objectName() == "searchField"
    with qtbot.waitSignal(
        window.search_page.results_shown, timeout=5000, check_params_cb=lambda n: n > 0
    ):
        qtbot.keyClicks(field, "semiconductors")
    assert window.stack.currentWidget() is window.search_page
    results = window.search_page.results
    assert results.objectName() == "searchResults"
    hit = window.search_page.model.hit(0)
    assert "<mark>" in hit.snippet
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.reader
    assert window.reader.source_id == hit.source_id
    assert window.reader.current_passage is not None
    assert window.reader.current_passage.id == hit.passage_id
    assert window.navigator.current_key() == f"source:{hit.source_id}"


def test_stale_search_results_are_dropped(window, qtbot) -> None:
    page = window.search_page
    page.set_query("cybersecurity", immediate=True)
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        page.set_query("semiconductors", immediate=True)
    qtbot.wait(100)
    assert page.model.rowCount() > 0
    for row in range(page.model.rowCount()):
        assert "semiconductor" in page.model.hit(row).snippet.lower()


def test_ctrl_k_focuses_search(window, qtbot) -> None:
    window.activateWindow()
    window.navigator.setFocus()
    window.find_action.trigger()
    assert window.search_field.hasFocus() or QApplication.focusWidget() is window.search_field


def _passage_without(detail, topic_name: str):  # type: ignore[no-untyped-def]
    return next(p for p in detail.passages if p.content and topic_name not in p.topics)


def test_tag_and_untag_through_the_reader(window, qtbot) -> None:
    store = window.ws.store
    quantum = next(t for t in topics.list_topics(store) if t.name == "Quantum")
    info = sources.list_sources(store)[0]
    assert window.navigator.select_key(f"source:{info.id}")
    passage = _passage_without(sources.get_source(store, info.id), "Quantum")
    assert window.reader.view.select_passage(passage.id)
    panel = window.reader.tags
    assert panel.passage is not None and panel.passage.id == passage.id

    panel.check_topic(quantum.id, True)
    tagged = {tp.passage.id for tp in topics.topic_passages(store, quantum.id)}
    assert passage.id in tagged
    fresh = next(p for p in sources.get_source(store, info.id).passages if p.id == passage.id)
    assert "Quantum" in fresh.topics
    assert "Quantum" in window.reader.current_passage.topics  # the view refreshed

    panel.check_topic(quantum.id, False)
    assert passage.id not in {tp.passage.id for tp in topics.topic_passages(store, quantum.id)}
    fresh = next(p for p in sources.get_source(store, info.id).passages if p.id == passage.id)
    assert "Quantum" not in fresh.topics

    # undo the untag: the manual decision is forgotten and the tagger decides again
    window.undo_action.trigger()
    auto = next(p for p in sources.get_source(store, info.id).passages if p.id == passage.id)
    assert "Quantum" not in auto.topics or passage.topics == auto.topics


def test_selection_maps_to_source_offsets(window) -> None:
    reader = window.reader
    detail = reader.detail
    passage = next(p for p in detail.passages if p.content and len(p.text) > 40)
    reader.view.select_passage(passage.id)
    cursor = reader.view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 25)
    reader.view.setTextCursor(cursor)
    source_id, start, end = reader.selection()
    assert source_id == detail.info.id
    assert (start, end) == (passage.start, passage.start + 25)
    assert detail.text[start:end] == cursor.selectedText()


def test_show_span_highlights_a_passage(window) -> None:
    reader = window.reader
    detail = reader.detail
    last = [p for p in detail.passages if p.content][-1]
    assert reader.show_span(detail.info.id, last.start, last.end)
    assert reader.current_passage.id == last.id
    assert reader.view.extraSelections()


def test_edit_metadata_in_place_saves_and_undoes(window) -> None:
    store = window.ws.store
    form = window.reader.form
    source_id = window.reader.source_id
    old = sources.get_source(store, source_id).info.short_title
    form.short_title.setText("Letter 2022")
    form.short_title.editingFinished.emit()
    assert sources.get_source(store, source_id).info.short_title == "Letter 2022"
    assert window.navigator.nav_model.index_for_key(f"source:{source_id}").data() == "Letter 2022"
    window.undo_action.trigger()
    assert sources.get_source(store, source_id).info.short_title == old


def test_switch_stores(window, tmp_path: Path, store_path: Path) -> None:
    from briefer.ui.main_window import recent_stores

    other = tmp_path / "other.briefer"
    assert window.open_store(str(other))
    assert "other.briefer" in window.windowTitle()
    assert sources.list_sources(window.ws.store) == []
    keys = _keys(window.navigator.model())
    assert not any(k.startswith("source:") for k in keys)
    assert any(k.startswith("topic:") for k in keys)  # a new store has the default topics
    assert window.reader.source_id is None
    assert str(other) in recent_stores() and str(store_path) in recent_stores()

    assert window.open_store(str(store_path))
    assert "seeded.briefer" in window.windowTitle()
    assert any(k.startswith("source:") for k in _keys(window.navigator.model()))


def test_opening_a_bad_store_reports_and_keeps_the_current(window, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-store.briefer"
    bad.write_text("hello", encoding="utf-8")
    label = window.ws.store.label
    assert not window.open_store(str(bad))
    assert window.ws.store.label == label


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


def test_store_warnings_are_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A store in a cloud-synced folder (or any warning from opening) reaches the officer."""
    window.ws.store.warnings.append("This store is in a OneDrive folder.")
    window.warn_about_store()
    box = window.findChild(QMessageBox, "problemDialog")
    assert box is not None and "OneDrive" in box.text()


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
        QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
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


def test_ctrl_y_redoes_and_undo_names_the_field(window, qtbot) -> None:
    from briefer.briefs import service

    brief_id = window.new_brief("Council")
    venue = window.editor.header.venue
    window.activateWindow()
    venue.setFocus()
    qtbot.keyClicks(venue, "Tokyo")
    qtbot.keyClick(venue, Qt.Key.Key_Tab)
    assert window.undo_action.text().replace("&", "") == "Undo Edit venue"
    window.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.get_brief(window.ws.store, brief_id).venue == ""
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert service.get_brief(window.ws.store, brief_id).venue == "Tokyo"


def test_help_menu_has_a_guide_and_a_shortcut_list(window, qtbot) -> None:
    from briefer.ui.help_dialog import HelpDialog

    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert window.guide_action in help_menu.actions()
    assert window.shortcuts_action in help_menu.actions()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(HelpDialog, "shortcutsDialog") is not None)
    text = window.findChild(HelpDialog, "shortcutsDialog").browser.toPlainText()
    for expected in ("Ctrl+Y", "Ctrl+Shift+Q", "Ctrl+K", "Import"):
        assert expected in text
    window.guide_action.trigger()
    guide = window.findChild(HelpDialog, "guideDialog")
    assert guide is not None and "Import" in guide.browser.toPlainText()


def test_menu_actions_follow_their_buttons(window, qtbot) -> None:
    window.new_brief("Council")
    editor = window.editor
    assert not editor.accept_all_button.isEnabled()  # nothing to accept yet
    assert not window.accept_all_action.isEnabled()
    assert window.export_action.isEnabled() == editor.export_button.isEnabled()


def test_new_brief_dialog_asks_for_title_and_date(window, qtbot) -> None:
    from briefer.briefs import service
    from briefer.ui.name_dialog import NameDialog
    from briefer.ui.qt import QToolBar

    bar = window.findChild(QToolBar, "mainToolBar")
    button = bar.widgetForAction(window.new_brief_action)
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
    new = [b for b in service.list_briefs(window.ws.store) if b.id not in before]
    assert len(new) == 1 and new[0].title == "Digital Partnership Council"
    assert new[0].meeting_date is not None and new[0].meeting_date.isoformat() == "2025-05-12"
    assert window.editor.brief_id == new[0].id


def test_take_version_dialog(window, qtbot) -> None:
    from briefer.briefs import versions
    from briefer.ui.name_dialog import NameDialog

    brief_id = window.new_brief("Council")
    dialog = window.open_versions()
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(NameDialog, "takeVersionDialog") is not None)
    ask = dialog.findChild(NameDialog, "takeVersionDialog")
    assert ask.windowTitle() == "Take Version"
    ask.name.setFocus()
    qtbot.keyClicks(ask.name, "sent to cabinet")
    qtbot.keyClick(ask.name, Qt.Key.Key_Return)
    assert [v.name for v in versions.list_versions(window.ws.store, brief_id)] == [
        "sent to cabinet"
    ]


def test_an_empty_store_says_what_to_do(window, qtbot, tmp_path: Path) -> None:
    from briefer.ui.qt import QFileDialog

    assert window.open_store(str(tmp_path / "empty.briefer"))
    page = window.welcome_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    assert page.isVisible() and "no sources" in page.findChild(QWidget, "pageTitle").text()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "importFileDialog") is not None)

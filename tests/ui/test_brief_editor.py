"""A complete session in the brief editor on the seed corpus, asserting on the store each step.

Create a brief, draft two topics, accept and dismiss suggestions, quote a selection from the
reader onto the official side, reorder by drag and drop, edit lines to take, undo and redo
each, take a version, export DOCX and read the file back.
"""

from __future__ import annotations

from pathlib import Path

import docx

from briefer.briefs import service, versions
from briefer.briefs.model import BriefView
from briefer.library import sources
from briefer.ui.qt import (
    QApplication,
    QComboBox,
    QListView,
    QModelIndex,
    QPoint,
    QStyleOptionViewItem,
    Qt,
    QTextCursor,
    QWidget,
)
from briefer.ui.quote_dialog import QuoteDialog


def _brief(window, brief_id: int) -> BriefView:  # type: ignore[no-untyped-def]
    return service.get_brief(window.ws.store, brief_id)


def _undo_redo(window, check_before, check_after) -> None:  # type: ignore[no-untyped-def]
    """Undo restores the state before the edit, redo the state after it."""
    window.ws.undo.undo()
    assert check_before()
    window.ws.undo.redo()
    assert check_after()


def _click_card_button(qtbot, view: QListView, row: int, which: str) -> None:  # type: ignore[no-untyped-def]
    """Click a painted button (accept / dismiss) on a card, as the officer would."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.rect = view.visualRect(index)
    delegate = view.itemDelegate()
    layout = delegate.layout(option.rect, option, view.model().quote(row))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=getattr(layout, which).center()
    )


def test_complete_session(window, qtbot, topic_ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    undo = window.ws.undo
    editor = window.editor

    # -- a new brief opens in the editor; header fields save as edited ------------------------
    brief_id = window.new_brief("EU–Japan Digital Partnership Council")
    assert window.stack.currentWidget() is editor
    assert editor.objectName() == "briefEditor"
    assert editor.findChild(QWidget, "briefHeader") is editor.header
    assert editor.findChild(QListView, "sectionList") is editor.outline
    assert window.navigator.current_key() == f"brief:{brief_id}"
    editor.header.venue.setText("Tokyo, Iikura House")
    editor.header.venue.editingFinished.emit()
    assert _brief(window, brief_id).venue == "Tokyo, Iikura House"
    assert "Edit venue" in window.window_actions.undo.text()  # the undo label names the field
    _undo_redo(
        window,
        lambda: _brief(window, brief_id).venue == "" and editor.header.venue.text() == "",
        lambda: _brief(window, brief_id).venue == "Tokyo, Iikura House",
    )
    editor.header.marking.setEditText("OFFICIAL-SENSITIVE")
    editor.header.marking.lineEdit().editingFinished.emit()
    assert _brief(window, brief_id).marking == "OFFICIAL-SENSITIVE"

    # -- draft two topics in a worker; one undo step ------------------------------------------
    ai, chips = topic_ids["Artificial intelligence"], topic_ids["Semiconductors"]
    dialog = window.open_draft()
    assert dialog.objectName() == "draftDialog"
    dialog.check_topics([ai, chips])
    with qtbot.waitSignal(dialog.drafted, timeout=15000):
        dialog.start()
    drafted = _brief(window, brief_id)
    assert [s.topic_id for s in drafted.sections] == [ai, chips]
    quotes = [q for s in drafted.sections for q in (*s.industry, *s.official)]
    assert quotes and all(q.suggested for q in quotes)
    assert "Draft sections" in window.window_actions.undo.text()
    undo.undo()
    assert _brief(window, brief_id).sections == ()
    assert editor.section_widgets() == []
    undo.redo()
    assert _brief(window, brief_id).sections == drafted.sections  # same ids come back

    # -- the editor shows both columns per section, with suggestion badges ---------------------
    ai_widget = editor.section_widgets()[0]
    industry = ai_widget.findChild(QListView, "industryQuotes")
    official = ai_widget.findChild(QListView, "officialQuotes")
    assert industry is ai_widget.views["industry"] and official is ai_widget.views["official"]
    assert ai_widget.findChild(QWidget, "linesToTake") is ai_widget.lines
    assert ai_widget.findChild(QComboBox, "assessment") is ai_widget.assessment
    ai_section = drafted.sections[0]
    assert [industry.model().quote(r).id for r in range(industry.model().rowCount())] == [
        q.id for q in ai_section.industry
    ]

    # -- accept one suggestion and dismiss another by clicking the card buttons -----------------
    accepted = ai_section.industry[0]
    _click_card_button(qtbot, industry, 0, "accept")
    after = _brief(window, brief_id).sections[0]
    assert not after.industry[0].suggested and after.industry[0].id == accepted.id
    assert "Accept suggestion" in window.window_actions.undo.text()
    _undo_redo(
        window,
        lambda: _brief(window, brief_id).sections[0].industry[0].suggested,
        lambda: not _brief(window, brief_id).sections[0].industry[0].suggested,
    )
    dismissed = ai_section.official[0]
    _click_card_button(qtbot, official, 0, "dismiss")
    ids = [q.id for q in _brief(window, brief_id).sections[0].official]
    assert dismissed.id not in ids
    undo.undo()
    assert _brief(window, brief_id).sections[0].official[0].id == dismissed.id
    undo.redo()
    assert dismissed.id not in [q.id for q in _brief(window, brief_id).sections[0].official]

    # -- quote a selection from the (industry) reader onto the official side -------------------
    letter = next(s for s in sources.list_sources(store) if s.kind == "industry")
    assert window.navigator.select_key(f"source:{letter.id}")
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    detail = sources.get_source(store, letter.id)
    passage = next(p for p in detail.passages if "Artificial intelligence" in p.topics[:1])
    view = window.reader.view
    cur = view.textCursor()
    cur.setPosition(view._doc_pos(passage.start + 3, end=False))
    cur.setPosition(view._doc_pos(passage.start + 60, end=True), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cur)
    span = window.reader.selection()
    assert span == (letter.id, passage.start + 3, passage.start + 60)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    view.setFocus()
    qtbot.keyClick(
        view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.findChild(QuoteDialog, "quoteDialog") is not None, timeout=3000)
    qd: QuoteDialog = window.findChild(QuoteDialog, "quoteDialog")
    assert qd.brief.currentData() == brief_id
    assert qd.section.currentData() == ("section", ai_section.id)  # the passage's top topic
    assert qd.side.currentData() == "industry"  # default from the source's kind
    qd.choose_side("official")
    qd.accept()
    official_now = _brief(window, brief_id).sections[0].official
    mine = [q for q in official_now if q.source.id == letter.id and q.start == span[1]]
    assert len(mine) == 1 and mine[0].end == span[2] and mine[0].side_overridden
    assert mine[0].verbatim == detail.text[span[1] : span[2]]
    undo.undo()
    assert all(q.start != span[1] for q in _brief(window, brief_id).sections[0].official)
    undo.redo()
    assert any(q.start == span[1] for q in _brief(window, brief_id).sections[0].official)
    assert window.navigator.select_key(f"brief:{brief_id}")

    # -- reorder cards by drag and drop (model drop API) within a column -----------------------
    model = industry.model()
    before = [q.id for q in _brief(window, brief_id).sections[0].industry]
    assert len(before) >= 3
    mime = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    expected = [before[1], before[2], before[0], *before[3:]]
    assert [q.id for q in _brief(window, brief_id).sections[0].industry] == expected
    assert [model.quote(r).id for r in range(model.rowCount())] == expected
    _undo_redo(
        window,
        lambda: [q.id for q in _brief(window, brief_id).sections[0].industry] == before,
        lambda: [q.id for q in _brief(window, brief_id).sections[0].industry] == expected,
    )

    # ... and onto another section's official column
    chips_widget = editor.section_widgets()[1]
    target = chips_widget.findChild(QListView, "officialQuotes").model()
    moving = expected[-1]
    mime = model.mimeData([model.index(model.rowCount() - 1, 0)])
    assert target.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    chips_now = _brief(window, brief_id).sections[1]
    assert chips_now.official[0].id == moving and chips_now.official[0].side_overridden
    assert moving not in [q.id for q in _brief(window, brief_id).sections[0].industry]
    undo.undo()
    assert _brief(window, brief_id).sections[0].industry[-1].id == moving
    undo.redo()
    assert _brief(window, brief_id).sections[1].official[0].id == moving

    # ... and sections in the outline, by the model and by Ctrl+Down
    outline = editor.outline
    assert outline.model().moveRows(QModelIndex(), 0, 1, QModelIndex(), 2)
    assert [s.topic_id for s in _brief(window, brief_id).sections] == [chips, ai]
    undo.undo()
    assert [s.topic_id for s in _brief(window, brief_id).sections] == [ai, chips]
    outline.setCurrentIndex(outline.model().index(0, 0))
    qtbot.keyClick(outline, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [s.topic_id for s in _brief(window, brief_id).sections] == [chips, ai]
    assert [w.section.topic_id for w in editor.section_widgets()] == [chips, ai]
    undo.undo()
    assert [s.topic_id for s in _brief(window, brief_id).sections] == [ai, chips]

    # -- lines to take: add, edit in place, reorder, remove; each one undo step ---------------
    lines = editor.section_widgets()[0].lines
    lines.add_point("Welcome the AI Act cooperation")
    lines.add_point("Press for interoperable AI governance")
    assert _brief(window, brief_id).sections[0].lines_to_take == (
        "Welcome the AI Act cooperation",
        "Press for interoperable AI governance",
    )
    lines.set_point(0, "Welcome cooperation on the AI Act and the Code of Conduct")
    lines.move_point(1, -1)
    want = (
        "Press for interoperable AI governance",
        "Welcome cooperation on the AI Act and the Code of Conduct",
    )
    assert _brief(window, brief_id).sections[0].lines_to_take == want
    assert lines.model.points() == list(want)
    _undo_redo(
        window,
        lambda: _brief(window, brief_id).sections[0].lines_to_take[0].startswith("Welcome"),
        lambda: _brief(window, brief_id).sections[0].lines_to_take == want,
    )
    assessment = editor.section_widgets()[0].assessment
    assessment.setCurrentIndex(assessment.findData("aligned"))
    assessment.activated.emit(assessment.currentIndex())
    assert _brief(window, brief_id).sections[0].assessment == "aligned"

    # -- a named version, compared after a change, restored (undoable) -------------------------
    window.editor.commit_pending()
    vd = window.open_versions()
    assert vd.objectName() == "versionsDialog"
    version_id = vd.take_version("Sent to the Director")
    assert [v.name for v in versions.list_versions(store, brief_id)] == ["Sent to the Director"]
    lines.add_point("If pressed: no new commitments")
    diff = vd.compare_current()
    changed = [s for s in diff.sections if s.changed]
    assert [s.heading for s in changed] == ["Artificial intelligence"]
    assert "If pressed" in vd.diff.toPlainText()
    vd.restore_current()
    assert (
        "If pressed: no new commitments" not in _brief(window, brief_id).sections[0].lines_to_take
    )
    undo.undo()
    assert "If pressed: no new commitments" in _brief(window, brief_id).sections[0].lines_to_take
    assert version_id is not None
    vd.close()

    # -- accept what is left, then export DOCX in a worker and read it back --------------------
    editor.accept_all()
    shown = _brief(window, brief_id)
    assert not any(q.suggested for s in shown.sections for q in (*s.industry, *s.official))
    ed = window.open_export()
    assert ed.objectName() == "exportDialog"
    target_path = tmp_path / "brief.docx"
    ed.path.setText(str(target_path))
    # The second section's assessment is still drafting's proposal: refused, with the reason
    qtbot.mouseClick(ed.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ed.worker is None, timeout=20000)
    assert "proposed assessment not reviewed" in ed.status.text()
    assert not target_path.exists()
    # ... the officer chooses to send it marked DRAFT
    qtbot.mouseClick(ed.draft, Qt.MouseButton.LeftButton, pos=QPoint(8, ed.draft.height() // 2))
    assert ed.draft.isChecked()
    with qtbot.waitSignal(ed.exported, timeout=20000):
        qtbot.mouseClick(ed.export_button, Qt.MouseButton.LeftButton)
    assert ed.open_button.isVisible() and ed.folder_button.isVisible()
    document = docx.Document(str(target_path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h for h in headings if h in {s.topic for s in shown.sections}] == [
        s.topic for s in shown.sections
    ]
    assert len(document.tables) == len(shown.sections)
    for section, table in zip(shown.sections, document.tables, strict=True):
        left = "\n".join(row.cells[0].text for row in table.rows[1:])
        right = "\n".join(row.cells[1].text for row in table.rows[1:])
        for q in section.industry:
            assert q.text.strip()[:80] in left
        for q in section.official:
            assert q.text.strip()[:80] in right
    texts = [p.text for p in document.paragraphs]
    for line in shown.sections[0].lines_to_take:
        assert line in texts
    ed.close()


def test_brief_list_new_duplicate_rename_delete(window, drafted) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    copy_id = window.duplicate_brief(drafted)
    assert copy_id != drafted
    assert service.get_brief(store, copy_id).title.startswith("Copy of")
    assert window.navigator.current_key() == f"brief:{copy_id}"
    assert window.rename_brief(copy_id, "Pre-brief for the Director")
    assert window.navigator.nav_model.index_for_key(f"brief:{copy_id}").data() == (
        "Pre-brief for the Director"
    )
    assert window.delete_brief(copy_id, confirm=False)
    assert [b.id for b in service.list_briefs(store)] == [drafted]
    assert not window.navigator.nav_model.index_for_key(f"brief:{copy_id}").isValid()
    window.ws.undo.undo()  # the deletion, versions and all
    assert {b.id for b in service.list_briefs(store)} == {drafted, copy_id}


def test_add_section_from_topic_picker_and_remove(window, drafted, topic_ids) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    free = dict((name, tid) for tid, name in editor.topics_not_in_brief())
    assert "Artificial intelligence" not in free and "Quantum" in free
    editor._fill_add_menu()
    labels = [a.text() for a in editor.add_menu.actions()]
    assert "Quantum" in labels and "Semiconductors" not in labels
    editor.add_section(free["Quantum"])
    brief = service.get_brief(window.ws.store, drafted)
    assert brief.sections[-1].topic == "Quantum"
    widget = editor.section_widgets()[-1]
    widget.findChild(QWidget, "removeSection").click()
    assert [s.topic for s in service.get_brief(window.ws.store, drafted).sections] == [
        "Artificial intelligence",
        "Semiconductors",
    ]


def test_go_to_source_opens_reader_at_span(window, drafted, qtbot) -> None:  # type: ignore[no-untyped-def]
    q = service.get_brief(window.ws.store, drafted).sections[0].official[0]
    window.editor.section_widgets()[0].go_to_source.emit(q)
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    assert window.stack.currentWidget() is window.reader
    assert window.reader.source_id == q.source.id
    assert window.reader.current_passage is not None
    assert window.reader.current_passage.start <= q.start < window.reader.current_passage.end


def test_preview_renders_markdown(window, drafted) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    editor.accept_all()
    editor.set_preview_visible(True)
    assert editor.preview.isVisible()
    text = editor.preview.toPlainText()
    assert "Artificial intelligence" in text and "Semiconductors" in text


def _answer_delete_dialog(click: str) -> None:
    """Press a button of the open confirmation box (it runs its own event loop)."""
    from briefer.ui.qt import QApplication, QMessageBox, QPushButton

    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.objectName() == "confirmDeleteBrief"
    if click == "delete":
        button = box.findChild(QPushButton, "confirmDelete")
    else:
        button = box.button(QMessageBox.StandardButton.Cancel)
    assert button is not None
    button.click()


def test_delete_brief_asks_first(window, drafted) -> None:  # type: ignore[no-untyped-def]
    from briefer.ui.qt import QTimer

    store = window.ws.store
    copy_id = window.duplicate_brief(drafted)
    QTimer.singleShot(100, lambda: _answer_delete_dialog("cancel"))
    assert not window.delete_brief(copy_id)
    assert copy_id in {b.id for b in service.list_briefs(store)}
    QTimer.singleShot(100, lambda: _answer_delete_dialog("delete"))
    assert window.delete_brief(copy_id)
    assert copy_id not in {b.id for b in service.list_briefs(store)}


def test_verify_quotes_flags_a_changed_source_and_undoes(window, qtbot, drafted, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A new version of a quoted source that rewords a quote: verify flags it (the badge's
    status), an untouched quote stays ok, and undo brings the previous statuses back."""
    store = window.ws.store
    brief = service.get_brief(store, drafted)
    quote = brief.sections[0].official[0]
    detail = sources.get_source(store, quote.source.id)
    reworded = detail.text.replace(quote.verbatim, "A completely different sentence now.", 1)
    new_file = tmp_path / "new-version.txt"
    new_file.write_text(reworded, encoding="utf-8")
    sources.import_new_version(store, new_file, quote.source.id)

    button = window.editor.verify_button
    with qtbot.waitSignal(window.editor.verified, timeout=20_000) as done:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # checked on a worker
    checks = done.args[0]
    assert button.text() == "Verify Quotes"
    by_id = {c.quote_id: c.status for c in checks}
    assert by_id[quote.id] == "changed"
    after = service.get_brief(store, drafted)
    assert after.sections[0].official[0].status == "changed"
    assert any(c.status == "ok" for c in checks)
    window.ws.undo.undo()
    restored = {
        q.id: q.status
        for s in service.get_brief(store, drafted).sections
        for q in (*s.industry, *s.official)
    }
    assert restored[quote.id] == "ok"


def test_verify_quotes_on_a_worker_and_cancel(window, qtbot, drafted, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long verification (a fuzzy match over a 20 MB source) leaves the window working,
    says how far it is, and Cancel Verifying (the same button) stops it: nothing recorded."""
    import threading

    from briefer.briefs import verify

    gate = threading.Event()
    real = verify._check

    def slow(session, quote, texts):  # type: ignore[no-untyped-def]
        assert gate.wait(20)
        return real(session, quote, texts)

    monkeypatch.setattr(verify, "_check", slow)

    def statuses() -> dict[int, str]:
        brief = service.get_brief(window.ws.store, drafted)
        return {q.id: q.status for s in brief.sections for q in (*s.industry, *s.official)}

    before = statuses()
    messages: list[str] = []
    window.ws.message.connect(messages.append)
    steps = window.ws.undo.count()
    button = window.editor.verify_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Cancel Verifying"
    # the window still answers while the worker waits: the officer opens the coverage map
    from ui_helpers import click_nav

    click_nav(window, qtbot, "section:coverage")
    assert window.stack.currentWidget() is window.coverage_page
    click_nav(window, qtbot, f"brief:{drafted}")
    qtbot.waitUntil(lambda: any(m.startswith("Verifying quotes: 0 of") for m in messages))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # cancel
    gate.set()
    qtbot.waitUntil(lambda: "Cancelled: no quote was verified." in messages, timeout=20_000)
    assert button.text() == "Verify Quotes"
    assert window.ws.undo.count() == steps  # nothing recorded
    assert statuses() == before

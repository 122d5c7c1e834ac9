"""The front page and marking dialog, driven as an officer does: click, type, save; the store
holds every field, one undo step takes them all back. The source metadata form edits URL,
reference and marking the same way."""

from __future__ import annotations

from pathlib import Path

from briefer.briefs import service
from briefer.library import sources
from briefer.ui.front_page_editor import FrontPageEditor
from briefer.ui.qt import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLineEdit,
    QPoint,
    QScrollArea,
    Qt,
)


def _dialog(qtbot) -> FrontPageEditor:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FrontPageEditor)
                    or any(isinstance(w, FrontPageEditor) and w.isVisible()
                           for w in QApplication.topLevelWidgets()))  # fmt: skip
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, FrontPageEditor) and w.isVisible()
    )


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget,
                     Qt.MouseButton.LeftButton)  # fmt: skip
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_front_page_dialog_saves_every_field_as_one_edit(window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    brief_id = window.new_brief("EU–Japan Digital Partnership Council")
    editor = window.editor
    qtbot.mouseClick(editor.front_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot)
    _type(qtbot, dialog.purpose, "Agree the 2025 work programme.")
    _type(qtbot, dialog.ask, "Agree the three deliverables.")
    _type(qtbot, dialog.key_messages, "AI cooperation delivers.")
    qtbot.keyClick(dialog.key_messages, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.key_messages, "Chips early warning works.")
    _type(qtbot, dialog.attendees, "Commissioner A - Executive Vice-President")
    _type(qtbot, dialog.agenda, "Opening")
    _type(qtbot, dialog.handling, "Not for onward distribution.")
    _type(qtbot, dialog.contact_officer, "J. Smith")
    _type(qtbot, dialog.contact_phone, "+32 2 299 11 11")
    _type(qtbot, dialog.cleared_by, "Head of Unit")
    _type(qtbot, dialog.reference, "DPC/2025/01")
    _type(qtbot, dialog.reference_date, "2025-05-01")
    # the marking: EU scheme, RESTREINT UE, LIMITE as a distribution marking
    dialog.scheme.setCurrentIndex(dialog.scheme.findData("eu"))
    dialog.level.setCurrentIndex(dialog.level.findText("RESTREINT UE/EU RESTRICTED"))
    limite = next(b for b in dialog.findChildren(QCheckBox) if b.text() == "LIMITE")
    qtbot.waitUntil(limite.isVisible)
    dialog.findChild(QScrollArea).ensureWidgetVisible(limite)
    qtbot.waitUntil(lambda: limite.width() > 20 and limite.height() > 10)
    # on its box, where a person clicks (the row is wider than the label)
    qtbot.mouseClick(limite, Qt.MouseButton.LeftButton, pos=QPoint(8, limite.height() // 2))
    assert limite.isChecked(), [
        (b.text(), b.isChecked(), b.isVisible()) for b in dialog.findChildren(QCheckBox)
    ]
    assert "LIMITE is a distribution marking" in dialog.rule.text()
    dialog.grab().save(str(tmp_path / "front-page-dialog.png"))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    view = service.get_brief(window.ws.store, brief_id)
    assert view.purpose == "Agree the 2025 work programme."
    assert view.minister_ask == "Agree the three deliverables."
    assert view.key_messages == ("AI cooperation delivers.", "Chips early warning works.")
    assert [(a.name, a.pen_picture) for a in view.attendees] == [
        ("Commissioner A", "Executive Vice-President")
    ]
    assert view.agenda == ("Opening",)
    assert view.handling == "Not for onward distribution."
    assert (view.contact_officer, view.contact_phone) == ("J. Smith", "+32 2 299 11 11")
    assert (view.cleared_by, view.reference) == ("Head of Unit", "DPC/2025/01")
    assert view.reference_date is not None and view.reference_date.isoformat() == "2025-05-01"
    assert (view.marking_scheme, view.marking) == ("eu", "RESTREINT UE/EU RESTRICTED")
    assert view.marking_caveats == ("LIMITE",)
    assert "Edit front page" in window.window_actions.undo.text()
    window.ws.undo.undo()
    undone = service.get_brief(window.ws.store, brief_id)
    assert undone.purpose == "" and undone.marking_caveats == () and undone.marking == ""


def test_front_page_dialog_refuses_a_bad_date_and_keeps_the_store(window, qtbot):  # type: ignore[no-untyped-def]
    brief_id = window.new_brief("DPC")
    qtbot.mouseClick(window.editor.front_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot)
    _type(qtbot, dialog.reference_date, "1 May")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and "not a date" in dialog.problem.text()
    assert service.get_brief(window.ws.store, brief_id).reference_date is None
    dialog.reject()


def test_source_form_edits_url_reference_and_marking(window, qtbot):  # type: ignore[no-untyped-def]
    first = sources.list_sources(window.ws.store)[0]
    window.reader.show_source(first.id)
    window._show_page(window.reader)
    form = window.reader.form
    qtbot.waitUntil(lambda: form.isEnabled())
    fields = (
        ("meta_url", "https://example.org/paper"),
        ("meta_reference", "REF-1"),
        ("meta_marking", "OFFICIAL-SENSITIVE"),
    )
    for name, text in fields:
        edit = form.findChild(QLineEdit, name)
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    info = sources.get_source(window.ws.store, first.id).info
    assert (info.url, info.reference, info.marking) == (
        "https://example.org/paper",
        "REF-1",
        "OFFICIAL-SENSITIVE",
    )
    bad = form.findChild(QLineEdit, "meta_url")
    qtbot.mouseClick(bad, Qt.MouseButton.LeftButton)
    bad.selectAll()
    qtbot.keyClicks(bad, "not a url")
    qtbot.keyClick(bad, Qt.Key.Key_Return)
    assert sources.get_source(window.ws.store, first.id).info.url == "https://example.org/paper"

"""File › Import and the import dialog, driven as an officer does: one pipeline with the CLI."""

from __future__ import annotations

from pathlib import Path

import docx

from briefer.ingest.kind import suggest_kind
from briefer.ingest.readers import read_path
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.ui.import_dialog import ImportDialog
from briefer.ui.import_model import COLUMNS
from briefer.ui.qt import QApplication, QFileDialog, QLineEdit, Qt


def _docx(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    document.add_heading(paragraphs[0], 1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _open_dialog(window, qtbot) -> ImportDialog:  # type: ignore[no-untyped-def]
    def open_ones() -> list[ImportDialog]:
        return [
            d for d in window.findChildren(ImportDialog) if d.isVisible() and d._phase != "done"
        ]

    qtbot.waitUntil(lambda: len(open_ones()) == 1, timeout=5000)
    dialog = open_ones()[0]
    qtbot.waitUntil(lambda: dialog._phase == "review", timeout=10000)
    return dialog


def _status(dialog: ImportDialog, name: str) -> str:
    row = next(i for i, e in enumerate(dialog.model.entries) if e.name == name)
    return dialog.model.index(row, COLUMNS.index("status")).data()


def test_file_dialog_offers_every_format_and_a_typed_docx_name_is_read(
    window, qtbot, tmp_path: Path
) -> None:
    _docx(tmp_path / "letter.docx", "Joint letter", "We call for trusted data flows.")
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "importFileDialog") is not None)
    chooser = window.findChild(QFileDialog, "importFileDialog")
    filters = chooser.nameFilters()
    assert filters[0].startswith("All supported documents")
    assert chooser.selectedNameFilter() == filters[0]
    for suffix in ("*.txt", "*.md", "*.docx", "*.pdf", "*.html", "*.eml"):
        assert suffix in filters[0]
    assert filters[-1].endswith("(*)")
    chooser.setDirectory(str(tmp_path))
    name_edit = chooser.findChild(QLineEdit, "fileNameEdit")
    qtbot.waitUntil(name_edit.isVisible)
    name_edit.setFocus()
    qtbot.keyClicks(name_edit, "letter.docx")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    dialog = _open_dialog(window, qtbot)
    assert [e.name for e in dialog.model.entries] == ["letter.docx"]
    assert dialog.model.entries[0].importable and dialog.import_button.isEnabled()


def test_dialog_skips_what_the_cli_skips_and_suggests_the_cli_kinds(
    window, qtbot, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    _docx(folder / "~$letter.docx", "lock")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    ministry = folder / "statement.txt"
    ministry.write_text(
        "Joint statement of the Ministry of Internal Affairs and the European Commission\n\n"
        "The government and the commission agreed to cooperate on semiconductors.\n",
        encoding="utf-8",
    )
    (folder / "copy.txt").write_text(ministry.read_text(encoding="utf-8"), encoding="utf-8")
    window.open_import([folder, ministry])  # what a drop of the folder and a file does
    dialog = _open_dialog(window, qtbot)
    names = [e.name for e in dialog.model.entries]
    assert names.count("statement.txt") == 1  # a path given twice is read once
    assert "Not imported" in _status(dialog, "~$letter.docx")
    assert "lock file" in _status(dialog, "~$letter.docx")
    assert "unsupported" in _status(dialog, "picture.png")
    # the same text twice is flagged before Import is pressed
    assert _status(dialog, "copy.txt") == "Ready"
    assert _status(dialog, "statement.txt").startswith("Duplicate")
    assert "copy.txt" in _status(dialog, "statement.txt")
    entry = next(e for e in dialog.model.entries if e.name == "copy.txt")
    assert entry.kind == suggest_kind(read_path(ministry)) == "official"
    before = len(sources.list_sources(window.ws.store))
    with qtbot.waitSignal(dialog.import_finished, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [1, 1, 0]
    assert len(sources.list_sources(window.ws.store)) == before + 1


def test_status_column_shows_the_whole_reason(window, qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    window.open_import([bad])
    dialog = _open_dialog(window, qtbot)
    col = COLUMNS.index("status")
    reason = dialog.model.entries[0].error
    assert reason and _status(dialog, "empty.txt").endswith(reason)
    header = dialog.table.horizontalHeader()
    left = header.sectionViewportPosition(col)
    assert left >= 0 and left + 150 <= dialog.table.viewport().width()  # on screen, not cut
    # the row is tall enough for the wrapped reason
    rect = dialog.table.visualRect(dialog.model.index(0, col))
    needed = dialog.table.fontMetrics().boundingRect(
        rect.adjusted(0, 0, -8, 0), int(Qt.TextFlag.TextWordWrap), _status(dialog, "empty.txt")
    )
    assert rect.height() >= needed.height()


def test_a_changed_file_comes_in_as_a_new_version(window, qtbot, tmp_path: Path) -> None:
    path = _docx(tmp_path / "statement.docx", "Joint statement", "We cooperate on quantum.")
    first = sources.import_file(
        window.ws.store, path, SourceFields(kind="official", title="Joint statement")
    )
    _docx(path, "Joint statement", "We cooperate on quantum and on semiconductors.")
    window.open_import([path])
    dialog = _open_dialog(window, qtbot)
    assert f"New version of #{first.id}" in _status(dialog, "statement.docx")
    assert dialog.model.entries[0].kind == "official"  # the earlier version's kind
    with qtbot.waitSignal(dialog.import_finished, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    newest = max(sources.list_sources(window.ws.store), key=lambda s: s.id)
    assert newest.previous_version_id == first.id


def test_unticking_new_version_imports_a_separate_source(window, qtbot, tmp_path: Path) -> None:
    path = _docx(tmp_path / "statement.docx", "Joint statement", "We cooperate on quantum.")
    sources.import_file(window.ws.store, path, SourceFields(kind="official"))
    _docx(path, "Joint statement", "We cooperate on quantum and on semiconductors.")
    window.open_import([path])
    dialog = _open_dialog(window, qtbot)
    index = dialog.model.index(0, COLUMNS.index("status"))
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(index)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(dialog.import_finished, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    newest = max(sources.list_sources(window.ws.store), key=lambda s: s.id)
    assert newest.previous_version_id is None


def test_pasted_text_is_checked_and_dated(window, qtbot) -> None:
    QApplication.clipboard().setText(
        "Pasted note\n\n12 May 2025\n\nThe EU and Japan discussed quantum research.\n"
    )
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = _open_dialog(window, qtbot)
    assert dialog.model.rowCount() == 1
    assert dialog.model.entries[0].date is not None
    assert dialog.model.entries[0].date.isoformat() == "2025-05-12"
    with qtbot.waitSignal(dialog.import_finished, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == 1


def test_import_with_a_failing_file_then_the_same_file_again(window, qtbot, tmp_path: Path) -> None:
    good = tmp_path / "2024-05-02_industry_position-on-ai.txt"
    good.write_text(
        "Position paper on AI and semiconductors\n\n"
        "We call on the EU and Japan to align their artificial intelligence rules.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    before = len(sources.list_sources(window.ws.store))
    window.open_import([good, empty])
    dialog = _open_dialog(window, qtbot)
    entries = {e.name: e for e in dialog.model.entries}
    assert entries[good.name].importable
    assert entries[good.name].kind == suggest_kind(read_path(good))  # as --kind auto
    assert not entries["empty.txt"].importable and "empty" in entries["empty.txt"].error

    # the officer corrects the title and the kind in the table, by keyboard
    row = dialog.model.entries.index(entries[good.name])
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(row, COLUMNS.index("title")))
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Industry AI position")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: entries[good.name].title == "Industry AI position")
    dialog.model.setData(dialog.model.index(row, COLUMNS.index("kind")), "industry")
    with qtbot.waitSignal(dialog.import_finished, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [1, 0, 1]
    assert "Imported 1" in dialog.summary.text() and "failed 1" in dialog.summary.text()
    after = sources.list_sources(window.ws.store)
    assert len(after) == before + 1
    new = next(s for s in after if s.title == "Industry AI position")
    assert new.kind == "industry"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    window.open_import([good])
    again = _open_dialog(window, qtbot)
    assert _status(again, good.name).startswith("Duplicate")
    assert f"#{new.id}" in _status(again, good.name)
    assert not again.import_button.isEnabled()  # nothing to import, and it says so already
    assert len(sources.list_sources(window.ws.store)) == before + 1

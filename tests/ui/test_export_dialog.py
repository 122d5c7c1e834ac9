"""Brief › Export, driven by keyboard and mouse: the file name decides the format."""

from __future__ import annotations

from pathlib import Path

from briefer.ui.export_dialog import ExportDialog
from briefer.ui.qt import QApplication, QDesktopServices, QDialog, Qt


def _open(window, qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    for dialog in window.findChildren(QDialog):
        dialog.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is not None)
    dialog = window.findChild(ExportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _choose_word_and_type(qtbot, dialog: ExportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.format.setFocus()
    while dialog.format.currentData() != "docx":
        qtbot.keyClick(dialog.format, Qt.Key.Key_Up)
    dialog.path.setFocus()
    qtbot.keyClick(dialog.path, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.path, str(path))
    # the drafted brief still holds proposals: export it marked DRAFT, as the officer would
    if not dialog.draft.isChecked():
        qtbot.mouseClick(dialog.draft, Qt.MouseButton.LeftButton)
    assert dialog.draft.isChecked()


def test_a_name_ending_in_md_writes_markdown(window, qtbot, drafted, tmp_path: Path) -> None:
    dialog = _open(window, qtbot)
    _choose_word_and_type(qtbot, dialog, tmp_path / "load.md")
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = Path(blocker.args[0])
    assert written == tmp_path / "load.md"
    assert not written.read_bytes().startswith(b"PK")  # not a Word file named .md
    lines = written.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("# ") for line in lines)  # Markdown headings (after DRAFT)
    assert dialog.format.currentData() == "md"


def test_an_unknown_ending_is_fixed_and_said(window, qtbot, drafted, tmp_path: Path) -> None:
    dialog = _open(window, qtbot)
    _choose_word_and_type(qtbot, dialog, tmp_path / "load.txt")
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = Path(blocker.args[0])
    assert written == tmp_path / "load.docx" and written.read_bytes().startswith(b"PK")
    assert not (tmp_path / "load.txt").exists()
    assert "load.docx" in dialog.status.text() and ".txt" in dialog.status.text()


def test_a_refusal_names_the_checkbox_not_the_cli_flag(
    window, qtbot, drafted, tmp_path: Path
) -> None:
    dialog = _open(window, qtbot)
    _choose_word_and_type(qtbot, dialog, tmp_path / "load.docx")
    qtbot.mouseClick(dialog.draft, Qt.MouseButton.LeftButton)  # untick: export as final
    assert not dialog.draft.isChecked()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None and bool(dialog.status.text()), timeout=20000)
    shown = dialog.status.text()
    assert shown.startswith("Not exported:") and "not reviewed" in shown
    assert "Mark as DRAFT" in shown and "--draft" not in shown
    assert not (tmp_path / "load.docx").exists()


def test_open_says_when_no_viewer_is_there(
    window, qtbot, drafted, tmp_path: Path, monkeypatch
) -> None:
    dialog = _open(window, qtbot)
    _choose_word_and_type(qtbot, dialog, tmp_path / "brief.docx")
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    asked: list[str] = []

    def no_viewer(url):  # type: ignore[no-untyped-def]
        asked.append(url.toLocalFile())
        return False  # what Qt answers when no program handles the file type

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_viewer))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert asked == [str(tmp_path / "brief.docx")]
    assert "No program to open .docx files" in dialog.status.text()

"""Near-duplicates in the import dialog's review, before Import is pressed: the file that
reads like a source already in the store is shown with the officer's three choices (skip,
new version of, import anyway), chosen by clicking, and the store follows the choice."""

from __future__ import annotations

from pathlib import Path

import docx
from helpers import store_digest

from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.ui.import_dialog import ImportDialog
from briefer.ui.import_model import COLUMNS
from briefer.ui.qt import Qt

# A position paper of our own, long enough to be sketched (60+ five-word shingles).
PAPER = [
    "Position paper on trusted cross-border data flows",
    "Our members ask both governments to make data free flow with trust operational before "
    "the next summit, by agreeing common principles for government access to data held by "
    "the private sector and by recognising each other's certification schemes for cloud "
    "services.",
    "We further ask that the data adequacy arrangement be extended to the public sector and "
    "to academic research, so that universities and hospitals can exchange anonymised "
    "records without separate contracts for every project they run together.",
    "Finally, we recommend a joint helpdesk for small and medium-sized companies, which "
    "today spend a disproportionate share of their compliance budget on understanding "
    "where their data may be stored and processed.",
]


def _docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    document.add_heading(paragraphs[0], 1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _setup(window, tmp_path: Path, same_title: bool = False):  # type: ignore[no-untyped-def]
    """The paper as plain text in the store; its lightly edited DOCX (retitled unless
    ``same_title``) and an unrelated note to import."""
    txt = tmp_path / "paper.txt"
    txt.write_text("\n\n".join(PAPER) + "\n", encoding="utf-8")
    first = sources.import_file(window.ws.store, txt, SourceFields(kind="industry"))
    title = PAPER[0] if same_title else "Data free flow with trust: our recommendations"
    edited = [title, *PAPER[1:-1], PAPER[-1] + " We stand ready to contribute."]
    again = _docx(tmp_path / "paper-final.docx", edited)
    note = _docx(tmp_path / "note.docx", ["Meeting note", "The delegation arrives on Monday."])
    return first, again, note


def _open(window, qtbot, paths: list[Path]) -> ImportDialog:  # type: ignore[no-untyped-def]
    window.open_import(paths)
    qtbot.waitUntil(lambda: bool(window.findChildren(ImportDialog)), timeout=5000)
    dialog = window.findChildren(ImportDialog)[-1]
    qtbot.waitUntil(lambda: dialog._phase == "review", timeout=15000)
    return dialog


def _row(dialog: ImportDialog, name: str) -> int:
    return next(i for i, e in enumerate(dialog.model.entries) if e.name == name)


def _status(dialog: ImportDialog, name: str) -> str:
    return dialog.model.index(_row(dialog, name), COLUMNS.index("status")).data()


def _click_row(qtbot, dialog: ImportDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    rect = dialog.table.visualRect(dialog.model.index(_row(dialog, name), 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _import(qtbot, dialog: ImportDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.import_finished, timeout=15000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_review_shows_the_near_duplicate_and_skips_it_by_default(
    window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first, again, note = _setup(window, tmp_path)
    dialog = _open(window, qtbot, [note, again])
    panel = dialog.near_panel
    assert "1 file reads like a source already in the store" in dialog.intro.text()
    assert panel.isVisible() and panel.skip.isChecked()  # the near-duplicate is selected
    assert f"source #{first.id}" in panel.label.text() and "paper-final.docx" in panel.label.text()
    status = _status(dialog, "paper-final.docx")
    assert f"like #{first.id}" in status and "left out" in status
    dialog.resize(1000, 560)
    qtbot.wait(100)
    dialog.grab().save(str(tmp_path / "near-duplicate-review.png"))
    _click_row(qtbot, dialog, "note.docx")  # an ordinary file: no choices to make
    assert not panel.isVisible()
    _click_row(qtbot, dialog, "paper-final.docx")
    assert panel.isVisible()
    before = len(sources.list_sources(window.ws.store))
    _import(qtbot, dialog)
    assert len(sources.list_sources(window.ws.store)) == before + 1  # the note only
    assert dialog.model.entries[_row(dialog, "paper-final.docx")].status == "skipped"
    assert "left out" in _status(dialog, "paper-final.docx")
    assert "near-duplicates left out 1" in dialog.summary.text()
    assert not panel.isVisible()


def test_import_as_new_version_of_the_source_it_reads_like(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, again, _note = _setup(window, tmp_path)
    dialog = _open(window, qtbot, [again])
    panel = dialog.near_panel
    assert panel.skip.isChecked()
    qtbot.mouseClick(panel.version, Qt.MouseButton.LeftButton)
    assert panel.version.isChecked()
    assert panel.target.currentData() == first.id
    assert _status(dialog, "paper-final.docx").startswith(f"New version of #{first.id}")
    _import(qtbot, dialog)
    newest = max(sources.list_sources(window.ws.store), key=lambda s: s.id)
    assert newest.id != first.id and newest.previous_version_id == first.id
    assert newest.kind == "industry"


def test_same_title_proposes_the_new_version(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Named like the source and reading like it: a new version of it is the proposal."""
    first, again, _note = _setup(window, tmp_path, same_title=True)
    dialog = _open(window, qtbot, [again])
    assert dialog.near_panel.version.isChecked()
    assert _status(dialog, "paper-final.docx").startswith(f"New version of #{first.id}")
    _import(qtbot, dialog)
    newest = max(sources.list_sources(window.ws.store), key=lambda s: s.id)
    assert newest.previous_version_id == first.id


def test_import_anyway_keeps_both(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, again, _note = _setup(window, tmp_path)
    dialog = _open(window, qtbot, [again])
    qtbot.mouseClick(dialog.near_panel.keep, Qt.MouseButton.LeftButton)
    assert "imported beside it" in _status(dialog, "paper-final.docx")
    _import(qtbot, dialog)
    newest = max(sources.list_sources(window.ws.store), key=lambda s: s.id)
    assert newest.id != first.id and newest.previous_version_id is None
    assert dialog.model.entries[0].status == "imported"


def test_skip_writes_nothing(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _first, again, _note = _setup(window, tmp_path)
    dialog = _open(window, qtbot, [again])
    qtbot.mouseClick(dialog.near_panel.keep, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.near_panel.skip, Qt.MouseButton.LeftButton)  # changed my mind
    before = store_digest(window.ws.store)
    _import(qtbot, dialog)
    assert store_digest(window.ws.store) == before

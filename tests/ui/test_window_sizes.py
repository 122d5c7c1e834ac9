"""Every view at a laptop window (1024×640): nothing squeezed to a word per line, nothing cut
without its whole text as a tooltip."""

from __future__ import annotations

from briefer.ui.qt import QApplication, Qt


def test_editor_reads_well_at_1024_by_640(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 640)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.subtitle.text() != "")
    QApplication.processEvents()
    # the summary line is not squeezed to a word per line by the buttons beside it
    line = editor.subtitle.fontMetrics().height()
    assert editor.subtitle.height() <= 2 * line + 4
    assert editor.subtitle.width() > editor.width() // 2
    for button in (editor.draft_button, editor.export_button, editor.preview_button):
        assert button.isVisible()
        right = button.mapTo(editor, button.rect().topRight()).x()
        assert right <= editor.width()  # every button on screen (they wrap, not clip)
    # the navigator keeps its labels readable, and a cut label has its whole text as tooltip
    assert window.navigator.width() >= 240
    nav = window.navigator.nav_model
    for key in ("section:topics", "section:sources"):
        index = nav.index_for_key(key)
        for r in range(nav.rowCount(index)):
            child = nav.index(r, 0, index)
            assert child.data() in (child.data(Qt.ItemDataRole.ToolTipRole) or "")
    # a long section heading shows its start in a narrow card
    widget = editor.section_widgets()[0]
    assert widget.heading.cursorPosition() == 0

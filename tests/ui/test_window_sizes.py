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


def test_header_and_section_headings_fit_at_1024(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    """Two header columns left the fields a few letters wide ("ay 2025"); a section's
    "Accept 1 suggestion" cut its heading to "Artificial intelligenc"."""
    from briefer.ui.brief_header import NARROW

    window.resize(1024, 640)
    editor = window.editor
    qtbot.waitUntil(lambda: len(editor.section_widgets()) == 2)
    QApplication.processEvents()
    header = editor.header
    assert header.width() < NARROW  # the editor is narrow at 1024 px: one column
    for field in (header.title, header.date, header.venue, header.author, header.marking):
        assert field.width() >= 300, field.objectName()
    date_text = header.date.text()
    assert header.date.fontMetrics().horizontalAdvance(date_text) < header.date.width() - 24
    # read top to bottom: the date under the title, the author under the venue
    assert header.date.y() > header.title.y() and header.author.y() > header.venue.y()
    widget = editor.section_widgets()[0]
    heading = widget.heading
    need = heading.fontMetrics().horizontalAdvance(heading.text())
    assert heading.width() >= need + 8  # the whole heading shows
    assert widget.accept_all.isVisible()
    assert widget.accept_all.toolTip().startswith("Accept")  # the whole text on hover
    # wide again: two columns and the long button text
    window.resize(1600, 1000)
    QApplication.processEvents()
    assert header.width() >= NARROW
    assert header.author.y() == header.title.y()
    assert widget.accept_all.text().startswith("Accept") and not widget.accept_all.toolTip()


def test_a_long_source_title_takes_two_lines_with_a_tooltip(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from briefer.library import sources

    window.resize(1024, 640)
    listing = sources.list_sources(window.ws.store)
    longest = max(listing, key=lambda s: len(s.title))
    window.navigator.select_key(f"source:{longest.id}")
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    QApplication.processEvents()
    title = window.reader.title
    line = title.fontMetrics().lineSpacing()
    assert title.text() == longest.title
    assert title.height() <= 2 * line + 6  # it was five lines at 1024 px
    assert title.shown_text().endswith("…")
    assert title.toolTip() == longest.title
    window.resize(1600, 1000)
    QApplication.processEvents()
    assert title.height() <= 2 * line + 6


def test_front_page_dialog_never_scrolls_sideways(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    from briefer.ui.front_page_editor import FrontPageEditor
    from briefer.ui.qt import QScrollArea

    window.resize(1024, 640)
    window.editor.edit_front_page()
    dialog = window.findChild(FrontPageEditor)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    scroll = dialog.findChild(QScrollArea)
    QApplication.processEvents()
    assert scroll.horizontalScrollBar().maximum() == 0
    assert scroll.widget().width() <= scroll.viewport().width()
    dialog.reject()

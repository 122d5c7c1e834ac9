"""The Sections outline shows which section is selected, readably, with the focus elsewhere."""

from __future__ import annotations

from briefer.ui.qt import QColor, Qt


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_selected_section_is_visible_with_focus_in_the_editor(window, qtbot, drafted) -> None:
    outline = window.editor.outline
    index = outline.model().index(1, 0)
    rect = outline.visualRect(index)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert outline.currentIndex().row() == 1
    window.editor.header.venue.setFocus()  # the officer goes on typing in the editor
    qtbot.wait(50)
    image = outline.viewport().grab(rect).toImage()
    plain = outline.viewport().grab(outline.visualRect(outline.model().index(0, 0))).toImage()
    fill = QColor(image.pixel(3, image.height() // 2))
    unselected = QColor(plain.pixel(3, plain.height() // 2))
    assert _contrast(fill, unselected) > 1.5  # the row stands out from its neighbours
    # and its text reads on it: some pixel of the text contrasts strongly with the fill
    best = max(
        _contrast(fill, QColor(image.pixel(x, y)))
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    assert best > 4.5

"""The coverage page at laptop and desktop sizes: the heat map fits, nothing is cut, zoom."""

from __future__ import annotations

import pytest
from ui_helpers import click_nav

from briefer.ingest.readers import read_text
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.ui.qt import QApplication, Qt

TOPICS = (
    "artificial intelligence and AI governance",
    "semiconductors and chips supply chains",
    "cybersecurity of networks",
    "data flows and data free flow with trust",
)


def _add_sources(store, n: int = 9) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        body = "\n\n".join(f"We discuss {t} in item {i}." for t in TOPICS[: 2 + i % 3])
        title = f"Position paper number {i} on digital cooperation"
        doc = read_text(f"{title}\n\n{body}\n", origin=f"p{i}.txt")
        kind = ("industry", "official", "other")[i % 3]
        sources.import_document(store, doc, SourceFields(kind=kind, title=title))


@pytest.mark.parametrize("size", [(1024, 640), (1600, 1000)])
def test_heat_map_fits_without_sideways_scrolling(window, qtbot, size) -> None:
    _add_sources(window.ws.store)
    window.resize(*size)
    from briefer.ui.changes import Changes

    window.ws.bus.notify(Changes(sources=True, passages=True, topics=True))
    click_nav(window, qtbot, "section:coverage")
    page = window.coverage_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    table = page.table
    qtbot.waitUntil(lambda: table.model().columnCount() == 12)
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0  # the map fits the window
    header = table.horizontalHeader()
    last = table.model().columnCount() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        table.viewport().width() + 1
    )
    # narrow columns get upright heads; every head and row head has its whole name as tooltip
    assert header.rotated == (header.sectionSize(0) < 132)
    model = table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    for r in range(model.rowCount()):
        name = model.headerData(r, Qt.Orientation.Vertical)
        assert name in model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    # the legend is whole: every entry inside the legend's width, none clipped
    legend = page.legend
    assert all(r.right() <= legend.width() for _, _, r in legend.entry_rects(legend.width()))
    assert legend.height() >= legend.heightForWidth(legend.width())


def test_zoom_with_keys_and_buttons(window, qtbot) -> None:
    _add_sources(window.ws.store)
    window.resize(1024, 640)
    click_nav(window, qtbot, "section:coverage")
    page = window.coverage_page
    table = page.table
    qtbot.waitUntil(lambda: table.model().columnCount() == 12)
    rows = table.verticalHeader().sectionSize(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert page.zoom > 1.0
    assert table.verticalHeader().sectionSize(0) > rows
    # zoomed in past what fits: the cells keep their size and the map scrolls sideways
    assert table.horizontalScrollBar().maximum() > 0
    qtbot.mouseClick(page.zoom_fit_button, Qt.MouseButton.LeftButton)
    assert page.zoom == 1.0 and table.horizontalScrollBar().maximum() == 0
    qtbot.mouseClick(page.zoom_out_button, Qt.MouseButton.LeftButton)
    assert page.zoom < 1.0 and table.verticalHeader().sectionSize(0) < rows
    qtbot.keyClick(table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.zoom == 1.0

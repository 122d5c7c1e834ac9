"""The coverage heat map: built from coverage()/gaps(), gaps marked, a click opens the board."""

from __future__ import annotations

from briefer.briefs.coverage import coverage, gaps
from briefer.ui.coverage_model import CountRole, GapRole, KindRole
from briefer.ui.qt import Qt, QTableView


def test_heat_map_matches_the_service_and_marks_gaps(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.navigator.select_key("section:coverage")
    page = window.coverage_page
    assert window.stack.currentWidget() is page
    # counted on a worker: the window stays responsive, the map fills in when done
    qtbot.waitUntil(lambda: not page.is_counting(), timeout=10000)
    table = page.findChild(QTableView, "coverageView")
    assert table is page.table
    cov = coverage(window.ws.store)
    model = table.model()
    assert (model.rowCount(), model.columnCount()) == (len(cov.topics), len(cov.sources))
    for i in range(len(cov.topics)):
        for j in range(len(cov.sources)):
            assert model.index(i, j).data(CountRole) == cov.counts[i][j]
    kinds = [model.index(0, j).data(KindRole) for j in range(model.columnCount())]
    assert kinds == sorted(kinds, key=["industry", "official", "other"].index)  # grouped
    found = {g.topic: g.status for g in gaps(window.ws.store)}
    marked = {
        model.headerData(r, Qt.Orientation.Vertical): model.headerData(
            r, Qt.Orientation.Vertical, GapRole
        ).status
        for r in range(model.rowCount())
    }
    assert marked == found
    assert model.gap_count() == sum(1 for s in found.values() if s == "industry_only") > 0
    assert "gap" in page.subtitle.text()


def test_clicking_a_cell_opens_the_topic_board_filtered_to_the_source(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.navigator.select_key("section:coverage")
    qtbot.waitUntil(lambda: not window.coverage_page.is_counting(), timeout=10000)
    table = window.coverage_page.table
    model = table.model()
    row = next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical) == "Artificial intelligence"
    )
    col = next(
        c for c in range(model.columnCount()) if model.index(row, c).data(KindRole) == "official"
    )
    index = model.index(row, col)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    board = window.board
    assert window.stack.currentWidget() is board
    assert board.topic is not None and board.topic.name == "Artificial intelligence"
    assert board.source_filter == model.source_id(col)
    assert board.filter_bar.isVisibleTo(board)
    qtbot.waitUntil(lambda: not board.is_loading(), timeout=5000)
    assert board.models["industry"].passage_count() == 0
    # the board lists every tagged passage; coverage counts the primary ones
    assert board.models["official"].passage_count() >= index.data(CountRole) > 0
    board.show_topic(board.topic)
    assert board.source_filter is None and not board.filter_bar.isVisibleTo(board)

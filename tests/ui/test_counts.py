"""One count per figure, and clicking it opens that many passages: the navigator's
"industry · official", a coverage cell and the topic board's column counts are all passages
*on* the topic (primary tags, no headings, no replaced versions)."""

from __future__ import annotations

import re

from ui_helpers import click_nav

from briefer.briefs.coverage import coverage
from briefer.library import topics
from briefer.ui.qt import QApplication, QPoint, Qt


def _number(text: str) -> int:
    found = re.match(r"(\d+)", text)
    assert found, text
    return int(found.group(1))


def _mentions_differ(store) -> topics.TopicInfo:  # type: ignore[name-defined,no-untyped-def]
    """A seed topic some passages only mention: all its tags outnumber those on it."""
    for t in topics.list_topics(store):
        on = topics.topic_page(store, t.id, "industry", limit=0, on_topic=True).total
        every = topics.topic_page(store, t.id, "industry", limit=0).total
        if on and every > on:
            return t
    raise AssertionError("the seed has no topic with passing mentions")


def test_navigator_count_opens_a_board_of_that_many(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    topic = _mentions_differ(store)
    with qtbot.waitSignal(window.topic_counts_loaded, timeout=10_000):
        window.reload()
    model = window.navigator.nav_model
    index = model.index_for_key(f"topic:{topic.id}")
    industry, official = (int(n) for n in index.siblingAtColumn(1).data().split(" · "))
    row_sums = {"industry": 0, "official": 0}
    cov = coverage(store)
    i = next(n for n, t in enumerate(cov.topics) if t.id == topic.id)
    for src, n in zip(cov.sources, cov.counts[i], strict=True):
        row_sums[src.kind] = row_sums.get(src.kind, 0) + n
    assert (industry, official) == (row_sums["industry"], row_sums["official"])
    assert "on the topic" in index.data(Qt.ItemDataRole.ToolTipRole)

    click_nav(window, qtbot, f"topic:{topic.id}")
    board = window.board
    qtbot.waitUntil(lambda: board.topic is not None and not board.is_loading(), timeout=10_000)
    assert _number(board.counts["industry"].text()) == industry
    assert _number(board.counts["official"].text()) == official
    assert board.models["industry"].total() == industry
    assert "on the topic" in board.counts["industry"].text()

    # passing mentions are there on request, labelled as such
    box = board.mentions
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    qtbot.waitUntil(lambda: not board.is_loading(), timeout=10_000)
    assert _number(board.counts["industry"].text()) > industry
    assert "mentions included" in board.counts["industry"].text()
    # back from elsewhere to the topic: the navigator's count again
    click_nav(window, qtbot, "section:coverage")
    click_nav(window, qtbot, f"topic:{topic.id}")
    qtbot.waitUntil(lambda: not board.is_loading(), timeout=10_000)
    assert not board.mentions.isChecked()
    assert _number(board.counts["industry"].text()) == industry


def test_a_coverage_cell_opens_exactly_its_passages(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    topic = _mentions_differ(store)
    click_nav(window, qtbot, "section:coverage")
    page = window.coverage_page
    table = page.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10_000)
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.topic_id(r) == topic.id)
    # the cell of the industry source whose passages only mention the topic the most
    cells = [
        (c, model.index(row, c).data(Qt.ItemDataRole.UserRole + 1))
        for c in range(model.columnCount())
    ]
    checked = 0
    board = window.board
    for column, n in cells:
        if not n:
            continue
        index = model.index(row, column)
        table.scrollTo(index)
        QApplication.processEvents()
        rect = table.visualRect(index)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: window.stack.currentWidget() is board, timeout=5000)
        qtbot.waitUntil(lambda: not board.is_loading(), timeout=10_000)
        side = model.index(row, column).data(Qt.ItemDataRole.UserRole + 2)
        if side in board.counts:
            assert board.source_filter == model.source_id(column)
            assert _number(board.counts[side].text()) == n
            assert board.models[side].total() == n
            checked += 1
        click_nav(window, qtbot, "section:coverage")
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    assert checked >= 2

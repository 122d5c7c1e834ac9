"""The topic board with a large source: pages read on a worker, more as the officer scrolls."""

from __future__ import annotations

from briefer.ingest.readers import read_text
from briefer.library import sources, topics
from briefer.library.sources import SourceFields
from briefer.ui.qt import QApplication, Qt
from briefer.ui.topic_board import PAGE


def _report(paragraphs: int) -> bytes:
    body = [f"Quantum computing outlook {paragraphs}\n"]
    body += [
        f"{i + 1}. Quantum computing testbeds and quantum technologies, item {i}.\n"
        for i in range(paragraphs)
    ]
    return "\n".join(body).encode()


def test_large_topic_pages_in_as_the_view_scrolls(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    doc = read_text(_report(3 * PAGE), origin="quantum-report.txt")
    sources.import_document(store, doc, SourceFields(kind="industry"))
    quantum = next(t for t in topics.list_topics(store) if t.name.startswith("Quantum"))
    want = topics.topic_page(store, quantum.id, "industry", limit=0, on_topic=True).total
    assert want > 2 * PAGE

    window.reload()
    assert window.navigator.select_key(f"topic:{quantum.id}")
    board = window.board
    qtbot.waitUntil(lambda: not board.is_loading(), timeout=10000)
    model, view = board.models["industry"], board.views["industry"]
    assert model.passage_count() == PAGE  # one page, not all rows
    assert model.total() == want
    assert board.counts["industry"].text() == f"{want} passages on the topic"

    # the officer scrolls to the end, again and again: the rest arrives
    view.setFocus()
    for _ in range(200):
        if model.passage_count() == want:
            break
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        qtbot.wait(20)
    assert model.passage_count() == want
    shown = [model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert len([t for t in shown if "item" in t]) >= 3 * PAGE  # every item, each once
    assert len(set(shown)) == len(shown)


def test_switching_topics_quickly_shows_the_last_one(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    found = topics.list_topics(window.ws.store)
    for t in found[:6]:
        window.navigator.select_key(f"topic:{t.id}")
    last = found[5]
    board = window.board
    qtbot.waitUntil(lambda: not board.is_loading(), timeout=10000)
    assert board.topic is not None and board.topic.id == last.id
    assert board.models["industry"].total() == last.counts["industry"]
    assert board.models["official"].total() == last.counts["official"]


def test_topic_board_shows_both_sides(window, qtbot) -> None:
    ai = next(t for t in topics.list_topics(window.ws.store) if t.name == "Artificial intelligence")
    assert window.navigator.select_key(f"topic:{ai.id}")
    assert window.stack.currentWidget() is window.board
    qtbot.waitUntil(lambda: not window.board.is_loading(), timeout=5000)
    assert window.board.objectName() == "topicBoard"
    for side in ("industry", "official"):
        on = topics.topic_page(window.ws.store, ai.id, side, limit=0, on_topic=True).total
        assert on and window.board.models[side].passage_count() == on


def test_an_empty_official_column_says_what_to_do(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui_helpers import click_nav

    store = window.ws.store
    lonely = next(
        t
        for t in topics.list_topics(store)
        if topics.topic_page(store, t.id, "official", limit=0, on_topic=True).total == 0
        and topics.topic_page(store, t.id, "industry", limit=0, on_topic=True).total > 0
    )
    click_nav(window, qtbot, f"topic:{lonely.id}")
    board = window.board
    qtbot.waitUntil(lambda: not board.is_loading(), timeout=10_000)
    hint = board.empty_hints["official"]
    assert hint.isVisible() and "Import" in hint.text()
    assert hint.width() > 100 and hint.height() > 50  # over the empty list, not squeezed
    assert not board.empty_hints["industry"].isVisible()

"""Topic chips beside a passage: none drawn over another, long names elided, "+N" for the
ones that do not fit, and a tooltip over the chips that lists them all."""

from __future__ import annotations

import pytest

from briefer.ingest.readers import read_text
from briefer.library import sources, topics
from briefer.library.sources import SourceFields
from briefer.ui import reader_view
from briefer.ui.qt import QApplication, QEvent, QHelpEvent, QPoint, QToolTip


def _many_topics(window) -> tuple[int, int, list[str]]:  # type: ignore[no-untyped-def]
    """A one-line passage tagged with every seed topic by hand."""
    store = window.ws.store
    text = "Title of a short note\n\nWe welcome the work.\n\nA second paragraph follows here.\n"
    info = sources.import_document(
        store, read_text(text.encode(), origin="note.txt"), SourceFields(kind="industry")
    )
    detail = sources.get_source(store, info.id)
    passage = next(p for p in detail.passages if "welcome" in p.text)
    names = [t.name for t in topics.list_topics(store, counts=False)][:9]
    for name in names:
        topics.set_tag(store, passage.id, name, True)
    window.reload()
    return info.id, passage.id, names


@pytest.mark.parametrize("size", [(1024, 640), (1600, 1000)])
def test_chips_never_overlap_and_the_tooltip_lists_all(window, qtbot, monkeypatch, size) -> None:  # type: ignore[no-untyped-def]
    source_id, passage_id, names = _many_topics(window)
    window.resize(*size)
    window.navigator.select_key(f"source:{source_id}")
    window.reader.show_passage(source_id, passage_id)
    qtbot.waitUntil(lambda: not window.reader.is_reading)  # the page is read on a worker
    view = window.reader.view
    QApplication.processEvents()
    drawn: list[tuple[str, float, float, float, float]] = []
    real = reader_view.ReaderView._chip

    def record(self, painter, fm, label, x, y, h, topic):  # type: ignore[no-untyped-def]
        drawn.append((label, x, y, x + fm.horizontalAdvance(label) + 14, y + h))
        real(self, painter, fm, label, x, y, h, topic)

    monkeypatch.setattr(reader_view.ReaderView, "_chip", record)
    view.viewport().grab()  # paints the view as it is on screen
    span = next(s for s in view._spans if s.passage.id == passage_id)
    block = view.document().findBlockByNumber(span.block)
    rect = view.document().documentLayout().blockBoundingRect(block)
    rect = rect.translated(0, -view.verticalScrollBar().value())
    mine = [d for d in drawn if rect.top() - 2 <= d[2] <= rect.bottom()]
    assert mine, drawn
    for i, a in enumerate(mine):  # no chip over another
        for b in mine[i + 1 :]:
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, (a, b)
    left = min(d[1] for d in mine)
    assert max(d[3] for d in mine) <= left + reader_view._CHIP_COL + 0.5
    more = [d[0] for d in mine if d[0].startswith("+")]
    assert len(more) == 1  # a one-line passage cannot show nine chips
    assert len(mine) - 1 + int(more[0][1:]) == len(names)  # shown + "+N" == all of them

    # hovering the chips tells all of them
    pos = QPoint(int(mine[0][1]) + 4, int(mine[0][2]) + 4)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    tip = QToolTip.text()
    assert all(name in tip for name in names), tip


def test_two_long_topics_on_one_line_show_a_chip_and_plus_one() -> None:
    """A tester saw only "+2" beside a one-line passage with two topics: the first name took
    the whole row, so "+1" had no room and the chip was dropped. It is elided shorter."""

    def advance(text: str) -> int:
        return 7 * len(text)

    def elide(text: str, _mode: object, width: int) -> str:
        if advance(text) <= width:
            return text
        keep = max(0, width // 7 - 1)
        return text[:keep] + "…"

    names = ("Data flows and data governance", "Semiconductors and supply chains")
    placed = reader_view.chip_layout(names, advance, 190, 1, elide)
    labels = [label for label, _topic, _x, _row in placed]
    assert labels[-1] == "+1" and len(labels) == 2
    assert labels[0].startswith("Data") and placed[0][1] == names[0]
    end = placed[-1][2] + advance("+1") + 14
    assert end <= 190  # "+1" ends inside the chip column

"""What one edit costs the store: counted SQL statements while the officer edits in the window.

An edit made in the editor must re-list the briefs at most once (the navigator) and re-read
only the section it changed, never the whole brief (Changes carry the ids; views update by
id). Statements are caught with SQLAlchemy's ``before_cursor_execute`` event.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from briefer.briefs import service
from briefer.ui.qt import QLineEdit, Qt

#: The brief list (``reads.list_briefs``): briefs newest first.
LIST_QUERY = re.compile(r"FROM brief ORDER BY brief\.updated_at DESC", re.IGNORECASE)
#: Quotes read for a view of sections (``reads.section_views``).
QUOTE_READ = re.compile(r"FROM quote\s+WHERE quote\.section_id IN", re.IGNORECASE)


@contextmanager
def statements(store) -> Iterator[list[tuple[str, object]]]:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append((" ".join(statement.split()), parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def _flat(parameters: object) -> list[object]:
    if isinstance(parameters, dict):
        return list(parameters.values())
    return list(parameters or ())  # type: ignore[call-overload]


def _edit_heading(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    field = widget.findChild(QLineEdit, "sectionHeading") or widget.heading
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_section_edit_reads_one_list_and_only_its_section(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    editor = window.editor
    first, second = editor.section_widgets()
    other_before, original = second.section, first.section.topic
    with statements(store) as seen:
        _edit_heading(qtbot, first, "Chips and supply chains")
    assert service.get_brief(store, drafted).sections[0].topic == "Chips and supply chains"
    assert first.heading.text() == "Chips and supply chains"

    lists = [s for s, _ in seen if LIST_QUERY.search(s)]
    assert len(lists) == 1, lists  # the navigator's, not a second one for the editor
    quote_reads = [p for s, p in seen if QUOTE_READ.search(s)]
    assert quote_reads, "the edited section was not re-read"
    for parameters in quote_reads:  # only the edited section's quotes, not the whole brief's
        assert _flat(parameters) == [first.section_id]
    assert second.section is other_before  # the other section's view was kept, not reloaded
    assert not [s for s, _ in seen if re.search(r"\bsource\.text\b", s)]

    # undo from the Edit menu is as light, and the heading comes back on screen
    window.editor.header.venue.setFocus()  # a field being typed in keeps its text
    with statements(store) as seen:
        window.window_actions.undo.trigger()
    assert service.get_brief(store, drafted).sections[0].topic == original
    assert first.section.topic == original and first.heading.text() == original
    assert len([s for s, _ in seen if LIST_QUERY.search(s)]) == 1
    for parameters in [p for s, p in seen if QUOTE_READ.search(s)]:
        assert _flat(parameters) == [first.section_id]


def test_a_front_page_edit_reads_no_section(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    store = window.ws.store
    venue = window.editor.header.venue
    with statements(store) as seen:
        qtbot.mouseClick(venue, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(venue, "Tokyo")
        qtbot.keyClick(venue, Qt.Key.Key_Return)
    assert service.get_brief(store, drafted).venue == "Tokyo"
    assert len([s for s, _ in seen if LIST_QUERY.search(s)]) == 1
    assert not [s for s, _ in seen if QUOTE_READ.search(s)]  # no section was touched

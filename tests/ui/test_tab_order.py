"""Tab follows the reading order, by key presses on the shown window: the search field,
the navigator, the brief's commands, the outline, the meeting details (the date is one
stop), each section top to bottom, then round to the search field."""

from __future__ import annotations

from briefer.ui.qt import QApplication, Qt


def _name(widget) -> str:  # type: ignore[no-untyped-def]
    return widget.objectName() or widget.accessibleName()


def _tab_through(qtbot, start, presses: int) -> list[str]:  # type: ignore[no-untyped-def]
    start.window().activateWindow()
    qtbot.waitUntil(start.window().isActiveWindow)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = []
    for _ in range(presses):
        focus = QApplication.focusWidget()
        seen.append(_name(focus))
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    return seen


def test_tab_follows_the_reading_order_of_the_brief_editor(window, qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    qtbot.waitUntil(lambda: len(editor.section_widgets()) == 2)
    window.resize(1600, 1000)
    seen = _tab_through(qtbot, window.search_field, 90)
    head = [
        "searchField",
        "navigator",
        "addSection",
        "draftSections",
        "acceptAll",
        "verifyQuotes",
        "frontPage",
        "versions",
        "export",
        "previewToggle",
        "sectionList",
        "title",
        "meetingDate",  # one stop: the calendar button is not one
        "venue",
        "author",
        "organisation",
        "marking",
        "objectives",
        "sceneSetter",
        "sectionHeading",
    ]
    # disabled buttons are skipped by Tab: compare with the ones that take it
    buttons = {b.objectName(): b.isEnabled() for b in editor._command_buttons}
    want = [n for n in head if buttons.get(n, True)]
    assert seen[: len(want)] == want
    # each section reads top to bottom: heading, quotes, assessment, points, notes
    first = seen.index("sectionHeading")
    second = seen.index("sectionHeading", first + 1)
    one = seen[first:second]
    for earlier, later in [
        ("sectionHeading", "industryQuotes"),
        ("industryQuotes", "officialQuotes"),
        ("officialQuotes", "assessment"),
        ("assessment", "linesToTakeList"),
        ("linesToTakeList", "ifAskedList"),
        ("ifAskedList", "background"),
        ("background", "notes"),
    ]:
        assert one.index(earlier) < one.index(later), one
    # after the last section's notes, round to the search field (nothing in between)
    last_notes = len(seen) - 1 - seen[::-1].index("notes")
    assert seen[last_notes + 1] == "searchField", seen[last_notes:]
    assert seen.count("meetingDate") == 2  # once per round


def test_a_new_section_takes_its_place_in_the_tab_order(window, qtbot, drafted, topic_ids) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    qtbot.waitUntil(lambda: len(editor.section_widgets()) == 2)
    editor.add_section(topic_ids["Cybersecurity"])
    qtbot.waitUntil(lambda: len(editor.section_widgets()) == 3)
    seen = _tab_through(qtbot, editor.header.scene_setter, 80)
    assert seen[1] == "sectionHeading"
    assert seen.count("sectionHeading") == 3
    last_notes = len(seen) - 1 - seen[::-1].index("notes")
    assert seen[last_notes + 1] == "searchField"


def test_tab_leaves_the_coverage_map_and_reaches_the_asks_filters(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui_helpers import click_nav

    click_nav(window, qtbot, "section:coverage")
    qtbot.waitUntil(lambda: window.coverage_page.model.rowCount() > 0, timeout=10_000)
    seen = _tab_through(qtbot, window.search_field, 8)
    table = seen.index("coverageView")
    assert seen[table + 1] == "searchField", seen  # one stop, not one per cell

    click_nav(window, qtbot, "section:asks")
    page = window.asks_page
    # the ledger brought up to date and listed (it re-lists once its worker reports)
    qtbot.waitUntil(lambda: bool(page.cards) and page._worker is None, timeout=30_000)
    QApplication.processEvents()
    seen = _tab_through(qtbot, window.search_field, 5)
    assert seen[:4] == ["searchField", "navigator", "asksTopic", "asksUnanswered"], seen
    assert seen[4] == "askStatus", seen

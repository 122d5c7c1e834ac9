"""The brief's header, typed into and clicked as an officer does: the meeting date above all."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QInputMethodEvent

from briefer.briefs import service
from briefer.ui.date_field import parse_typed_date
from briefer.ui.qt import QApplication, QLocale, Qt, QToolButton


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text``: keys for ASCII, an input-method commit (as a Japanese IME sends) else."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def header(window, qtbot):  # type: ignore[no-untyped-def]
    brief_id = window.new_brief("EU–Japan Digital Partnership Council")
    header = window.editor.header
    qtbot.waitExposed(header)
    window.activateWindow()
    return header, brief_id


def _stored(window, brief_id: int) -> date | None:  # type: ignore[no-untyped-def]
    return service.get_brief(window.ws.store, brief_id).meeting_date


@pytest.mark.parametrize(
    ("typed", "locale"),
    [
        ("12 May 2025", "en_GB"),
        ("May 12, 2025", "en_US"),
        ("2025-05-12", "en_US"),
        ("12/05/2025", "en_GB"),
        ("05/12/2025", "en_US"),
        ("2025年5月12日", "ja_JP"),
        ("令和7年5月12日", "ja_JP"),
    ],
)
def test_typed_date_is_saved_and_tab_leaves(window, qtbot, header, typed, locale) -> None:
    QLocale.setDefault(QLocale(locale))
    try:
        head, brief_id = header
        head.title.setFocus()
        qtbot.keyClick(head.title, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is head.date  # one Tab stop from the title
        assert head.date.text() == ""  # an empty field, not "No date" to type after
        type_text(qtbot, head.date, typed)
        qtbot.keyClick(head.date, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is head.venue  # and one Tab leaves it
        assert _stored(window, brief_id) == date(2025, 5, 12)
        assert "2025" in head.date.text() and not head.date.property("invalid")
        # Undo names the edit and takes the date away again
        assert "date" in window.window_actions.undo.text().lower()
        window.window_actions.undo.trigger()
        assert _stored(window, brief_id) is None
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_nonsense_is_refused_and_store_unchanged(window, qtbot, header) -> None:
    head, brief_id = header
    head.date.setFocus()
    with qtbot.waitSignal(head.date.invalid) as blocker:
        qtbot.keyClicks(head.date, "next Tuesday")
        qtbot.keyClick(head.date, Qt.Key.Key_Return)
    assert "not a date" in blocker.args[0]
    assert head.date.property("invalid")
    assert _stored(window, brief_id) is None


def test_calendar_opens_on_today_and_a_pick_saves_at_once(window, qtbot, header) -> None:
    head, brief_id = header
    button = next(b for b in head.date.findChildren(QToolButton) if b.isVisible())
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # not a second Tab stop
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    calendar = head.date.calendar
    qtbot.waitUntil(calendar.isVisible)
    today = date.today()
    shown = calendar.selectedDate()
    assert (shown.year(), shown.month(), shown.day()) == (today.year, today.month, today.day)
    view = calendar.findChild(type(calendar.focusWidget())) or calendar
    qtbot.keyClick(calendar.focusWidget() or view, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.focusWidget() or view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert _stored(window, brief_id) == today + timedelta(days=1)  # no focus-out needed


def test_clear_button_removes_the_date(window, qtbot, header) -> None:
    head, brief_id = header
    head.date.setFocus()
    qtbot.keyClicks(head.date, "2025-05-12")
    qtbot.keyClick(head.date, Qt.Key.Key_Return)
    assert _stored(window, brief_id) == date(2025, 5, 12)
    head.venue.setFocus()
    clear = next(
        b
        for b in head.date.findChildren(QToolButton)
        if b.isVisible() and b.isEnabled() and b.defaultAction() is not head.date.calendar_action
    )
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _stored(window, brief_id) is None)


def test_parse_typed_date_whole_text_only() -> None:
    gb = QLocale("en_GB")
    us = QLocale("en_US")
    assert parse_typed_date("12/05/2025", gb) == date(2025, 5, 12)
    assert parse_typed_date("12/05/2025", us) == date(2025, 12, 5)
    assert parse_typed_date("１２ May ２０２５", gb) == date(2025, 5, 12)
    assert parse_typed_date("12 May 2025 meeting", gb) is None
    assert parse_typed_date("31/02/2025", gb) is None
    assert parse_typed_date("", gb) is None

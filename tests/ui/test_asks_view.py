"""The Asks page, driven as an officer does: filter, change a status, unlink, link, undo."""

from __future__ import annotations

import os
from pathlib import Path

from briefer.briefs import operations as ops
from briefer.library import asks as ledger
from briefer.ui.asks_view import AskCard
from briefer.ui.link_answer_dialog import LinkAnswerDialog
from briefer.ui.qt import QCheckBox, QComboBox, QLabel, QPushButton, Qt, QTimer, QToolButton

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _open(window, qtbot):  # type: ignore[no-untyped-def]
    assert window.navigator.select_key("section:asks")
    page = window.asks_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: bool(page.cards), timeout=20000)
    return page


def _stored(window, ask_id):  # type: ignore[no-untyped-def]
    (view,) = ledger.list_asks(window.ws.store, ask_ids=[ask_id], up_to_date=False)
    return view


def test_asks_page_lists_filters_and_decides_undoably(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 640)
    page = _open(window, qtbot)
    total = len(ledger.list_asks(window.ws.store, up_to_date=False))
    assert len(page.cards) == total and str(total) in page.summary.text()
    # Unanswered asks across all topics.
    box = page.findChild(QCheckBox, "asksUnanswered")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    assert page.cards and all(c.ask.status == "unaddressed" for c in page.cards)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    # One topic.
    combo = page.findChild(QComboBox, "asksTopic")
    combo.setCurrentIndex(combo.findText("Artificial intelligence"))
    assert page.cards and all("Artificial intelligence" in c.ask.topics for c in page.cards)
    qtbot.waitUntil(lambda: page.cards[0].isVisible() and page.cards[0].height() > 40)
    qtbot.wait(100)
    window.grab().save(str(tmp_path / "asks.png"))
    # The README's screenshot: a topic whose asks are partly answered.
    combo.setCurrentIndex(combo.findText("5G, Beyond 5G and 6G"))
    qtbot.waitUntil(lambda: page.cards[0].isVisible() and page.cards[0].height() > 40)
    qtbot.wait(100)
    shot = tmp_path / "asks-5g.png"
    window.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("BRIEFER_UPDATE_SCREENSHOTS"):  # README's docs/screenshots/asks.png
        window.grab().save(str(SHOTS / "asks.png"))
    combo.setCurrentIndex(combo.findText("Artificial intelligence"))

    # Change a status through the chip's menu, then undo it.
    card = next(c for c in page.cards if c.ask.status == "unaddressed")
    ask_id = card.ask.id
    chip = card.findChild(QToolButton, "askStatus")
    assert "Computed" in chip.toolTip()
    action = next(a for a in chip.menu().actions() if a.objectName() == "mark-partly")
    action.trigger()
    assert _stored(window, ask_id).status == "partly"
    card = next(c for c in page.cards if c.ask.id == ask_id)
    assert card.findChild(QToolButton, "askStatus").text().startswith("Partly")
    window.ws.undo.undo()
    assert _stored(window, ask_id).status == "unaddressed"
    assert not _stored(window, ask_id).confirmed

    # Unlink an answer by clicking, then undo.
    answered = next(c for c in page.cards if c.ask.responses)
    ask_id, first = answered.ask.id, answered.ask.responses[0]
    qtbot.mouseClick(answered.findChild(QToolButton, "unlinkAnswer"), Qt.MouseButton.LeftButton)
    assert all(r.start != first.start for r in _stored(window, ask_id).responses)
    window.ws.undo.undo()
    assert any(r.start == first.start for r in _stored(window, ask_id).responses)

    # Link another answer through the dialog (picked by clicking), then undo.
    card = next(c for c in page.cards if c.ask.id == ask_id)

    def pick() -> None:
        dialog = page.findChild(LinkAnswerDialog)
        assert dialog is not None
        lst = dialog.passages
        rect = lst.visualItemRect(lst.item(lst.count() - 1))
        qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        ok = dialog.buttons.buttons()[0]
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, pick)
    qtbot.mouseClick(card.findChild(QPushButton, "linkAnswer"), Qt.MouseButton.LeftButton)
    linked = [r for r in _stored(window, ask_id).responses if r.origin == "manual"]
    assert len(linked) == 1
    card = next(c for c in page.cards if c.ask.id == ask_id)
    texts = [lbl.text() for lbl in card.findChildren(QLabel, "askAnswer")]
    assert any(linked[0].text[:30] in t for t in texts)
    window.ws.undo.undo()
    assert not [r for r in _stored(window, ask_id).responses if r.origin == "manual"]


def test_quote_cards_carry_the_ask_chip(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from briefer.briefs import drafting, service
    from briefer.ui.quote_card import QuoteCardDelegate

    store = window.ws.store
    bid = ops.CreateBrief("Council", {}).apply(store).created_id
    drafting.draft(store, bid, ["Cybersecurity"])
    brief = service.get_brief(store, bid)
    (section,) = brief.sections
    statuses = {q.ask_status for q in section.industry}
    assert statuses and None not in statuses
    badges = [b for q in section.industry for b, _hue in QuoteCardDelegate.badges(q)]
    assert any(b.startswith("Ask: ") for b in badges)
    assert all(q.ask_evidence for q in section.industry)
    assert isinstance(AskCard, type)

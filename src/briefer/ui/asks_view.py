"""The Asks page: every industry ask of a topic (or of all topics), the official text that
answers it, and its status as a chip the officer can confirm or change; answers can be
linked and unlinked. Every decision is an undoable command on the window's undo stack.

The ledger is brought up to date on a worker when the page is first shown and after the
library changes; the page itself only reads stored rows (at most ``PAGE`` asks at a time).
"""

from __future__ import annotations

from datetime import date

from briefer.briefs import ask_ops
from briefer.library import asks as ledger
from briefer.library import topics as topic_service
from briefer.store import ReadSession
from briefer.ui import workers
from briefer.ui.ask_chips import STATUS_HUES, status_text
from briefer.ui.brief_commands import perform
from briefer.ui.changes import Changes
from briefer.ui.date_field import format_day
from briefer.ui.link_answer_dialog import LinkAnswerDialog
from briefer.ui.qt import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.tab_order import focus_children
from briefer.ui.workspace import Workspace

PAGE = 200
STATUSES = ("addressed", "partly", "unaddressed")


def chip_style(status: str) -> str:
    hue = STATUS_HUES.get(status, 220)
    return (
        f"QToolButton {{ background: hsl({hue}, 70%, 90%); color: hsl({hue}, 70%, 28%);"
        " border-radius: 9px; padding: 2px 10px; font-weight: 600; border: none; }"
    )


def _cite(title: str, when: date | None) -> str:
    """ "Title, 12 May 2025": the date in the window's language (2025年5月12日 in Japanese)."""
    return f"{title}, {format_day(when)}" if when else title


class AskCard(QFrame):
    """One ask: its text, its status chip (a menu of decisions) and its answers."""

    decided = Signal(object)  # an ask_ops operation to perform
    link_requested = Signal(int)  # ask id

    def __init__(self, ask: ledger.AskView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask = ask
        self.setObjectName("askCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.chip = QToolButton()
        self.chip.setObjectName("askStatus")
        label = status_text(ask.status) + (" ✓" if ask.confirmed else "")
        self.chip.setText(label)
        self.chip.setStyleSheet(chip_style(ask.status))
        self.chip.setToolTip(self._evidence())
        self.chip.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.chip)
        confirm = menu.addAction(
            self.tr("Confirm “{status}”").format(status=status_text(ask.status))
        )
        confirm.triggered.connect(lambda: self.decided.emit(ask_ops.confirm(ask.id)))
        menu.addSeparator()
        for status in STATUSES:
            action = menu.addAction(self.tr("Mark {status}").format(status=status_text(status)))
            action.setObjectName(f"mark-{status}")
            action.triggered.connect(
                lambda _=False, s=status: self.decided.emit(ask_ops.SetAskStatus(ask.id, s))
            )
        if ask.confirmed:
            menu.addSeparator()
            back = menu.addAction(self.tr("Use the computed status"))
            back.triggered.connect(
                lambda: self.decided.emit(ask_ops.SetAskStatus(ask.id, None, False))
            )
        self.chip.setMenu(menu)
        top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        body = QVBoxLayout()
        text = QLabel(ask.text)
        text.setObjectName("askText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(text)
        if ask.context:
            context = QLabel(self.tr("Under: {lead}").format(lead=ask.context))
            context.setWordWrap(True)
            context.setObjectName("askContext")
            body.addWidget(context)
        cite = QLabel(
            " · ".join(
                p
                for p in (_cite(ask.source_title, ask.source_date), ", ".join(ask.topics[:3]))
                if p
            )
        )
        cite.setObjectName("askCitation")
        cite.setWordWrap(True)
        body.addWidget(cite)
        top.addLayout(body, 1)
        outer.addLayout(top)
        answers = QVBoxLayout()
        answers.setContentsMargins(24, 0, 0, 0)
        if not ask.responses:
            none = QLabel(self.tr("No official text found"))
            none.setObjectName("noAnswer")
            answers.addWidget(none)
        for r in ask.responses:
            row = QHBoxLayout()
            answer = QLabel(f"“{r.text}”  — {_cite(r.source_title, r.source_date)}")
            answer.setObjectName("askAnswer")
            answer.setWordWrap(True)
            answer.setToolTip(
                self.tr("{strength}; evidence: {terms}").format(
                    strength=r.strength, terms=", ".join(r.evidence)
                )
            )
            row.addWidget(answer, 1)
            unlink = QToolButton()
            unlink.setObjectName("unlinkAnswer")
            unlink.setText(self.tr("Unlink"))
            unlink.setToolTip(self.tr("This text does not answer the ask"))
            unlink.clicked.connect(
                lambda _=False, r=r: self.decided.emit(
                    ask_ops.UnlinkAnswer(ask.id, r.source_id, r.start, r.end)
                )
            )
            row.addWidget(unlink, 0, Qt.AlignmentFlag.AlignTop)
            answers.addLayout(row)
        link = QPushButton(self.tr("Link answer…"))
        link.setObjectName("linkAnswer")
        link.clicked.connect(lambda: self.link_requested.emit(ask.id))
        answers.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(answers)

    def _evidence(self) -> str:
        a = self.ask
        lines = [self.tr("Computed: {status}").format(status=status_text(a.auto_status))]
        if a.confirmed:
            lines.append(
                self.tr("Decided by the officer: {status}").format(status=status_text(a.status))
            )
        if a.responses:
            best = a.responses[0]
            lines.append(self.tr("Matched: {terms}").format(terms=", ".join(best.evidence)))
            lines.append(self.tr("Answer: “{text}”").format(text=best.text[:240]))
        else:
            lines.append(self.tr("No official text shares the ask's content."))
        return "\n".join(lines)


class AsksPage(QWidget):
    """The ledger for one topic or all; "Unanswered only" lists the gaps across topics."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("asksPage")
        self.ws = ws
        self._stale = True
        self._worker: workers.Worker | None = None
        self.cards: list[AskCard] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Asks ledger"))
        title.setObjectName("pageTitle")
        bar.addWidget(title)
        self.topic = QComboBox()
        self.topic.setObjectName("asksTopic")
        self.topic.setAccessibleName(self.tr("Topic"))
        bar.addWidget(self.topic)
        self.unanswered = QCheckBox(self.tr("Unanswered asks only"))
        self.unanswered.setObjectName("asksUnanswered")
        bar.addWidget(self.unanswered)
        bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("asksSummary")
        bar.addWidget(self.summary)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("asksCancel")
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel)
        bar.addWidget(self.cancel)
        layout.addLayout(bar)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.addStretch(1)
        self.scroller.setWidget(self.list)
        layout.addWidget(self.scroller, 1)
        self.topic.currentIndexChanged.connect(lambda _i: self.reload())
        self.unanswered.toggled.connect(lambda _on: self.reload())
        ws.bus.changed.connect(self._changed)

    def tab_chain(self) -> list[QWidget]:
        """Reading order: the filters, Cancel, then each ask as listed."""
        return [
            self.topic,
            self.unanswered,
            self.cancel,
            *(w for card in self.cards for w in focus_children(card)),
        ]

    # -- data ---------------------------------------------------------------------------------
    def show_topic(self, topic_id: int | None) -> None:
        """Show a topic's asks (None: all topics)."""
        self._fill_topics(topic_id)
        if self._stale:
            self.bring_up_to_date()
        else:
            self.reload()

    def _fill_topics(self, selected: int | None) -> None:
        found = self.ws.attempt(lambda: topic_service.list_topics(self.ws.store, counts=False))
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem(self.tr("All topics"), None)
        for t in found or []:
            self.topic.addItem(t.name, t.id)
        at = self.topic.findData(selected) if selected is not None else 0
        self.topic.setCurrentIndex(max(0, at))
        self.topic.blockSignals(False)

    def bring_up_to_date(self) -> None:
        """Re-compute the ledger on a worker (incremental), then show it."""
        if self._worker is not None:
            return
        store = self.ws.store
        self.summary.setText(self.tr("Matching asks with official texts…"))
        worker = workers.Worker(
            lambda job: ledger.refresh(store, progress=job.progress, cancelled=lambda: job.aborted)
        )
        worker.signals.result.connect(self._refreshed)
        worker.signals.error.connect(self._failed)
        worker.signals.progress.connect(self._progress)
        self._worker = worker
        self.cancel.show()
        workers.start(worker, writes=True, owner=self)

    def _progress(self, done: int, total: int, what: str) -> None:
        if total:
            self.summary.setText(f"{what}… {done:,}/{total:,}")

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.abort()

    def _refreshed(self, _result: object) -> None:
        self._worker = None
        self.cancel.hide()
        self._stale = False
        self.reload()

    def _failed(self, exc: object) -> None:
        self._worker = None
        self.cancel.hide()
        if isinstance(exc, ledger.Cancelled):  # the stored ledger is shown as it was
            self.reload()
            self.summary.setText(self.summary.text() + " · " + self.tr("update cancelled"))
            return
        self.ws.problem.emit(str(exc))

    def reload(self) -> None:
        topic = self.topic.currentData()
        status = "unaddressed" if self.unanswered.isChecked() else None

        def read() -> tuple[list[ledger.AskView], int]:
            with ReadSession(self.ws.store) as s:
                found = ledger.read_asks(s, topic=topic, status=status, limit=PAGE)
                return found, ledger.count_asks(s, topic=topic, status=status)

        result = self.ws.attempt(read)
        found, total = result if result else ([], 0)
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for a in found:
            card = AskCard(a)
            card.decided.connect(self.decide)
            card.link_requested.connect(self.link)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards.append(card)
        shown = self.tr("{n} asks").format(n=total)
        if total > len(found):
            shown = self.tr("{shown} of {n} asks").format(shown=len(found), n=total)
        self.summary.setText(shown)

    def _changed(self, changes: Changes) -> None:
        if changes.sources or changes.store or changes.topics:
            self._stale = True
            if self.isVisible():
                self.bring_up_to_date()
        elif changes.briefs and self.isVisible():
            self.reload()  # an ask decision (its command notifies as a brief edit)

    # -- decisions ----------------------------------------------------------------------------
    def decide(self, op: ask_ops.Operation) -> None:
        perform(self.ws, op)

    def link(self, ask_id: int) -> None:
        dialog = LinkAnswerDialog(self.ws, self)
        if dialog.exec() and dialog.choice is not None:
            source_id, start, end = dialog.choice
            perform(self.ws, ask_ops.LinkAnswer(ask_id, source_id, start, end))

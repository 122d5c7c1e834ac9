"""“Draft Sections…”: pick topics, and let the drafting service suggest quotes for each.

The draft runs as one ``DraftSections`` operation on the single-thread write pool; when it
is done the applied operation and its inverse go on the undo stack as one step. The
suggestions then wait in the editor for the officer to accept or dismiss.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefer.briefs import service
from briefer.briefs.drafting import DraftSections
from briefer.library import asks, topics
from briefer.library.views import TopicInfo
from briefer.store import Store
from briefer.ui import workers
from briefer.ui.brief_commands import record
from briefer.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QSpinBox,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.wording import counted
from briefer.ui.workspace import Workspace

TopicIdRole = Qt.ItemDataRole.UserRole + 1


def _draft(job: workers.Job, store: Store, op: DraftSections) -> object:
    """Pool thread: bring the asks ledger up to date (with progress; cancellable: after a
    large import it reads every new source), then apply the draft (one transaction) and
    return what it did."""
    job.progress(0, 0, "")
    asks.refresh(store, progress=job.progress, cancelled=lambda: job.aborted)
    if job.aborted:
        raise asks.Cancelled("Cancelled: nothing was drafted.")
    job.progress(0, 0, "")
    return op.apply(store)


class DraftDialog(QDialog):
    """A checklist of topics; those the brief has sections for come ticked and are named
    (drafted again, they get new suggestions appended)."""

    #: section count drafted, once the draft is on the undo stack
    drafted = Signal(int)

    def __init__(
        self,
        ws: Workspace,
        brief_id: int,
        parent: QWidget | None = None,
        *,
        topic_list: Sequence[TopicInfo] | None = None,
        in_brief: Iterable[int | None] | None = None,
    ) -> None:
        """``topic_list`` and ``in_brief`` (the topic ids of the brief's sections) are what
        the window already shows; given, the dialog opens without reading the store (on
        the UI thread, in a large library, that read was a stall of its own)."""
        super().__init__(parent)
        self.setObjectName("draftDialog")
        self.setWindowTitle(self.tr("Draft Sections"))
        self.setMinimumSize(460, 520)
        self.ws = ws
        self.brief_id = brief_id
        self.worker: workers.Worker | None = None
        if in_brief is None:
            in_brief = [s.topic_id for s in service.get_brief(ws.store, brief_id).sections]
        in_brief = set(in_brief)
        if topic_list is None:
            topic_list = topics.list_topics(ws.store, counts=False)
        intro = QLabel(
            self.tr(
                "Briefer suggests the best tagged passages for each topic, industry and "
                "official separately. Suggestions are marked until you accept them."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageSubtitle")
        self.model = QStandardItemModel(self)
        drafted: list[str] = []
        for t in topic_list:
            label = t.name
            # the brief's own topics come ticked: drafting into a brief is usually drafting
            # its sections again (new suggestions beside what is there)
            ticked = t.id in in_brief
            if ticked:
                label += self.tr("   (already drafted)")
                drafted.append(t.name)
            item = QStandardItem(label)
            item.setData(t.id, TopicIdRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.model.appendRow(item)
        #: which topics the brief has sections for already, in words
        self.already = QLabel(
            self.tr(
                "Already drafted in this brief: {topics}. Ticked, they get new suggestions "
                "beside the quotes already there; untick those you want left as they are."
            ).format(topics=", ".join(f"“{name}”" for name in drafted))
        )
        self.already.setObjectName("draftAlready")
        self.already.setWordWrap(True)
        self.already.setVisible(bool(drafted))
        self.model.itemChanged.connect(self._update_buttons)
        self.list = QListView()
        self.list.setObjectName("draftTopics")
        self.list.setModel(self.model)
        self.select_all = QCheckBox(self.tr("Select &all"))
        self.select_all.setObjectName("draftSelectAll")
        self.select_all.setTristate(False)
        self.select_all.clicked.connect(self._select_all)
        self.per_side = QSpinBox()
        self.per_side.setRange(1, 8)
        self.per_side.setValue(3)
        self.per_side.setSuffix(self.tr(" per side"))
        per_row = QHBoxLayout()
        per_row.addWidget(QLabel(self.tr("Suggest up to")))
        per_row.addWidget(self.per_side)
        per_row.addStretch(1)
        # Press and analysis ("other" sources): left out unless the officer asks for them,
        # and then in a column of their own, never as an official outcome.
        self.context = QCheckBox(self.tr("Quote &press and analysis in a Context column"))
        self.context.setObjectName("draftContext")
        self.context.setToolTip(
            self.tr(
                "Sources of kind Other (news articles, analysis) are never drafted as official "
                "outcomes; tick this to quote them beside the evidence as context."
            )
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("draftProgress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("hintLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Draft"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.already)
        layout.addWidget(self.select_all)
        layout.addWidget(self.list, 1)
        layout.addLayout(per_row)
        layout.addWidget(self.context)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_buttons()

    def check_topics(self, topic_ids: list[int]) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            wanted = item.data(TopicIdRole) in topic_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def checked_topics(self) -> list[int]:
        return [
            int(self.model.item(r).data(TopicIdRole))
            for r in range(self.model.rowCount())
            if self.model.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _select_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.model.rowCount()):
            self.model.item(row).setCheckState(state)

    def _update_buttons(self) -> None:
        n = len(self.checked_topics())
        self.ok.setEnabled(n > 0 and self.worker is None)
        self.ok.setText(
            counted(n, "Draft {n} Section", "Draft {n} Sections") if n else self.tr("Draft")
        )
        blocked = self.select_all.blockSignals(True)
        self.select_all.setChecked(n == self.model.rowCount() and n > 0)
        self.select_all.blockSignals(blocked)

    def start(self) -> None:
        """Run the draft on the write pool; the dialog closes when it is on the undo stack."""
        ids = self.checked_topics()
        if not ids or self.worker is not None:
            return
        op = DraftSections(
            self.brief_id, tuple(ids), self.per_side.value(), context=self.context.isChecked()
        )
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(counted(len(ids), "Drafting {n} section…", "Drafting {n} sections…"))
        self.list.setEnabled(False)
        self.worker = workers.Worker(_draft, self.ws.store, op)
        self.worker.signals.result.connect(lambda applied: self._done(op, applied))
        self.worker.signals.error.connect(self._failed)
        self.worker.signals.progress.connect(self._progress)
        self._update_buttons()
        workers.start(self.worker, writes=True, owner=self)

    def _progress(self, done: int, total: int, _what: str) -> None:
        if total <= 0:
            self.progress.setRange(0, 0)
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(
            self.tr("Reading the asks of new sources: {done} of {total}…").format(
                done=f"{done:,}", total=f"{total:,}"
            )
        )

    def reject(self) -> None:
        """Cancel: while drafting, stop the work (nothing is written) and stay open."""
        if self.worker is not None:
            self.worker.abort()
            self.status.setText(self.tr("Cancelling…"))
            return
        super().reject()

    def _done(self, op: DraftSections, applied: object) -> None:
        record(self.ws, op, applied)  # type: ignore[arg-type]
        self.ws.message.emit(counted(len(op.topics), "Drafted {n} section", "Drafted {n} sections"))
        self.drafted.emit(len(op.topics))
        self.worker = None
        self.accept()

    def _failed(self, exc: object) -> None:
        self.worker = None
        self.progress.hide()
        self.list.setEnabled(True)
        self.status.setText("")
        self._update_buttons()
        if isinstance(exc, asks.Cancelled):  # the officer's own choice: said here, no alarm
            self.status.setText(self.tr("Cancelled: nothing was drafted."))
            return
        self.ws.problem.emit(str(exc))

"""Import files: read them (worker), let the officer correct the metadata, import (worker).

The review also shows the files that read like a source already in the store, with the
officer's choice for each (``near_duplicate_panel``). Ends with a summary: imported,
duplicates, left out and failures with their reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefer.ingest.readers import SUFFIXES, Document
from briefer.library import near_duplicates
from briefer.library.importing import (
    ImportItem,
    ImportSummary,
    ReadFile,
    check_document,
    import_read,
    read_paths,
)
from briefer.store import Store
from briefer.ui.changes import Changes
from briefer.ui.import_model import COLUMNS, ImportEntry, ImportTableModel, KindDelegate
from briefer.ui.near_duplicate_panel import NearDuplicatePanel
from briefer.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.wording import counted
from briefer.ui.workers import Job, Worker, start
from briefer.ui.workspace import Workspace

ReadAnswer = tuple[list[ReadFile], bool, list[tuple[near_duplicates.NearDuplicate, ...]]]


def read_step(
    job: Job, store: Store, paths: Sequence[Path], documents: Sequence[Document]
) -> ReadAnswer:
    """The dialog's first worker: the library's reading step, and for each file read the
    sources already in the store it reads like (read-only, shown in the review)."""
    pasted = [check_document(store, d, d.origin) for d in documents]
    files, cancelled = read_paths(
        store,
        paths,
        progress=lambda p: job.progress(p.done, p.total, p.file.name),
        cancel=lambda: job.aborted,
    )
    found = pasted + files
    near = [
        near_duplicates.find_for_document(store, r.document)
        if r.status == "ready" and r.document is not None and not cancelled
        else ()
        for r in found
    ]
    return found, cancelled, near


def import_step(job: Job, store: Store, items: Sequence[ImportItem]) -> ImportSummary:
    """The dialog's second worker: the library's importing step, nothing else."""
    return import_read(
        store,
        items,
        progress=lambda p: job.progress(p.done, p.total, p.result.path.name),
        cancel=lambda: job.aborted,
    )


class ImportDialog(QDialog):
    """Shows proposed metadata per file, imports in the background, then sums up."""

    #: the files have been read and the table is ready for review
    ready = Signal()
    #: the import ended (or was cancelled); carries (imported, duplicate, failed)
    import_finished = Signal(int, int, int)

    def __init__(
        self,
        ws: Workspace,
        paths: Sequence[Path] = (),
        documents: Sequence[Document] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import sources"))
        self.setAccessibleName(self.tr("Import sources"))
        self.resize(980, 460)
        self.ws = ws
        self._worker: Worker | None = None
        self._phase = "reading"
        self._rows: list[int] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("importTable")
        self.table.setAccessibleName(self.tr("Files to import"))
        self.model = ImportTableModel(self.table)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COLUMNS.index("kind"), KindDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        # The status column stretches and wraps, so a whole reason stays readable.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in zip(COLUMNS, (150, 220, 125, 95, 130, 60), strict=False):
            self.table.setColumnWidth(COLUMNS.index(col), width)
        header.setMinimumSectionSize(50)
        self.near_panel = NearDuplicatePanel(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.near_panel.show_row(current.row())
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setTextVisible(True)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.near_panel)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)
        if paths:
            self.intro.setText(self.tr("Reading the files…"))
        self.progress.setRange(0, 0)
        worker = Worker(read_step, self.ws.store, list(paths), list(documents))
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._read)
        worker.signals.error.connect(self._worker_failed)
        self._worker = start(worker, owner=self)

    # -- phases -----------------------------------------------------------------------------
    def _read(self, answer: ReadAnswer) -> None:
        found, cancelled, near = answer
        if cancelled:
            self._worker = None
            super().reject()
            return
        entries = [ImportEntry.from_read(r, n) for r, n in zip(found, near, strict=True)]
        self._phase = "review"
        self._worker = None
        self.model.set_entries(entries)
        n = sum(e.importable for e in entries)
        intro = self.tr(
            "Check what will be recorded for each source; double-click a cell to correct it. "
            "The kind decides the column a source's passages go to on the topic board."
        )
        held = [row for row, e in enumerate(entries) if e.near]
        if held:
            intro += " " + counted(
                len(held),
                "{n} file reads like a source already in the store: select it to choose.",
                "{n} files read like sources already in the store: select one to choose.",
            )
        self.intro.setText(intro)
        self.progress.setRange(0, max(1, len(entries)))
        self.progress.setValue(0)
        self.progress.setFormat(counted(n, "{n} file ready", "{n} files ready"))
        self.import_button.setEnabled(n > 0)
        self.table.resizeRowsToContents()
        if held:  # the first near-duplicate selected, its choices shown
            self.table.selectRow(held[0])
            self.near_panel.show_row(held[0])
        self.ready.emit()

    def start_import(self) -> None:
        if self._phase != "review":
            return
        self.table.setFocus()  # commit a cell being edited
        self._phase = "importing"
        self.model.editable = False
        self.near_panel.show_row(-1)
        for e in self.model.entries:
            if e.importable and not e.to_import:  # a near-duplicate the officer leaves out
                target = e.near_target_view() or e.near[0]
                e.status = "skipped"
                e.message = self.tr("reads {p}% like #{id}, left out").format(
                    p=target.percent, id=target.source_id
                )
        self._rows = [row for row, e in enumerate(self.model.entries) if e.to_import]
        work = [self.model.entries[row].item() for row in self._rows]
        self.import_button.setEnabled(False)
        self.model.refresh()
        self.progress.setRange(0, max(1, len(work)))
        self.progress.setFormat(self.tr("Importing %v of %m…"))
        worker = Worker(import_step, self.ws.store, work)
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._imported)
        worker.signals.error.connect(self._worker_failed)
        self._worker = start(worker, writes=True, owner=self)

    def _imported(self, summary: ImportSummary) -> None:
        self._worker = None
        self._phase = "done"
        for row, result in zip(self._rows, summary.results, strict=False):
            entry = self.model.entries[row]
            entry.status = result.status
            entry.message = f"#{result.source.id}" if result.source is not None else result.reason
        for row in self._rows[len(summary.results) :]:
            entry = self.model.entries[row]
            entry.status, entry.message = "skipped", self.tr("cancelled")
        self.model.refresh()
        count = {
            s: sum(1 for e in self.model.entries if e.status == s)
            for s in ("imported", "duplicate", "failed", "near_duplicate")
        }
        text = self.tr("Imported {i} · already in the store {d} · failed {f}").format(
            i=count["imported"], d=count["duplicate"], f=count["failed"]
        )
        left_out = sum(1 for e in self.model.entries if e.near and e.status == "skipped")
        if left_out or count["near_duplicate"]:
            text += " · " + self.tr("near-duplicates left out {n}").format(
                n=left_out + count["near_duplicate"]
            )
        self.summary.setText(text)
        self.progress.setFormat(self.tr("Done"))
        self.progress.setValue(self.progress.maximum())
        self.cancel_button.hide()
        self.import_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        if count["imported"]:
            self.ws.bus.notify(Changes(sources=True, topics=True, passages=True))
            self.ws.message.emit(
                counted(count["imported"], "{n} source imported", "{n} sources imported")
            )
        self.import_finished.emit(count["imported"], count["duplicate"], count["failed"])

    def _progress(self, done: int, total: int, _name: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _worker_failed(self, exc: object) -> None:
        self._worker = None
        self.summary.setText(str(exc))
        self.ws.problem.emit(str(exc))

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.abort()  # the worker stops between files and reports what it did
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def reject(self) -> None:
        if self._worker is not None:
            self._worker.abort()
            return
        super().reject()


_FORMAT_LABELS = {
    "text": QT_TRANSLATE_NOOP("ImportDialog", "Plain text"),
    "markdown": QT_TRANSLATE_NOOP("ImportDialog", "Markdown"),
    "docx": QT_TRANSLATE_NOOP("ImportDialog", "Word documents"),
    "pdf": QT_TRANSLATE_NOOP("ImportDialog", "PDF documents"),
    "html": QT_TRANSLATE_NOOP("ImportDialog", "Web pages"),
    "eml": QT_TRANSLATE_NOOP("ImportDialog", "E-mail messages"),
}


def import_filter() -> str:
    """The file dialog's filter, built from the readers' suffixes: every supported document
    first (the default), then one entry per format, then all files."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ImportDialog", text)

    by_format: dict[str, list[str]] = {}
    for suffix, fmt in SUFFIXES.items():
        by_format.setdefault(fmt, []).append(f"*{suffix}")
    every = " ".join(p for pats in by_format.values() for p in pats)
    parts = [f"{tr('All supported documents')} ({every})"]
    for fmt, pats in by_format.items():
        parts.append(f"{tr(str(_FORMAT_LABELS.get(fmt, fmt)))} ({' '.join(pats)})")
    parts.append(f"{tr('All files')} (*)")
    return ";;".join(parts)

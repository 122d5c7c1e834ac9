"""Import files: read them (worker), let the officer correct the metadata, import (worker).

Ends with a summary: imported, duplicates and failures with their reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefer.errors import BrieferError, DuplicateSourceError
from briefer.ingest.readers import Document, read_path
from briefer.library import sources
from briefer.store import Store
from briefer.ui.changes import Changes
from briefer.ui.import_model import COLUMNS, ImportEntry, ImportTableModel, KindDelegate
from briefer.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.wording import counted
from briefer.ui.workers import Job, Worker, start
from briefer.ui.workspace import Workspace


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; folders replaced by the (non-hidden) files inside them."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            )
        else:
            out.append(p)
    return out


def read_files(job: Job, paths: list[Path]) -> list[ImportEntry]:
    entries = []
    for i, path in enumerate(paths):
        if job.aborted:
            break
        job.progress(i, len(paths), path.name)
        try:
            entries.append(ImportEntry.from_document(path.name, read_path(path)))
        except BrieferError as exc:
            entries.append(ImportEntry.failed(path, str(exc)))
        except OSError as exc:
            entries.append(ImportEntry.failed(path, f"{path.name}: {exc.strerror or exc}"))
    job.progress(len(paths), len(paths), "")
    return entries


def import_entries(
    job: Job, store: Store, work: list[tuple[int, Document, sources.SourceFields]]
) -> list[tuple[int, str, str]]:
    """(row, status, message) per entry; stops between files when cancelled."""
    out: list[tuple[int, str, str]] = []
    for n, (row, doc, fields) in enumerate(work):
        if job.aborted:
            break
        job.progress(n, len(work), doc.origin)
        try:
            info = sources.import_document(store, doc, fields)
        except DuplicateSourceError as exc:
            out.append((row, "duplicate", str(exc)))
        except BrieferError as exc:
            out.append((row, "failed", str(exc)))
        else:
            out.append((row, "imported", f"#{info.id}"))
    job.progress(len(out), len(work), "")
    return out


class ImportDialog(QDialog):
    """Shows proposed metadata per file, imports in the background, then sums up."""

    #: the files have been read and the table is ready for review
    ready = Signal()
    #: the import ended (or was cancelled); carries (imported, duplicate, failed)
    done = Signal(int, int, int)

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
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in zip(COLUMNS, (170, 300, 130, 95, 180, 70), strict=False):
            self.table.setColumnWidth(COLUMNS.index(col), width)
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
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)
        entries = [
            ImportEntry.from_document(d.origin or self.tr("Pasted text"), d) for d in documents
        ]
        files = expand_paths(list(paths))
        if files:
            self.intro.setText(counted(len(files), "Reading {n} file…", "Reading {n} files…"))
            worker = Worker(read_files, files)
            worker.signals.progress.connect(self._progress)
            worker.signals.result.connect(lambda found: self._read(entries + found))
            worker.signals.error.connect(self._worker_failed)
            self._worker = start(worker)
        else:
            self._read(entries)

    # -- phases -----------------------------------------------------------------------------
    def _read(self, entries: list[ImportEntry]) -> None:
        self._phase = "review"
        self._worker = None
        self.model.set_entries(entries)
        n = sum(e.importable for e in entries)
        self.intro.setText(
            self.tr(
                "Check what will be recorded for each source; double-click a cell to correct it. "
                "The kind decides the column a source's passages go to on the topic board."
            )
        )
        self.progress.setRange(0, max(1, len(entries)))
        self.progress.setValue(0)
        self.progress.setFormat(counted(n, "{n} file ready", "{n} files ready"))
        self.import_button.setEnabled(n > 0)
        self.table.resizeRowsToContents()
        self.ready.emit()

    def start_import(self) -> None:
        if self._phase != "review":
            return
        self.table.setFocus()  # commit a cell being edited
        self._phase = "importing"
        self.model.editable = False
        work = [
            (row, e.document, e.fields())
            for row, e in enumerate(self.model.entries)
            if e.importable and e.document is not None
        ]
        self.import_button.setEnabled(False)
        self.progress.setRange(0, max(1, len(work)))
        self.progress.setFormat(self.tr("Importing %v of %m…"))
        worker = Worker(import_entries, self.ws.store, work)
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._imported)
        worker.signals.error.connect(self._worker_failed)
        self._worker = start(worker, writes=True)

    def _imported(self, results: list[tuple[int, str, str]]) -> None:
        self._worker = None
        self._phase = "done"
        for row, status, message in results:
            entry = self.model.entries[row]
            entry.status, entry.message = status, message
        for entry in self.model.entries:
            if entry.importable and not entry.status:
                entry.status, entry.message = "skipped", self.tr("cancelled")
        self.model.refresh()
        count = {
            s: sum(1 for e in self.model.entries if e.status == s)
            for s in ("imported", "duplicate", "failed")
        }
        self.summary.setText(
            self.tr("Imported {i} · already in the store {d} · failed {f}").format(
                i=count["imported"], d=count["duplicate"], f=count["failed"]
            )
        )
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
        self.done.emit(count["imported"], count["duplicate"], count["failed"])

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

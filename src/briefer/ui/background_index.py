"""The ranking index (``store.rank_index``) brought up to date in the background, in the
status bar.

Search ranks every match through a tantivy index beside the store file. After an import, a
deletion or on a store that never had one, the index is behind: search then answers from
FTS5 (the 1,000 newest matches ranked, never a stale answer) while this widget updates the
index on a worker of its own ("Indexing for ranking: 120,000 of 812,183 passages", with a
Later button). What is committed stays: Later, closing the window or opening another store
stops it after the current source, and the next start carries on.
"""

from __future__ import annotations

from collections.abc import Callable

from briefer.errors import BrieferError
from briefer.library import search
from briefer.store import Store
from briefer.ui import workers
from briefer.ui.qt import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QThreadPool,
    QToolButton,
    QWidget,
)


class BackgroundIndex(QWidget):
    """A status-bar widget that brings the store's ranking index up to date."""

    def __init__(
        self,
        on_finished: Callable[[], None],
        on_problem: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backgroundIndex")
        self._on_finished = on_finished
        self._on_problem = on_problem
        self._worker: workers.Worker | None = None
        self._held = False  # Later was pressed: not again for this store
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.later = QToolButton()
        self.later.setText(self.tr("Later"))
        self.later.setToolTip(
            self.tr("Stop for now; search ranks the newest matches until the index is updated")
        )
        self.later.clicked.connect(self._later)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.later)
        self.hide()

    @property
    def running(self) -> bool:
        return self._worker is not None

    def reset(self) -> None:
        """Another store: Later no longer holds."""
        self.stop(wait=True)
        self._held = False

    def start(self, store: Store, *, only_if_present: bool = False) -> bool:
        """Update the store's ranking index on the background pool, unless it is current,
        running already, or the officer said Later (with ``only_if_present``, also unless
        it has none yet); False if nothing was started."""
        if self._worker is not None or self._held:
            return False
        if search.rank_index_file(store) is None:
            return False
        try:
            status = search.rank_index_status(store)
            if status == "current" or (only_if_present and status == "missing"):
                return False
        except (BrieferError, OSError) as exc:  # reported; search still answers
            self._on_problem(str(exc))
            return False

        def work(job: workers.Job) -> object:
            return search.update_rank_index(
                store,
                progress=lambda done, total: job.progress(done, total, ""),
                cancelled=lambda: job.aborted,
            )

        worker = workers.Worker(work)
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._done)
        worker.signals.error.connect(self._failed)
        self._worker = worker
        self.label.setText(self.tr("Indexing for ranking…"))
        self.bar.setRange(0, 0)
        self.later.setEnabled(True)
        self.show()
        self.pool.start(worker)
        return True

    def stop(self, wait: bool = False) -> None:
        """Stop after the current source (what is committed is kept)."""
        if self._worker is not None:
            self._worker.abort()
            self.later.setEnabled(False)
        if wait:
            self.pool.waitForDone()

    def _later(self) -> None:
        self._held = True
        self.stop()

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.label.setText(
            self.tr("Indexing for ranking: {done} of {total} passages").format(
                done=f"{done:,}", total=f"{total:,}"
            )
        )

    def _done(self, result: object) -> None:
        self._worker = None
        self.hide()
        complete = getattr(result, "complete", False)
        note = getattr(result, "note", "")
        if complete:
            self._on_finished()
        elif note and note != "cancelled":
            self._on_problem(
                self.tr("The ranking index was not updated: {reason}.").format(reason=note)
            )

    def _failed(self, exc: object) -> None:
        self._worker = None
        self.hide()
        self._on_problem(
            self.tr("The ranking index was not updated: {reason}.").format(reason=exc)
        )

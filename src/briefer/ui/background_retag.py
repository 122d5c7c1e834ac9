"""The scheduled re-tag (``library.pending_retag``) run in the background, in the status bar.

After an upgrade whose taxonomy added default aliases, opening a large store used to re-tag
the whole library before the window showed (4 min 42 s at 10,000 sources, with no sign of
life). The window now shows at once; this widget sits in the status bar with the progress
("Updating topics for this version's new aliases: 1,200 of 10,000 sources") and a Later
button. It runs on a pool of its own, not the write pool, so edits go in between its
batches; Later, closing the window or opening another store stops it after the current
batch, and the next start carries on.
"""

from __future__ import annotations

from collections.abc import Callable

from briefer.errors import BrieferError
from briefer.library import pending_retag
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


class BackgroundRetag(QWidget):
    """A status-bar widget that runs the store's scheduled re-tag, if there is one."""

    def __init__(
        self,
        on_finished: Callable[[], None],
        on_problem: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backgroundRetag")
        self._on_finished = on_finished
        self._on_problem = on_problem
        self._worker: workers.Worker | None = None
        self._store: Store | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.later = QToolButton()
        self.later.setText(self.tr("Later"))
        self.later.setToolTip(
            self.tr("Stop for now; the update carries on the next time the store is opened")
        )
        self.later.clicked.connect(self.stop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.later)
        self.hide()

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, store: Store) -> bool:
        """Start the store's scheduled re-tag on the background pool; False if none is due."""
        self.stop(wait=True)
        self._store = store

        def work(job: workers.Job) -> pending_retag.Progress | None:
            def report(p: pending_retag.Progress) -> None:
                job.progress(p.done, p.total, "")

            return pending_retag.resume(store, on_progress=report, cancelled=lambda: job.aborted)

        try:
            from briefer.store import ReadSession

            with ReadSession(store) as s:
                due = pending_retag.progress(s)
        except BrieferError as exc:  # reported; the window still opens
            self._on_problem(str(exc))
            return False
        if due is None:
            return False
        worker = workers.Worker(work)
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._done)
        worker.signals.error.connect(self._failed)
        self._worker = worker
        self._progress(due.done, due.total, "")
        self.later.setEnabled(True)
        self.show()
        self.pool.start(worker)
        return True

    def stop(self, wait: bool = False) -> None:
        """Stop after the current batch (what is done is kept); ``wait`` blocks until then."""
        if self._worker is not None:
            self._worker.abort()
            self.later.setEnabled(False)
            self.label.setText(self.tr("Stopping the topic update…"))
        if wait:
            self.pool.waitForDone()

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.label.setText(
            self.tr(
                "Updating topics for this version's new aliases: {done} of {total} sources"
            ).format(done=f"{done:,}", total=f"{total:,}")
        )

    def _done(self, result: object) -> None:
        self._worker = None
        self.hide()
        if isinstance(result, pending_retag.Progress) and result.finished:
            self._on_finished()

    def _failed(self, exc: object) -> None:
        self._worker = None
        self.hide()
        self._on_problem(
            self.tr(
                "The topic update stopped: {reason}. It carries on the next time the store "
                "is opened."
            ).format(reason=exc)
        )

"""A long background job shown in the status bar: a line of progress, a bar, and Later.

The scheduled re-tag (``background_retag``) and the ranking index update
(``background_index``) are both work the window does for itself after it shows: each runs on
a one-thread pool of its own (not the write pool, so the officer's edits go in between its
batches), reports progress in the status bar, and stops after its current batch when Later
is pressed, the window closes or another store opens. This widget is that part; a subclass
says what the work is and how its progress and failure read.
"""

from __future__ import annotations

from collections.abc import Callable

from briefer.ui import workers
from briefer.ui.qt import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QThreadPool,
    QToolButton,
    QWidget,
)


class StatusBarJob(QWidget):
    """One background job at a time, in the status bar; hidden while none runs."""

    def __init__(
        self,
        object_name: str,
        later_text: str,
        later_tip: str,
        on_finished: Callable[[], None],
        on_problem: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._on_finished = on_finished
        self._on_problem = on_problem
        self._worker: workers.Worker | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.later = QToolButton()
        self.later.setText(later_text)
        self.later.setToolTip(later_tip)
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

    # -- what a subclass says -----------------------------------------------------------------
    def progress_text(self, done: int, total: int) -> str:
        raise NotImplementedError

    def stopping_text(self) -> str:
        """The label while the job winds down after Later ('' keeps the progress line)."""
        return ""

    def failure_text(self, exc: object) -> str:
        raise NotImplementedError

    def finished(self, result: object) -> None:
        """The job returned ``result``: tell the window if it is complete."""
        self._on_finished()

    def _later(self) -> None:
        self.stop()

    # -- running ------------------------------------------------------------------------------
    def launch(self, work: Callable[[workers.Job], object], label: str = "") -> None:
        """Run ``work`` on this widget's pool, its progress in the status bar."""
        worker = workers.Worker(work)
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._done)
        worker.signals.error.connect(self._failed)
        self._worker = worker
        if label:
            self.label.setText(label)
        self.later.setEnabled(True)
        self.show()
        worker.signals.owner = self  # nothing reaches this bar once it is deleted
        self.pool.start(worker)

    def stop(self, wait: bool = False) -> None:
        """Stop after the current batch (what is done is kept); ``wait`` blocks until then."""
        if self._worker is not None:
            self._worker.abort()
            self.later.setEnabled(False)
            if self.stopping_text():
                self.label.setText(self.stopping_text())
        if wait:
            self.pool.waitForDone()

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.label.setText(self.progress_text(done, total))

    def _done(self, result: object) -> None:
        self._worker = None
        self.hide()
        self.finished(result)

    def _failed(self, exc: object) -> None:
        self._worker = None
        self.hide()
        self._on_problem(self.failure_text(exc))

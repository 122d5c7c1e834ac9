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
from briefer.store import ReadSession, Store
from briefer.ui import workers
from briefer.ui.qt import QCoreApplication, QWidget
from briefer.ui.status_job import StatusBarJob


class BackgroundRetag(StatusBarJob):
    """A status-bar widget that runs the store's scheduled re-tag, if there is one."""

    def __init__(
        self,
        on_finished: Callable[[], None],
        on_problem: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "backgroundRetag",
            QCoreApplication.translate("BackgroundRetag", "Later"),
            QCoreApplication.translate(
                "BackgroundRetag",
                "Stop for now; the update carries on the next time the store is opened",
            ),
            on_finished,
            on_problem,
            parent,
        )
        self._store: Store | None = None

    def start(self, store: Store) -> bool:
        """Start the store's scheduled re-tag on the background pool; False if none is due."""
        self.stop(wait=True)
        self._store = store

        def work(job: workers.Job) -> pending_retag.Progress | None:
            def report(p: pending_retag.Progress) -> None:
                job.progress(p.done, p.total, "")

            return pending_retag.resume(store, on_progress=report, cancelled=lambda: job.aborted)

        try:
            with ReadSession(store) as s:
                due = pending_retag.progress(s)
        except BrieferError as exc:  # reported; the window still opens
            self._on_problem(str(exc))
            return False
        if due is None:
            return False
        self._progress(due.done, due.total, "")
        self.launch(work)
        return True

    def progress_text(self, done: int, total: int) -> str:
        return self.tr(
            "Updating topics for this version's new aliases: {done} of {total} sources"
        ).format(done=f"{done:,}", total=f"{total:,}")

    def stopping_text(self) -> str:
        return self.tr("Stopping the topic update…")

    def failure_text(self, exc: object) -> str:
        return self.tr(
            "The topic update stopped: {reason}. It carries on the next time the store is opened."
        ).format(reason=exc)

    def finished(self, result: object) -> None:
        if isinstance(result, pending_retag.Progress) and result.finished:
            self._on_finished()

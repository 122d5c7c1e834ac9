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
from briefer.ui.qt import QCoreApplication, QWidget
from briefer.ui.status_job import StatusBarJob


class BackgroundIndex(StatusBarJob):
    """A status-bar widget that brings the store's ranking index up to date."""

    def __init__(
        self,
        on_finished: Callable[[], None],
        on_problem: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "backgroundIndex",
            QCoreApplication.translate("BackgroundIndex", "Later"),
            QCoreApplication.translate(
                "BackgroundIndex",
                "Stop for now; search ranks the newest matches until the index is updated",
            ),
            on_finished,
            on_problem,
            parent,
        )
        self._held = False  # Later was pressed: not again for this store

    def reset(self) -> None:
        """Another store: Later no longer holds."""
        self.stop(wait=True)
        self._held = False

    def start(self, store: Store, *, only_if_present: bool = False) -> bool:
        """Update the store's ranking index on the background pool, unless it is current,
        running already, or the officer said Later (with ``only_if_present``, also unless
        it has none yet); False if nothing was started."""
        if self.running or self._held:
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

        self.bar.setRange(0, 0)
        self.launch(work, self.tr("Indexing for ranking…"))
        return True

    def _later(self) -> None:
        self._held = True
        self.stop()

    def progress_text(self, done: int, total: int) -> str:
        return self.tr("Indexing for ranking: {done} of {total} passages").format(
            done=f"{done:,}", total=f"{total:,}"
        )

    def failure_text(self, exc: object) -> str:
        return self.tr("The ranking index was not updated: {reason}.").format(reason=exc)

    def finished(self, result: object) -> None:
        note = getattr(result, "note", "")
        if getattr(result, "complete", False):
            self._on_finished()
        elif note and note != "cancelled":
            self._on_problem(self.failure_text(note))

"""The open store and what every view shares: the change bus, the undo stack, messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from briefer.errors import BrieferError
from briefer.store import Store
from briefer.store.watch import change_stamp
from briefer.ui.changes import ChangeBus, Changes
from briefer.ui.qt import QObject, QTimer, QUndoCommand, QUndoStack, Signal
from briefer.ui.typing_journal import TypingJournal
from briefer.ui.workers import busy

#: How often a window on a team store looks for changes made by other officers.
POLL_MS = 3000

T = TypeVar("T")


class Workspace(QObject):
    """One per window. Views call services with :attr:`store` and report through here."""

    #: a short message for the status bar
    message = Signal(str)
    #: a problem the officer must see (shown as a dialog)
    problem = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        #: typing not yet saved, on disk at every keystroke (typing_journal)
        self.journal = TypingJournal.for_store(store.label)
        self.bus = ChangeBus(self)
        self.undo = QUndoStack(self)
        #: Brief id → the revision on screen: edits based on an older one are refused.
        self.seen: dict[int, int] = {}
        self._stamp: tuple[int, ...] | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check_for_changes)
        self.bus.changed.connect(self._after_change)
        self._watch()

    def replace_store(self, store: Store) -> None:
        """Switch to another store; the old one is closed and the undo history dropped."""
        old, self.store = self.store, store
        self.journal = TypingJournal.for_store(store.label)
        self.undo.clear()
        self.seen.clear()
        if old is not store:
            old.close()
        self._watch()
        self.bus.notify(Changes.everything())

    # -- changes by others (team stores) -----------------------------------------------------
    def _watch(self) -> None:
        """Poll a team store for other officers' changes; a store file is this window's own."""
        if self.store.is_sqlite:
            self.poll.stop()
            self._stamp = None
            return
        self._stamp = self._read_stamp()
        self.poll.start()

    def _read_stamp(self) -> tuple[int, ...] | None:
        try:
            return change_stamp(self.store)
        except Exception:  # the server is away for a moment: try again at the next tick
            return None

    def _after_change(self, _changes: Changes) -> None:
        if self.poll.isActive():
            self._stamp = self._read_stamp()

    def check_for_changes(self) -> bool:
        """Refresh every view if someone else changed the store; True if they did."""
        stamp = self._read_stamp()
        if stamp is None or stamp == self._stamp:
            return False
        self._stamp = stamp
        self.message.emit(self.tr("Updated with changes made by others"))
        self.bus.notify(Changes(sources=True, topics=True, passages=True, briefs=True))
        return True

    def attempt(self, fn: Callable[[], T], *, slow: bool = False) -> T | None:
        """Run a service call; a ``BrieferError`` becomes a dialog instead of a crash.

        It runs on the UI thread, under :func:`workers.busy`: no clicks replayed after it
        if it stalls, and with ``slow`` (work that may take longer than 200 ms) the wait
        cursor while it runs."""
        try:
            with busy(cursor=slow):
                return fn()
        except BrieferError as exc:
            self.problem.emit(str(exc))
            return None

    def push(self, command: QUndoCommand) -> None:
        self.undo.push(command)

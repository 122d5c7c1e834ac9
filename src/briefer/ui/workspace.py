"""The open store and what every view shares: the change bus, the undo stack, messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from briefer.errors import BrieferError
from briefer.store import Store
from briefer.ui.changes import ChangeBus, Changes
from briefer.ui.qt import QObject, QUndoCommand, QUndoStack, Signal

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
        self.bus = ChangeBus(self)
        self.undo = QUndoStack(self)

    def replace_store(self, store: Store) -> None:
        """Switch to another store; the old one is closed and the undo history dropped."""
        old, self.store = self.store, store
        self.undo.clear()
        if old is not store:
            old.close()
        self.bus.notify(Changes.everything())

    def attempt(self, fn: Callable[[], T]) -> T | None:
        """Run a service call; a ``BrieferError`` becomes a dialog instead of a crash."""
        try:
            return fn()
        except BrieferError as exc:
            self.problem.emit(str(exc))
            return None

    def push(self, command: QUndoCommand) -> None:
        self.undo.push(command)

"""Undoable brief edits: one ``QUndoCommand`` around one operation of ``briefs.operations``.

Every operation commits its own transaction and returns its inverse, so the command only
swaps the two: ``redo`` applies the operation and keeps the inverse, ``undo`` applies the
inverse and keeps *its* inverse (so a brought-back quote keeps its id for later commands).
The first ``redo`` is made by :func:`perform` before pushing, so a refused edit reaches the
officer as a message and never lands on the stack.
"""

from __future__ import annotations

from briefer.briefs.operations import Operation
from briefer.errors import BrieferError
from briefer.store import ConflictError
from briefer.ui.changes import Changes
from briefer.ui.qt import QCoreApplication, QUndoCommand
from briefer.ui.workers import busy
from briefer.ui.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("brief_commands", text)


class OperationCommand(QUndoCommand):
    """One brief operation on the undo stack; the Edit menu shows its label."""

    def __init__(
        self, ws: Workspace, op: Operation, inverse: Operation | None = None, text: str = ""
    ) -> None:
        super().__init__(text or _tr(op.label))
        self.ws = ws
        self.op = op
        #: the operation that undoes the last application (None until applied)
        self.inverse = inverse
        self._skip = inverse is not None

    def _refused(self, exc: BrieferError) -> None:
        self.ws.problem.emit(str(exc))
        if isinstance(exc, ConflictError):  # someone else changed the brief: show theirs
            self._notify()

    def apply(self) -> bool:
        """Make the change now; False (and a message) if the operation was refused."""
        with busy(cursor=False):
            return self._apply()

    def _apply(self) -> bool:
        try:
            self.inverse = self.op.apply(self.ws.store, seen=self.ws.seen)
        except BrieferError as exc:
            self._refused(exc)
            return False
        self._skip = True
        self._notify()
        return True

    def _notify(self) -> None:
        self.ws.bus.notify(Changes(briefs=True))

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        with busy(cursor=False):
            self._redo()

    def _redo(self) -> None:
        try:
            self.inverse = self.op.apply(self.ws.store, seen=self.ws.seen)
        except BrieferError as exc:
            self.setObsolete(True)
            self._refused(exc)
            return
        self._notify()

    def undo(self) -> None:
        with busy(cursor=False):
            self._undo()

    def _undo(self) -> None:
        assert self.inverse is not None
        try:
            self.op = self.inverse.apply(self.ws.store, seen=self.ws.seen)
        except BrieferError as exc:
            self.setObsolete(True)
            self._refused(exc)
            return
        self._notify()


def perform(ws: Workspace, op: Operation, text: str = "") -> OperationCommand | None:
    """Apply ``op`` as one undoable edit; the command (with its inverse) or None if refused."""
    command = OperationCommand(ws, op, text=text)
    if not command.apply():
        return None
    ws.push(command)
    return command


def record(ws: Workspace, op: Operation, inverse: Operation) -> OperationCommand:
    """Put an operation already applied elsewhere (a worker) on the stack."""
    command = OperationCommand(ws, op, inverse)
    ws.push(command)
    ws.bus.notify(Changes(briefs=True))
    return command

"""Every undoable edit: one ``QUndoCommand`` class around one operation.

Brief edits (``briefs.operations``), ask decisions (``briefs.ask_ops``), tags and source
metadata (``briefs.library_ops``) are all operations: each commits its own transaction and
returns an :class:`~briefer.briefs.changes.Applied` (its inverse, what it changed, any new
id). The command only swaps the two: ``redo`` applies the operation and keeps the inverse,
``undo`` applies the inverse and keeps *its* inverse (so a brought-back quote keeps its id for
later commands). After each application the ``Changes`` it returned go out on the bus.

The first application is made by :func:`perform` before pushing, so a refused edit reaches
the officer as a message and never lands on the stack; ``QUndoStack.push`` then calls
``redo``, which the command skips once (the one place this is done).
"""

from __future__ import annotations

from briefer.briefs.changes import Applied, Changes
from briefer.briefs.library_ops import EditSource, ForgetTag, SetTag
from briefer.briefs.operations import Operation
from briefer.errors import BrieferError
from briefer.store import ConflictError
from briefer.ui.qt import QCoreApplication, QUndoCommand
from briefer.ui.workers import busy
from briefer.ui.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("brief_commands", text)


def _label(op: Operation) -> str:
    """What the Edit menu shows for ``op``, translated."""
    if isinstance(op, SetTag | ForgetTag):
        if op.tagged:
            text = QCoreApplication.translate("commands", "Tag with {t}")
        else:
            text = QCoreApplication.translate("commands", "Untag {t}")
        return text.format(t=op.topic)
    if isinstance(op, EditSource):
        names = ", ".join(k.replace("_", " ") for k in op.fields)
        return QCoreApplication.translate("commands", "Edit {f}").format(f=names)
    return _tr(op.label)


class OperationCommand(QUndoCommand):
    """One operation on the undo stack; the Edit menu shows its label."""

    def __init__(
        self,
        ws: Workspace,
        op: Operation,
        applied: Applied | None = None,
        text: str = "",
    ) -> None:
        super().__init__(text or _label(op))
        self.ws = ws
        self.op = op
        #: the operation that undoes the last application (None until applied)
        self.inverse = None if applied is None else applied.inverse
        #: the id of what the first application created (a new brief, section or quote)
        self.created_id = None if applied is None else applied.created_id
        self._skip = applied is not None

    def _run(self, op: Operation, initiator: object = None) -> Applied | None:
        """Apply ``op`` and announce what it changed; None (and a message) if refused.
        Input queued while a slow edit ran is dropped, not replayed (``workers.busy``)."""
        with busy(cursor=False):
            try:
                applied = op.apply(self.ws.store, seen=self.ws.seen)
            except BrieferError as exc:
                self.ws.problem.emit(str(exc))
                if isinstance(exc, ConflictError):  # someone else changed the brief: theirs
                    self.ws.bus.notify(Changes(briefs=True))
                return None
            self.ws.bus.notify(applied.changes.by(initiator))
            return applied

    def apply(self, initiator: object = None) -> bool:
        """Make the change now; False (and a message) if the operation was refused.

        ``initiator`` (the view that asked) goes out with this application's changes only:
        the command never keeps it, since the undo stack outlives views the editor rebuilds
        and a wrapper of a deleted widget raises when touched."""
        applied = self._run(self.op, initiator)
        if applied is None:
            return False
        self.inverse, self.created_id, self._skip = applied.inverse, applied.created_id, True
        return True

    def redo(self) -> None:
        if self._skip:  # the first application was made before the push
            self._skip = False
            return
        applied = self._run(self.op)
        if applied is None:
            self.setObsolete(True)
            return
        self.inverse = applied.inverse

    def undo(self) -> None:
        assert self.inverse is not None
        applied = self._run(self.inverse)
        if applied is None:
            self.setObsolete(True)
            return
        self.op = applied.inverse  # redo re-applies this: the same ids come back


def perform(
    ws: Workspace, op: Operation, text: str = "", initiator: object = None
) -> OperationCommand | None:
    """Apply ``op`` as one undoable edit; the command (with its inverse) or None if refused."""
    command = OperationCommand(ws, op, text=text)
    if not command.apply(initiator):
        return None
    ws.push(command)
    return command


def record(ws: Workspace, op: Operation, applied: Applied) -> OperationCommand:
    """Put an operation already applied elsewhere (a worker) on the stack."""
    command = OperationCommand(ws, op, applied)
    ws.push(command)
    ws.bus.notify(applied.changes)
    return command

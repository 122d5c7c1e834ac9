"""Undoable edits: each ``redo``/``undo`` calls a service, then sends one change notice.

The service call of the first ``redo`` is made by the caller before pushing, so that an
error reaches the officer and nothing lands on the undo stack.
"""

from __future__ import annotations

from typing import Any

from briefer.library import sources, topics
from briefer.ui.changes import Changes
from briefer.ui.qt import QCoreApplication, QUndoCommand
from briefer.ui.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class SetTagCommand(QUndoCommand):
    """Tag or untag a passage. Undo forgets the manual decision (the tagger decides again)."""

    def __init__(
        self,
        ws: Workspace,
        source_id: int,
        passage_id: int,
        topic_id: int,
        topic: str,
        tagged: bool,
    ) -> None:
        text = _tr("Tag with {t}") if tagged else _tr("Untag {t}")
        super().__init__(text.format(t=topic))
        self.ws, self.source_id = ws, source_id
        self.passage_id, self.topic_id, self.tagged = passage_id, topic_id, tagged
        self._skip = True

    def apply(self) -> bool:
        """Make the change now; False (and a message) if the service refused."""

        def tag() -> bool:
            topics.set_tag(self.ws.store, self.passage_id, self.topic_id, self.tagged)
            return True

        done = self.ws.attempt(tag)
        if done:
            self._notify()
        return bool(done)

    def _notify(self) -> None:
        self.ws.bus.notify(Changes(passages=True, topics=True, source_id=self.source_id))

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.apply()

    def undo(self) -> None:
        def untag() -> bool:
            topics.clear_manual_tag(self.ws.store, self.passage_id, self.topic_id)
            return True

        if self.ws.attempt(untag):
            self._notify()


class EditSourceCommand(QUndoCommand):
    """Change metadata fields of a source; undo writes the old values back."""

    def __init__(
        self, ws: Workspace, source_id: int, new: dict[str, Any], old: dict[str, Any]
    ) -> None:
        super().__init__(_tr("Edit {f}").format(f=", ".join(k.replace("_", " ") for k in new)))
        self.ws, self.source_id, self.new, self.old = ws, source_id, new, old
        self._skip = True

    def _write(self, values: dict[str, Any]) -> bool:
        done = self.ws.attempt(
            lambda: sources.update_source(self.ws.store, self.source_id, **values)
        )
        if done is not None:
            self.ws.bus.notify(Changes(sources=True, source_id=self.source_id))
        return done is not None

    def apply(self) -> bool:
        return self._write(self.new)

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._write(self.new)

    def undo(self) -> None:
        self._write(self.old)

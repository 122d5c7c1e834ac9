"""The brief's outline: its sections in order, reordered by drag and drop or Ctrl+Up/Down.

Like the quote columns, the model does not move rows itself: it asks for a ``MoveSection``
through :attr:`SectionOutlineModel.move_requested` and is refilled from the store.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from briefer.briefs.model import SectionView
from briefer.ui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QByteArray,
    QKeyEvent,
    QListView,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QWidget,
    Signal,
)
from briefer.ui.wording import counted

SECTION_MIME = "application/x-briefer-section"
SectionRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class SectionOutlineModel(QAbstractListModel):
    """One row per section: heading and how many quotes each side has."""

    #: section id, new position
    move_requested = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sections: list[SectionView] = []

    def set_sections(self, sections: Sequence[SectionView]) -> None:
        self.beginResetModel()
        self._sections = list(sections)
        self.endResetModel()

    def section(self, row: int) -> SectionView:
        return self._sections[row]

    def row_of(self, section_id: int) -> int:
        return next((i for i, s in enumerate(self._sections) if s.id == section_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sections)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._sections[index.row()]
        if role == SectionRole:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}.  {s.topic}"
        if role == Qt.ItemDataRole.ToolTipRole:
            suggested = sum(1 for q in s.quotes if q.suggested)
            tip = self.tr("{i} industry · {o} official quotes").format(
                i=len(s.industry), o=len(s.official)
            )
            if suggested:
                tip += "\n" + counted(
                    suggested, "{n} suggestion to review", "{n} suggestions to review"
                )
            return tip
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SECTION_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        payload = [{"section": self._sections[r].id, "row": r} for r in rows]
        data.setData(SECTION_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if not data.hasFormat(SECTION_MIME) or action == Qt.DropAction.IgnoreAction:
            return False
        payload = json.loads(bytes(data.data(SECTION_MIME).data()).decode("utf-8"))
        if len(payload) != 1:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._sections)
        return self.moveRows(QModelIndex(), payload[0]["row"], 1, QModelIndex(), row)

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return False

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        """ "Before row n" in Qt's terms becomes the section's new position."""
        if count != 1 or not 0 <= source_row < len(self._sections):
            return False
        position = destination_child - 1 if destination_child > source_row else destination_child
        position = max(0, min(position, len(self._sections) - 1))
        if position == source_row:
            return False
        self.move_requested.emit(self._sections[source_row].id, position)
        return True


class SectionOutline(QListView):
    """The outline list (``sectionList``); activating a row scrolls the editor to it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionList")
        self.setAccessibleName(self.tr("Sections"))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Up / Ctrl+Down move the current section."""
        idx = self.currentIndex()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if idx.isValid() and ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = idx.row()
            dest = row - 1 if event.key() == Qt.Key.Key_Up else row + 2
            if 0 <= dest <= self.model().rowCount():
                self.model().moveRows(QModelIndex(), row, 1, QModelIndex(), dest)
            return
        super().keyPressEvent(event)

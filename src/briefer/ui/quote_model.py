"""One column of a brief section (industry or official): an adapter over ``QuoteView`` values.

Dragging a card carries the quote's id; a drop (or :meth:`moveRows`) does not move rows
itself but asks for a ``MoveQuote`` through :attr:`QuoteColumnModel.move_requested`. The
store is the truth: the editor reloads every column after the edit is committed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from briefer.briefs.model import QuoteView
from briefer.export.citation import organisations_label
from briefer.ui.date_field import format_day
from briefer.ui.qt import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

QUOTE_MIME = "application/x-briefer-quote"
QuoteRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def citation_line(q: QuoteView) -> str:
    """Organisation · short title · date · heading or page: enough to find the words again."""
    src = q.source
    parts = [organisations_label(src), src.short_title or src.title]
    if src.date is not None:
        parts.append(format_day(src.date))
    if q.heading_path:
        parts.append(q.heading_path[-1])
    elif q.page is not None:
        parts.append(f"p. {q.page}")
    return " · ".join(p for p in parts if p)


class QuoteColumnModel(QAbstractListModel):
    """The quotes of one section on one side, in order."""

    #: quote id, target section id, target side, position (None: the end)
    move_requested = Signal(int, int, str, object)

    def __init__(self, section_id: int, side: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.side = side
        self._quotes: list[QuoteView] = []

    def set_quotes(self, quotes: Sequence[QuoteView]) -> None:
        if list(quotes) == self._quotes:
            return
        self.beginResetModel()
        self._quotes = list(quotes)
        self.endResetModel()

    def quote(self, row: int) -> QuoteView:
        return self._quotes[row]

    def quotes(self) -> list[QuoteView]:
        return list(self._quotes)

    def row_of(self, quote_id: int) -> int:
        return next((i for i, q in enumerate(self._quotes) if q.id == quote_id), -1)

    # -- QAbstractListModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._quotes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q = self._quotes[index.row()]
        if role == QuoteRole:
            return q
        if role == Qt.ItemDataRole.DisplayRole:
            return q.text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = citation_line(q)
            if q.trimmed:
                tip += "\n\n" + self.tr("Full quote: {text}").format(text=q.verbatim)
            if q.ask_evidence:  # the asks ledger: status and matched terms
                tip += "\n\n" + self.tr("Ask — {evidence}").format(evidence=q.ask_evidence)
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            badge = self.tr("Suggested. ") if q.suggested else ""
            return f"{badge}{q.text} — {citation_line(q)}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    # -- drag and drop ----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [QUOTE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        payload = [
            {"quote": self._quotes[r].id, "section": self.section_id, "side": self.side, "row": r}
            for r in rows
        ]
        data.setData(QUOTE_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return data.hasFormat(QUOTE_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """A dropped card becomes one move request; the drop row is "before row n"."""
        if not data.hasFormat(QUOTE_MIME) or action == Qt.DropAction.IgnoreAction:
            return False
        payload = json.loads(bytes(data.data(QUOTE_MIME).data()).decode("utf-8"))
        if not payload:
            return False
        if row < 0 and parent.isValid():
            row = parent.row()
        for item in payload:
            position: int | None = None if row < 0 else row
            same = item["section"] == self.section_id and item["side"] == self.side
            if same and position is not None and item["row"] < position:
                position -= 1  # the card leaves its place before it lands
            if same and position == item["row"]:
                continue
            self.move_requested.emit(int(item["quote"]), self.section_id, self.side, position)
        return True

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        """Rows leave only when the store says so (the view asks after a move drop)."""
        return False

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        """Keyboard and programmatic reordering within the column, as a move request."""
        if count != 1 or not 0 <= source_row < len(self._quotes):
            return False
        position = destination_child - 1 if destination_child > source_row else destination_child
        if position == source_row:
            return False
        self.move_requested.emit(self._quotes[source_row].id, self.section_id, self.side, position)
        return True

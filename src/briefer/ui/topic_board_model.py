"""One column of the topic board: tagged passages grouped under their source.

``PassageColumnModel`` is a flat list adapter over ``topic_passages`` results (source header
rows, then that source's passages); ``PassageDelegate`` paints wrapped text, no widget per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefer.library.views import SourceInfo, TopicPassage
from briefer.ui import theme
from briefer.ui.navigator_model import format_date
from briefer.ui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QEvent,
    QFont,
    QFontMetrics,
    QModelIndex,
    QMouseEvent,
    QObject,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    Signal,
)

RowRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_PAD_X, _PAD_Y = 14, 9


@dataclass(frozen=True, slots=True)
class BoardRow:
    source: SourceInfo
    item: TopicPassage | None = None  # None: the source's header row
    path: str = ""  # heading path, shown only where it changes within a source


class PassageColumnModel(QAbstractListModel):
    """Rows for one side (industry or official), newest source first, a page at a time.

    The view asks for more (``canFetchMore``/``fetchMore``) when it is scrolled to the end;
    the model then emits :attr:`more_wanted` with the offset of the next page and the board
    fetches it on a worker, so a topic with 20,000 passages never lays them all out at once.
    """

    #: offset of the next page of passages the view wants
    more_wanted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BoardRow] = []
        self._total = 0
        self._loaded = 0
        self._fetching = False
        self._last: int | None = None
        self._last_path: tuple[str, ...] | None = None

    def set_passages(self, items: Sequence[TopicPassage], total: int | None = None) -> None:
        """Show ``items`` (the first page), of ``total`` passages in all."""
        self.beginResetModel()
        self._rows, self._loaded, self._fetching = [], 0, False
        self._last, self._last_path = None, None
        self._rows = self._rows_for(items)
        self._loaded = len(items)
        self._total = len(items) if total is None else max(total, len(items))
        self.endResetModel()

    def append_passages(self, offset: int, items: Sequence[TopicPassage]) -> None:
        """Add the page that starts at ``offset`` (ignored if it is not the next one)."""
        self._fetching = False
        if offset != self._loaded or not items:
            return
        rows = self._rows_for(items)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._loaded += len(items)
        self.endInsertRows()

    def _rows_for(self, items: Sequence[TopicPassage]) -> list[BoardRow]:
        rows: list[BoardRow] = []
        for item in items:
            if item.source.id != self._last:
                rows.append(BoardRow(item.source))
                self._last, self._last_path = item.source.id, None
            p = item.passage
            path = p.heading_path[:-1] if p.kind == "heading" else p.heading_path
            shown = " › ".join(path) if path != self._last_path else ""
            if not path and self._last_path is None and p.kind != "heading":
                shown = self.tr("Opening text")
            self._last_path = p.heading_path
            rows.append(BoardRow(item.source, item, shown))
        return rows

    def passage_count(self) -> int:
        """Passages loaded so far."""
        return self._loaded

    def total(self) -> int:
        """Passages of this side in all (loaded or not)."""
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and self._loaded < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(self._loaded)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].item is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.item is None:
                return f"{row.source.title} — {format_date(row.source.date)}"
            return row.item.passage.text
        if role == Qt.ItemDataRole.ToolTipRole and row.item is not None:
            return " › ".join(row.item.passage.heading_path) or None
        return None


class PassageDelegate(QStyledItemDelegate):
    """Source headers in bold with the date; passages as heading path + wrapped text.

    A hovered or selected passage shows an "Add to brief…" button painted in its corner.
    """

    add_requested = Signal(object)  # TopicPassage

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self.button_text = self.tr("Add to brief…")

    # -- geometry ---------------------------------------------------------------------------
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        body = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.86)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        return body, small, bold

    def _width(self, option: QStyleOptionViewItem) -> int:
        w = option.rect.width()
        return w if w > 0 else self._view.viewport().width()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        row: BoardRow = index.data(RowRole)
        body, small, bold = self._fonts(option)
        width = self._width(option) - 2 * _PAD_X
        if row.item is None:
            return QSize(width, QFontMetrics(bold).height() + 2 * _PAD_Y + 8)
        fm = QFontMetrics(bold if row.item.passage.kind == "heading" else body)
        text = fm.boundingRect(
            QRect(0, 0, max(40, width), 100000), Qt.TextFlag.TextWordWrap, row.item.passage.text
        )
        path_h = QFontMetrics(small).height() + 4 if row.path else 0
        return QSize(width, path_h + text.height() + 2 * _PAD_Y)

    def _button_rect(self, option: QStyleOptionViewItem, small: QFont) -> QRect:
        fm = QFontMetrics(small)
        w, h = fm.horizontalAdvance(self.button_text) + 16, fm.height() + 4
        r = option.rect
        return QRect(r.right() - _PAD_X - w, r.top() + _PAD_Y - 3, w, h)

    # -- painting ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row: BoardRow = index.data(RowRole)
        body, small, bold = self._fonts(option)
        pal = option.palette
        r = option.rect
        painter.save()
        if row.item is None:
            self._paint_header(painter, r, row.source, bold, small, pal)
            painter.restore()
            return
        style = self._view.style()
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, self._view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        text_color = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_color if selected else theme.muted(pal)
        inner = r.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        path = row.path
        painter.setFont(small)
        painter.setPen(muted)
        fm_small = QFontMetrics(small)
        button = self._button_rect(option, small)
        path_w = inner.width() - ((button.width() + 8) if (hover or selected) else 0)
        painter.drawText(
            QRect(inner.left(), inner.top(), path_w, fm_small.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(path, Qt.TextElideMode.ElideRight, path_w),
        )
        heading = row.item.passage.kind == "heading"
        painter.setFont(bold if heading else body)
        painter.setPen(text_color)
        text_rect = inner.adjusted(0, fm_small.height() + 4 if path else 0, 0, 0)
        if not path:
            text_rect.setRight(
                text_rect.right() - ((button.width() + 8) if (hover or selected) else 0)
            )
        painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), row.item.passage.text)
        if hover or selected:
            self._paint_button(painter, button, small, pal, selected)
        painter.restore()

    def _paint_header(
        self,
        painter: QPainter,
        r: QRect,
        source: SourceInfo,
        bold: QFont,
        small: QFont,
        pal: QPalette,
    ) -> None:
        inner = r.adjusted(_PAD_X, _PAD_Y + 8, -_PAD_X, -_PAD_Y + 2)
        date = format_date(source.date)
        fm_small = QFontMetrics(small)
        date_w = fm_small.horizontalAdvance(date) + 8
        painter.setPen(
            theme.blend(pal.color(QPalette.ColorRole.Mid), pal.color(QPalette.ColorRole.Base), 0.4)
        )
        painter.drawLine(r.left() + _PAD_X, r.top() + 5, r.right() - _PAD_X, r.top() + 5)
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        title = source.short_title or source.title
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width() - date_w, inner.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(
                title, Qt.TextElideMode.ElideRight, inner.width() - date_w
            ),
        )
        painter.setFont(small)
        painter.setPen(theme.muted(pal))
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, date)

    def _paint_button(
        self, painter: QPainter, rect: QRect, font: QFont, pal: QPalette, selected: bool
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bg = pal.color(QPalette.ColorRole.Button)
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.setBrush(bg)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        painter.setFont(font)
        painter.setPen(pal.color(QPalette.ColorRole.ButtonText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.button_text)

    def editorEvent(
        self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        """A click on the painted button asks to add the passage to a brief."""
        row: BoardRow | None = index.data(RowRole)
        if (
            row is not None
            and row.item is not None
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            _body, small, _bold = self._fonts(option)
            if self._button_rect(option, small).contains(event.position().toPoint()):
                self.add_requested.emit(row.item)
                return True
        return super().editorEvent(event, model, option, index)

"""Search results: a list adapter over ``SearchHit`` values and a rich-text snippet delegate."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from briefer.library.views import KIND_LABELS, SearchHit
from briefer.ui import theme
from briefer.ui.navigator_model import format_date
from briefer.ui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QCoreApplication,
    QFont,
    QFontMetrics,
    QModelIndex,
    QObject,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
    QTextOption,
)

HitRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)
_PAD_X, _PAD_Y = 14, 9


def snippet_html(snippet: str, mark_style: str = "") -> str:
    """The service's snippet as safe HTML: only the ``<mark>`` spans are markup."""
    out, pos = [], 0
    for m in _MARK.finditer(snippet):
        out.append(html.escape(snippet[pos : m.start()]))
        out.append(f'<span style="{mark_style}">{html.escape(m.group(1))}</span>')
        pos = m.end()
    out.append(html.escape(snippet[pos:]))
    return "".join(out)


def plain_snippet(snippet: str) -> str:
    return _MARK.sub(r"\1", snippet)


class SearchHitModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == HitRole:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.source_title}: {plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return " › ".join(hit.heading_path) or None
        return None


class SnippetDelegate(QStyledItemDelegate):
    """Source, kind and date on top; the snippet below with matches highlighted."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _document(
        self, hit: SearchHit, option: QStyleOptionViewItem, width: int, selected: bool
    ) -> QTextDocument:
        pal = option.palette
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        text_opt = QTextOption()
        text_opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(text_opt)
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        mark = (
            f"background-color: {theme.mark_background(pal).name()};"
            f" font-weight: 600; color: {fg.name()};"
            if not selected
            else "font-weight: 700; text-decoration: underline;"
        )
        doc.setHtml(f'<div style="color: {fg.name()}">{snippet_html(hit.snippet, mark)}</div>')
        doc.setTextWidth(max(40, width))
        return doc

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.86)
        return bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hit: SearchHit = index.data(HitRole)
        width = (option.rect.width() or self._view.viewport().width()) - 2 * _PAD_X
        doc = self._document(hit, option, width, False)
        bold, small = self._fonts(option)
        head = QFontMetrics(bold).height() + 4
        if hit.heading_path:
            head += QFontMetrics(small).height() + 2
        return QSize(width, int(doc.size().height()) + head + 2 * _PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        hit: SearchHit = index.data(HitRole)
        painter.save()
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        self._view.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, self._view
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = fg if selected else theme.muted(pal)
        bold, small = self._fonts(option)
        inner = option.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        fm_bold, fm_small = QFontMetrics(bold), QFontMetrics(small)
        # the kind label in the reader's language (translated under SearchPage's kinds)
        kind = KIND_LABELS.get(hit.source_kind, "")
        kind = QCoreApplication.translate("SearchPage", kind) if kind else ""
        meta = "  ·  ".join(p for p in (kind, format_date(hit.source_date)) if p)
        meta_w = fm_small.horizontalAdvance(meta) + 12
        painter.setFont(bold)
        painter.setPen(fg)
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width() - meta_w, fm_bold.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_bold.elidedText(
                hit.source_title, Qt.TextElideMode.ElideRight, inner.width() - meta_w
            ),
        )
        painter.setFont(small)
        painter.setPen(muted if selected else theme.kind_color(hit.source_kind, pal))
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), fm_bold.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            meta,
        )
        y = inner.top() + fm_bold.height() + 4
        if hit.heading_path:
            path = " › ".join(hit.heading_path)
            if hit.matched_in != "text":  # the words are in the heading, not the passage
                where = QCoreApplication.translate("SearchPage", "matched in the heading")
                path = f"{path}  ·  {where}"
            painter.setPen(muted)
            painter.drawText(
                QRect(inner.left(), y - 2, inner.width(), fm_small.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm_small.elidedText(path, Qt.TextElideMode.ElideRight, inner.width()),
            )
            y += fm_small.height() + 2
        doc = self._document(hit, option, inner.width(), selected)
        painter.translate(inner.left(), y)
        doc.drawContents(painter)
        painter.restore()

"""Quote cards: a delegate painting each quote of a column, and the list view that holds them.

A card is the quote in the reading font, the citation line beneath it, and badges above:
"Suggested" for a drafting suggestion not yet accepted (with Accept and Dismiss buttons) and
a warning when verification found the source changed. Painted, never one widget per quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefer.briefs.model import QuoteView
from briefer.ui import theme
from briefer.ui.ask_chips import ask_chip
from briefer.ui.qt import (
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QEvent,
    QFont,
    QFontMetrics,
    QListView,
    QModelIndex,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QResizeEvent,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from briefer.ui.quote_model import QuoteRole, citation_line

_Index = QModelIndex | QPersistentModelIndex
_GAP, _PAD, _RADIUS = 5, 12, 8
#: hue of the "Suggested" badge (amber) and of the warning badge (red)
SUGGESTED_HUE, WARNING_HUE = 38, 4


@dataclass
class CardLayout:
    card: QRect
    badges: QRect
    text: QRect
    citation: QRect
    source_button: QRect
    accept: QRect
    dismiss: QRect


def badge_colors(hue: int, palette: QPalette) -> tuple[QColor, QColor]:
    """Fill and text colour of a badge of the given hue, for light and dark palettes."""
    if theme.is_dark(palette):
        return QColor.fromHslF(hue / 360, 0.45, 0.26), QColor.fromHslF(hue / 360, 0.7, 0.82)
    return QColor.fromHslF(hue / 360, 0.85, 0.9), QColor.fromHslF(hue / 360, 0.75, 0.3)


class QuoteCardDelegate(QStyledItemDelegate):
    """Paints cards and turns clicks on their painted buttons into signals."""

    accept_requested = Signal(int)
    dismiss_requested = Signal(int)
    source_requested = Signal(object)  # QuoteView

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self.accept_text = self.tr("Accept")
        self.dismiss_text = self.tr("Dismiss")
        self.source_text = self.tr("Go to source")

    # -- fonts and geometry -----------------------------------------------------------------
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        body = QFont(option.font)
        body.setPointSizeF(option.font.pointSizeF() * 1.02)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.86)
        badge = QFont(small)
        badge.setWeight(QFont.Weight.DemiBold)
        return body, small, badge

    @staticmethod
    def shown_text(q: QuoteView) -> str:
        return f"\u201c{q.text.strip()}\u201d"

    @staticmethod
    def badges(q: QuoteView) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        if q.suggested:
            out.append(
                (QCoreApplication.translate("QuoteCardDelegate", "Suggested"), SUGGESTED_HUE)
            )
        if q.status == "changed":
            out.append(
                (QCoreApplication.translate("QuoteCardDelegate", "⚠ Source changed"), WARNING_HUE)
            )
        elif q.status == "moved":
            out.append((QCoreApplication.translate("QuoteCardDelegate", "Re-anchored"), 200))
        if q.side_overridden:
            out.append((QCoreApplication.translate("QuoteCardDelegate", "Side changed"), 265))
        if q.trimmed:
            out.append((QCoreApplication.translate("QuoteCardDelegate", "Trimmed"), 150))
        if q.ask_status:  # the asks ledger (ui/asks_view.py has the full ledger)
            out.append(ask_chip(q.ask_status))
        return out

    def layout(self, rect: QRect, option: QStyleOptionViewItem, q: QuoteView) -> CardLayout:
        body, small, badge = self._fonts(option)
        fm_small, fm_badge = QFontMetrics(small), QFontMetrics(badge)
        card = rect.adjusted(2, _GAP, -2, -_GAP)
        inner = card.adjusted(_PAD + 4, _PAD - 2, -_PAD, -_PAD + 2)
        y = inner.top()
        badge_h = fm_badge.height() + 6 if self.badges(q) else 0
        badges = QRect(inner.left(), y, inner.width(), badge_h)
        y += badge_h + (6 if badge_h else 0)
        text_h = (
            QFontMetrics(body)
            .boundingRect(
                QRect(0, 0, max(40, inner.width()), 100000),
                int(Qt.TextFlag.TextWordWrap),
                self.shown_text(q),
            )
            .height()
        )
        text = QRect(inner.left(), y, inner.width(), text_h)
        y += text_h + 6
        cite_h = fm_small.height() + 4
        citation = QRect(inner.left(), y, inner.width(), cite_h)
        sw = fm_small.horizontalAdvance(self.source_text) + 16
        source_button = QRect(inner.right() - sw + 1, y, sw, cite_h)
        y += cite_h
        accept = dismiss = QRect()
        if q.suggested:
            y += 8
            bh = fm_small.height() + 10
            aw = fm_small.horizontalAdvance(self.accept_text) + 26
            dw = fm_small.horizontalAdvance(self.dismiss_text) + 26
            accept = QRect(inner.right() - aw + 1, y, aw, bh)
            dismiss = QRect(accept.left() - 8 - dw, y, dw, bh)
            y += bh
        card.setBottom(y + _PAD - 2)
        return CardLayout(card, badges, text, citation, source_button, accept, dismiss)

    def _width(self, option: QStyleOptionViewItem) -> int:
        w = option.rect.width()
        return w if w > 40 else self._view.viewport().width()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        q: QuoteView = index.data(QuoteRole)
        lay = self.layout(QRect(0, 0, self._width(option), 10), option, q)
        return QSize(self._width(option), lay.card.bottom() + _GAP + 1)

    # -- painting ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        q: QuoteView = index.data(QuoteRole)
        pal = option.palette
        body, small, badge_font = self._fonts(option)
        lay = self.layout(option.rect, option, q)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        focused = selected and bool(option.state & QStyle.StateFlag.State_HasFocus)
        base = pal.color(QPalette.ColorRole.Base)
        window = pal.color(QPalette.ColorRole.Window)
        accent = theme.kind_color(q.source.kind, pal)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(lay.card).adjusted(0.5, 0.5, -0.5, -0.5)
        path = QPainterPath()
        path.addRoundedRect(card, _RADIUS, _RADIUS)
        fill = theme.blend(base, accent, 0.035)
        if q.suggested:
            fill = theme.blend(base, badge_colors(SUGGESTED_HUE, pal)[0], 0.45)
        if hover and not selected:
            fill = theme.blend(fill, window, 0.35)
        painter.fillPath(path, fill)
        border = theme.blend(pal.color(QPalette.ColorRole.Mid), base, 0.35)
        if selected:
            border = pal.color(QPalette.ColorRole.Highlight)
        pen = QPen(border, 2.0 if focused else 1.0)
        if q.suggested and not selected:
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setColor(badge_colors(SUGGESTED_HUE, pal)[1])
        painter.setPen(pen)
        painter.drawPath(path)
        # accent bar on the left edge, in the side's colour
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(card.left(), card.top(), 4, card.height()), accent)
        painter.restore()
        # badges
        x = lay.badges.left()
        for label, hue in self.badges(q):
            text = self.tr(label)
            w = QFontMetrics(badge_font).horizontalAdvance(text) + 16
            r = QRectF(x, lay.badges.top(), w, lay.badges.height())
            bg, fg = badge_colors(hue, pal)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(r, r.height() / 2, r.height() / 2)
            painter.setPen(fg)
            painter.setFont(badge_font)
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
            x += int(w) + 6
        # the quote
        painter.setFont(body)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.drawText(lay.text, int(Qt.TextFlag.TextWordWrap), self.shown_text(q))
        # citation, with "Go to source" on hover
        painter.setFont(small)
        fm = QFontMetrics(small)
        cite_w = lay.citation.width() - ((lay.source_button.width() + 8) if hover else 0)
        painter.setPen(theme.muted(pal))
        painter.drawText(
            QRect(lay.citation.left(), lay.citation.top(), cite_w, lay.citation.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText("— " + citation_line(q), Qt.TextElideMode.ElideRight, cite_w),
        )
        if hover:
            self._button(painter, lay.source_button, self.source_text, small, pal, False)
        if q.suggested:
            self._button(painter, lay.dismiss, self.dismiss_text, small, pal, False)
            self._button(painter, lay.accept, self.accept_text, small, pal, True)
        painter.restore()

    def _button(
        self, painter: QPainter, rect: QRect, text: str, font: QFont, pal: QPalette, primary: bool
    ) -> None:
        r = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if primary:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
        else:
            painter.setPen(
                theme.blend(
                    pal.color(QPalette.ColorRole.Mid), pal.color(QPalette.ColorRole.Base), 0.2
                )
            )
            painter.setBrush(pal.color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(r, 5, 5)
        painter.setFont(font)
        painter.setPen(
            pal.color(
                QPalette.ColorRole.HighlightedText if primary else QPalette.ColorRole.ButtonText
            )
        )
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, text)

    def editorEvent(
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        """Clicks on the painted buttons: Accept, Dismiss, Go to source."""
        q: QuoteView | None = index.data(QuoteRole)
        if (
            q is not None
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            lay = self.layout(option.rect, option, q)
            pos = event.position().toPoint()
            if q.suggested and lay.accept.contains(pos):
                self.accept_requested.emit(q.id)
                return True
            if q.suggested and lay.dismiss.contains(pos):
                self.dismiss_requested.emit(q.id)
                return True
            if lay.source_button.contains(pos):
                self.source_requested.emit(q)
                return True
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]


class QuoteListView(QListView):
    """A column of cards as tall as its content (the editor scrolls, not the column).

    Accepts cards dragged from any column of the same brief; empty, it says so.
    """

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        self._last_width = -1

    def setModel(self, model: object) -> None:  # type: ignore[override]
        super().setModel(model)  # type: ignore[arg-type]
        for sig in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):  # type: ignore[attr-defined]
            sig.connect(self._fit_timer.start)
        self.fit()

    def content_height(self) -> int:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        total = sum(self.sizeHintForRow(r) for r in range(rows))
        return max(total, 72) + 2 * self.frameWidth() + 4

    def fit(self) -> None:
        self.setFixedHeight(self.content_height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._last_width:
            self._last_width = event.size().width()
            self._fit_timer.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(theme.muted(self.palette()))
            font = QFont(self.font())
            font.setItalic(True)
            painter.setFont(font)
            painter.drawText(
                self.viewport().rect().adjusted(12, 8, -12, -8),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
            painter.end()

"""The coverage map's headers: source columns (kind band, title, date; turned upright when
columns are narrow) and topic rows (with the gap warning stripe and mark)."""

from __future__ import annotations

from briefer.ui import theme
from briefer.ui.coverage_model import (
    GapRole,
    GroupStartRole,
    KindRole,
)
from briefer.ui.coverage_paint import (
    KIND_LABELS,
    gap_color,
    paint_warning,
    separator_color,
)
from briefer.ui.date_field import format_day
from briefer.ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QHeaderView,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QWidget,
)


class CoverageHeader(QHeaderView):
    """Column headers: kind label and tint, source title, date. Row headers: topic, gap mark."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setSectionsClickable(orientation == Qt.Orientation.Vertical)
        self.setHighlightSections(False)
        self.setMouseTracking(True)
        #: column heads drawn upright (narrow columns); set by the page when it lays out
        self.rotated = False
        #: the widest a row head may be, the tallest a column head (the page sets both)
        self.max_width = 10_000
        self.max_height = 190

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        fm = self.fontMetrics()
        if self.orientation() == Qt.Orientation.Horizontal:
            if self.rotated:
                return QSize(size.width(), min(fm.horizontalAdvance("M") * 16, self.max_height))
            return QSize(size.width(), fm.height() * 3 + 26)
        width = max(
            (
                fm.horizontalAdvance(str(self.model().headerData(r, self.orientation())))
                for r in range(self.count())
            ),
            default=120,
        )
        return QSize(min(width + 64, self.max_width), size.height())

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        model = self.model()
        if model is None:
            return
        pal = self.palette()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, pal.color(QPalette.ColorRole.Base))
        if self.orientation() == Qt.Orientation.Horizontal:
            self._paint_column(painter, rect, logical, pal)
        else:
            self._paint_row(painter, rect, logical, pal)
        painter.restore()

    def _paint_column(self, painter: QPainter, rect: QRect, logical: int, pal: QPalette) -> None:
        model = self.model()
        o = Qt.Orientation.Horizontal
        kind = str(model.headerData(logical, o, KindRole))
        accent = theme.kind_color(kind, pal)
        tint = theme.blend(pal.color(QPalette.ColorRole.Base), accent, 0.1)
        body = QRectF(rect).adjusted(3, 4, -3, -4)
        path = QPainterPath()
        path.addRoundedRect(body, 6, 6)
        painter.fillPath(path, tint)
        painter.fillRect(QRectF(body.left() + 6, body.bottom() - 3, body.width() - 12, 3), accent)
        if model.headerData(logical, o, GroupStartRole):
            painter.setPen(QPen(separator_color(pal), 2))
            painter.drawLine(
                QPointF(rect.left() + 0.5, rect.top()), QPointF(rect.left() + 0.5, rect.bottom())
            )
        if self.rotated:
            self._paint_upright(painter, body, logical, kind, accent, pal)
            return
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.78)
        small.setWeight(QFont.Weight.Bold)
        small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        inner = body.adjusted(10, 6, -10, -8).toRect()
        fm_small = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(accent)
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), fm_small.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr(KIND_LABELS.get(kind, kind.upper())),
        )
        src = model.headerData(logical, o, Qt.ItemDataRole.UserRole)
        date = format_day(src.date) if src is not None else ""
        if date:
            painter.setPen(theme.muted(pal))
            painter.drawText(
                QRect(inner.left(), inner.top(), inner.width(), fm_small.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                date,
            )
        title_font = QFont(self.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        title_rect = QRect(
            inner.left(),
            inner.top() + fm_small.height() + 4,
            inner.width(),
            inner.height() - fm_small.height() - 4,
        )
        fm = QFontMetrics(title_font)
        text = str(model.headerData(logical, o))
        if fm.horizontalAdvance(text) > title_rect.width() * 2:
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, title_rect.width() * 2 - 20)
        painter.drawText(
            title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), text
        )

    def _paint_upright(
        self,
        painter: QPainter,
        body: QRectF,
        logical: int,
        kind: str,
        accent: QColor,
        pal: QPalette,
    ) -> None:
        """A narrow column's head: the kind's initial, then the title read bottom to top."""
        model = self.model()
        o = Qt.Orientation.Horizontal
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.78)
        small.setWeight(QFont.Weight.Bold)
        fm_small = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(accent)
        initial = self.tr(KIND_LABELS.get(kind, kind.upper()))[:3]
        top = QRectF(body.left(), body.top() + 4, body.width(), fm_small.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, initial)
        title_font = QFont(self.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        fm = QFontMetrics(title_font)
        length = int(body.height() - fm_small.height() - 16)
        text = fm.elidedText(str(model.headerData(logical, o)), Qt.TextElideMode.ElideRight, length)
        painter.save()
        painter.translate(body.center().x() + fm.ascent() / 2 - 1, body.bottom() - 8)
        painter.rotate(-90)
        painter.setFont(title_font)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.drawText(QPointF(0, 0), text)
        painter.restore()

    def _paint_row(self, painter: QPainter, rect: QRect, logical: int, pal: QPalette) -> None:
        model = self.model()
        o = Qt.Orientation.Vertical
        gap = model.headerData(logical, o, GapRole)
        status = gap.status if gap is not None else "none"
        r = QRectF(rect).adjusted(2, 3, -4, -3)
        if status == "industry_only":
            warn = gap_color(pal)
            path = QPainterPath()
            path.addRoundedRect(r, 5, 5)
            painter.fillPath(path, theme.blend(pal.color(QPalette.ColorRole.Base), warn, 0.16))
            painter.fillRect(QRectF(r.left(), r.top(), 4, r.height()), warn)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        font = QFont(self.font())
        painter.setFont(font)
        fm = QFontMetrics(font)
        mark_w = 26
        text_rect = r.adjusted(12, 0, -mark_w, 0).toRect()
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(
                str(model.headerData(logical, o)), Qt.TextElideMode.ElideRight, text_rect.width()
            ),
        )
        if status == "industry_only":
            paint_warning(painter, QRectF(r.right() - mark_w + 4, r.center().y() - 8, 18, 16), pal)
        elif status == "official_only":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.kind_color("official", pal))
            painter.drawEllipse(QPointF(r.right() - mark_w / 2 - 2, r.center().y()), 3.5, 3.5)

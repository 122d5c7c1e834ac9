"""The coverage map's paint: heat colours per source kind, the cell delegate and the legend.

Industry cells are tinted orange and official ones blue, each on its own scale (deeper colour,
more tagged passages); a gap (a topic industry raises and no official text addresses) takes
the warning hue.
"""

from __future__ import annotations

from math import sqrt

from briefer.ui import theme
from briefer.ui.coverage_model import (
    CountRole,
    GroupStartRole,
    KindRole,
    ScaleRole,
)
from briefer.ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QLinearGradient,
    QModelIndex,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex
GAP_HUE = 38
KIND_LABELS = {"industry": "INDUSTRY", "official": "OFFICIAL", "other": "OTHER"}
#: a cell at zoom 1; columns narrower than ROTATE_BELOW get their heads turned upright
CELL_WIDTH, ROW_HEIGHT, ROTATE_BELOW = 120, 36, 132
ZOOM_STEPS = (0.6, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0)


def heat_color(kind: str, scale: float, palette: QPalette) -> QColor:
    """The cell colour for a count at ``scale`` (0..1) of its kind's largest count."""
    base = palette.color(QPalette.ColorRole.Base)
    if scale <= 0:
        return base
    accent = theme.kind_color(kind, palette)
    if kind not in ("industry", "official"):  # a grey accent: stay light enough to read
        return theme.blend(base, accent, 0.12 + 0.38 * sqrt(scale))
    return theme.blend(base, accent, 0.14 + 0.78 * sqrt(scale))


def gap_color(palette: QPalette) -> QColor:
    light = 0.62 if theme.is_dark(palette) else 0.5
    return QColor.fromHslF(GAP_HUE / 360, 0.9, light)


def _readable_on(fill: QColor, palette: QPalette) -> QColor:
    if fill.lightnessF() < 0.55:
        return QColor("white")
    return palette.color(QPalette.ColorRole.Text)


def separator_color(palette: QPalette) -> QColor:
    return theme.blend(
        palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Base), 0.2
    )


def paint_warning(painter: QPainter, r: QRectF, pal: QPalette) -> None:
    """A filled warning triangle with an exclamation mark."""
    path = QPainterPath()
    path.moveTo(r.center().x(), r.top())
    path.lineTo(r.right(), r.bottom())
    path.lineTo(r.left(), r.bottom())
    path.closeSubpath()
    painter.fillPath(path, gap_color(pal))
    painter.setPen(QPen(QColor("white"), 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    x = r.center().x()
    painter.drawLine(QPointF(x, r.top() + 5.5), QPointF(x, r.bottom() - 6))
    painter.drawPoint(QPointF(x, r.bottom() - 3))


class HeatDelegate(QStyledItemDelegate):
    """A tile per cell: coloured by count, the number centred, zero as a faint dot."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        pal = option.palette
        n = int(index.data(CountRole) or 0)
        kind = str(index.data(KindRole))
        fill = heat_color(kind, float(index.data(ScaleRole) or 0.0), pal)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(option.rect).adjusted(3, 3, -3, -3)
        path = QPainterPath()
        path.addRoundedRect(r, 5, 5)
        hover = bool(option.state & option.state.State_MouseOver)
        if n:
            painter.fillPath(path, fill)
        else:
            painter.fillPath(
                path,
                theme.blend(
                    pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Window), 0.5
                ),
            )
        if hover:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.drawPath(path)
        if index.data(GroupStartRole):
            painter.setPen(QPen(separator_color(pal), 2))
            x = option.rect.left() + 0.5
            painter.drawLine(QPointF(x, option.rect.top()), QPointF(x, option.rect.bottom() + 1))
        font = QFont(option.font)
        if n:
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(_readable_on(fill, pal))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, str(n))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.muted(pal))
            painter.drawEllipse(r.center(), 1.6, 1.6)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(CELL_WIDTH, ROW_HEIGHT)


class CoverageLegend(QWidget):
    """Scale bars for industry and official, and what the marks mean; the entries wrap onto
    a second line when the window is narrow, so none is ever cut off."""

    _BAR_W, _BAR_H, _GAP = 120, 12, 28

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageLegend")
        self.max_count = {"industry": 0, "official": 0}
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_max(self, max_count: dict[str, int]) -> None:
        self.max_count = dict(max_count)
        self.update()

    def _entries(self) -> list[tuple[str, str, int]]:
        """(what, text, width) of each entry, in reading order."""
        fm = self.fontMetrics()
        industry, official = self.tr("Industry passages"), self.tr("Official passages")
        gap = self.tr("Gap: industry raises it, no official text addresses it")
        only = self.tr("Official only")
        return [
            ("industry", industry, fm.horizontalAdvance(industry) + 10 + self._BAR_W),
            ("official", official, fm.horizontalAdvance(official) + 10 + self._BAR_W),
            ("gap", gap, 26 + fm.horizontalAdvance(gap)),
            ("only", only, 14 + fm.horizontalAdvance(only)),
        ]

    def _row_height(self) -> int:
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.86)
        return self.fontMetrics().height() + QFontMetrics(small).height() + 6

    def entry_rects(self, width: int) -> list[tuple[str, str, QRect]]:
        """Where each entry goes in a legend ``width`` wide (wrapping as needed)."""
        out = []
        x = y = 0
        h = self._row_height()
        for what, text, w in self._entries():
            if x and x + w > width:
                x, y = 0, y + h
            out.append((what, text, QRect(x, y + 4, w, h - 4)))
            x += w + self._GAP
        return out

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(r.bottom() for _, _, r in self.entry_rects(width)) + 4

    def sizeHint(self) -> QSize:
        rects = self.entry_rects(10_000)
        return QSize(rects[-1][2].right(), self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(max(w for _, _, w in self._entries()), self._row_height() + 8)

    def resizeEvent(self, event: object) -> None:
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.86)
        fm_small = QFontMetrics(small)
        bar_w, bar_h = self._BAR_W, self._BAR_H
        for what, text, r in self.entry_rects(self.width()):
            x, y = r.x(), r.y()
            p.setFont(self.font())
            p.setPen(pal.color(QPalette.ColorRole.Text))
            if what in ("industry", "official"):
                p.drawText(
                    QRect(x, y, fm.horizontalAdvance(text) + 4, fm.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
                x += fm.horizontalAdvance(text) + 10
                grad = QLinearGradient(x, 0, x + bar_w, 0)
                for stop in (0.0, 0.25, 0.5, 0.75, 1.0):
                    grad.setColorAt(stop, heat_color(what, max(stop, 0.02), pal))
                bar = QRectF(x, y + (fm.height() - bar_h) / 2, bar_w, bar_h)
                path = QPainterPath()
                path.addRoundedRect(bar, 3, 3)
                p.fillPath(path, grad)
                p.setFont(small)
                p.setPen(theme.muted(pal))
                below = QRectF(x, bar.bottom() + 1, bar_w, fm_small.height())
                p.drawText(below, Qt.AlignmentFlag.AlignLeft, "1")
                p.drawText(
                    below, Qt.AlignmentFlag.AlignRight, str(max(self.max_count.get(what, 0), 1))
                )
            elif what == "gap":
                paint_warning(p, QRectF(x, y + (fm.height() - 16) / 2, 18, 16), pal)
                p.setPen(pal.color(QPalette.ColorRole.Text))
                p.drawText(
                    QRect(x + 26, y, r.width() - 26, fm.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(theme.kind_color("official", pal))
                p.drawEllipse(QPointF(x + 4, y + fm.height() / 2), 3.5, 3.5)
                p.setPen(pal.color(QPalette.ColorRole.Text))
                p.drawText(
                    QRect(x + 14, y, r.width() - 14, fm.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
        p.end()

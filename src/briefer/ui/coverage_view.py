"""The coverage page: a topic × source heat map, with gaps marked and a legend.

Industry columns are tinted orange and official ones blue, each on its own scale (deeper
colour, more tagged passages). A topic industry raises but no official text addresses is a
gap: its row header gets a warning stripe and mark. Clicking a cell opens the topic board for
that topic, showing only that source.
"""

from __future__ import annotations

from math import sqrt

from briefer.briefs.coverage import Coverage, Gap, coverage, gaps_of
from briefer.ui import theme, workers
from briefer.ui.changes import Changes
from briefer.ui.coverage_model import (
    CountRole,
    CoverageModel,
    GapRole,
    GroupStartRole,
    KindRole,
    ScaleRole,
    max_counts,
)
from briefer.ui.date_field import format_day
from briefer.ui.qt import (
    QAbstractItemView,
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLinearGradient,
    QModelIndex,
    QObject,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QShortcut,
    QSize,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWheelEvent,
    QWidget,
    Signal,
)
from briefer.ui.wording import counted
from briefer.ui.workspace import Workspace

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


def _separator(palette: QPalette) -> QColor:
    return theme.blend(
        palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Base), 0.2
    )


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
            painter.setPen(QPen(_separator(pal), 2))
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
            painter.setPen(QPen(_separator(pal), 2))
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
            self._warning(painter, QRectF(r.right() - mark_w + 4, r.center().y() - 8, 18, 16), pal)
        elif status == "official_only":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.kind_color("official", pal))
            painter.drawEllipse(QPointF(r.right() - mark_w / 2 - 2, r.center().y()), 3.5, 3.5)

    @staticmethod
    def _warning(painter: QPainter, r: QRectF, pal: QPalette) -> None:
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
                CoverageHeader._warning(p, QRectF(x, y + (fm.height() - 16) / 2, 18, 16), pal)
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


class CoveragePage(QWidget):
    """Title and summary, the legend, then the heat map (``coverageView``)."""

    #: topic id, source id — show the topic's passages from that source
    cell_clicked = Signal(int, int)
    #: the map shows fresh counts (after refresh)
    counted = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coveragePage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Coverage"))
        self.ws = ws
        self._stale = True
        self._generation = 0
        self._worker: object | None = None
        self.title = QLabel(self.tr("Coverage"))
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.legend = CoverageLegend()
        self.model = CoverageModel(self)
        self.table = QTableView()
        self.table.setObjectName("coverageView")
        self.table.setAccessibleName(self.tr("Coverage of topics by source"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(HeatDelegate(self.table))
        self.table.setHorizontalHeader(CoverageHeader(Qt.Orientation.Horizontal, self.table))
        self.table.setVerticalHeader(CoverageHeader(Qt.Orientation.Vertical, self.table))
        self.table.setShowGrid(False)
        self.table.setMouseTracking(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves
        self.table.setCornerButtonEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(30)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.zoom = 1.0
        self.zoom_out_button = self._zoom_button("−", self.tr("Zoom out (Ctrl+−)"), "zoomOut")
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_fit_button = self._zoom_button(self.tr("Fit"), self.tr("Fit (Ctrl+0)"), "zoomFit")
        self.zoom_fit_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.zoom_in_button = self._zoom_button("+", self.tr("Zoom in (Ctrl++)"), "zoomIn")
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        for keys, step in (
            (("Ctrl++", "Ctrl+="), 1),
            (("Ctrl+-",), -1),
            (("Ctrl+0",), 0),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(
                    (lambda st=step: self.step_zoom(st)) if step else (lambda: self.set_zoom(1.0))
                )
        head = QVBoxLayout()
        head.setContentsMargins(28, 18, 28, 6)
        head.setSpacing(4)
        head.addWidget(self.title)
        head.addWidget(self.subtitle)
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(28, 6, 28, 6)
        legend_row.addWidget(self.legend, 1)
        for b in (self.zoom_out_button, self.zoom_fit_button, self.zoom_in_button):
            legend_row.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addLayout(legend_row)
        body = QHBoxLayout()
        body.setContentsMargins(20, 6, 20, 16)
        body.addWidget(self.table)
        layout.addLayout(body, 1)
        ws.bus.changed.connect(self._changed)

    def refresh(self) -> None:
        """Count on a worker (seconds at 10,000 sources) and show the map when done."""
        self._generation += 1
        generation, store = self._generation, self.ws.store
        self.subtitle.setText(self.tr("Counting the passages of every source…"))
        self._stale = False

        def count(_job: object) -> tuple[Coverage, list[Gap], dict[str, int]]:
            cov = coverage(store)
            return cov, gaps_of(cov), max_counts(cov)

        worker = workers.Worker(count)
        worker.signals.result.connect(lambda found, g=generation: self._counted(g, found))
        worker.signals.error.connect(lambda exc: self.ws.problem.emit(str(exc)))
        self._worker = worker.signals  # kept alive until it reports
        workers.start(worker)

    def is_counting(self) -> bool:
        return self._worker is not None

    def _counted(
        self, generation: int, found: tuple[Coverage, list[Gap], dict[str, int]]
    ) -> None:
        if generation != self._generation:
            return
        self._worker = None
        cov, gap_list, top = found
        self.model.set_coverage(cov, gap_list, top)
        self.legend.set_max(self.model.max_count)
        self.fit_columns()
        n_gaps = self.model.gap_count()
        kinds = {k: sum(1 for s in cov.sources if s.kind == k) for k in ("industry", "official")}
        self.subtitle.setText(
            self.tr(
                "{topics} across {industry} and {official}. {gaps}: topics industry raises "
                "that no official text addresses. A cell counts a source's passages on the "
                "topic (mainly about it, not passing mentions); click it to read them."
            ).format(
                topics=counted(len(cov.topics), "{n} topic", "{n} topics"),
                industry=counted(kinds["industry"], "{n} industry source", "{n} industry sources"),
                official=counted(kinds["official"], "{n} official source", "{n} official sources"),
                gaps=counted(n_gaps, "{n} gap", "{n} gaps"),
            )
        )
        self.counted.emit()

    # -- fitting and zoom -------------------------------------------------------------------
    def _zoom_button(self, text: str, tip: str, name: str) -> QToolButton:
        b = QToolButton()
        b.setObjectName(name)
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        return b

    def step_zoom(self, step: int) -> None:
        i = min(range(len(ZOOM_STEPS)), key=lambda k: abs(ZOOM_STEPS[k] - self.zoom))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, i + step))])

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.zoom_out_button.setEnabled(zoom > ZOOM_STEPS[0])
        self.zoom_in_button.setEnabled(zoom < ZOOM_STEPS[-1])
        self.fit_columns()

    def fit_columns(self) -> None:
        """Columns share the width (heads turned upright when narrow); zoomed in past what
        fits, they keep their size and the map scrolls sideways."""
        n = self.model.columnCount()
        hh = self.table.horizontalHeader()
        vh = self.table.verticalHeader()
        assert isinstance(hh, CoverageHeader) and isinstance(vh, CoverageHeader)
        vh.max_width = max(150, int(self.table.width() * 0.34))
        hh.max_height = max(100, min(190, self.table.height() // 3))
        vh.setDefaultSectionSize(max(22, int(ROW_HEIGHT * self.zoom)))
        self.table.updateGeometries()
        avail = max(1, self.table.viewport().width())
        wanted = int(CELL_WIDTH * self.zoom)
        if n and self.zoom > 1.0 and n * wanted > avail:
            hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            hh.setDefaultSectionSize(wanted)
            for col in range(n):
                hh.resizeSection(col, wanted)
            width = wanted
        else:
            hh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            width = avail // max(1, n)
        rotated = width < ROTATE_BELOW
        if rotated != hh.rotated:
            hh.rotated = rotated
            hh.updateGeometry()
        self.table.updateGeometries()
        hh.viewport().update()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.table and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        elif (
            obj is self.table.viewport()
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.step_zoom(1 if event.angleDelta().y() > 0 else -1)
            return True
        return super().eventFilter(obj, event)

    def showEvent(self, event: object) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def _changed(self, changes: Changes) -> None:
        if changes.store or changes.passages or changes.sources or changes.topics:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.cell_clicked.emit(
                self.model.topic_id(index.row()), self.model.source_id(index.column())
            )

"""The coverage page: a topic × source heat map, with gaps marked and a legend.

Industry columns are tinted orange and official ones blue, each on its own scale (deeper
colour, more tagged passages). A topic industry raises but no official text addresses is a
gap: its row header gets a warning stripe and mark. Clicking a cell opens the topic board for
that topic, showing only that source.
"""

from __future__ import annotations

from briefer.briefs.coverage import Coverage, Gap, coverage, gaps_of
from briefer.ui import workers
from briefer.ui.changes import Changes
from briefer.ui.coverage_header import CoverageHeader
from briefer.ui.coverage_model import (
    CoverageModel,
    max_counts,
)
from briefer.ui.coverage_paint import (
    CELL_WIDTH,
    ROTATE_BELOW,
    ROW_HEIGHT,
    ZOOM_STEPS,
    CoverageLegend,
    HeatDelegate,
)
from briefer.ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QModelIndex,
    QObject,
    QShortcut,
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
        workers.start(worker, owner=self)

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

"""The source reader page: header, readable text with chips, metadata form and tag panel."""

from __future__ import annotations

from briefer.briefs.library_ops import EditSource, SetTag
from briefer.library import sources, topics
from briefer.library.views import KIND_LABELS, PassageInfo, SourceDetail
from briefer.ui import theme
from briefer.ui.brief_commands import perform
from briefer.ui.changes import Changes
from briefer.ui.elided_label import ElidedLabel
from briefer.ui.metadata_form import MetadataForm
from briefer.ui.navigator_model import format_date
from briefer.ui.qt import (
    QAction,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPoint,
    QSplitter,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.reader_view import ReaderView
from briefer.ui.tag_panel import TagPanel
from briefer.ui.workspace import Workspace

#: passages laid out at a time; a longer source is read a page at a time (Earlier / Later)
WINDOW = 400


class SourceReader(QWidget):
    """Shows one source; the brief editor asks it for :meth:`selection` to quote."""

    #: source id, start, end, topic names of the passage (top topic first)
    quote_requested = Signal(int, int, int, object)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceReader")
        self.setAccessibleName(self.tr("Source reader"))
        self.ws = ws
        self._detail: SourceDetail | None = None
        self._topic_ids: dict[str, int] = {}

        self._build_title()
        self.view = ReaderView()
        self.view.passage_selected.connect(self._passage_selected)
        self.pager = self._build_pager()
        self.form = MetadataForm()
        self.form.edited.connect(self._edit_metadata)
        self.form.invalid.connect(self.ws.problem)
        self.tags = TagPanel()
        self.tags.evidence_for = lambda pid: sources.passage_evidence(ws.store, pid)
        self.tags.tag_toggled.connect(self._toggle_tag)

        left = self._build_reading_pane()
        side = self._build_side_panel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._build_quote_action()
        ws.bus.changed.connect(self._changed)
        self._load_topics()

    def _build_title(self) -> None:
        """The title, the subtitle and the furniture toggle."""
        self.title = ElidedLabel(max_lines=2)  # a long title: two lines, the rest "…"
        self.title.setObjectName("pageTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.furniture = QToolButton()
        self.furniture.setObjectName("furnitureToggle")
        self.furniture.setText(self.tr("Furniture"))
        self.furniture.setToolTip(
            self.tr("Show or hide page furniture: dates, letterheads, signatures")
        )
        self.furniture.setIcon(theme.icon("furniture"))
        self.furniture.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.furniture.setCheckable(True)
        self.furniture.setChecked(True)
        self.furniture.toggled.connect(self._toggle_furniture)

    def _build_reading_pane(self) -> QWidget:
        """The header, the pager and the text, on the left."""
        header = QVBoxLayout()
        header.setContentsMargins(28, 18, 20, 10)
        header.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.furniture, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(top)
        header.addWidget(self.subtitle)
        left = QWidget()
        left.setObjectName("readerPane")
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(0)
        lv.addLayout(header)
        lv.addWidget(self.pager)
        lv.addWidget(self.view, 1)
        return left

    def _build_side_panel(self) -> QWidget:
        """The metadata form and the tag panel, on the right."""
        side = QWidget()
        side.setObjectName("sidePanel")
        sv = QVBoxLayout(side)
        sv.setContentsMargins(14, 16, 14, 12)
        sv.setSpacing(8)
        details = QLabel(self.tr("Details"))
        details.setObjectName("sectionLabel")
        sv.addWidget(details)
        sv.addWidget(self.form)
        sv.addSpacing(10)
        sv.addWidget(self.tags, 1)
        return side

    def _build_quote_action(self) -> None:
        """Quote in Brief (Ctrl+Shift+Q and the text's context menu)."""
        self.quote_action = QAction(self.tr("Quote in Brief…"), self)
        self.quote_action.setObjectName("quoteAction")
        self.quote_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.quote_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.quote_action.triggered.connect(self.request_quote)
        self.addAction(self.quote_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    def _build_pager(self) -> QWidget:
        """ "Passages 501–1,000 of 108,785" with Earlier / Later: shown for long sources."""
        bar = QWidget()
        bar.setObjectName("readerPager")
        h = QHBoxLayout(bar)
        h.setContentsMargins(28, 0, 20, 6)
        self.earlier = QToolButton()
        self.earlier.setObjectName("readerEarlier")
        self.earlier.setText(self.tr("‹ Earlier"))
        self.earlier.setToolTip(self.tr("The previous passages of this source (Alt+PgUp)"))
        self.earlier.setShortcut(QKeySequence("Alt+PgUp"))
        self.earlier.clicked.connect(lambda: self._page(-1))
        self.later = QToolButton()
        self.later.setObjectName("readerLater")
        self.later.setText(self.tr("Later ›"))
        self.later.setToolTip(self.tr("The next passages of this source (Alt+PgDown)"))
        self.later.setShortcut(QKeySequence("Alt+PgDown"))
        self.later.clicked.connect(lambda: self._page(1))
        self.page_label = QLabel()
        self.page_label.setObjectName("hintLabel")
        h.addWidget(self.earlier)
        h.addWidget(self.page_label)
        h.addWidget(self.later)
        h.addStretch(1)
        bar.hide()
        return bar

    def _read(
        self,
        source_id: int,
        *,
        at_offset: int | None = None,
        at_passage: int | None = None,
        first: int = 0,
    ) -> SourceDetail | None:
        """One window of a source (see ``sources.get_source``), or None with the problem shown."""
        return self.ws.attempt(
            lambda: sources.get_source(
                self.ws.store,
                source_id,
                window=WINDOW,
                at_offset=at_offset,
                at_passage=at_passage,
                first=first,
            ),
            slow=True,
        )

    def _page(self, step: int) -> None:
        d = self._detail
        if d is None:
            return
        first = d.first + step * WINDOW
        if 0 <= first < d.passage_total:
            detail = self._read(d.info.id, first=first)
            if detail is not None:
                self._show(detail)

    def _in_window(self, source_id: int, start: int) -> bool:
        d = self._detail
        if d is None or d.info.id != source_id or not d.passages:
            return False
        at_end = d.first + len(d.passages) >= d.passage_total
        return d.passages[0].start <= start and (at_end or start < d.passages[-1].end)

    # -- public -----------------------------------------------------------------------------
    @property
    def source_id(self) -> int | None:
        return self._detail.info.id if self._detail else None

    @property
    def detail(self) -> SourceDetail | None:
        return self._detail

    def show_source(self, source_id: int | None) -> bool:
        """Open a source (scrolled to the top); False if it cannot be read."""
        if source_id is None:
            self._show(None)
            return True
        detail = self._read(source_id)
        self._show(detail)
        return detail is not None

    def show_span(self, source_id: int, start: int, end: int) -> bool:
        """Open a source scrolled to ``start:end`` in source offsets, highlighted."""
        if not self._in_window(source_id, start):
            detail = self._read(source_id, at_offset=start)
            if detail is None:
                return False
            self._show(detail)
        shown = self.view.mark_span(start, end)
        if not shown and not self.furniture.isChecked():
            self.furniture.setChecked(True)
            shown = self.view.mark_span(start, end)
        return shown

    def show_passage(self, source_id: int, passage_id: int) -> bool:
        shown = self._detail is not None and self._detail.info.id == source_id
        if not shown or all(p.id != passage_id for p in self._detail.passages):  # type: ignore[union-attr]
            detail = self._read(source_id, at_passage=passage_id)
            if detail is None:
                return False
            self._show(detail)
        p = next((p for p in self._detail.passages if p.id == passage_id), None)  # type: ignore[union-attr]
        return p is not None and self.show_span(source_id, p.start, p.end)

    def selection(self) -> tuple[int, int, int] | None:
        """The selected text as (source_id, start, end) in source offsets, for quoting."""
        span = self.view.selection_span()
        if span is None or self.source_id is None:
            return None
        return (self.source_id, *span)

    def selection_topics(self) -> list[str]:
        """Topics of the passage where the selection starts, best first."""
        span = self.selection()
        if span is None or self._detail is None:
            return []
        _sid, start, _end = span
        for p in self._detail.passages:
            if p.start <= start < p.end:
                return list(p.topics)
        return []

    def request_quote(self) -> bool:
        """Ask for the selected text to be quoted in a brief; False without a selection."""
        span = self.selection()
        if span is None:
            self.ws.message.emit(self.tr("Select the words to quote first."))
            return False
        self.quote_requested.emit(*span, self.selection_topics())
        return True

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.view.createStandardContextMenu(pos)
        first = menu.actions()[0] if menu.actions() else None
        self.quote_action.setEnabled(self.selection() is not None)
        if first is None:
            menu.addAction(self.quote_action)
        else:
            menu.insertAction(first, self.quote_action)
            menu.insertSeparator(first)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        self.quote_action.setEnabled(True)
        menu.deleteLater()

    @property
    def current_passage(self) -> PassageInfo | None:
        return self.view.current_passage

    # -- internals --------------------------------------------------------------------------
    def _show(self, detail: SourceDetail | None, *, keep_place: bool = False) -> None:
        self._detail = detail
        info = detail.info if detail else None
        self.title.setText(info.title if info else self.tr("No source selected"))
        if info:
            parts = [
                self.tr(KIND_LABELS.get(info.kind, info.kind)),
                format_date(info.date),
                ", ".join(info.organisations),
            ]
            self.subtitle.setText("  ·  ".join(p for p in parts if p))
        else:
            self.subtitle.setText("")
        self.form.load(info)
        paged = detail is not None and len(detail.passages) < detail.passage_total
        self.pager.setVisible(paged)
        if detail is not None and paged:
            last = detail.first + len(detail.passages)
            self.page_label.setText(
                self.tr("Passages {first}–{last} of {total}").format(
                    first=f"{detail.first + 1:,}",
                    last=f"{last:,}",
                    total=f"{detail.passage_total:,}",
                )
            )
            self.earlier.setEnabled(detail.first > 0)
            self.later.setEnabled(last < detail.passage_total)
        self.view.show_source(detail, keep_place=keep_place)
        self.tags.show_passage(self.view.current_passage)

    def _load_topics(self) -> None:
        found = self.ws.attempt(lambda: topics.list_topics(self.ws.store, counts=False)) or []
        self._topic_ids = {t.name: t.id for t in found}
        self.tags.set_topics(found)

    def _changed(self, changes: Changes) -> None:
        if changes.store:
            self._load_topics()
            self._show(None)
            return
        if changes.topics:
            self._load_topics()
        if (
            self._detail
            and (changes.passages or changes.sources)
            and changes.source_id in (None, self._detail.info.id)
        ):
            detail = self._read(self._detail.info.id, first=self._detail.first)
            self._show(detail, keep_place=True)

    def _toggle_furniture(self, on: bool) -> None:
        self.view.show_furniture = on
        self.view.show_source(self._detail, keep_place=True)

    def _passage_selected(self, passage: PassageInfo | None) -> None:
        self.tags.show_passage(passage)

    def _toggle_tag(self, passage_id: int, topic_id: int, tagged: bool) -> None:
        if self.source_id is None:
            return
        name = next((n for n, i in self._topic_ids.items() if i == topic_id), str(topic_id))
        if perform(self.ws, SetTag(passage_id, topic_id, tagged, name), initiator=self):
            verb = self.tr("Tagged with {t}") if tagged else self.tr("Untagged {t}")
            self.ws.message.emit(verb.format(t=name))
        else:
            self.tags.show_passage(self.view.current_passage)

    def _edit_metadata(self, source_id: int, change: dict) -> None:
        if self._detail is None:
            return
        info = self._detail.info
        if perform(self.ws, EditSource(source_id, change), initiator=self):
            self.ws.message.emit(self.tr("Saved"))
        else:
            self.form.load(info)

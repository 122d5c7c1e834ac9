"""The source reader page: header, readable text with chips, metadata form and tag panel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefer.briefs.library_ops import EditSource, SetTag
from briefer.library import sources, topics
from briefer.library.views import KIND_LABELS, PassageInfo, SourceDetail
from briefer.ui import theme, workers
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
    QMenu,
    QPoint,
    QSplitter,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    alive,
)
from briefer.ui.reader_view import ReaderView
from briefer.ui.tag_panel import TagPanel
from briefer.ui.workspace import Workspace

#: passages laid out at a time; a longer source is read a page at a time (Earlier / Later).
#: Laying out a page runs on the UI thread: 400 passages took 70-100 ms of it, 150 take 25-35
WINDOW = 150


class SourceReader(QWidget):
    """Shows one source; the brief editor asks it for :meth:`selection` to quote."""

    #: source id, start, end, topic names of the passage (top topic first)
    quote_requested = Signal(int, int, int, object)
    #: a page asked for has been read and is shown (or could not be read)
    page_shown = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceReader")
        self.setAccessibleName(self.tr("Source reader"))
        self.ws = ws
        self._detail: SourceDetail | None = None
        self._topic_ids: dict[str, int] = {}
        #: the page being read on a worker: each request supersedes the one before
        self._generation = 0
        self._reading: object | None = None
        self._request_args: dict | None = None
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(workers.BUSY_AFTER_MS)
        self._slow.timeout.connect(self._show_busy)

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
        # "Version 2 of 2": a source imported again as a new version of another; its menu
        # opens the other versions (the navigator and every count show the newest only)
        self.version_chip = QToolButton()
        self.version_chip.setObjectName("versionChip")
        self.version_chip.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.version_menu = QMenu(self.version_chip)
        self.version_menu.setObjectName("versionMenu")
        self.version_menu.triggered.connect(lambda a: self.show_source(int(a.data())))
        self.version_chip.setMenu(self.version_menu)
        self.version_chip.hide()
        self.loading = QLabel(self.tr("Opening…"))
        self.loading.setObjectName("hintLabel")
        self.loading.hide()

    def _build_reading_pane(self) -> QWidget:
        """The header, the pager and the text, on the left."""
        header = QVBoxLayout()
        header.setContentsMargins(28, 18, 20, 10)
        header.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.loading, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.furniture, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(top)
        header.addWidget(self.subtitle)
        # under the subtitle, not beside the title: at 1024 px the title keeps its width
        header.addWidget(self.version_chip, 0, Qt.AlignmentFlag.AlignLeft)
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

    def _request(
        self,
        source_id: int,
        *,
        at_offset: int | None = None,
        at_passage: int | None = None,
        first: int = 0,
        keep_place: bool = False,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Read one page of a source (see ``sources.get_source``) on a worker and show it,
        then run ``then``. A 20 MB source's page took 50-150 ms to read, all of it on the UI
        thread before; meanwhile the page shown stays, and after 200 ms says it is opening.
        A newer request (or a page shown at once) supersedes this one."""
        self._generation += 1
        generation, store = self._generation, self.ws.store
        self._request_args = {
            "source_id": source_id,
            "at_offset": at_offset,
            "at_passage": at_passage,
            "first": first,
            "keep_place": keep_place,
            "then": then,
        }

        def read(_job: object) -> SourceDetail:
            detail = sources.get_source(
                store,
                source_id,
                window=WINDOW,
                at_offset=at_offset,
                at_passage=at_passage,
                first=first,
            )
            # the other versions, for the version chip (the navigator lists the newest only)
            return replace(detail, versions=tuple(sources.versions_of(store, source_id)))

        worker = workers.Worker(read)
        worker.signals.result.connect(
            lambda detail, g=generation: self._read_done(g, detail, keep_place, then)
        )
        worker.signals.error.connect(lambda exc, g=generation: self._read_failed(g, exc))
        self._reading = worker.signals  # kept alive until it reports
        if not self._slow.isActive() and not self.loading.isVisible():
            self._slow.start()
        workers.start(worker, owner=self)

    def _settled(self) -> None:
        """No page is being read any more."""
        self._reading = None
        self._request_args = None
        self._slow.stop()
        self.loading.hide()

    def _cancel_read(self) -> None:
        """What is shown now wins over a page still being read."""
        if self._reading is not None:
            self._generation += 1
            self._settled()

    def _show_busy(self) -> None:
        if self._reading is not None:
            self.loading.show()  # beside the title of the page still shown

    def _read_done(
        self,
        generation: int,
        detail: SourceDetail,
        keep_place: bool,
        then: Callable[[], object] | None,
    ) -> None:
        if not alive(self) or generation != self._generation:
            return  # the reader was closed (its window deleted) while the page was read
        self._settled()
        self._show(detail, keep_place=keep_place)
        if then is not None:
            then()
        self.page_shown.emit()

    def _read_failed(self, generation: int, exc: object) -> None:
        if not alive(self) or generation != self._generation:
            return
        self._settled()
        self.ws.problem.emit(str(exc))
        self.page_shown.emit()

    @property
    def is_reading(self) -> bool:
        """A page asked for is still being read."""
        return self._reading is not None

    def _page(self, step: int) -> None:
        d = self._detail
        if d is None:
            return
        first = d.first + step * WINDOW
        if 0 <= first < d.passage_total:
            self._request(d.info.id, first=first)

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

    def show_source(self, source_id: int | None) -> None:
        """Open a source scrolled to the top (read on a worker: :attr:`page_shown` follows)."""
        if source_id is None:
            self._cancel_read()
            self._show(None)
            return
        self._request(source_id)

    def show_span(self, source_id: int, start: int, end: int) -> bool:
        """Open a source scrolled to ``start:end`` in source offsets, highlighted. False if
        the span is on the page shown and cannot be marked; a span on another page is read
        first (True: :attr:`page_shown` follows)."""
        if self._in_window(source_id, start):
            self._cancel_read()
            return self._mark(start, end)
        self._request(source_id, at_offset=start, then=lambda: self._mark(start, end))
        return True

    def _mark(self, start: int, end: int) -> bool:
        shown = self.view.mark_span(start, end)
        if not shown and not self.furniture.isChecked():
            self.furniture.setChecked(True)
            shown = self.view.mark_span(start, end)
        return shown

    def show_passage(self, source_id: int, passage_id: int) -> bool:
        """Open a source at one passage, highlighted (read first when it is on another page:
        True, and :attr:`page_shown` follows)."""
        if self._detail is not None and self._detail.info.id == source_id:
            p = next((p for p in self._detail.passages if p.id == passage_id), None)
            if p is not None:
                self._cancel_read()
                return self._mark(p.start, p.end)
        self._request(source_id, at_passage=passage_id, then=lambda: self._mark_passage(passage_id))
        return True

    def _mark_passage(self, passage_id: int) -> bool:
        d = self._detail
        p = next((p for p in d.passages if p.id == passage_id), None) if d else None
        return p is not None and self._mark(p.start, p.end)

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
        self._show_versions(detail)
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

    def _show_versions(self, detail: SourceDetail | None) -> None:
        """The version chip: hidden for a source with one version; on an older one it says
        that a newer one exists (what the counts and the navigator go by)."""
        versions = detail.versions if detail is not None else ()
        self.version_menu.clear()
        if detail is None or len(versions) < 2:
            self.version_chip.hide()
            return
        n = len(versions)
        at = next((i for i, v in enumerate(versions, 1) if v.id == detail.info.id), n)
        if at == n:
            text = self.tr("Version {n} of {total}").format(n=at, total=n)
            tip = self.tr("Earlier versions of this source are in this menu.")
        else:
            text = self.tr("Version {n} of {total}: a newer one exists").format(n=at, total=n)
            tip = self.tr(
                "Counts, coverage and drafting use the newest version; open it from this menu."
            )
        self.version_chip.setText(text)
        self.version_chip.setToolTip(tip)
        for i, v in enumerate(versions, 1):
            label = self.tr("Version {n}: {title}").format(n=i, title=v.short_title or v.title)
            if v.date:
                label += f" · {format_date(v.date)}"
            action = self.version_menu.addAction(label)
            action.setData(v.id)
            action.setCheckable(True)
            action.setChecked(v.id == detail.info.id)
        self.version_chip.show()

    def _load_topics(self) -> None:
        found = self.ws.attempt(lambda: topics.list_topics(self.ws.store, counts=False)) or []
        self._topic_ids = {t.name: t.id for t in found}
        self.tags.set_topics(found)

    def _changed(self, changes: Changes) -> None:
        if changes.store:
            self._cancel_read()
            self._load_topics()
            self._show(None)
            return
        if changes.topics:
            self._load_topics()
        if not (changes.passages or changes.sources):
            return
        if self._request_args is not None:  # the page being read may be older than the change
            self._request(**self._request_args)
        elif self._detail and changes.source_id in (None, self._detail.info.id):
            self._request(self._detail.info.id, first=self._detail.first, keep_place=True)

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

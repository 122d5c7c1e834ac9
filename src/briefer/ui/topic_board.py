"""The topic board: for one topic, industry positions beside official outcomes."""

from __future__ import annotations

from briefer.library import topics
from briefer.library.views import KIND_LABELS, TopicInfo, TopicPage, TopicPassage
from briefer.ui import theme, workers
from briefer.ui.changes import Changes
from briefer.ui.qt import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListView,
    QMenu,
    QModelIndex,
    QObject,
    QPoint,
    QSplitter,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.topic_board_model import BoardRow, PassageColumnModel, PassageDelegate, RowRole
from briefer.ui.wording import counted
from briefer.ui.workspace import Workspace

SIDES = ("industry", "official")
#: passages per side read at a time (more as the officer scrolls)
PAGE = 100


class TopicBoard(QWidget):
    """Two columns of tagged passages for :meth:`show_topic`, newest source first."""

    #: source id, passage id — the officer wants to read the passage in context
    open_passage = Signal(int, int)
    #: the first page of both sides is shown (after show_topic)
    loaded = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicBoard")
        self.setAccessibleName(self.tr("Topic board"))
        self.ws = ws
        self.topic: TopicInfo | None = None
        #: when set, only this source's passages are shown (from the coverage map)
        self.source_filter: int | None = None
        self._generation = 0
        self._pending: set[str] = set()
        self._workers: set[object] = set()  # signals of running page reads, kept alive
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.models: dict[str, PassageColumnModel] = {}
        self.views: dict[str, QListView] = {}
        self.counts: dict[str, QLabel] = {}
        #: what to do when a side has no passages (over the empty list)
        self.empty_hints: dict[str, QLabel] = {}
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("boardSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(12)
        for side in SIDES:
            self.splitter.addWidget(self._column(side))
        header = QVBoxLayout()
        header.setContentsMargins(28, 18, 28, 12)
        header.setSpacing(4)
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        self.filter_bar = QWidget()
        self.filter_bar.setObjectName("boardFilter")
        fb = QHBoxLayout(self.filter_bar)
        fb.setContentsMargins(0, 4, 0, 0)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("filterChip")
        clear = QToolButton()
        clear.setObjectName("clearFilter")
        clear.setText(self.tr("Show all sources"))
        clear.setAutoRaise(True)
        clear.clicked.connect(lambda: self.show_topic(self.topic))
        fb.addWidget(self.filter_label)
        fb.addWidget(clear)
        fb.addStretch(1)
        self.filter_bar.hide()
        #: off: the passages *on* the topic, as the navigator and the coverage map count
        #: them; on: every passage tagged with it, passing mentions too
        self.mentions = QCheckBox(self.tr("Include passing mentions"))
        self.mentions.setObjectName("includeMentions")
        self.mentions.setToolTip(
            self.tr(
                "Off: the passages mainly about this topic, as the navigator and the coverage "
                "map count them. On: also passages that only mention it."
            )
        )
        self.mentions.toggled.connect(lambda _on: self.show_topic(self.topic, self.source_filter))
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.filter_bar, 1)
        options.addWidget(self.mentions, 0, Qt.AlignmentFlag.AlignBottom)
        header.addLayout(options)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        body = QHBoxLayout()
        body.setContentsMargins(16, 0, 16, 12)
        body.addWidget(self.splitter)
        layout.addLayout(body, 1)
        self.add_action = QAction(self.tr("Add to brief…"), self)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self._add_current)
        self.addAction(self.add_action)
        ws.bus.changed.connect(self._changed)

    def _column(self, side: str) -> QWidget:
        box = QWidget()
        box.setObjectName(f"{side}Column")
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(6)
        head = QHBoxLayout()
        head.setContentsMargins(12, 0, 12, 0)
        label = QLabel(self.tr(KIND_LABELS[side]))
        label.setObjectName("columnLabel")
        label.setStyleSheet(f"color: {theme.kind_color(side).name()};")
        count = QLabel()
        count.setObjectName("hintLabel")
        head.addWidget(label)
        head.addStretch(1)
        head.addWidget(count)
        view = QListView()
        view.setObjectName(f"{side}Passages")
        view.setAccessibleName(self.tr("{kind} passages").format(kind=self.tr(KIND_LABELS[side])))
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setWordWrap(True)
        view.setMouseTracking(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        model = PassageColumnModel(view)
        model.more_wanted.connect(lambda offset, side=side: self._fetch(side, offset))
        view.setModel(model)
        delegate = PassageDelegate(view)
        delegate.add_requested.connect(self.add_to_brief)
        view.setItemDelegate(delegate)
        view.activated.connect(self._activated)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._menu(v, pos))
        self.models[side], self.views[side], self.counts[side] = model, view, count
        hint = QLabel(view.viewport())
        hint.setObjectName(f"{side}EmptyHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        hint.setStyleSheet(f"color: {theme.muted().name()}; padding: 24px 16px;")
        hint.hide()
        self.empty_hints[side] = hint
        view.viewport().installEventFilter(self)
        v.addLayout(head)
        v.addWidget(view, 1)
        return box

    # -- loading ----------------------------------------------------------------------------
    def show_topic(
        self, topic: TopicInfo | None, source_id: int | None = None, *, mentions: bool | None = None
    ) -> None:
        """Show a topic's passages; with ``source_id`` only those of that source; with
        ``mentions`` given, passing mentions included (True) or not (False).

        Each side's first page is read on a worker; :attr:`loaded` is emitted when both are
        shown. Further pages come as the officer scrolls (see ``PassageColumnModel``).
        """
        if mentions is not None and mentions != self.mentions.isChecked():
            self.mentions.blockSignals(True)
            self.mentions.setChecked(mentions)
            self.mentions.blockSignals(False)
        self.topic = topic
        self.source_filter = source_id if topic is not None else None
        self.title.setText(topic.name if topic else self.tr("No topic selected"))
        self.subtitle.setText(topic.description if topic else "")
        self._generation += 1
        self._pending = set(SIDES) if topic is not None else set()
        self.filter_label.setText(self.tr("Only passages from one source"))
        self.filter_bar.setVisible(self.source_filter is not None)
        for side in SIDES:
            self.empty_hints[side].hide()
            self.models[side].set_passages([], 0)
            self.counts[side].setText(self.tr("Loading…") if topic is not None else "")
            self.views[side].scrollToTop()
            if topic is not None:
                self._fetch(side, 0)
        if topic is None:
            self.loaded.emit()

    def is_loading(self) -> bool:
        return bool(self._pending)

    def _fetch(self, side: str, offset: int) -> None:
        topic, source_id, generation = self.topic, self.source_filter, self._generation
        mentions = self.mentions.isChecked()
        if topic is None:
            return
        store = self.ws.store

        def read(_job: object) -> TopicPage:
            return topics.topic_page(
                store,
                topic.id,
                side,
                offset=offset,
                limit=PAGE,
                source_id=source_id,
                on_topic=not mentions,
            )

        worker = workers.Worker(read)
        worker.signals.result.connect(
            lambda page, side=side, g=generation: self._page_read(side, g, page)
        )
        worker.signals.error.connect(lambda exc: self.ws.problem.emit(str(exc)))
        self._workers.add(worker.signals)
        worker.signals.finished.connect(lambda s=worker.signals: self._workers.discard(s))
        workers.start(worker, owner=self)

    def _page_read(self, side: str, generation: int, page: TopicPage) -> None:
        if generation != self._generation:
            return  # another topic was chosen meanwhile
        model = self.models[side]
        if page.offset == 0:
            model.set_passages(page.items, page.total)
            if self.mentions.isChecked():
                text = counted(
                    page.total, "{n} passage, mentions included", "{n} passages, mentions included"
                )
            else:
                text = counted(page.total, "{n} passage on the topic", "{n} passages on the topic")
            self.counts[side].setText(text)
            self._show_empty_hint(side, page.total == 0)
            if self.source_filter is not None and page.items:
                src = page.items[0].source
                self.filter_label.setText(
                    self.tr("Only passages from {source}").format(
                        source=src.short_title or src.title
                    )
                )
            self._pending.discard(side)
            if not self._pending:
                self.loaded.emit()
        else:
            model.append_passages(page.offset, page.items)

    def _show_empty_hint(self, side: str, empty: bool) -> None:
        hint = self.empty_hints[side]
        if empty:
            if side == "official":
                text = self.tr(
                    "No official text on this topic yet. Import the meeting's outcome "
                    "documents (File › Import…), or tag a passage of one in the reader."
                )
            else:
                text = self.tr(
                    "No industry position on this topic yet. Import the position papers "
                    "(File › Import…), or tag a passage of one in the reader."
                )
            if not self.mentions.isChecked():
                text += " " + self.tr(
                    "“Include passing mentions” also lists the passages that only mention it."
                )
            hint.setText(text)
            hint.setGeometry(self.views[side].viewport().rect())
        hint.setVisible(empty)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for side, view in self.views.items():
                if obj is view.viewport():
                    self.empty_hints[side].setGeometry(view.viewport().rect())
        return super().eventFilter(obj, event)

    def _changed(self, changes: Changes) -> None:
        if changes.store:
            self.show_topic(None)
        elif self.topic is not None and (changes.passages or changes.sources or changes.topics):
            fresh = self.ws.attempt(lambda: topics.list_topics(self.ws.store, counts=False)) or []
            self.show_topic(
                next((t for t in fresh if t.id == self.topic.id), None),  # type: ignore[union-attr]
                self.source_filter,
            )

    # -- actions ----------------------------------------------------------------------------
    def _row(self, index: QModelIndex) -> BoardRow | None:
        return index.data(RowRole) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        row = self._row(index)
        if row and row.item:
            self.open_passage.emit(row.item.passage.source_id, row.item.passage.id)

    def _menu(self, view: QListView, pos: QPoint) -> None:
        row = self._row(view.indexAt(pos))
        if not row or not row.item:
            return
        item = row.item
        menu = QMenu(self)
        menu.addAction(
            self.tr("Open in reader"),
            lambda: self.open_passage.emit(item.passage.source_id, item.passage.id),
        )
        menu.addAction(self.tr("Add to brief…"), lambda: self.add_to_brief(item))
        menu.exec(view.viewport().mapToGlobal(pos))

    def _add_current(self) -> None:
        for view in self.views.values():
            if view.hasFocus():
                row = self._row(view.currentIndex())
                if row and row.item:
                    self.add_to_brief(row.item)

    def add_to_brief(self, item: TopicPassage) -> None:
        """Quote the whole passage into a brief chosen in the quote dialog."""
        if self.topic is None:
            return
        from briefer.ui.quote_dialog import QuoteDialog

        p = item.passage
        names = [self.topic.name, *(t for t in p.topics if t != self.topic.name)]
        dialog = QuoteDialog(self.ws, p.source_id, p.start, p.end, names, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

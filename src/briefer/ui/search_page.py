"""Search as you type: debounced, run on a worker, stale answers dropped; filters; results."""

from __future__ import annotations

from datetime import date

from briefer.library import search, topics
from briefer.library.views import KIND_LABELS, SOURCE_KINDS, SearchHit
from briefer.ui.changes import Changes
from briefer.ui.flow_layout import FlowLayout
from briefer.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListView,
    QModelIndex,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.search_model import SearchHitModel, SnippetDelegate
from briefer.ui.wording import counted
from briefer.ui.workers import Job, Worker, start
from briefer.ui.workspace import Workspace

DEBOUNCE_MS = 200
#: results shown; when more match, the summary says how many in all (a true count)
SHOWN = 100
_NO_DATE = QDate(1900, 1, 1)


def _run_search(
    job: Job, generation: int, store: object, query: str, kwargs: dict, expand: bool
) -> tuple:
    if job.aborted:
        return generation, [], 0, []
    found = search.expansions(store, query)  # type: ignore[arg-type]
    kwargs = {**kwargs, "expand": expand}
    hits = search.search(store, query, prefix=True, limit=SHOWN + 1, **kwargs)  # type: ignore[arg-type]
    if len(hits) <= SHOWN or job.aborted:
        return generation, hits, len(hits), found
    total = search.count(store, query, prefix=True, **kwargs)  # type: ignore[arg-type]
    return generation, hits, total, found


class SearchPage(QWidget):
    """Results for :meth:`set_query`; emits :attr:`open_hit` on Enter or double-click."""

    open_hit = Signal(object)  # SearchHit
    #: emitted when a search's results are shown (for tests and the status bar)
    results_shown = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPage")
        self.ws = ws
        self.query = ""
        self._generation = 0
        self._worker: Worker | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_search)

        self.title = QLabel(self.tr("Search"))
        self.title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")

        # "Also search 半導体 (Semiconductors)": shown when a word of the query names a
        # topic; checked by default, and the choice is kept for the next queries
        self.expand = QCheckBox()
        self.expand.setObjectName("searchExpand")
        self.expand.setChecked(True)
        self.expand.setVisible(False)
        self.expand.setToolTip(
            self.tr(
                "A word of the query names a topic: its name in the other language is "
                "searched as well. Untick to search only what you typed."
            )
        )
        self.expand.toggled.connect(self._filters_changed)

        self.kind = QComboBox()
        self.kind.setObjectName("searchKind")
        self.kind.setAccessibleName(self.tr("Kind of source"))
        self.kind.addItem(self.tr("All kinds"), "")
        for k in SOURCE_KINDS:
            self.kind.addItem(self.tr(KIND_LABELS[k]), k)
        self.topic = QComboBox()
        self.topic.setObjectName("searchTopic")
        self.topic.setAccessibleName(self.tr("Topic"))
        self.topic.setMinimumContentsLength(18)
        self.since = self._date_edit("searchSince", self.tr("From date"))
        self.until = self._date_edit("searchUntil", self.tr("To date"))
        for combo in (self.kind, self.topic):
            combo.currentIndexChanged.connect(self._filters_changed)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._filters_changed)

        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model = SearchHitModel(self.results)
        self.results.setModel(self.model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.activated.connect(self._activated)

        # Each label stays with its field; the pairs wrap onto a second line when narrow.
        filters = FlowLayout(spacing=14)
        for label, widget in (
            (self.tr("&Kind"), self.kind),
            (self.tr("T&opic"), self.topic),
            (self.tr("F&rom"), self.since),
            (self.tr("T&o"), self.until),
        ):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(8)
            lab = QLabel(label)
            lab.setBuddy(widget)
            row.addWidget(lab)
            row.addWidget(widget)
            filters.addWidget(pair)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.expand, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(4)
        layout.addLayout(filters)
        layout.addSpacing(4)
        layout.addWidget(self.results, 1)
        ws.bus.changed.connect(self._changed)
        self._load_topics()

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(_NO_DATE)
        return edit

    def _load_topics(self) -> None:
        current = self.topic.currentData()
        blocked = self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem(self.tr("Any topic"), None)
        for t in self.ws.attempt(lambda: topics.list_topics(self.ws.store, counts=False)) or []:
            self.topic.addItem(t.name, t.id)
        self.topic.setCurrentIndex(max(0, self.topic.findData(current)))
        self.topic.blockSignals(blocked)

    # -- querying ---------------------------------------------------------------------------
    def set_query(self, text: str, *, immediate: bool = False) -> None:
        """Search for ``text`` after a short pause in typing (or now)."""
        self.query = text.strip()
        if immediate:
            self._timer.stop()
            self._start_search()
        else:
            self._timer.start()

    def _filters(self) -> dict:
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == _NO_DATE else date(d.year(), d.month(), d.day())

        kind, topic = self.kind.currentData(), self.topic.currentData()
        return {
            "kinds": (kind,) if kind else (),
            "topics": (topic,) if topic is not None else (),
            "since": day(self.since),
            "until": day(self.until),
        }

    def _filters_changed(self) -> None:
        if self.query:
            self.set_query(self.query, immediate=True)

    def _start_search(self) -> None:
        self._generation += 1
        if self._worker is not None:
            self._worker.abort()
        if not self.query:
            self._worker = None
            self._show(self._generation, [], 0, [])
            return
        worker = Worker(
            _run_search,
            self._generation,
            self.ws.store,
            self.query,
            self._filters(),
            self.expand.isChecked(),
        )
        worker.signals.result.connect(lambda value: self._show(*value))
        worker.signals.error.connect(lambda exc, g=self._generation: self._failed(g, exc))
        self._worker = start(worker, owner=self)

    def _show(
        self, generation: int, hits: list[SearchHit], total: int, also: list[search.Expansion]
    ) -> None:
        if generation != self._generation:
            return  # a newer search has started since; this answer is stale
        self._show_expansions(also)
        # the summary puts the query in quotation marks: a phrase query keeps one pair
        shown_query = self.query
        if len(shown_query) > 1 and shown_query[0] == shown_query[-1] == '"':
            shown_query = shown_query[1:-1]
        more = len(hits) > SHOWN
        hits = hits[:SHOWN]
        self.model.set_hits(hits)
        if not self.query:
            self.summary.setText(self.tr("Type in the search field to find passages."))
        elif not hits:
            self.summary.setText(self.tr("No passages match “{q}”.").format(q=shown_query))
        else:
            if more:  # every match counted, the first SHOWN listed
                found = self.tr("{total} passages match “{q}”; the first {n} are listed").format(
                    total=f"{total:,}", q=shown_query, n=SHOWN
                )
            else:
                found = counted(len(hits), "{n} passage matches", "{n} passages match")
                found = f"{found} “{shown_query}”"
            self.summary.setText(found)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self.results_shown.emit(len(hits))

    def _show_expansions(self, found: list[search.Expansion]) -> None:
        if not found:
            self.expand.setVisible(False)
            return
        also = "; ".join(
            self.tr("{terms} ({topic})").format(terms=", ".join(e.also), topic=e.topic)
            for e in found
        )
        self.expand.setText(self.tr("Also search {terms}").format(terms=also))
        self.expand.setAccessibleName(self.expand.text())
        self.expand.setVisible(True)

    def _failed(self, generation: int, exc: object) -> None:
        if generation != self._generation:
            return
        self.summary.setText(str(exc))

    def open_current(self) -> None:
        idx = self.results.currentIndex()
        if not idx.isValid() and self.model.rowCount():
            idx = self.model.index(0)
        if idx.isValid():
            self._activated(idx)

    def _activated(self, index: QModelIndex) -> None:
        self.open_hit.emit(self.model.hit(index.row()))

    def _changed(self, changes: Changes) -> None:
        if changes.store or changes.topics:
            self._load_topics()
        if changes.store or changes.sources or changes.passages:
            self._generation += 1
            if self.query:
                self.set_query(self.query)
            else:
                self._show(self._generation, [], 0, [])

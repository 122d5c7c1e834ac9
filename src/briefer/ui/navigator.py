"""The navigator on the left: Briefs, Topics, Sources by kind, Coverage."""

from __future__ import annotations

from collections.abc import Sequence

from briefer.briefs.model import BriefSummary
from briefer.library.views import SourceInfo, TopicInfo
from briefer.ui.navigator_model import KeyRole, NavigatorModel, Tree, ValueRole
from briefer.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QModelIndex,
    QPoint,
    Qt,
    QTreeView,
    QWidget,
    Signal,
)

#: A source kind of more rows than this starts collapsed: an expanded kind's rows are walked
#: by every layout of the tree (a Python call or three per row: 100-150 ms of the UI thread
#: at 10,000 sources, a second at 100,000). Expanded by the officer, it stays expanded.
EXPAND_AT_MOST = 2000


class Navigator(QTreeView):
    """Tree of what the officer can open; emits :attr:`activated_key` on selection."""

    #: key ("topic:3", "source:12", "section:coverage"...) and the value behind it
    selected = Signal(str, object)
    #: key and value of the node under the mouse, and where to show a menu (global)
    menu_requested = Signal(str, object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName(self.tr("Navigator"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAnimated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIndentation(14)
        self.setAllColumnsShowFocus(True)
        self.nav_model = NavigatorModel(self)
        self.setModel(self.nav_model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Fit the counts/dates column to the rows on screen: by default Qt measures the
        # first 1,000 rows on every layout change (a data() call each), which with 10,000
        # sources made every brief edit and selection cost a second.
        header.setResizeContentsPrecision(0)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._loaded = False
        #: the sources are still being listed (the kinds are empty for now)
        self._pending = False
        #: a node to select, without announcing it, once it is in the tree (the last view,
        #: shown before the sources were listed); "" for the window's default; None: none
        self._wanted: str | None = None
        self._expanded: set[str] = {
            "section:topics",
            "section:sources",
            "kind:industry",
            "kind:official",
            "kind:other",
        }
        #: expanded by default, not by the officer: a kind too long to expand stays closed
        self._first_time = set(self._expanded)

    def load(
        self,
        topics: Sequence[TopicInfo],
        sources: Sequence[SourceInfo],
        briefs: Sequence[BriefSummary] = (),
        *,
        pending: bool = False,
    ) -> None:
        """Show fresh service results, keeping expansion and the current node. ``pending``:
        the sources are still being listed (they come with a later ``load``)."""
        self.show_tree(self.nav_model.build(topics, sources, briefs), pending=pending)

    def show_tree(self, tree: Tree, *, pending: bool = False) -> None:
        """Show a tree built by ``NavigatorModel.build`` (on a worker, for a large store),
        keeping expansion and the current node."""
        current = self.current_key()
        if not self._pending:  # an empty kind cannot be expanded: keep what was expanded
            self._remember_expansion()
        self._pending = pending
        blocker = self.selectionModel().blockSignals(True)
        self.nav_model.install(tree, pending=pending)
        for key in self._expanded:
            idx = self.nav_model.index_for_key(key)
            if not idx.isValid():
                continue
            if key in self._first_time and self.nav_model.rowCount(idx) > EXPAND_AT_MOST:
                continue  # every layout of the tree would walk its rows: the officer opens it
            self.setExpanded(idx, True)
        if not pending:  # the defaults hold until the sources are in
            self._first_time = set()
        wanted = self.nav_model.index_for_key(self._wanted) if self._wanted else None
        if wanted is not None and wanted.isValid():
            self._wanted = None
            self.setCurrentIndex(wanted)  # in its kind, expanded or not: the page is shown
            if self.isExpanded(wanted.parent()):
                self.scrollTo(wanted)
        elif current:
            idx = self.nav_model.index_for_key(current)
            if idx.isValid():
                self.setCurrentIndex(idx)
        self.selectionModel().blockSignals(blocker)

    def expect_key(self, key: str) -> None:
        """Select ``key`` quietly when it arrives (its page is already shown); "" marks the
        window's default choice as waiting (:attr:`waiting_for`). Meanwhile the Sources
        row is current, quietly: with no current row Qt makes the first one current (and
        the window would open it) as soon as the tree has the focus."""
        self._wanted = key
        idx = self.nav_model.index_for_key("section:sources")
        blocker = self.selectionModel().blockSignals(True)
        self.setCurrentIndex(idx)
        self.selectionModel().blockSignals(blocker)

    @property
    def waiting_for(self) -> str | None:
        """The key :meth:`expect_key` is waiting for ("": the default), None if none."""
        return self._wanted

    def set_briefs(self, briefs: Sequence[BriefSummary]) -> None:
        """Show a fresh list of briefs, keeping the current node (signals held back)."""
        current = self.current_key()
        blocker = self.selectionModel().blockSignals(True)
        self.nav_model.set_briefs(briefs)
        if current:
            idx = self.nav_model.index_for_key(current)
            if idx.isValid():
                self.setCurrentIndex(idx)
        self.selectionModel().blockSignals(blocker)

    def set_topics(self, topics: Sequence[TopicInfo]) -> bool:
        """New figures for the topics shown (see ``NavigatorModel.set_topics``)."""
        return self.nav_model.set_topics(topics)

    def _remember_expansion(self) -> None:
        model = self.nav_model
        keys: set[str] = set()
        # only sections and source kinds expand: never walk the 10,000 source leaves
        for key in model.branch_keys():
            idx = model.index_for_key(key)
            if idx.isValid() and self.isExpanded(idx):
                keys.add(key)
        if self._loaded:
            self._expanded = keys
        self._loaded = True

    def current_key(self) -> str:
        idx = self.currentIndex()
        return str(idx.data(KeyRole)) if idx.isValid() else ""

    def select_key(self, key: str) -> bool:
        """Select a node by key (emits :attr:`selected`); False if it does not exist."""
        idx = self.nav_model.index_for_key(key)
        if not idx.isValid():
            return False
        parent = idx.parent()
        while parent.isValid():
            self.setExpanded(parent, True)
            parent = parent.parent()
        if self.currentIndex().siblingAtColumn(0) == idx:
            self._current_changed(idx, QModelIndex())
        else:
            self.setCurrentIndex(idx)
        self.scrollTo(idx)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._wanted = None  # the officer went elsewhere meanwhile
        if current.isValid():
            idx = current.siblingAtColumn(0)
            self.selected.emit(str(idx.data(KeyRole)), idx.data(ValueRole))

    def _menu(self, pos: QPoint) -> None:
        idx = self.indexAt(pos).siblingAtColumn(0)
        if idx.isValid():
            key, value = str(idx.data(KeyRole)), idx.data(ValueRole)
        else:
            key, value = "", None
        self.menu_requested.emit(key, value, self.viewport().mapToGlobal(pos))

"""The navigator on the left: Briefs, Topics, Sources by kind, Coverage."""

from __future__ import annotations

from collections.abc import Sequence

from briefer.briefs.model import BriefSummary
from briefer.library.views import SourceInfo, TopicInfo
from briefer.ui.navigator_model import KeyRole, NavigatorModel, ValueRole
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
        self._expanded: set[str] = {
            "section:topics",
            "section:sources",
            "kind:industry",
            "kind:official",
            "kind:other",
        }

    def load(
        self,
        topics: Sequence[TopicInfo],
        sources: Sequence[SourceInfo],
        briefs: Sequence[BriefSummary] = (),
    ) -> None:
        """Show fresh service results, keeping expansion and the current node."""
        current = self.current_key()
        self._remember_expansion()
        blocker = self.selectionModel().blockSignals(True)
        self.nav_model.reset(topics, sources, briefs)
        for key in self._expanded:
            idx = self.nav_model.index_for_key(key)
            if idx.isValid():
                self.setExpanded(idx, True)
        if current:
            idx = self.nav_model.index_for_key(current)
            if idx.isValid():
                self.setCurrentIndex(idx)
        self.selectionModel().blockSignals(blocker)

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

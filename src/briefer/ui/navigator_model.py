"""The navigator's tree: an adapter over ``list_topics`` and ``list_sources`` results.

Rows are plain nodes over frozen service values; nothing is queried from inside the model.
Ten thousand sources are ten thousand small nodes, never widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefer.briefs.model import BriefSummary
from briefer.library.views import KIND_LABELS, SOURCE_KINDS, SourceInfo, TopicInfo
from briefer.ui import theme
from briefer.ui.qt import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

#: Role carrying a node's key ("topic:3", "source:12", "section:coverage"...).
KeyRole = Qt.ItemDataRole.UserRole + 1
#: Role carrying the service value behind a node (TopicInfo, SourceInfo or None).
ValueRole = Qt.ItemDataRole.UserRole + 2

SECTIONS = ("briefs", "topics", "sources", "coverage", "asks")
_GROUP_LABELS = {
    "industry": "Industry positions",
    "official": "Official outcomes",
    "other": "Other",
}
_Index = QModelIndex | QPersistentModelIndex


def format_date(value: object) -> str:
    """A date as officers write it: 30 Apr 2024 (2024年4月30日 in Japanese)."""
    from briefer.ui.date_field import format_day

    return format_day(value)  # type: ignore[arg-type]


#: A source kind of more sources than this is shown in years ("2024", ..., "No date"): every
#: layout of a ``QTreeView`` walks the expanded rows through the Python model (a call or three
#: per row), so expanding a kind of 5,000 sources, or opening one of them, cost the UI thread
#: 100-170 ms; a kind now lays out a few dozen years, and a year a few hundred sources.
BY_YEAR_ABOVE = 500

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


@dataclass(eq=False)
class Node:
    key: str
    label: str
    parent: Node | None = None
    value: object = None
    children: list[Node] = field(default_factory=list)
    #: the node's row under its parent (kept when the tree is built: ``children.index`` walks
    #: 10,000 sources); -1 once the node has been taken out of the tree
    row_no: int = 0
    #: the sources under a kind shown in years (its children are the years); -1: its children
    total: int = -1

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


@dataclass(eq=False)
class Tree:
    """A navigator tree built (on any thread) and not yet shown."""

    root: Node
    keys: dict[str, Node]
    topic_names: tuple[str, ...]


class NavigatorModel(QAbstractItemModel):
    """Briefs, Topics (with industry/official counts), Sources by kind, Coverage."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = Node("root", "")
        self._keys: dict[str, Node] = {}
        #: the tree replaced last, kept alive: a view may still hold an index into it (the
        #: index points at its node), and asking for that index's parent must not crash
        self._retired: list[Node] = []
        #: the sources are still being listed: the kinds show "…" for their counts
        self.pending = False
        self.reset([], [])

    # -- loading ----------------------------------------------------------------------------
    def reset(
        self,
        topics: Sequence[TopicInfo],
        sources: Sequence[SourceInfo],
        briefs: Sequence[BriefSummary] = (),
        *,
        pending: bool = False,
    ) -> None:
        """Replace the content with fresh service results (``pending``: the sources are
        still being listed)."""
        self.install(self.build(topics, sources, briefs), pending=pending)

    def build(
        self,
        topics: Sequence[TopicInfo],
        sources: Sequence[SourceInfo],
        briefs: Sequence[BriefSummary] = (),
    ) -> Tree:
        """The tree for fresh service results, not yet shown: plain Python, so a worker
        can build it (10,000 source rows cost the UI thread 100-160 ms)."""
        root = Node("root", "")
        labels = {
            "briefs": self.tr("Briefs"),
            "topics": self.tr("Topics"),
            "sources": self.tr("Sources"),
            "coverage": self.tr("Coverage"),
            "asks": self.tr("Asks ledger"),
        }
        for name in SECTIONS:
            root.children.append(Node(f"section:{name}", labels[name], root))
        brief_node, topic_node, source_node = root.children[:3]
        brief_node.children = [Node(f"brief:{b.id}", b.title, brief_node, b) for b in briefs]
        topic_node.children = [Node(f"topic:{t.id}", t.name, topic_node, t) for t in topics]
        # A source imported again as a new version of another is listed once, as its newest
        # version (the reader's version chip opens the others): the kinds' counts then agree
        # with the coverage map's columns, which leave replaced versions out too.
        replaced = {s.previous_version_id for s in sources if s.previous_version_id is not None}
        for kind in SOURCE_KINDS:
            group = Node(f"kind:{kind}", self.tr(_GROUP_LABELS[kind]), source_node, kind)
            rows = [s for s in sources if s.kind == kind and s.id not in replaced]
            if len(rows) > BY_YEAR_ABOVE:
                group.total = len(rows)
                group.children = self._years(group, kind, rows)
            else:
                group.children = [
                    Node(f"source:{s.id}", s.short_title or s.title, group, s) for s in rows
                ]
            source_node.children.append(group)
        keys: dict[str, Node] = {}
        stack = [root]
        while stack:
            node = stack.pop()
            for row, child in enumerate(node.children):
                keys[child.key] = child
                child.row_no = row
                if child.children:
                    stack.append(child)
        return Tree(root, keys, tuple(t.name for t in topics))

    def _years(self, group: Node, kind: str, rows: Sequence[SourceInfo]) -> list[Node]:
        """A kind's sources under their years, newest first, undated last."""
        years: dict[int, Node] = {}
        for s in rows:
            year = s.date.year if s.date else 0
            node = years.get(year)
            if node is None:
                label = str(year) if year else self.tr("No date")
                node = years[year] = Node(f"year:{kind}:{year}", label, group, kind)
            node.children.append(Node(f"source:{s.id}", s.short_title or s.title, node, s))
        return [years[y] for y in sorted(years, key=lambda y: (y == 0, -y))]

    def install(self, tree: Tree, *, pending: bool = False) -> None:
        """Show a tree from :meth:`build` in place of the one shown."""
        self.beginResetModel()
        self.pending = pending
        theme.assign_topic_hues(list(tree.topic_names))
        self._retired = [self._root]
        self._detach(self._root)
        self._root = tree.root
        self._keys = tree.keys
        self.endResetModel()

    def set_briefs(self, briefs: Sequence[BriefSummary]) -> None:
        """Replace only the briefs (every brief edit): the topics and the 10,000 sources
        already shown stay, instead of the whole tree being rebuilt."""
        section = self._keys.get("section:briefs")
        if section is None:
            return
        parent = self.index_for_key("section:briefs")
        old = section.children
        for node in old:
            self._keys.pop(node.key, None)
            node.row_no = -1
        self._retired.extend(old)
        if old:
            self.beginRemoveRows(parent, 0, len(old) - 1)
            section.children = []
            self.endRemoveRows()
        fresh = [Node(f"brief:{b.id}", b.title, section, b) for b in briefs]
        if fresh:
            self.beginInsertRows(parent, 0, len(fresh) - 1)
            section.children = fresh
            for row, node in enumerate(fresh):
                self._keys[node.key] = node
                node.row_no = row
            self.endInsertRows()
        count = parent.siblingAtColumn(1)
        self.dataChanged.emit(count, count)

    def set_topics(self, topics: Sequence[TopicInfo]) -> bool:
        """Show fresh figures for the same topics (their counts once counted): the rows are
        updated in place. False, changing nothing, when the topics themselves differ (then
        the tree needs a :meth:`reset`)."""
        section = self._keys.get("section:topics")
        if section is None:
            return False
        nodes = section.children
        if [n.key for n in nodes] != [f"topic:{t.id}" for t in topics] or any(
            n.label != t.name for n, t in zip(nodes, topics, strict=True)
        ):
            return False
        for node, topic in zip(nodes, topics, strict=True):
            node.value = topic
        if nodes:
            parent = self.index_for_key("section:topics")
            last = self.columnCount(parent) - 1
            first, end = self.index(0, 0, parent), self.index(len(nodes) - 1, last, parent)
            self.dataChanged.emit(first, end)
            count = parent.siblingAtColumn(1)
            self.dataChanged.emit(count, count)
        return True

    @staticmethod
    def _detach(node: Node) -> None:
        """Mark a tree taken out (its indexes now have no parent)."""
        stack = [node]
        while stack:
            n = stack.pop()
            n.row_no = -1
            stack.extend(n.children)

    def branch_keys(self) -> list[str]:
        """Keys of the nodes that have children (what can be expanded)."""
        out, stack = [], list(self._root.children)
        while stack:
            node = stack.pop()
            if node.children:
                out.append(node.key)
                stack.extend(n for n in node.children if n.children)
        return out

    def first_key(self, kind: str) -> str:
        """The first node of a kind ("source", "topic"...) in display order, or ""."""
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            if node.key.startswith(f"{kind}:"):
                return node.key
            stack.extend(reversed(node.children))
        return ""

    def index_for_key(self, key: str) -> QModelIndex:
        node = self._keys.get(key)
        if node is None or node.parent is None or node.row_no < 0:
            return QModelIndex()
        return self.createIndex(node.row_no, 0, node)

    # -- QAbstractItemModel -----------------------------------------------------------------
    def _node(self, index: _Index) -> Node:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root or node.parent is None or node.row_no < 0:
            return QModelIndex()  # a stale index, from a tree since replaced, has no parent
        return self.createIndex(node.row_no, 0, node)

    # rowCount, hasChildren, index and flags run for every row shown each time the tree
    # lays itself out: with a kind of 10,000 sources expanded, 10,000 times on adding a brief
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._root.children)
        return 0 if parent.column() else len(parent.internalPointer().children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return True
        return not parent.column() and bool(parent.internalPointer().children)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # a constant: or-ing two flags is a Python enum operation, 20,000 of them took 0.4 s
        return _FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        kind = node.key.split(":", 1)[0]
        col = index.column()
        if role == KeyRole:
            return node.key
        if role == ValueRole:
            return node.value
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label if col == 0 else self._second_column(node, kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, kind)
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icon(node, kind)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return theme.muted()
        if role == Qt.ItemDataRole.FontRole and kind == "section":
            from briefer.ui.qt import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(node, kind) or node.label
        return None

    def _second_column(self, node: Node, kind: str) -> str:
        if kind == "source":
            return format_date(node.value.date)  # type: ignore[attr-defined]
        if kind == "brief":
            return format_date(node.value.meeting_date)  # type: ignore[attr-defined]
        if kind == "topic":
            c = node.value.counts  # type: ignore[attr-defined]
            if not c:  # still being counted
                return ""
            return f"{c.get('industry', 0)} · {c.get('official', 0)}"
        if kind == "kind" and self.pending:
            return "…"
        if kind in ("kind", "year") or (kind == "section" and node.key != "section:sources"):
            n = node.total if node.total >= 0 else len(node.children)
            return str(n) if n else ""
        return ""

    def _tooltip(self, node: Node, kind: str) -> str:
        if kind == "topic" and node.value.counts:  # type: ignore[attr-defined]
            c = node.value.counts  # type: ignore[attr-defined]
            return self.tr("{name}: {i} industry and {o} official passages on the topic").format(
                name=node.label, i=c.get("industry", 0), o=c.get("official", 0)
            )
        if kind == "source":
            s: SourceInfo = node.value  # type: ignore[assignment]
            orgs = ", ".join(s.organisations)
            parts = [s.title, self.tr(KIND_LABELS.get(s.kind, s.kind)), format_date(s.date), orgs]
            if s.previous_version_id is not None:
                parts.append(self.tr("The newest version: the reader opens the earlier ones"))
            return "\n".join(p for p in parts if p)
        if kind == "brief":
            b: BriefSummary = node.value  # type: ignore[assignment]
            lines = [b.title, format_date(b.meeting_date), b.venue]
            lines.append(
                self.tr("{s} sections · {q} quotes").format(s=b.section_count, q=b.quote_count)
            )
            if b.suggested_count:
                lines.append(self.tr("{n} suggestions to review").format(n=b.suggested_count))
            return "\n".join(p for p in lines if p)
        return node.label  # the whole name where the column elides it

    def _icon(self, node: Node, kind: str) -> object:
        if kind == "section":
            return theme.icon(
                {
                    "briefs": "brief",
                    "topics": "topic",
                    "sources": "source",
                    "coverage": "coverage",
                    "asks": "industry",
                }[node.key.split(":", 1)[1]]
            )
        if kind == "kind":
            return theme.icon(str(node.value))
        return None

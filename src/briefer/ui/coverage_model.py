"""Coverage as a table: topics down, sources across, passages counted in each cell.

An adapter over ``coverage(store)`` and ``gaps(store)``: sources come grouped by kind
(industry first, then official, then other), and each topic row knows its gap status.
"""

from __future__ import annotations

from typing import Any

from briefer.briefs.coverage import Coverage, Gap
from briefer.ui.date_field import format_day
from briefer.ui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from briefer.ui.wording import counted

CountRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
#: for a row header: the topic's Gap; for a cell: the scale 0..1 of its count
GapRole = Qt.ItemDataRole.UserRole + 3
ScaleRole = Qt.ItemDataRole.UserRole + 4
#: a column header starts a new kind group (draws a separator)
GroupStartRole = Qt.ItemDataRole.UserRole + 5
_Index = QModelIndex | QPersistentModelIndex

GAP_TEXT = {
    "industry_only": "Industry raises this topic; no official text addresses it.",
    "official_only": "Official texts address this topic; no industry position on it.",
    "covered": "Both sides address this topic.",
    "none": "No tagged passages.",
}


def max_counts(coverage: Coverage) -> dict[str, int]:
    """The largest cell of each kind of source (the heat scale). Every cell is visited: at
    10,000 sources that took 150-300 ms, so the page's worker computes it."""
    top = {"industry": 0, "official": 0, "other": 0}
    kinds = [s.kind for s in coverage.sources]
    for row in coverage.counts:
        for kind, n in zip(kinds, row, strict=True):
            if n > top.get(kind, 0):
                top[kind] = n
    return top


class CoverageModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.coverage = Coverage((), (), ())
        self.gaps: dict[int, Gap] = {}
        self.max_count = {"industry": 0, "official": 0, "other": 0}

    def set_coverage(
        self, coverage: Coverage, gaps: list[Gap], top: dict[str, int] | None = None
    ) -> None:
        """Show ``coverage``; ``top`` is its :func:`max_counts`, when a worker has it."""
        self.beginResetModel()
        self.coverage = coverage
        self.gaps = {g.topic_id: g for g in gaps}
        self.max_count = top if top is not None else max_counts(coverage)
        self.endResetModel()

    def gap_count(self) -> int:
        return sum(1 for g in self.gaps.values() if g.status == "industry_only")

    def topic_id(self, row: int) -> int:
        return self.coverage.topics[row].id

    def source_id(self, column: int) -> int:
        return self.coverage.sources[column].id

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.coverage.topics)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.coverage.sources)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        n = self.coverage.counts[index.row()][index.column()]
        src = self.coverage.sources[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n else ""
        if role == CountRole:
            return n
        if role == KindRole:
            return src.kind
        if role == ScaleRole:
            top = self.max_count.get(src.kind, 0)
            return (n / top) if top else 0.0
        if role == GroupStartRole:
            return self._group_start(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            topic = self.coverage.topics[index.row()].name
            passages = counted(n, "{n} passage on the topic", "{n} passages on the topic")
            return self.tr("{topic} in {source}: {passages}\nClick to see them").format(
                topic=topic, source=src.short_title or src.title, passages=passages
            )
        return None

    def _group_start(self, column: int) -> bool:
        sources = self.coverage.sources
        return column > 0 and sources[column].kind != sources[column - 1].kind

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.coverage.sources):
                return None
            src = self.coverage.sources[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return src.short_title or src.title
            if role == KindRole:
                return src.kind
            if role == GroupStartRole:
                return self._group_start(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                parts = [src.title, ", ".join(src.organisations[:3])]
                if src.date:
                    parts.append(format_day(src.date))
                return "\n".join(p for p in parts if p)
            if role == Qt.ItemDataRole.UserRole:
                return src
            return None
        if not 0 <= section < len(self.coverage.topics):
            return None
        topic = self.coverage.topics[section]
        gap = self.gaps.get(topic.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return topic.name
        if role == GapRole:
            return gap
        if role == Qt.ItemDataRole.ToolTipRole and gap is not None:
            return self.tr("{topic}: industry {i}, official {o}\n{why}").format(
                topic=topic.name, i=gap.industry, o=gap.official, why=self.tr(GAP_TEXT[gap.status])
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return topic.name  # the whole name where the row head elides it
        return None

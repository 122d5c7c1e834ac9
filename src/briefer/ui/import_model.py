"""The import dialog's table: one row per file with the metadata the officer may correct."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from briefer.ingest.readers import Document
from briefer.library.sources import SourceFields
from briefer.library.views import KIND_LABELS, SOURCE_KINDS, SourceKind
from briefer.ui import theme
from briefer.ui.metadata_form import parse_orgs
from briefer.ui.qt import (
    QAbstractTableModel,
    QComboBox,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("file", "title", "kind", "date", "organisations", "language", "status")
EDITABLE = {"title", "kind", "date", "organisations", "language"}

_OFFICIAL_HINTS = (
    "official",
    "outcome",
    "council",
    "statement",
    "ministerial",
    "summit",
    "workshop",
    "communique",
    "declaration",
    "report",
)
_INDUSTRY_HINTS = (
    "industry",
    "position",
    "letter",
    "recommendation",
    "association",
    "digitaleurope",
    "jeita",
    "keidanren",
    "jbce",
)


def suggest_kind(name: str, title: str) -> SourceKind:
    """A first guess from the file name and title; the officer confirms it in the table.

    (Belongs in ``briefer.ingest.metadata`` as part of the proposal; kept here until it moves.)
    """
    words = f"{name} {title}".casefold()
    if any(h in words for h in _INDUSTRY_HINTS):
        return "industry"
    if any(h in words for h in _OFFICIAL_HINTS):
        return "official"
    return "other"


@dataclass
class ImportEntry:
    """One file (or pasted text) and what will be recorded for it."""

    name: str
    document: Document | None
    error: str = ""
    title: str = ""
    kind: SourceKind = "other"
    date: date | None = None
    organisations: tuple[str, ...] = ()
    language: str = "en"
    status: str = ""  # "", imported, duplicate, failed, skipped
    message: str = ""

    @classmethod
    def from_document(cls, name: str, doc: Document) -> ImportEntry:
        p = doc.proposed
        return cls(
            name=name,
            document=doc,
            title=p.title,
            kind=suggest_kind(name, p.title),
            date=p.date,
            organisations=tuple(p.organisations),
            language=p.language,
        )

    @classmethod
    def failed(cls, path: Path | str, reason: str) -> ImportEntry:
        return cls(
            name=Path(path).name, document=None, error=reason, status="failed", message=reason
        )

    @property
    def importable(self) -> bool:
        return self.document is not None and not self.error

    def fields(self) -> SourceFields:
        return SourceFields(
            kind=self.kind,
            title=self.title,
            date=self.date,
            organisations=self.organisations,
            language=self.language or None,
        )


class ImportTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[ImportEntry] = []
        self.editable = True
        self._headers = {
            "file": self.tr("File"),
            "title": self.tr("Title"),
            "kind": self.tr("Kind"),
            "date": self.tr("Date"),
            "organisations": self.tr("Organisations"),
            "language": self.tr("Language"),
            "status": self.tr("Status"),
        }

    def set_entries(self, entries: list[ImportEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def refresh(self) -> None:
        if self.entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.entries) - 1, len(COLUMNS) - 1)
            )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[COLUMNS[section]]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        entry = self.entries[index.row()]
        if self.editable and entry.importable and COLUMNS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(e, col, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "status" and e.message:
                return e.message
            if e.error:
                return e.error
            return self._display(e, col, False) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not e.importable and col != "status":
                return theme.muted()
            if col == "status" and e.status == "failed":
                return theme.kind_color("industry")
        return None

    def _display(self, e: ImportEntry, col: str, edit: bool) -> str:
        if col == "file":
            return e.name
        if col == "status":
            labels = {
                "imported": self.tr("Imported"),
                "duplicate": self.tr("Duplicate"),
                "failed": self.tr("Failed"),
                "skipped": self.tr("Not imported"),
                "": self.tr("Ready"),
            }
            label = labels.get(e.status, e.status)
            return f"{label}: {e.message}" if e.message and e.status != "imported" else label
        if not e.importable:
            return ""
        if col == "kind":
            return e.kind if edit else self.tr(KIND_LABELS[e.kind])
        if col == "date":
            return e.date.isoformat() if e.date else ""
        if col == "organisations":
            return "; ".join(e.organisations)
        return str(getattr(e, col))

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        e = self.entries[index.row()]
        col = COLUMNS[index.column()]
        text = str(value).strip()
        if col == "title":
            if not text:
                return False
            e.title = text
        elif col == "kind":
            if text not in SOURCE_KINDS:
                return False
            e.kind = text  # type: ignore[assignment]
        elif col == "date":
            try:
                e.date = date.fromisoformat(text) if text else None
            except ValueError:
                return False
        elif col == "organisations":
            e.organisations = parse_orgs(text)
        elif col == "language":
            e.language = text
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class KindDelegate(QStyledItemDelegate):
    """Edits the kind column with a drop-down of the three kinds."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        for k in SOURCE_KINDS:
            combo.addItem(self.tr(KIND_LABELS[k]), k)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

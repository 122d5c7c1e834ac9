"""The import dialog's table: one row per file with the metadata the officer may correct."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from briefer.ingest.readers import Document
from briefer.library.importing import ImportItem, ReadFile
from briefer.library.near_duplicates import NearDuplicate
from briefer.library.sources import SourceFields
from briefer.library.views import KIND_LABELS, SOURCE_KINDS, SourceKind
from briefer.ui import theme
from briefer.ui.date_field import parse_typed_date
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


@dataclass
class ImportEntry:
    """One file (or pasted text) as the library's reading step found it, and what will be
    recorded for it; the officer corrects the values in the table."""

    read: ReadFile
    title: str = ""
    kind: SourceKind = "other"
    date: date | None = None
    organisations: tuple[str, ...] = ()
    language: str = "en"
    new_version: bool = False  # import as a new version of read.previous_version_id
    status: str = ""  # "" ready; duplicate, failed, skipped; after import: imported, ...
    message: str = ""
    #: Sources already in the store this file reads like, most alike first, and the
    #: officer's choice for it: "skip", "version" (of ``near_target``) or "keep" (both).
    near: tuple[NearDuplicate, ...] = ()
    near_choice: str = "skip"
    near_target: int | None = None

    @classmethod
    def from_read(cls, read: ReadFile, near: tuple[NearDuplicate, ...] = ()) -> ImportEntry:
        doc = read.document
        if read.status != "ready" or doc is None:
            return cls(read=read, status=read.status, message=read.reason)
        p = doc.proposed
        if near:  # the earlier version found by name is the natural target, if it is one
            ids = [n.source_id for n in near]
            version = read.previous_version_id if read.previous_version_id in ids else None
            return cls(
                read=read,
                title=p.title,
                kind=read.previous_kind or read.kind,
                date=p.date,
                organisations=tuple(p.organisations),
                language=p.language,
                near=near,
                near_choice="version" if version is not None else "skip",
                near_target=version if version is not None else ids[0],
            )
        return cls(
            read=read,
            title=p.title,
            kind=read.previous_kind or read.kind,
            date=p.date,
            organisations=tuple(p.organisations),
            language=p.language,
            new_version=read.previous_version_id is not None,
        )

    @property
    def name(self) -> str:
        return self.read.name

    @property
    def document(self) -> Document | None:
        return self.read.document

    @property
    def error(self) -> str:
        return "" if self.read.status == "ready" else self.read.reason

    @property
    def importable(self) -> bool:
        return self.read.status == "ready" and self.read.document is not None

    @property
    def to_import(self) -> bool:
        """Importable and not a near-duplicate the officer leaves out."""
        return self.importable and not (self.near and self.near_choice == "skip")

    def near_target_view(self) -> NearDuplicate | None:
        return next((n for n in self.near if n.source_id == self.near_target), None)

    def fields(self) -> SourceFields:
        return SourceFields(
            kind=self.kind,
            title=self.title,
            date=self.date,
            organisations=self.organisations,
            language=self.language or None,
        )

    def item(self) -> ImportItem:
        """What the library's importing step takes for this row."""
        if self.near:
            version = self.near_target if self.near_choice == "version" else None
            return ImportItem(self.read, self.fields(), version, self.near_choice == "keep")
        version = self.read.previous_version_id if self.new_version else None
        return ImportItem(self.read, self.fields(), version)


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
        col = COLUMNS[index.column()]
        if self.editable and entry.importable and col in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if (
            self.editable
            and col == "status"
            and entry.importable
            and entry.read.previous_version_id is not None
            and not entry.near  # a near-duplicate's choice is made in the panel below
        ):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(e, col, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.error:
                return e.error
            return self._display(e, col, False) or None
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and col == "status"
            and e.read.previous_version_id is not None
            and not e.near
            and not e.status
        ):
            return Qt.CheckState.Checked if e.new_version else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if not e.importable and col != "status":
                return theme.muted()
            held = e.near and not e.status  # a near-duplicate: the officer chooses
            if col == "status" and (e.status in ("failed", "duplicate") or held):
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
            target = e.near_target_view()
            if not e.status and target is not None:
                return self.near_label(e.near_choice, target)
            if not e.status and e.read.previous_version_id is not None:
                label = self.tr("New version of #{id} “{title}”").format(
                    id=e.read.previous_version_id, title=e.read.previous_title
                )
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

    def near_label(self, choice: str, target: NearDuplicate) -> str:
        """A near-duplicate row's status: what it reads like, and what will happen."""
        if choice == "version":
            return self.tr("New version of #{id} “{title}” (reads {p}% like it)").format(
                id=target.source_id, title=target.title, p=target.percent
            )
        like = self.tr("Reads {p}% like #{id} “{title}”").format(
            p=target.percent, id=target.source_id, title=target.title
        )
        if choice == "keep":
            return self.tr("{like}: imported beside it").format(like=like)
        return self.tr("{like}: left out").format(like=like)

    def set_near_choice(self, row: int, choice: str, target: int | None = None) -> None:
        """The officer's choice for a near-duplicate row (skip, version of target, keep)."""
        e = self.entries[row]
        if not e.near or choice not in ("skip", "version", "keep"):
            return
        e.near_choice = choice
        if target is not None and any(n.source_id == target for n in e.near):
            e.near_target = target
        chosen = e.near_target_view()
        if choice == "version" and chosen is not None and chosen.kind in SOURCE_KINDS:
            e.kind = chosen.kind  # type: ignore[assignment]  # a new version keeps its kind
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        e = self.entries[index.row()]
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and col == "status":
            if not (self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable):
                return False
            e.new_version = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
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
            if not text:
                e.date = None
            else:
                typed = parse_typed_date(text)
                if typed is None:
                    return False
                e.date = typed
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

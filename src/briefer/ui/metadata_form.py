"""The source's metadata, editable in place; each field saves when the officer leaves it."""

from __future__ import annotations

from datetime import date

from briefer.library.views import KIND_LABELS, SOURCE_KINDS, SourceInfo
from briefer.ui.qt import QComboBox, QFormLayout, QLineEdit, QWidget, Signal


def parse_orgs(text: str) -> tuple[str, ...]:
    return tuple(o.strip() for o in text.split(";") if o.strip())


class MetadataForm(QWidget):
    """Title, short title, kind, date, organisations, language, URL, reference, marking."""

    #: source id, {field: new value}; one field per edit
    edited = Signal(int, dict)
    #: a message for the officer when a value cannot be read
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataForm")
        self._info: SourceInfo | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.title = QLineEdit()
        self.short_title = QLineEdit()
        self.kind = QComboBox()
        for k in SOURCE_KINDS:
            self.kind.addItem(self.tr(KIND_LABELS[k]), k)
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.organisations = QLineEdit()
        self.organisations.setPlaceholderText(self.tr("separated by ;"))
        self.language = QLineEdit()
        self.language.setMaxLength(12)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("https://… (cited in the brief's annex)"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("the document's own reference"))
        self.marking = QLineEdit()
        self.marking.setPlaceholderText(self.tr("e.g. OFFICIAL-SENSITIVE, LIMITE, 機密性2"))
        rows = (
            (self.tr("&Title"), self.title, "title"),
            (self.tr("S&hort title"), self.short_title, "short_title"),
            (self.tr("&Kind"), self.kind, "kind"),
            (self.tr("&Date"), self.date, "date"),
            (self.tr("&Organisations"), self.organisations, "organisations"),
            (self.tr("&Language"), self.language, "language"),
            (self.tr("&URL"), self.url, "url"),
            (self.tr("&Reference"), self.reference, "reference"),
            (self.tr("&Marking"), self.marking, "marking"),
        )
        for label, widget, name in rows:
            widget.setObjectName(f"meta_{name}")
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        for edit, name in (
            (self.title, "title"),
            (self.short_title, "short_title"),
            (self.date, "date"),
            (self.organisations, "organisations"),
            (self.language, "language"),
            (self.url, "url"),
            (self.reference, "reference"),
            (self.marking, "marking"),
        ):
            edit.editingFinished.connect(lambda n=name: self._commit(n))
        self.kind.activated.connect(lambda _i: self._commit("kind"))
        self.setEnabled(False)

    def load(self, info: SourceInfo | None) -> None:
        self._info = info
        self.setEnabled(info is not None)
        if info is None:
            for edit in (
                self.title,
                self.short_title,
                self.date,
                self.organisations,
                self.language,
                self.url,
                self.reference,
                self.marking,
            ):
                edit.clear()
            return
        self.title.setText(info.title)
        self.title.setCursorPosition(0)
        self.short_title.setText(info.short_title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind)))
        self.date.setText(info.date.isoformat() if info.date else "")
        self.organisations.setText("; ".join(info.organisations))
        self.organisations.setCursorPosition(0)
        self.language.setText(info.language)
        for name in ("url", "reference", "marking"):
            edit = getattr(self, name)
            edit.setText(getattr(info, name, ""))
            edit.setCursorPosition(0)

    def _value(self, name: str) -> object:
        if name == "kind":
            return self.kind.currentData()
        if name == "date":
            text = self.date.text().strip()
            return date.fromisoformat(text) if text else None
        if name == "organisations":
            return parse_orgs(self.organisations.text())
        return getattr(self, name).text().strip()

    def _commit(self, name: str) -> None:
        info = self._info
        if info is None:
            return
        try:
            value = self._value(name)
        except ValueError:
            self.invalid.emit(
                self.tr("“{v}” is not a date; use YYYY-MM-DD.").format(v=self.date.text())
            )
            self.load(info)
            return
        old = getattr(info, name)
        if value != old:
            self.edited.emit(info.id, {name: value})

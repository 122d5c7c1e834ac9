"""The opening block of a brief: meeting, date, venue, who prepared it, marking, objectives
and scene setter. Each field is saved when the officer leaves it (text areas after a pause,
the date as soon as it is picked) as one ``UpdateBriefFields``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from briefer.briefs.model import MARKING_PRESETS, BriefView
from briefer.ui.date_field import DateField
from briefer.ui.qt import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QResizeEvent,
    Qt,
    QWidget,
    Signal,
)
from briefer.ui.text_fields import DebouncedTextEdit

#: below this width the header is one column
NARROW = 720


class BriefHeader(QFrame):
    """Emits :attr:`edited` with ``{field: value}`` for one field at a time."""

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefHeader")
        self._brief: BriefView | None = None
        self.title = self._line("title", self.tr("Meeting or brief title"))
        self.venue = self._line("venue", self.tr("e.g. Brussels, Berlaymont"))
        self.author = self._line("author", self.tr("Your name"))
        self.organisation = self._line("organisation", self.tr("Unit or ministry"))
        self.date = DateField()
        self.date.setObjectName("meetingDate")
        self.date.setAccessibleName(self.tr("Meeting date"))
        self.date.date_changed.connect(lambda d: self._emit("meeting_date", d))
        self.marking = QComboBox()
        self.marking.setObjectName("marking")
        self.marking.setEditable(True)
        self.marking.setAccessibleName(self.tr("Protective marking"))
        for preset in MARKING_PRESETS:
            self.marking.addItem(preset or self.tr("(none)"), preset)
        marking_line = self.marking.lineEdit()
        assert marking_line is not None  # the combo box is editable
        marking_line.setPlaceholderText(self.tr("(none)"))
        marking_line.editingFinished.connect(self._marking_edited)
        self.marking.activated.connect(lambda _i: self._marking_edited())
        self.objectives = DebouncedTextEdit(self.tr("What the principal should achieve"))
        self.objectives.setObjectName("objectives")
        self.objectives.committed.connect(lambda t: self._emit("objectives", t))
        self.scene_setter = DebouncedTextEdit(self.tr("Context for the meeting, in a paragraph"))
        self.scene_setter.setObjectName("sceneSetter")
        self.scene_setter.committed.connect(lambda t: self._emit("scene_setter", t))

        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(6)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("Meeting"), self.title)
        left.addRow(self.tr("Date"), self.date)
        left.addRow(self.tr("Venue"), self.venue)
        right.addRow(self.tr("Prepared by"), self.author)
        right.addRow(self.tr("Organisation"), self.organisation)
        right.addRow(self.tr("Marking"), self.marking)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(20, 14, 20, 16)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(6)
        self._forms = (left, right)
        self._captions = (
            self._caption(self.tr("Objectives")),
            self._caption(self.tr("Scene setter")),
        )
        self._narrow: bool | None = None
        self._arrange(narrow=False)

    def _arrange(self, *, narrow: bool) -> None:
        """Two columns side by side; one column, read top to bottom, when the editor is
        narrow (a 1024 px window), where two columns left the fields a few letters wide."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self._grid
        left, right = self._forms
        for item in (left, right):
            grid.removeItem(item)
        for widget in (*self._captions, self.objectives, self.scene_setter):
            grid.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        if narrow:
            grid.addLayout(left, 0, 0)
            grid.addLayout(right, 1, 0)
            grid.addWidget(self._captions[0], 2, 0)
            grid.addWidget(self.objectives, 3, 0, top)
            grid.addWidget(self._captions[1], 4, 0)
            grid.addWidget(self.scene_setter, 5, 0, top)
            grid.setColumnStretch(1, 0)
        else:
            grid.addLayout(left, 0, 0)
            grid.addLayout(right, 0, 1)
            grid.addWidget(self._captions[0], 1, 0)
            grid.addWidget(self._captions[1], 1, 1)
            grid.addWidget(self.objectives, 2, 0, top)
            grid.addWidget(self.scene_setter, 2, 1, top)
            grid.setColumnStretch(1, 1)
        grid.setColumnStretch(0, 1)
        # one column: the two forms' labels one width, so their fields line up
        labels: list[QWidget] = []
        for form in self._forms:
            for r in range(form.rowCount()):
                cell = form.itemAt(r, QFormLayout.ItemRole.LabelRole)
                label = cell.widget() if cell is not None else None
                if label is not None:
                    labels.append(label)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width if narrow else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(narrow=event.size().width() < NARROW)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(lambda: self._line_edited(name, edit))
        return edit

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionLabel")
        return label

    # -- loading ----------------------------------------------------------------------------
    def load(self, brief: BriefView) -> None:
        """Show the stored values; a field being typed in keeps its text."""
        self._brief = brief
        for name in ("title", "venue", "author", "organisation"):
            edit: QLineEdit = getattr(self, name)
            value = getattr(brief, name)
            if edit.text() != value and not edit.hasFocus():
                edit.setText(value)
        self.date.set_value(brief.meeting_date)
        line = self.marking.lineEdit()
        if line is None or not line.hasFocus():
            blocked = self.marking.blockSignals(True)
            i = self.marking.findData(brief.marking)
            if i >= 0:
                self.marking.setCurrentIndex(i)
            else:
                self.marking.setEditText(brief.marking)
            self.marking.blockSignals(blocked)
        self.objectives.set_value(brief.objectives)
        self.scene_setter.set_value(brief.scene_setter)

    def commit_pending(self) -> None:
        self.objectives.commit()
        self.scene_setter.commit()

    # -- edits ------------------------------------------------------------------------------
    def _emit(self, name: str, value: Any) -> None:
        if self._brief is not None and getattr(self._brief, name) != value:
            self.edited.emit({name: value})

    def _line_edited(self, name: str, edit: QLineEdit) -> None:
        if name == "title" and not edit.text().strip() and self._brief is not None:
            edit.setText(self._brief.title)  # a brief needs a title: put it back
            return
        self._emit(name, edit.text().strip() if name == "title" else edit.text())

    def current_date(self) -> date | None:
        return self.date.value()

    def _marking_edited(self) -> None:
        text = self.marking.currentText()
        if text == self.tr("(none)"):
            text = ""
        self._emit("marking", text.strip())

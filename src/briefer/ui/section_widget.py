"""One section of a brief: industry positions beside official outcomes, then the officer's
assessment, lines to take, if asked, background and notes.

Every edit becomes one operation handed to :attr:`SectionWidget.edit` (the editor makes it
an undoable command); the widget is refilled from the store by :meth:`SectionWidget.load`.
"""

from __future__ import annotations

from collections.abc import Callable

from briefer.briefs import operations as ops
from briefer.briefs.model import ASSESSMENT_LABELS, QuoteView, SectionView
from briefer.library.views import KIND_LABELS
from briefer.ui import theme
from briefer.ui.points_editor import PointsEditor
from briefer.ui.qt import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QMenu,
    QPoint,
    QResizeEvent,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.quote_card import QuoteCardDelegate, QuoteListView
from briefer.ui.quote_model import QuoteColumnModel, QuoteRole
from briefer.ui.text_fields import DebouncedTextEdit
from briefer.ui.wording import counted

SIDES = ("industry", "official", "context")
COLUMN_TITLES = {
    "industry": "Industry position",
    "official": "Official outcome",
    "context": "Context: press and analysis",
}
EMPTY_TEXT = {
    "industry": "No industry position quoted yet. Drop a card here or quote from a source.",
    "official": "No official outcome quoted yet. Drop a card here or quote from a source.",
    "context": "No press or analysis quoted. Drop a card here to quote it as context.",
}
#: Shown only when the section quotes press or analysis (drafting's Context column).
OPTIONAL_SIDES = ("context",)


class CardColumn(QuoteListView):
    """A quote column; Ctrl+Up/Down moves the current card within it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        idx = self.currentIndex()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if idx.isValid() and ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = idx.row()
            dest = row - 1 if event.key() == Qt.Key.Key_Up else row + 2
            if 0 <= dest <= self.model().rowCount():
                self.model().moveRows(idx.parent(), row, 1, idx.parent(), dest)
            return
        super().keyPressEvent(event)


class SectionWidget(QFrame):
    """The editor's view of one ``SectionView``."""

    #: an operation the officer asked for (made undoable by the editor)
    edit = Signal(object)
    #: the officer wants to read a quote in its source
    go_to_source = Signal(object)  # QuoteView
    #: move this section up (-1) or down (+1)
    step = Signal(int, int)  # section id, step

    def __init__(self, section: SectionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.section_id = section.id
        self.section = section

        top = self._build_top()
        columns = self._build_columns()
        fields = self._build_fields()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 18)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addSpacing(4)
        layout.addLayout(fields)
        self.load(section)

    def _build_top(self) -> QHBoxLayout:
        """The heading with accept-all, move and remove buttons."""
        self.heading = QLineEdit()
        self.heading.setObjectName("sectionHeading")
        self.heading.setAccessibleName(self.tr("Section heading"))
        self.heading.editingFinished.connect(self._heading_edited)
        self.accept_all = QToolButton()
        self.accept_all.setObjectName("acceptAllSection")
        self.accept_all.setText(self.tr("Accept all suggestions"))
        self.accept_all.clicked.connect(
            lambda: self.edit.emit(ops.AcceptAllSuggestions(section_id=self.section_id))
        )
        up = self._tool("↑", self.tr("Move section up (Ctrl+Up in the outline)"), -1)
        down = self._tool("↓", self.tr("Move section down (Ctrl+Down in the outline)"), 1)
        remove = QToolButton()
        remove.setObjectName("removeSection")
        remove.setText(self.tr("Remove"))
        remove.setToolTip(self.tr("Remove this section from the brief"))
        remove.setAutoRaise(True)
        remove.clicked.connect(lambda: self.edit.emit(ops.RemoveSection(self.section_id)))
        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.heading, 1)
        top.addWidget(self.accept_all)
        top.addWidget(up)
        top.addWidget(down)
        top.addWidget(remove)
        return top

    def _build_columns(self) -> QGridLayout:
        """The industry and official columns of quote cards."""
        self.models: dict[str, QuoteColumnModel] = {}
        self.views: dict[str, CardColumn] = {}
        self.counts: dict[str, QLabel] = {}
        self.column_labels: dict[str, QLabel] = {}
        columns = self._columns = QGridLayout()
        columns.setHorizontalSpacing(16)
        columns.setVerticalSpacing(4)
        for col, side in enumerate(SIDES):
            label = QLabel(self.tr(COLUMN_TITLES[side]))
            label.setObjectName("columnLabel")
            self.column_labels[side] = label
            label.setStyleSheet(f"color: {theme.kind_color(side).name()};")
            count = QLabel()
            count.setObjectName("hintLabel")
            head = QHBoxLayout()
            head.addWidget(label)
            head.addStretch(1)
            head.addWidget(count)
            model = QuoteColumnModel(self.section_id, side, self)
            model.move_requested.connect(self._move_requested)
            view = CardColumn(self.tr(EMPTY_TEXT[side]))
            view.setObjectName(f"{side}Quotes")
            kind = COLUMN_TITLES[side] if side in OPTIONAL_SIDES else KIND_LABELS[side]
            view.setAccessibleName(self.tr("{kind} quotes").format(kind=self.tr(kind)))
            view.setModel(model)
            delegate = QuoteCardDelegate(view)
            delegate.accept_requested.connect(lambda q: self.edit.emit(ops.AcceptSuggestion(q)))
            delegate.dismiss_requested.connect(lambda q: self.edit.emit(ops.DismissSuggestion(q)))
            delegate.source_requested.connect(self.go_to_source)
            view.setItemDelegate(delegate)
            view.doubleClicked.connect(lambda idx: self.go_to_source.emit(idx.data(QuoteRole)))
            view.customContextMenuRequested.connect(lambda pos, v=view: self._card_menu(v, pos))
            columns.addLayout(head, 0, col)
            columns.addWidget(view, 1, col, Qt.AlignmentFlag.AlignTop)
            columns.setColumnStretch(col, 1)
            self.models[side], self.views[side], self.counts[side] = model, view, count
        return columns

    def _build_fields(self) -> QGridLayout:
        """Assessment, lines to take, if asked, background and notes."""
        self.assessment = QComboBox()
        self.assessment.setObjectName("assessment")
        self.assessment.setAccessibleName(self.tr("Assessment"))
        for key, caption in ASSESSMENT_LABELS.items():
            self.assessment.addItem(self.tr(caption), key)
        self.assessment.activated.connect(self._assessment_chosen)
        self.comment = DebouncedTextEdit(self.tr("Why: how the official text answers industry…"))
        self.comment.setObjectName("assessmentComment")
        self.comment.committed.connect(lambda t: self._field("assessment_comment", t))
        self.lines = PointsEditor("linesToTake")
        self.lines.changed.connect(lambda pts: self._field("lines_to_take", pts))
        self.if_asked = PointsEditor("ifAsked")
        self.if_asked.changed.connect(lambda pts: self._field("if_asked", pts))
        self.background = DebouncedTextEdit(self.tr("Background the reader may need…"))
        self.background.setObjectName("background")
        self.background.committed.connect(lambda t: self._field("background", t))
        self.notes = DebouncedTextEdit(
            self.tr("Private notes (left out of the export unless asked)")
        )
        self.notes.setObjectName("notes")
        self.notes.committed.connect(lambda t: self._field("notes", t))

        fields = QGridLayout()
        fields.setHorizontalSpacing(16)
        fields.setVerticalSpacing(4)
        assess_row = QHBoxLayout()
        assess_row.addWidget(self._label(self.tr("Assessment")))
        assess_row.addWidget(self.assessment)
        assess_row.addStretch(1)
        fields.addLayout(assess_row, 0, 0, 1, 2)
        fields.addWidget(self.comment, 1, 0, 1, 2)
        fields.addWidget(self._label(self.tr("Lines to take")), 2, 0)
        fields.addWidget(self._label(self.tr("If asked")), 2, 1)
        fields.addWidget(self.lines, 3, 0, Qt.AlignmentFlag.AlignTop)
        fields.addWidget(self.if_asked, 3, 1, Qt.AlignmentFlag.AlignTop)
        fields.addWidget(self._label(self.tr("Background")), 4, 0)
        fields.addWidget(self._label(self.tr("Notes")), 4, 1)
        fields.addWidget(self.background, 5, 0, Qt.AlignmentFlag.AlignTop)
        fields.addWidget(self.notes, 5, 1, Qt.AlignmentFlag.AlignTop)
        fields.setColumnStretch(0, 1)
        fields.setColumnStretch(1, 1)
        return fields

    def _tool(self, text: str, tip: str, step: int) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        b.clicked.connect(lambda: self.step.emit(self.section_id, step))
        return b

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionLabel")
        return label

    # -- loading ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heading_row()

    def _fit_heading_row(self) -> None:
        """In a narrow card "Accept 2 suggestions" becomes "Accept 2" (the whole text as
        its tooltip), so the heading beside it is not cut to "Artificial intelligenc"."""
        texts = getattr(self, "_accept_texts", None)
        if texts is None:
            return
        self.heading.ensurePolished()  # its font comes from the style sheet
        wanted = self.heading.fontMetrics().horizontalAdvance(self.heading.text()) + 20
        button = self.accept_all
        long_width = button.fontMetrics().horizontalAdvance(texts[0]) + 30
        # the heading and the button share what the row leaves them, whichever text it has
        room = self.heading.width() + button.width() if button.isVisible() else 0
        long = not room or wanted + long_width <= room
        button.setText(texts[0] if long else texts[1])
        button.setToolTip("" if long else texts[0])

    def load(self, section: SectionView) -> None:
        """Show the stored section; fields the officer is typing in keep their text."""
        self.section = section
        if not self.heading.hasFocus() and self.heading.text() != section.topic:
            self.heading.setText(section.topic)
            self.heading.setCursorPosition(0)  # a narrow card shows the start, not the end
        for side in SIDES:
            quotes = getattr(section, side)
            self.models[side].set_quotes(quotes)
            self.counts[side].setText(counted(len(quotes), "{n} quote", "{n} quotes"))
            if side in OPTIONAL_SIDES:
                for w in (self.column_labels[side], self.counts[side], self.views[side]):
                    w.setVisible(bool(quotes))
                self._columns.setColumnStretch(SIDES.index(side), 1 if quotes else 0)
        suggested = sum(1 for q in section.quotes if q.suggested)
        self.accept_all.setVisible(suggested > 0)
        self._accept_texts = (
            counted(suggested, "Accept {n} suggestion", "Accept all {n} suggestions"),
            counted(suggested, "Accept {n}", "Accept {n}"),
        )
        self._fit_heading_row()
        i = self.assessment.findData(section.assessment)
        if i >= 0 and i != self.assessment.currentIndex():
            self.assessment.setCurrentIndex(i)
        self.comment.set_value(section.assessment_comment)
        self.lines.set_points(section.lines_to_take)
        self.if_asked.set_points(section.if_asked)
        self.background.set_value(section.background)
        self.notes.set_value(section.notes)

    def commit_pending(self) -> None:
        """Save text areas still waiting for their pause (before undo, export...)."""
        for field in (self.comment, self.background, self.notes):
            field.commit()

    # -- edits ------------------------------------------------------------------------------
    def _field(self, name: str, value: object) -> None:
        self.edit.emit(ops.UpdateSectionFields(self.section_id, {name: value}))

    def _heading_edited(self) -> None:
        text = self.heading.text().strip()
        if text and text != self.section.topic:
            self._field("heading", text)
        elif not text:
            self.heading.setText(self.section.topic)

    def _assessment_chosen(self, index: int) -> None:
        key = self.assessment.itemData(index)
        if key != self.section.assessment:
            self._field("assessment", key)

    def _move_requested(self, quote_id: int, section_id: int, side: str, position: object) -> None:
        self.edit.emit(ops.MoveQuote(quote_id, section_id, side, position))  # type: ignore[arg-type]

    def _move_to(self, quote_id: int, side: str) -> Callable[[], None]:
        return lambda: self.edit.emit(ops.SetQuoteSide(quote_id, side))

    def _card_menu(self, view: QuoteListView, pos: QPoint) -> None:
        idx = view.indexAt(pos)
        if not idx.isValid():
            return
        q: QuoteView = idx.data(QuoteRole)
        menu = QMenu(self)
        menu.addAction(self.tr("Go to source"), lambda: self.go_to_source.emit(q))
        if q.suggested:
            menu.addAction(
                self.tr("Accept suggestion"), lambda: self.edit.emit(ops.AcceptSuggestion(q.id))
            )
            menu.addAction(
                self.tr("Dismiss suggestion"), lambda: self.edit.emit(ops.DismissSuggestion(q.id))
            )
        menu.addSeparator()
        for other in SIDES:
            if other != q.side:
                menu.addAction(
                    self.tr("Move to {side}").format(side=self.tr(COLUMN_TITLES[other])),
                    self._move_to(q.id, other),
                )
        if q.side_overridden:
            menu.addAction(
                self.tr("Return to its source's side"),
                lambda: self.edit.emit(ops.SetQuoteSide(q.id, None)),
            )
        menu.addSeparator()
        menu.addAction(self.tr("Remove quote"), lambda: self.edit.emit(ops.RemoveQuote(q.id)))
        menu.exec(view.viewport().mapToGlobal(pos))

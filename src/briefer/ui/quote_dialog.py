"""“Quote in brief…”: put an exact span of a source into a brief, section and side.

The section defaults to the one for the passage's top topic when the brief has it, else a new
section for that topic; the side defaults from the source's kind. The result is one
``AddQuote`` (existing section) or ``AddQuoteToTopic`` (creates the section), undoable.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.briefs import operations as ops
from briefer.briefs import service
from briefer.briefs.model import BriefSummary, QuoteView
from briefer.library import sources, topics
from briefer.ui.brief_commands import perform
from briefer.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.workspace import Workspace

SIDE_LABELS = {
    "industry": "Industry position",
    "official": "Official outcome",
    "context": "Context: press and analysis",
}


class QuoteDialog(QDialog):
    """Choose brief, section and side for ``source.text[start:end]``."""

    #: brief id, once the quote is in
    quoted = Signal(int)

    def __init__(
        self,
        ws: Workspace,
        source_id: int,
        start: int,
        end: int,
        topic_names: Sequence[str] = (),
        brief_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quoteDialog")
        self.setWindowTitle(self.tr("Quote in Brief"))
        self.setMinimumWidth(520)
        self.ws = ws
        self.source_id, self.start, self.end = source_id, start, end
        detail = sources.get_source(ws.store, source_id, window=1, at_offset=start)
        self.source = detail.info
        self.text = sources.get_span(ws.store, source_id, start, end)
        self.topic_names = list(topic_names)
        self._topics = {t.name: t for t in topics.list_topics(ws.store, counts=False)}
        self._briefs: list[BriefSummary] = []
        self._confirmed = False
        self.duplicate_box: QMessageBox | None = None

        preview = QTextBrowser()
        preview.setObjectName("quotePreview")
        preview.setPlainText(f"\u201c{self.text.strip()}\u201d")
        preview.setMaximumHeight(110)
        self.brief = QComboBox()
        self.brief.setObjectName("quoteBrief")
        self.brief.currentIndexChanged.connect(self._brief_changed)
        self.section = QComboBox()
        self.section.setObjectName("quoteSection")
        self.side = QComboBox()
        self.side.setObjectName("quoteSide")
        for key, label in SIDE_LABELS.items():
            self.side.addItem(self.tr(label), key)
        self.side.setCurrentIndex(self.side.findData(ops.natural_side(self.source.kind)))
        source_label = QLabel(self.source.short_title or self.source.title)
        source_label.setObjectName("hintLabel")
        form = QFormLayout()
        form.addRow(self.tr("From"), source_label)
        form.addRow(self.tr("Brief"), self.brief)
        form.addRow(self.tr("Section"), self.section)
        form.addRow(self.tr("Side"), self.side)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Quote"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(preview)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._load_briefs(brief_id)

    # -- choices ----------------------------------------------------------------------------
    def _load_briefs(self, select: int | None) -> None:
        self._briefs = service.list_briefs(self.ws.store)
        blocked = self.brief.blockSignals(True)
        self.brief.clear()
        for b in self._briefs:
            self.brief.addItem(b.title, b.id)
        self.brief.addItem(self.tr("New brief…"), None)
        i = self.brief.findData(select) if select is not None else 0
        self.brief.setCurrentIndex(max(i, 0))
        self.brief.blockSignals(blocked)
        self._brief_changed()

    def _brief_changed(self) -> None:
        brief_id = self.brief.currentData()
        if brief_id is None and self.brief.count() > 1 and self.isVisible():
            title, ok = QInputDialog.getText(self, self.tr("New Brief"), self.tr("Title:"))
            if ok and title.strip():
                brief_id = self._create_brief(title.strip())
                self._load_briefs(brief_id)
                return
            self.brief.setCurrentIndex(0)
            return
        self.section.clear()
        if brief_id is None:
            return
        brief = service.get_brief(self.ws.store, brief_id)
        in_brief = {s.topic_id for s in brief.sections if s.topic_id is not None}
        default = -1
        for s in brief.sections:
            self.section.addItem(s.topic, ("section", s.id))
            if (
                default < 0
                and self.topic_names
                and s.topic_id == self._topic_id(self.topic_names[0])
            ):
                default = self.section.count() - 1
        for name in self.topic_names:
            t = self._topics.get(name)
            if t is not None and t.id not in in_brief:
                self.section.addItem(self.tr("New section: {t}").format(t=name), ("topic", t.id))
                if default < 0 and name == self.topic_names[0]:
                    default = self.section.count() - 1
        for name, t in sorted(self._topics.items(), key=lambda kv: kv[0].casefold()):
            if t.id not in in_brief and name not in self.topic_names:
                self.section.addItem(self.tr("New section: {t}").format(t=name), ("topic", t.id))
        self.section.setCurrentIndex(max(default, 0))

    def _topic_id(self, name: str) -> int | None:
        t = self._topics.get(name)
        return t.id if t else None

    def _create_brief(self, title: str) -> int | None:
        command = perform(self.ws, ops.CreateBrief(title))
        if command is None:
            return None
        assert isinstance(command.inverse, ops.DeleteBrief)
        return command.inverse.brief_id

    def _ask_duplicate(self, existing: QuoteView) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Quote Again?"),
            self.tr(
                "This section already quotes this passage:\n\n“{text}”\n\nAdd the quote anyway?"
            ).format(text=existing.text.strip()[:300]),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("duplicateQuoteBox")
        add = box.addButton(self.tr("Add Anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is add:
                self._confirmed = True
                self.accept()

        box.finished.connect(lambda _r: answered())
        self.duplicate_box = box
        box.open()

    def choose_brief(self, brief_id: int) -> None:
        self.brief.setCurrentIndex(self.brief.findData(brief_id))

    def choose_side(self, side: str) -> None:
        self.side.setCurrentIndex(self.side.findData(side))

    def choose_section(self, section_id: int) -> None:
        for i in range(self.section.count()):  # findData cannot match a tuple's data
            data = self.section.itemData(i)
            if data is not None and tuple(data) == ("section", section_id):
                self.section.setCurrentIndex(i)
                return

    # -- result -----------------------------------------------------------------------------
    def operation(self) -> ops.Operation | None:
        brief_id = self.brief.currentData()
        target = self.section.currentData()
        if brief_id is None or target is None:
            return None
        side = self.side.currentData()
        kind, ident = target
        if kind == "section":
            return ops.AddQuote(ident, self.source_id, self.start, self.end, side)
        return ops.AddQuoteToTopic(brief_id, ident, self.source_id, self.start, self.end, side)

    def already_quoted(self) -> QuoteView | None:
        """A quote in the chosen section from the same source that holds this span, or is
        held by it, or overlaps it: quoting it again is usually a slip."""
        target = self.section.currentData()
        brief_id = self.brief.currentData()
        if brief_id is None or target is None or target[0] != "section":
            return None
        brief = service.get_brief(self.ws.store, brief_id)
        section = next((s for s in brief.sections if s.id == target[1]), None)
        if section is None:
            return None
        for q in section.quotes:
            if q.source.id == self.source_id and q.start < self.end and self.start < q.end:
                return q
        return None

    def accept(self) -> None:
        op = self.operation()
        if op is None:
            self.ws.problem.emit(self.tr("Choose a brief and a section for the quote."))
            return
        existing = self.already_quoted()
        if existing is not None and not self._confirmed:
            self._ask_duplicate(existing)
            return
        self._confirmed = False
        if perform(self.ws, op) is None:
            return
        self.ws.message.emit(self.tr("Quoted in {brief}").format(brief=self.brief.currentText()))
        self.quoted.emit(int(self.brief.currentData()))
        super().accept()

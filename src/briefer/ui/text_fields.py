"""Text fields that save as the officer types: committed after a pause or on leaving the field.

Each commit is one undoable edit, so a paragraph typed in one go is one step in the Edit menu,
not one per key. Loading a value from the store never counts as an edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.ui.qt import QEvent, QFrame, QSize, QTextEdit, QTimer, QWidget, Signal

if TYPE_CHECKING:
    from briefer.ui.typing_journal import Key, TypingJournal

#: Milliseconds of quiet after typing before a text area is saved.
DEBOUNCE_MS = 800


class DebouncedTextEdit(QTextEdit):
    """Plain text that grows with its content and emits :attr:`committed` once per edit."""

    committed = Signal(str)

    def __init__(self, placeholder: str = "", min_lines: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setVerticalScrollBarPolicy(self.verticalScrollBarPolicy().ScrollBarAlwaysOff)
        self._min_lines = min_lines
        self._saved = ""
        self._journal: TypingJournal | None = None
        self._key: Key | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._typed)
        self.document().documentLayout().documentSizeChanged.connect(self.updateGeometry)

    def set_value(self, text: str) -> None:
        """Show the stored value (not an edit); kept as is when it has not changed."""
        self._saved = text
        if self.toPlainText() != text:
            blocked = self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(blocked)
            self.updateGeometry()
        self._timer.stop()

    def value(self) -> str:
        return self.toPlainText()

    def journal_to(self, journal: TypingJournal, key: Key) -> None:
        """Write every keystroke to ``journal`` under ``key`` until it is saved."""
        self._journal, self._key = journal, key

    def _typed(self) -> None:
        self._timer.start()
        if self._journal is not None and self._key is not None:
            self._journal.typed(self._key, self._saved, self.toPlainText())
        self.updateGeometry()

    def commit(self) -> None:
        """Save now if the text differs from what was loaded."""
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved:
            self._saved = text
            self.committed.emit(text)
        if self._journal is not None and self._key is not None:
            self._journal.saved(self._key)

    def focusOutEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.commit()
        super().focusOutEvent(event)  # type: ignore[arg-type]

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        doc_h = int(self.document().size().height())
        lines_h = fm.lineSpacing() * self._min_lines + 2 * int(self.document().documentMargin())
        h = max(doc_h, lines_h) + 2 * self.frameWidth() + 2
        return QSize(super().sizeHint().width(), h)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.setFixedHeight(self.sizeHint().height())

    def updateGeometry(self) -> None:
        self.setFixedHeight(self.sizeHint().height())
        super().updateGeometry()

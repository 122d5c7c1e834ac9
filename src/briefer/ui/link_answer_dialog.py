"""Pick an official passage to link as the answer to an ask."""

from __future__ import annotations

from briefer.library import sources
from briefer.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
)
from briefer.ui.workspace import Workspace

SpanRole = Qt.ItemDataRole.UserRole + 1


class LinkAnswerDialog(QDialog):
    """An official source, then one of its passages; ``choice`` is (source, start, end)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkAnswerDialog")
        self.setWindowTitle(self.tr("Link Answer"))
        self.setMinimumSize(560, 420)
        self.ws = ws
        self.choice: tuple[int, int, int] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The official text that answers the ask:")))
        self.source = QComboBox()
        self.source.setObjectName("answerSource")
        for s in ws.attempt(lambda: sources.list_sources(ws.store, kind="official")) or []:
            self.source.addItem(s.short_title or s.title, s.id)
        layout.addWidget(self.source)
        self.passages = QListWidget()
        self.passages.setObjectName("answerPassages")
        self.passages.setWordWrap(True)
        layout.addWidget(self.passages, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.source.currentIndexChanged.connect(lambda _i: self._fill())
        self.passages.currentRowChanged.connect(lambda _r: self._enable())
        self._fill()

    def _fill(self) -> None:
        self.passages.clear()
        source_id = self.source.currentData()
        if source_id is not None:
            detail = self.ws.attempt(
                lambda: sources.get_source(self.ws.store, source_id), slow=True
            )
            for p in detail.passages if detail else ():
                if not p.content or p.kind == "heading":
                    continue
                item = QListWidgetItem(p.text.strip())
                item.setData(SpanRole, (source_id, p.start, p.end))
                self.passages.addItem(item)
        self._enable()

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.passages.currentItem() is not None)

    def _accept(self) -> None:
        item = self.passages.currentItem()
        if item is not None:
            self.choice = item.data(SpanRole)
            self.accept()

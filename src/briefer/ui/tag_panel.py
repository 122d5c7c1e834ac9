"""Side panel of the reader: the selected passage's topics as a checkable list."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from briefer.library.views import PassageInfo, PassageTag, TopicInfo
from briefer.ui import theme, workers
from briefer.ui.qt import (
    QColor,
    QIcon,
    QLabel,
    QListView,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

TopicIdRole = Qt.ItemDataRole.UserRole + 1


def _swatch(name: str, size: int = 12) -> QIcon:
    bg, border, _fg = theme.chip_colors(name)
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(border)
    painter.setBrush(bg)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pix)


class TagPanel(QWidget):
    """Check a topic to tag the passage with it, uncheck to untag."""

    #: passage id, topic id, tagged
    tag_toggled = Signal(int, int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagPanel")
        self._passage: PassageInfo | None = None
        self._descriptions: dict[str, str] = {}
        self._updating = False
        #: reads why a passage has its automatic topics (topic id -> words), off the UI
        #: thread; the reader's pages come without it (scoring a page took 0.3 s)
        self.evidence_for: Callable[[int], dict[int, tuple[str, ...]]] | None = None
        self._evidence_pending: int | None = None
        self._workers: set[object] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading = QLabel(self.tr("Passage topics"))
        self.heading.setObjectName("sectionLabel")
        self.hint = QLabel(self.tr("Click a passage to see and change its topics."))
        self.hint.setObjectName("hintLabel")
        self.hint.setWordWrap(True)
        self.list = QListView()
        self.list.setObjectName("tagList")
        self.list.setAccessibleName(self.tr("Topics of the selected passage"))
        self.list.setUniformItemSizes(True)
        self.model = QStandardItemModel(self)
        self.list.setModel(self.model)
        self.model.itemChanged.connect(self._item_changed)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self.show_passage(None)

    def set_topics(self, topics: Sequence[TopicInfo]) -> None:
        theme.assign_topic_hues([t.name for t in topics])
        self._updating = True
        self.model.clear()
        self._descriptions = {}
        for t in topics:
            item = QStandardItem(_swatch(t.name), t.name)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(t.id, TopicIdRole)
            item.setToolTip(t.description)
            self._descriptions[t.name] = t.description
            self.model.appendRow(item)
        self._updating = False
        self.show_passage(self._passage)

    def show_passage(self, passage: PassageInfo | None) -> None:
        """Check the passage's topics; disabled when no passage is selected."""
        self._passage = passage
        self._updating = True
        tagged = set(passage.topics) if passage else set()
        details = {t.topic: t for t in passage.tags} if passage else {}
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            on = item.text() in tagged
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            item.setToolTip(self._tooltip(item, details.get(item.text())))
        self._updating = False
        self.list.setEnabled(passage is not None)
        self._ask_evidence(passage)
        if passage is None:
            self.hint.setText(self.tr("Click a passage to see and change its topics."))
        else:
            where = " › ".join(passage.heading_path) or self.tr("Passage {n}").format(
                n=passage.ordinal + 1
            )
            self.hint.setText(where)

    def _ask_evidence(self, passage: PassageInfo | None) -> None:
        """Read the evidence of the passage's automatic tags on a worker, once."""
        if (
            passage is None
            or self.evidence_for is None
            or self._evidence_pending == passage.id
            or not any(t.origin == "auto" and not t.evidence for t in passage.tags)
        ):
            return
        self._evidence_pending = passage.id
        read = self.evidence_for
        worker = workers.Worker(lambda _job, pid=passage.id: read(pid))
        worker.signals.result.connect(
            lambda found, pid=passage.id: self._evidence_read(pid, found)
        )
        # evidence is an explanation: when it cannot be read the tooltip says less, no more
        worker.signals.error.connect(lambda _exc, pid=passage.id: self._evidence_read(pid, {}))
        worker.signals.finished.connect(lambda s=worker.signals: self._workers.discard(s))
        self._workers.add(worker.signals)
        workers.start(worker, busy=False, owner=self)

    def _evidence_read(self, passage_id: int, found: dict[int, tuple[str, ...]]) -> None:
        if self._evidence_pending == passage_id:
            self._evidence_pending = None
        passage = self._passage
        if passage is None or passage.id != passage_id or not found:
            return
        tags = tuple(
            dataclasses.replace(t, evidence=found.get(t.topic_id, ()))
            if t.origin == "auto" and not t.evidence
            else t
            for t in passage.tags
        )
        self._passage = dataclasses.replace(passage, tags=tags)
        details = {t.topic: t for t in tags}
        self._updating = True  # a changed tooltip is an itemChanged, not the officer's tick
        try:
            for row in range(self.model.rowCount()):
                item = self.model.item(row)
                item.setToolTip(self._tooltip(item, details.get(item.text())))
        finally:
            self._updating = False

    def _tooltip(self, item: QStandardItem, tag: PassageTag | None) -> str:
        """The topic's description and, for a tag, why the passage has it."""
        description = self._descriptions.get(item.text(), "")
        if tag is None:
            return description
        if tag.origin == "manual":
            why = self.tr("Tagged by you.")
        else:
            kind = self.tr("Primary topic") if tag.primary else self.tr("Secondary topic")
            found = ", ".join(tag.evidence) or self.tr("the topic's terms")
            why = self.tr("{kind} of this passage, found from: {found}").format(
                kind=kind, found=found
            )
        return f"{description}\n{why}" if description else why

    @property
    def passage(self) -> PassageInfo | None:
        return self._passage

    def check_topic(self, topic_id: int, tagged: bool) -> None:
        """Tick or untick a topic as the officer would (emits :attr:`tag_toggled`)."""
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(TopicIdRole) == topic_id:
                item.setCheckState(Qt.CheckState.Checked if tagged else Qt.CheckState.Unchecked)

    def _item_changed(self, item: QStandardItem) -> None:
        if self._updating or self._passage is None:
            return
        tagged = item.checkState() == Qt.CheckState.Checked
        self.tag_toggled.emit(self._passage.id, int(item.data(TopicIdRole)), tagged)

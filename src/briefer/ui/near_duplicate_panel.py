"""The import review's choice for a file that reads like a source already in the store.

Shown under the import table for the current row when the library's near-duplicate check
(``library.near_duplicates``) found sources it resembles: leave it out (the default),
import it as a new version of one of them, or import it anyway beside them. The choice is
kept on the row (``ImportTableModel.set_near_choice``) and decides the ``ImportItem``.
"""

from __future__ import annotations

from briefer.ui.import_model import ImportEntry, ImportTableModel
from briefer.ui.qt import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

CHOICES = ("skip", "version", "keep")


class NearDuplicatePanel(QFrame):
    """Three choices for one near-duplicate row of the import table."""

    def __init__(self, model: ImportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nearDuplicatePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = model
        self.row = -1
        self.label = QLabel()
        self.label.setObjectName("nearDuplicateLabel")
        self.label.setWordWrap(True)
        self.skip = QRadioButton(self.tr("&Skip it: it is the same document"))
        self.skip.setObjectName("nearSkip")
        self.version = QRadioButton(self.tr("Import as a new &version of"))
        self.version.setObjectName("nearVersion")
        self.keep = QRadioButton(self.tr("Import &anyway, beside it"))
        self.keep.setObjectName("nearKeep")
        self.target = QComboBox()
        self.target.setObjectName("nearTarget")
        self.target.setAccessibleName(self.tr("Source this file is a new version of"))
        self.group = QButtonGroup(self)
        for i, button in enumerate((self.skip, self.version, self.keep)):
            self.group.addButton(button, i)
        self.group.idClicked.connect(self._chosen)
        self.target.activated.connect(lambda _i: self._chosen(CHOICES.index("version")))
        version_row = QHBoxLayout()
        version_row.addWidget(self.version)
        version_row.addWidget(self.target, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)
        left = Qt.AlignmentFlag.AlignLeft  # a radio button takes clicks on its text only
        layout.addWidget(self.skip, 0, left)
        layout.addLayout(version_row)
        layout.addWidget(self.keep, 0, left)
        self.hide()

    def show_row(self, row: int) -> None:
        """Show the choices for ``row`` when it is a near-duplicate still to import."""
        entries = self.model.entries
        entry: ImportEntry | None = entries[row] if 0 <= row < len(entries) else None
        if entry is None or not entry.near or entry.status or not self.model.editable:
            self.row = -1
            self.hide()
            return
        self.row = row
        best = entry.near[0]
        self.label.setText(
            self.tr(
                "“{file}” reads {p}% like source #{id} “{title}” already in the store "
                "(the same document in another format, or a lightly edited copy)."
            ).format(file=entry.name, p=best.percent, id=best.source_id, title=best.title)
        )
        blocked = self.target.blockSignals(True)
        self.target.clear()
        for n in entry.near:
            self.target.addItem(
                self.tr("#{id} “{title}” ({p}%)").format(
                    id=n.source_id, title=n.title, p=n.percent
                ),
                n.source_id,
            )
        self.target.setCurrentIndex(max(0, self.target.findData(entry.near_target)))
        self.target.blockSignals(blocked)
        self.group.button(CHOICES.index(entry.near_choice)).setChecked(True)
        self.show()

    def _chosen(self, choice_id: int) -> None:
        if self.row < 0:
            return
        choice = CHOICES[choice_id]
        if choice == "version" and not self.version.isChecked():
            self.version.setChecked(True)
        self.model.set_near_choice(self.row, choice, self.target.currentData())

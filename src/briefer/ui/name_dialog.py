"""A small dialog that asks for a name (a new brief's title and date, a version's name).

A real dialog rather than ``QInputDialog.getText``: its title is shown inside it as well as in
the title bar (some window managers hide the bar of small dialogs), it opens without blocking
the event loop, and OK stays disabled until there is a name.
"""

from __future__ import annotations

from datetime import date

from briefer.ui.date_field import DateField
from briefer.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)


class NameDialog(QDialog):
    """Emits :attr:`named` with the text (and the date, when asked for) on OK."""

    named = Signal(str, object)

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        *,
        text: str = "",
        placeholder: str = "",
        with_date: bool = False,
        object_name: str = "nameDialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        heading = QLabel(title)
        heading.setObjectName("dialogTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.name = QLineEdit(text)
        self.name.setObjectName("nameField")
        self.name.setPlaceholderText(placeholder)
        self.name.selectAll()
        form = QFormLayout()
        form.addRow(label, self.name)
        self.date: DateField | None = None
        if with_date:
            self.date = DateField()
            self.date.setObjectName("nameDate")
            form.addRow(self.tr("Meeting date"), self.date)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(bool(self.name.text().strip()))

    def value(self) -> tuple[str, date | None]:
        when = None
        if self.date is not None:
            self.date._typed()  # a date typed but not yet confirmed counts
            when = self.date.value()
        return self.name.text().strip(), when

    def accept(self) -> None:
        if not self.name.text().strip():
            return
        if self.date is not None and self.date.text().strip():
            self.date._typed()
            if self.date.property("invalid"):
                self.date.setFocus()
                return
        super().accept()
        self.named.emit(*self.value())

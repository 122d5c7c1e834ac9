"""A small dialog that asks for a name (a new brief's title and date, a version's name).

A real dialog rather than ``QInputDialog.getText``: its title is shown inside it as well as in
the title bar (some window managers hide the bar of small dialogs), it opens without blocking
the event loop, and OK stays disabled until there is a name, and while the name is refused
(``check``: a version name already taken) or the date is not one: the reason is said in words
under the fields, with the date forms that are read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from briefer.ui.date_field import DateField, parse_typed_date
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
        check: Callable[[str], str] | None = None,
    ) -> None:
        """``check`` returns why a name cannot be used ("" when it can)."""
        super().__init__(parent)
        self._check_name = check
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
            self.date.textChanged.connect(self._check)
        #: what is wrong, in words (a red border alone said nothing)
        self.error = QLabel()
        self.error.setObjectName("nameError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
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
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def problem(self) -> str:
        """Why OK is refused now, in one line ("" when it is not, or when only the name is
        missing, which the empty field says itself)."""
        name = self.name.text().strip()
        if name and self._check_name is not None:
            refused = self._check_name(name)
            if refused:
                return refused
        if self.date is not None:
            typed = self.date.text().strip()
            shown = self.date.value() is not None and typed == self.date._format(self.date.value())
            if typed and not shown and parse_typed_date(typed) is None:
                return self.tr(
                    "“{text}” is not a date. Type it as 12 May 2025, 2025-05-12, 12/05/2025 "
                    "or 2025年5月12日, pick it from the calendar, or leave it empty."
                ).format(text=typed)
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.ok_button.setEnabled(bool(self.name.text().strip()) and not problem)
        layout = self.layout()
        if problem and layout is not None:  # the wrapped words in full (Japanese wraps more)
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def value(self) -> tuple[str, date | None]:
        when = None
        if self.date is not None:
            self.date._typed()  # a date typed but not yet confirmed counts
            when = self.date.value()
        return self.name.text().strip(), when

    def accept(self) -> None:
        self._check()
        if not self.name.text().strip() or self.problem():
            if self.date is not None and self.date.text().strip():
                self.date._typed()  # the red border beside the words
            return
        if self.date is not None and self.date.text().strip():
            self.date._typed()
            if self.date.property("invalid"):
                self.date.setFocus()
                return
        super().accept()
        self.named.emit(*self.value())

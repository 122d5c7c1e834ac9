"""A quiet page for parts of the window that are still to come (Briefs, Coverage)."""

from __future__ import annotations

from briefer.ui import theme
from briefer.ui.qt import QLabel, Qt, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(
        self, name: str, title: str, text: str, icon: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        picture = QLabel()
        picture.setPixmap(theme.icon(icon).pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(text)
        self.body.setObjectName("pageSubtitle")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addWidget(heading)
        layout.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

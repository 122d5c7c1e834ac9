"""What an empty store shows: what Briefer is for and the first thing to do."""

from __future__ import annotations

from briefer.ui import theme
from briefer.ui.qt import QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget, Signal


class WelcomePage(QWidget):
    """Shown while the store holds no sources; its buttons start an import."""

    import_requested = Signal()
    paste_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        pic = QLabel()
        pic.setPixmap(theme.icon("source").pixmap(48, 48))
        pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("This store has no sources yet"))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Import the position papers, outcome documents and press releases you work "
                "from: Word, PDF, web pages, e-mail, Markdown or plain text. Drop files or "
                "folders on this window, or paste copied text."
            )
        )
        text.setObjectName("pageSubtitle")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        self.import_button = QPushButton(self.tr("Import Files…"))
        self.import_button.setObjectName("welcomeImport")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda: self.import_requested.emit())
        self.paste_button = QPushButton(self.tr("Paste as New Source"))
        self.paste_button.clicked.connect(lambda: self.paste_requested.emit())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.paste_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(pic)
        layout.addWidget(title)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)

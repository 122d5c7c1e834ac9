"""Help › About: version and the licences of the bundled libraries."""

from __future__ import annotations

import html
from importlib.metadata import PackageNotFoundError, version

from briefer import __version__
from briefer.ui.qt import QT_BINDING_VERSION, QMessageBox, QWidget, qVersion

BUNDLED = (
    ("PySide6", "PySide6-Essentials", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("python-docx", "python-docx", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("RapidFuzz", "rapidfuzz", "MIT"),
)


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "—"


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>&nbsp;{html.escape(_version(dist))}&nbsp;</td>"
        f"<td>{html.escape(lic)}</td></tr>"
        for name, dist, lic in BUNDLED
    )
    return (
        f"<h3>Briefer {__version__}</h3>"
        "<p>Meeting briefs that set the industry position beside the official outcome.</p>"
        f"<p>Qt {qVersion()}, PySide6 {QT_BINDING_VERSION}. Briefer is MIT-licensed.</p>"
        f"<p><b>Bundled libraries</b></p><table>{rows}</table>"
        "<p>PySide6 and Qt are used under the GNU LGPL v3; you may replace them with your own "
        "build.</p>"
    )


def show_about(parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(box.tr("About Briefer"))
    box.setTextFormat(box.textFormat().RichText)
    box.setText(about_html())
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64) if parent else box.iconPixmap())
    box.exec()

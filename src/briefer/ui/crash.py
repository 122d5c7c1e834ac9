"""Unexpected errors: logged to a file in the user log folder and shown with "Copy details"."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

from briefer import __version__
from briefer.ui.qt import QApplication, QMessageBox, QWidget

log = logging.getLogger("briefer.ui")


def log_path() -> Path:
    return Path(user_log_dir("Briefer", "Briefer")) / "briefer.log"


def setup_logging() -> Path:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("briefer")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def show_error(parent: QWidget | None, message: str, details: str = "") -> None:
    """A modal error with an optional "Copy details" button."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QApplication.translate("crash", "Briefer"))
    box.setText(message)
    copy = None
    if details:
        box.setDetailedText(details)
        copy = box.addButton(
            QApplication.translate("crash", "Copy details"), QMessageBox.ButtonRole.ActionRole
        )
    box.addButton(QMessageBox.StandardButton.Close)
    while True:
        box.exec()
        if copy is not None and box.clickedButton() is copy:
            QApplication.clipboard().setText(details)
            continue
        break


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("Unexpected error (Briefer %s)\n%s", __version__, details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    message = QApplication.translate(
        "crash",
        "Something went wrong: {error}\n\nYour work is saved in the store. The details were "
        "written to {log}.",
    ).format(error=str(exc) or kind.__name__, log=log_path())
    show_error(QApplication.activeWindow(), message, f"Briefer {__version__}\n{details}")


def install() -> Path:
    path = setup_logging()
    sys.excepthook = excepthook
    return path

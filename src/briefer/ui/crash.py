"""Unexpected errors: logged to a file in the user log folder and shown with "Copy details".

An error that repeats (one raised while laying out or painting comes back on every event) is
shown once: while its dialog is open, and for a while after it is closed, the same error
(kind, message, the line that raised it) is only logged and counted, so the officer can close
the dialog and save or quit instead of meeting a new copy at every click.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from dataclasses import dataclass, field
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


#: after its dialog closes, the same error is not shown again for this many seconds
QUIET_SECONDS = 60.0


@dataclass
class _ShownErrors:
    """Whether an error is on screen, and when each error's dialog was last closed."""

    open: bool = False
    closed_at: dict[tuple[str, str, str], float] = field(default_factory=dict)
    repeats: dict[tuple[str, str, str], int] = field(default_factory=dict)


_Shown = _ShownErrors()


def _signature(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> tuple[str, str, str]:
    where = ""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if frames:
        last = frames[-1]
        where = f"{last.filename}:{last.lineno}"
    return (kind.__qualname__, str(exc), where)


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    signature = _signature(kind, exc, tb)
    closed = _Shown.closed_at.get(signature)
    quiet = _Shown.open or (closed is not None and time.monotonic() - closed < QUIET_SECONDS)
    if quiet:  # logged in one line, counted; its dialog is open or was just closed
        _Shown.repeats[signature] = _Shown.repeats.get(signature, 0) + 1
        log.error("Unexpected error again (not shown): %s: %s at %s", *signature)
        return
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
    _Shown.open = True
    try:
        show_error(QApplication.activeWindow(), message, f"Briefer {__version__}\n{details}")
    finally:
        _Shown.open = False
        _Shown.closed_at[signature] = time.monotonic()
        repeated = _Shown.repeats.pop(signature, 0)
        if repeated:
            log.error("The error above repeated %d times while its message was open", repeated)


def install() -> Path:
    path = setup_logging()
    sys.excepthook = excepthook
    return path

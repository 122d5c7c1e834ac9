"""Opening a store that needs a schema upgrade, with a window that says so.

An upgrade copies the store aside first and then migrates it: for a 10,000-source store a
minute or more, before which the window used to show nothing at all. The opening itself
runs on a plain thread (it is the core's ``open_for_use``, no Qt); the UI thread keeps
painting a modal progress window until it is done. An upgrade cannot be cancelled half
way (it is one transaction per migration), so the window has no Cancel: it says it is a
one-time step instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from briefer.bootstrap import needs_upgrade, open_for_use
from briefer.store import Store
from briefer.ui.qt import QApplication, QEventLoop, QProgressDialog, Qt, QWidget

T = TypeVar("T")

#: how often the UI thread looks whether the opening has finished (ms)
POLL_MS = 50


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[], T],
    progress: dict[str, int] | None = None,
) -> T:
    """``work()`` on a thread while a modal progress window shows ``label``; returns its
    result or raises its exception, once the window is closed. ``progress``, which the work
    may fill with ``done`` and ``total`` as it goes, moves the bar (else it is busy-only)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the UI thread, raised there
            box["error"] = exc

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("upgradeProgress")
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(460)
    thread = threading.Thread(target=run, name="briefer-open-store", daemon=True)
    thread.start()
    dialog.show()
    while thread.is_alive():
        if progress and progress.get("total"):
            dialog.setRange(0, progress["total"])
            dialog.setValue(min(progress.get("done", 0), progress["total"]))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, POLL_MS)
        thread.join(0.01)
    dialog.close()
    dialog.deleteLater()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def upgrade_texts(location: str) -> tuple[str, str]:
    """(title, label) of the progress window for upgrading the store at ``location``."""
    return (
        QApplication.translate("upgrade", "Upgrading the Store"),
        QApplication.translate(
            "upgrade",
            "Upgrading {store} for this version of Briefer.\n"
            "A backup copy is made first. This happens once, and takes a minute or more "
            "for a large store.",
        ).format(store=location),
    )


def open_for_window(
    location: str, *, seed_if_new: bool = False, parent: QWidget | None = None
) -> Store:
    """``open_for_use`` as the window does it (the rolling backup deferred to a worker),
    behind the progress window when the store's schema will be upgraded."""

    if not needs_upgrade(location):
        return open_for_use(location, seed_if_new=seed_if_new, defer_backup=True)
    from briefer.store import db

    state: dict[str, int] = {}

    def listen(_step: str, done: int, total: int) -> None:
        state["done"], state["total"] = done, total  # read by the UI thread's loop

    def work() -> Store:
        with db.upgrade_progress(listen):
            return open_for_use(location, seed_if_new=seed_if_new, defer_backup=True)

    title, label = upgrade_texts(location)
    return run_with_progress(parent, title, label, work, state)

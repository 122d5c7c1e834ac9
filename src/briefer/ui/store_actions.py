"""Stores in the main window: open, new, team (by URL), recent, and what opening found."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefer.bootstrap import backup_now, store_file
from briefer.errors import BrieferError
from briefer.ui import workers
from briefer.ui.brief_commands import perform
from briefer.ui.qt import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSettings,
)
from briefer.ui.typing_journal import recovery_operations
from briefer.ui.upgrade_progress import open_for_window
from briefer.ui.wording import counted

if TYPE_CHECKING:
    from briefer.ui.background_index import BackgroundIndex
    from briefer.ui.background_retag import BackgroundRetag
    from briefer.ui.workspace import Workspace

    _Window = QMainWindow
else:
    _Window = object

MAX_RECENT = 8
STORE_FILTER = "Briefer stores (*.briefer *.sqlite *.db);;All files (*)"


class StoreActions(_Window):
    """The store half of ``MainWindow`` (a mixin: it needs the attributes below)."""

    ws: Workspace
    store_label: QLabel
    recent_menu: QMenu
    _backup_worker: workers.Worker | None
    background_retag: BackgroundRetag
    background_index: BackgroundIndex

    if TYPE_CHECKING:

        def show_problem(self, message: str) -> None: ...

        def _select_default(self) -> None: ...

    def _show_store_label(self) -> None:
        label = self.ws.store.label
        self.setWindowTitle(self.tr("{store} — Briefer").format(store=Path(label).name or label))
        self.setWindowFilePath(label)
        self.store_label.setText(label)
        self.store_label.setToolTip(label)
        remember_store(label)

    def open_store(self, location: str, *, seed_if_new: bool = False) -> bool:
        """Open another store in this window; False (and a message) if it cannot be opened."""
        try:
            store = open_for_window(location, seed_if_new=seed_if_new, parent=self)
        except BrieferError as exc:
            self.show_problem(str(exc))
            return False
        self.background_retag.stop(wait=True)  # the old store's; the rest on its next open
        self.background_index.reset()  # the old store's index: the rest on its next open
        self.ws.replace_store(store)
        self._select_default()
        self.statusBar().showMessage(self.tr("Opened {store}").format(store=store.label), 5000)
        self.warn_about_store()
        return True

    def warn_about_store(self) -> None:
        """What opening the store found worth telling (e.g. it lives in a cloud-synced
        folder); then the rolling backup, on a worker so a large store shows at once."""
        warnings = list(getattr(self.ws.store, "warnings", []) or [])
        if warnings:
            self.show_problem("\n\n".join(warnings))
        self.recover_typing()
        self.background_retag.start(self.ws.store)
        self.background_index.start(self.ws.store)
        path = store_file(self.ws.store.label) if self.ws.store.is_sqlite else None
        if path is None or not path.is_file():
            return
        worker = workers.Worker(lambda _job: backup_now(path))
        worker.signals.result.connect(
            lambda found: self.show_problem("\n\n".join(found)) if found else None
        )
        self._backup_worker = worker  # keep its signals object alive until it reports
        workers.start(worker, owner=self)

    def recover_typing(self) -> None:
        """Text typed just before Briefer was killed, never saved: saved now, undoable."""
        journal = self.ws.journal
        if not journal.previous:
            return
        recovered = 0
        try:
            for op in recovery_operations(self.ws.store, journal.previous):
                if perform(self.ws, op, text=self.tr("Recover unsaved typing")) is not None:
                    recovered += 1
        finally:
            journal.forget_previous()
        if recovered:
            self.ws.message.emit(
                counted(
                    recovered,
                    "Recovered unsaved typing in {n} field (Undo takes it back)",
                    "Recovered unsaved typing in {n} fields (Undo takes it back)",
                )
            )

    def new_store(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Store"), "", STORE_FILTER)
        if path:
            if Path(path).exists():
                self.show_problem(
                    self.tr("{path} already exists; open it instead.").format(path=path)
                )
                return
            self.open_store(path)

    def choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Store"), "", STORE_FILTER)
        if path:
            self.open_store(path)

    def choose_team_store(self, url: str | None = None) -> bool:
        """Open a store on a database server by its URL (no password in it: see README)."""
        if url is None:
            url, ok = QInputDialog.getText(
                self,
                self.tr("Open Team Store"),
                self.tr(
                    "Database URL, e.g. postgresql+psycopg://officer@server/briefs\n"
                    "The password comes from ~/.pgpass, PGPASSWORD or a prompt; "
                    "Briefer never saves it."
                ),
                QLineEdit.EchoMode.Normal,
                "postgresql+psycopg://",
            )
            if not ok:
                return False
        url = url.strip()
        if "://" not in url or url.endswith("://"):
            self.show_problem(
                self.tr("Enter a database URL such as {example}.").format(
                    example="postgresql+psycopg://officer@server/briefs"
                )
            )
            return False
        return self.open_store(url)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = self.ws.store.label
        for label in recent_stores():
            action = self.recent_menu.addAction(label)
            action.setEnabled(label != current)
            action.triggered.connect(lambda _=False, loc=label: self.open_store(loc))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent stores")).setEnabled(False)


def recent_stores() -> list[str]:
    value = QSettings().value("stores/recent", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def remember_store(label: str) -> None:
    s = QSettings()
    recent = [label] + [r for r in recent_stores() if r != label]
    s.setValue("stores/recent", recent[:MAX_RECENT])
    s.setValue("stores/last", label)

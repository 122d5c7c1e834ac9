"""Start the window: ``run(location)`` is what ``briefer`` calls without a sub-command.

``_START`` is taken when this module is imported — as early as the ui can — so the startup
benchmark measures from there (argument parsing and the interpreter's own start come before).
"""

from __future__ import annotations

import time

_START = time.perf_counter()

import sys  # noqa: E402

from briefer import __version__  # noqa: E402
from briefer.errors import BrieferError  # noqa: E402
from briefer.store import Store, default_store_path  # noqa: E402
from briefer.ui import crash, theme  # noqa: E402
from briefer.ui.qt import (  # noqa: E402
    QApplication,
    QGuiApplication,
    QSettings,
    Qt,
    QTimer,
)

APP_NAME = "Briefer"
ORG_NAME = "Briefer"
ORG_DOMAIN = "briefer.app"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the names QSettings uses, the icon and the style sheet."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    if not app.organizationName():
        app.setOrganizationName(ORG_NAME)
        app.setOrganizationDomain(ORG_DOMAIN)
    app.setDesktopFileName("briefer")
    from briefer.ui import i18n

    if not i18n._installed:
        i18n.install(app)
    app.setWindowIcon(theme.icon("briefer"))
    app.setStyleSheet(theme.stylesheet())
    return app


def ask_password(label: str) -> str | None:
    """A team store's password when libpq found none (.pgpass, PGPASSWORD): kept in memory."""
    from briefer.ui.qt import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        None,
        QApplication.translate("main", "Team Store Password"),
        QApplication.translate(
            "main", "Password for {store}\n(kept in memory only; Briefer never saves it)"
        ).format(store=label),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def open_initial_store(location: str | None) -> Store:
    """The store named on the command line, else the last one used, else the default."""
    from briefer.ui.upgrade_progress import open_for_window

    if location:
        return open_for_window(location, seed_if_new=True)
    last = QSettings().value("stores/last")
    if last:
        try:
            return open_for_window(str(last), seed_if_new=True)
        except BrieferError as exc:
            crash.log.warning("Cannot reopen the last store %s: %s", last, exc)
    return open_for_window(str(default_store_path()), seed_if_new=True)


def run(location: str | None, benchmark_startup: bool = False) -> int:
    """Show the main window on a store; returns the exit code."""
    app = make_application()
    if not benchmark_startup:
        crash.install()
    from briefer.store import engines

    engines.password_prompt = ask_password
    try:
        store = open_initial_store(location)
    except BrieferError as exc:
        crash.show_error(None, str(exc))
        return 1
    from briefer.ui.main_window import MainWindow

    window = MainWindow(store)
    if benchmark_startup:

        def report() -> None:
            # ms from the ui's import to the shown window, then the process's CPU ms so far
            # (what a loaded machine does not inflate)
            cpu = time.process_time() * 1000
            print(f"{(time.perf_counter() - _START) * 1000:.0f} {cpu:.0f}")
            sys.stdout.flush()
            QTimer.singleShot(0, app.quit)

        window.first_shown.connect(lambda: QTimer.singleShot(0, report))
    window.show()
    if not benchmark_startup:
        QTimer.singleShot(0, window.warn_about_store)
    try:
        return app.exec()
    finally:
        window.ws.store.close()

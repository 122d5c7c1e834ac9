"""The main window's actions (one :class:`WindowActions`), menus and toolbar, built once by
``MainWindow.__init__``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.ui import about as about_box
from briefer.ui import help_dialog, i18n, retranslate, theme
from briefer.ui.qt import (
    QAction,
    QActionGroup,
    QApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QProcess,
    QPushButton,
    Qt,
    QToolBar,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:
    from briefer.ui.main_window import MainWindow


@dataclass(frozen=True)
class WindowActions:
    """The main window's actions, built once by :func:`build_actions`."""

    new_store: QAction
    open_store: QAction
    open_team_store: QAction
    import_files: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    paste: QAction
    find: QAction
    about: QAction
    log: QAction
    guide: QAction
    shortcuts: QAction
    navigator: QAction
    asks: QAction
    coverage: QAction
    page: QAction
    new_brief: QAction
    duplicate_brief: QAction
    rename_brief: QAction
    delete_brief: QAction
    draft: QAction
    accept_all: QAction
    versions: QAction
    export: QAction
    preview: QAction

    @property
    def brief(self) -> tuple[QAction, ...]:
        """The actions on the open brief (enabled only while one is open)."""
        return (
            self.duplicate_brief,
            self.rename_brief,
            self.delete_brief,
            self.draft,
            self.accept_all,
            self.versions,
            self.export,
            self.preview,
        )


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | list[QKeySequence] | None = None,
    icon: str = "",
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(shortcut)
    if icon:
        action.setIcon(theme.icon(icon))
    action.triggered.connect(slot)
    return action


def build_actions(window: MainWindow) -> WindowActions:
    """The window's actions (``window.window_actions.find``...), triggering its slots."""
    K = QKeySequence.StandardKey
    new_store = _action(window, window.tr("&New Store…"), window.new_store, K.New)
    open_store = _action(window, window.tr("&Open Store…"), window.choose_store, K.Open, "store")
    open_team_store = _action(window, window.tr("Open &Team Store…"), window.choose_team_store)
    import_files = _action(
        window, window.tr("&Import…"), window.choose_import, QKeySequence("Ctrl+I"), "import"
    )
    import_files.setToolTip(window.tr("Import files as sources (or drop them here)"))
    quit = _action(window, window.tr("&Quit"), window.close, K.Quit)
    undo = window.ws.undo.createUndoAction(window, window.tr("&Undo"))
    undo.setShortcut(K.Undo)
    redo = window.ws.undo.createRedoAction(window, window.tr("&Redo"))
    # Ctrl+Y as well as the platform's redo (Ctrl+Shift+Z on Linux and macOS)
    redo_keys = [QKeySequence(k) for k in QKeySequence.keyBindings(K.Redo)]
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(redo_keys)
    paste = _action(
        window,
        window.tr("&Paste as New Source…"),
        window.paste_source,
        QKeySequence("Ctrl+Shift+V"),
    )
    find = _action(
        window,
        window.tr("&Find"),
        window.focus_search,
        [QKeySequence(K.Find), QKeySequence("Ctrl+K")],
        "search",
    )
    about = _action(window, window.tr("&About Briefer"), lambda: about_box.show_about(window))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    log = _action(window, window.tr("Open &Log Folder"), window._open_log_folder)
    guide = _action(
        window,
        window.tr("Briefer &User Guide"),
        lambda: help_dialog.show_guide(window),
        K.HelpContents,
    )
    shortcuts = _action(
        window,
        window.tr("&Keyboard Shortcuts"),
        lambda: help_dialog.show_shortcuts(window),
        QKeySequence("Ctrl+/"),
    )
    navigator = _action(
        window,
        window.tr("Go to &Navigator"),
        lambda: window.navigator.setFocus(),
        QKeySequence("Ctrl+1"),
    )
    asks = _action(
        window, window.tr("&Asks Ledger"), lambda: window.open_asks(), QKeySequence("Ctrl+Shift+L")
    )
    coverage = _action(
        window,
        window.tr("&Coverage Map"),
        lambda: window.navigator.select_key("section:coverage"),
        QKeySequence("Ctrl+Shift+M"),
    )
    page = _action(
        window,
        window.tr("Go to &Page"),
        window.focus_page,
        QKeySequence("Ctrl+2"),
    )
    new_brief = _action(
        window,
        window.tr("&New Brief…"),
        lambda: window.new_brief(),
        QKeySequence("Ctrl+Shift+N"),
        "brief",
    )
    duplicate_brief = _action(
        window, window.tr("D&uplicate Brief"), lambda: window.duplicate_brief()
    )
    rename_brief = _action(window, window.tr("&Rename Brief…"), lambda: window.rename_brief())
    delete_brief = _action(window, window.tr("&Delete Brief…"), lambda: window.delete_brief())
    draft = _action(
        window,
        window.tr("D&raft Sections…"),
        lambda: window.open_draft(),
        QKeySequence("Ctrl+Shift+D"),
    )
    accept_all = _action(
        window, window.tr("&Accept All Suggestions"), lambda: window.editor.accept_all()
    )
    versions = _action(window, window.tr("&Versions…"), lambda: window.open_versions())
    export = _action(
        window, window.tr("&Export…"), lambda: window.open_export(), QKeySequence("Ctrl+E")
    )
    preview = _action(
        window,
        window.tr("Show &Preview"),
        window.editor.set_preview_visible,
        QKeySequence("Ctrl+Shift+P"),
    )
    preview.setCheckable(True)
    window.editor.preview_button.toggled.connect(preview.setChecked)
    for a in (find, navigator, page):
        window.addAction(a)
    return WindowActions(
        new_store=new_store,
        open_store=open_store,
        open_team_store=open_team_store,
        import_files=import_files,
        quit=quit,
        undo=undo,
        redo=redo,
        paste=paste,
        find=find,
        about=about,
        log=log,
        guide=guide,
        shortcuts=shortcuts,
        navigator=navigator,
        asks=asks,
        coverage=coverage,
        page=page,
        new_brief=new_brief,
        duplicate_brief=duplicate_brief,
        rename_brief=rename_brief,
        delete_brief=delete_brief,
        draft=draft,
        accept_all=accept_all,
        versions=versions,
        export=export,
        preview=preview,
    )


def build_menus(window: MainWindow) -> None:
    """File, Edit, Brief, View and Help."""
    bar = window.menuBar()
    file = bar.addMenu(window.tr("&File"))
    file.addAction(window.window_actions.new_store)
    file.addAction(window.window_actions.open_store)
    file.addAction(window.window_actions.open_team_store)
    window.recent_menu = file.addMenu(window.tr("Open &Recent"))
    window.recent_menu.setObjectName("recentMenu")
    window.recent_menu.aboutToShow.connect(window._fill_recent)
    file.addSeparator()
    file.addAction(window.window_actions.import_files)
    file.addSeparator()
    file.addAction(window.window_actions.quit)
    edit = bar.addMenu(window.tr("&Edit"))
    edit.addAction(window.window_actions.undo)
    edit.addAction(window.window_actions.redo)
    edit.addSeparator()
    edit.addAction(window.window_actions.paste)
    edit.addSeparator()
    edit.addAction(window.window_actions.find)
    brief = bar.addMenu(window.tr("&Brief"))
    brief.setObjectName("briefMenu")
    brief.aboutToShow.connect(window._update_brief_actions)
    brief.addAction(window.window_actions.new_brief)
    brief.addAction(window.window_actions.duplicate_brief)
    brief.addAction(window.window_actions.rename_brief)
    brief.addAction(window.window_actions.delete_brief)
    brief.addSeparator()
    brief.addAction(window.reader.quote_action)
    brief.addAction(window.window_actions.draft)
    brief.addAction(window.window_actions.accept_all)
    brief.addSeparator()
    brief.addAction(window.window_actions.versions)
    brief.addAction(window.window_actions.export)
    brief.addAction(window.window_actions.preview)
    view = bar.addMenu(window.tr("&View"))
    view.addAction(window.window_actions.navigator)
    view.addAction(window.window_actions.page)
    view.addAction(window.window_actions.asks)
    view.addAction(window.window_actions.coverage)
    view.addSeparator()
    window.language_menu = view.addMenu(window.tr("Lan&guage"))
    window.language_menu.setObjectName("languageMenu")
    group = QActionGroup(window)
    current = i18n.setting()
    for code, name in (("system", window.tr("System Language")), *i18n.LANGUAGES.items()):
        action = window.language_menu.addAction(name)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
    group.triggered.connect(lambda a: _choose_language(window, str(a.data())))
    help_ = bar.addMenu(window.tr("&Help"))
    help_.addAction(window.window_actions.guide)
    help_.addAction(window.window_actions.shortcuts)
    help_.addSeparator()
    help_.addAction(window.window_actions.log)
    help_.addAction(window.window_actions.about)


def _choose_language(window: MainWindow, code: str) -> None:
    """Remember the language and apply it at once: the new translators, the window's texts
    put into it (``retranslate``), the navigator and the page shown rebuilt in it. What was
    made from data before the switch may still read in the old language until it is shown
    again; the window says so in one line, with Restart now."""
    if code == i18n.setting():
        return
    old = i18n.installed_language()
    i18n.set_setting(code)
    app = QApplication.instance()
    new = i18n.install(app, i18n.chosen_language()) if isinstance(app, QApplication) else old
    if new == old:
        return
    retranslate.retranslate(window, old, new)
    window.reload()  # the navigator's labels and dates, in the new language
    if window.reader.detail is not None:
        window.reader.show_source(window.reader.detail.info.id)
    if window.editor.brief_id is not None:
        window.editor.show_brief(window.editor.brief_id)
    _language_notice(window, new)


class LanguageNotice(QWidget):
    """The status bar's one line after a language switch, with Restart now and ✕."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("languageNotice")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("languageNoticeText")
        self.restart = QPushButton()
        self.restart.setObjectName("restartNow")
        self.restart.clicked.connect(lambda _checked=False: restart_briefer(window))
        self.close_button = QToolButton()
        self.close_button.setObjectName("languageNoticeClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(lambda _checked=False: self.hide())
        row.addWidget(self.label)
        row.addWidget(self.restart)
        row.addWidget(self.close_button)


def _language_notice(window: MainWindow, language: str) -> None:
    """One line in the status bar: the language is switched; Restart now redoes the rest."""
    notice = window.findChild(LanguageNotice, "languageNotice")
    if notice is None:
        notice = LanguageNotice(window)
        window.statusBar().addPermanentWidget(notice)
    name = i18n.LANGUAGES.get(language, language)
    notice.label.setText(
        window.tr("Now in {language}; text from before the switch changes on a restart.").format(
            language=name
        )
    )
    notice.restart.setText(window.tr("Restart now"))
    notice.close_button.setToolTip(window.tr("Hide"))
    notice.show()


def restart_briefer(window: MainWindow) -> bool:
    """Start Briefer again on the same store and close this window (typing saved first)."""
    window.editor.commit_pending()
    program, args = sys.argv[0], sys.argv[1:]
    if program.endswith(".py") or not program:
        program, args = sys.executable, sys.argv
    started = QProcess.startDetached(program, args)
    if not (started[0] if isinstance(started, tuple) else started):
        window.show_problem(window.tr("Briefer could not start again; start it yourself."))
        return False
    window.close()
    return True


def build_toolbar(window: MainWindow) -> None:
    """Import and New Brief on the left, the search field on the right."""
    tools = QToolBar(window.tr("Main toolbar"))
    tools.setObjectName("mainToolBar")
    tools.setMovable(False)
    tools.setFloatable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    tools.addAction(window.window_actions.import_files)
    tools.addAction(window.window_actions.new_brief)
    spacer = QWidget()
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
    tools.addWidget(spacer)
    tools.addWidget(window.search_field)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)

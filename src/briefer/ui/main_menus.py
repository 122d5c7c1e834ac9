"""The main window's actions, menus and toolbar (built once, by ``MainWindow.__init__``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefer.ui import about, help_dialog, i18n, theme
from briefer.ui.qt import QAction, QActionGroup, QKeySequence, Qt, QToolBar, QWidget

if TYPE_CHECKING:
    from briefer.ui.main_window import MainWindow


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


def build_actions(window: MainWindow) -> None:
    """The window's actions, as attributes of the window (``window.find_action``...)."""
    K = QKeySequence.StandardKey
    window.new_store_action = _action(window, window.tr("&New Store…"), window.new_store, K.New)
    window.open_store_action = _action(
        window, window.tr("&Open Store…"), window.choose_store, K.Open, "store"
    )
    window.open_team_store_action = _action(
        window, window.tr("Open &Team Store…"), window.choose_team_store
    )
    window.import_action = _action(
        window, window.tr("&Import…"), window.choose_import, QKeySequence("Ctrl+I"), "import"
    )
    window.import_action.setToolTip(window.tr("Import files as sources (or drop them here)"))
    window.quit_action = _action(window, window.tr("&Quit"), window.close, K.Quit)
    window.undo_action = window.ws.undo.createUndoAction(window, window.tr("&Undo"))
    window.undo_action.setShortcut(K.Undo)
    window.redo_action = window.ws.undo.createRedoAction(window, window.tr("&Redo"))
    # Ctrl+Y as well as the platform's redo (Ctrl+Shift+Z on Linux and macOS)
    redo_keys = [QKeySequence(k) for k in QKeySequence.keyBindings(K.Redo)]
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))
    window.redo_action.setShortcuts(redo_keys)
    window.paste_action = _action(
        window,
        window.tr("&Paste as New Source…"),
        window.paste_source,
        QKeySequence("Ctrl+Shift+V"),
    )
    window.find_action = _action(
        window,
        window.tr("&Find"),
        window.focus_search,
        [QKeySequence(K.Find), QKeySequence("Ctrl+K")],
        "search",
    )
    window.about_action = _action(
        window, window.tr("&About Briefer"), lambda: about.show_about(window)
    )
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    window.log_action = _action(window, window.tr("Open &Log Folder"), window._open_log_folder)
    window.guide_action = _action(
        window,
        window.tr("Briefer &User Guide"),
        lambda: help_dialog.show_guide(window),
        K.HelpContents,
    )
    window.shortcuts_action = _action(
        window,
        window.tr("&Keyboard Shortcuts"),
        lambda: help_dialog.show_shortcuts(window),
        QKeySequence("Ctrl+/"),
    )
    window.navigator_action = _action(
        window,
        window.tr("Go to &Navigator"),
        lambda: window.navigator.setFocus(),
        QKeySequence("Ctrl+1"),
    )
    window.asks_action = _action(
        window, window.tr("&Asks Ledger"), lambda: window.open_asks(), QKeySequence("Ctrl+Shift+L")
    )
    window.page_action = _action(
        window,
        window.tr("Go to &Page"),
        window.focus_page,
        QKeySequence("Ctrl+2"),
    )
    window.new_brief_action = _action(
        window,
        window.tr("&New Brief…"),
        lambda: window.new_brief(),
        QKeySequence("Ctrl+Shift+N"),
        "brief",
    )
    window.duplicate_brief_action = _action(
        window, window.tr("D&uplicate Brief"), lambda: window.duplicate_brief()
    )
    window.rename_brief_action = _action(
        window, window.tr("&Rename Brief…"), lambda: window.rename_brief()
    )
    window.delete_brief_action = _action(
        window, window.tr("&Delete Brief…"), lambda: window.delete_brief()
    )
    window.draft_action = _action(
        window,
        window.tr("D&raft Sections…"),
        lambda: window.open_draft(),
        QKeySequence("Ctrl+Shift+D"),
    )
    window.accept_all_action = _action(
        window, window.tr("&Accept All Suggestions"), lambda: window.editor.accept_all()
    )
    window.versions_action = _action(
        window, window.tr("&Versions…"), lambda: window.open_versions()
    )
    window.export_action = _action(
        window, window.tr("&Export…"), lambda: window.open_export(), QKeySequence("Ctrl+E")
    )
    window.preview_action = _action(
        window,
        window.tr("Show &Preview"),
        window.editor.set_preview_visible,
        QKeySequence("Ctrl+Shift+P"),
    )
    window.preview_action.setCheckable(True)
    window.editor.preview_button.toggled.connect(window.preview_action.setChecked)
    window.brief_actions = [
        window.duplicate_brief_action,
        window.rename_brief_action,
        window.delete_brief_action,
        window.draft_action,
        window.accept_all_action,
        window.versions_action,
        window.export_action,
        window.preview_action,
    ]
    for a in (window.find_action, window.navigator_action, window.page_action):
        window.addAction(a)


def build_menus(window: MainWindow) -> None:
    """File, Edit, Brief, View and Help."""
    bar = window.menuBar()
    file = bar.addMenu(window.tr("&File"))
    file.addAction(window.new_store_action)
    file.addAction(window.open_store_action)
    file.addAction(window.open_team_store_action)
    window.recent_menu = file.addMenu(window.tr("Open &Recent"))
    window.recent_menu.setObjectName("recentMenu")
    window.recent_menu.aboutToShow.connect(window._fill_recent)
    file.addSeparator()
    file.addAction(window.import_action)
    file.addSeparator()
    file.addAction(window.quit_action)
    edit = bar.addMenu(window.tr("&Edit"))
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    edit.addAction(window.paste_action)
    edit.addSeparator()
    edit.addAction(window.find_action)
    brief = bar.addMenu(window.tr("&Brief"))
    brief.setObjectName("briefMenu")
    brief.aboutToShow.connect(window._update_brief_actions)
    brief.addAction(window.new_brief_action)
    brief.addAction(window.duplicate_brief_action)
    brief.addAction(window.rename_brief_action)
    brief.addAction(window.delete_brief_action)
    brief.addSeparator()
    brief.addAction(window.reader.quote_action)
    brief.addAction(window.draft_action)
    brief.addAction(window.accept_all_action)
    brief.addSeparator()
    brief.addAction(window.versions_action)
    brief.addAction(window.export_action)
    brief.addAction(window.preview_action)
    view = bar.addMenu(window.tr("&View"))
    view.addAction(window.navigator_action)
    view.addAction(window.page_action)
    view.addAction(window.asks_action)
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
    help_.addAction(window.guide_action)
    help_.addAction(window.shortcuts_action)
    help_.addSeparator()
    help_.addAction(window.log_action)
    help_.addAction(window.about_action)


def _choose_language(window: MainWindow, code: str) -> None:
    """Remember the language; it applies from the next start (every string is set once)."""
    if code == i18n.setting():
        return
    i18n.set_setting(code)
    window.statusBar().showMessage(
        window.tr("The language changes when Briefer next starts."), 8000
    )


def build_toolbar(window: MainWindow) -> None:
    """Import and New Brief on the left, the search field on the right."""
    tools = QToolBar(window.tr("Main toolbar"))
    tools.setObjectName("mainToolBar")
    tools.setMovable(False)
    tools.setFloatable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    tools.addAction(window.import_action)
    tools.addAction(window.new_brief_action)
    spacer = QWidget()
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
    tools.addWidget(spacer)
    tools.addWidget(window.search_field)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)

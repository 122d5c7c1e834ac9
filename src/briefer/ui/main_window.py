"""The main window: navigator, the page for what is selected, search, menus, stores."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TypeVar

from briefer.briefs import operations as ops
from briefer.briefs import reads
from briefer.briefs.changes import Applied
from briefer.briefs.model import BriefSummary, BriefView, QuoteView
from briefer.errors import BrieferError
from briefer.ingest.readers import read_text
from briefer.library.views import SearchHit
from briefer.store import Store
from briefer.ui import main_menus, theme, workers
from briefer.ui.asks_view import AsksPage
from briefer.ui.background_index import BackgroundIndex
from briefer.ui.background_retag import BackgroundRetag
from briefer.ui.brief_commands import OperationCommand, perform
from briefer.ui.brief_editor import BriefEditor
from briefer.ui.changes import Changes
from briefer.ui.coverage_view import CoveragePage
from briefer.ui.draft_dialog import DraftDialog
from briefer.ui.export_dialog import ExportDialog
from briefer.ui.import_dialog import ImportDialog, import_filter
from briefer.ui.name_dialog import NameDialog
from briefer.ui.navigator import Navigator
from briefer.ui.navigator_loader import NavigatorLoader
from briefer.ui.qt import (
    QApplication,
    QDesktopServices,
    QDialog,
    QDragEnterEvent,
    QDropEvent,
    QEvent,
    QFileDialog,
    QInputDialog,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QObject,
    QPoint,
    QSettings,
    QShowEvent,
    QSplitter,
    QStackedWidget,
    Qt,
    QUrl,
    QWidget,
    Signal,
)
from briefer.ui.quote_dialog import QuoteDialog
from briefer.ui.search_page import SearchPage
from briefer.ui.source_reader import SourceReader
from briefer.ui.store_actions import (
    MAX_RECENT,
    STORE_FILTER,
    StoreActions,
    recent_stores,
    remember_store,
)
from briefer.ui.tab_order import chain, focus_children
from briefer.ui.topic_board import TopicBoard
from briefer.ui.versions_dialog import VersionsDialog
from briefer.ui.welcome_page import WelcomePage
from briefer.ui.wording import counted
from briefer.ui.workspace import Workspace

_Dialog = TypeVar("_Dialog", bound=QDialog)

#: what the write pool hands back for a new brief: the applied operation, the brief as the
#: editor shows it and the fresh list of briefs for the navigator
_MadeBrief = tuple[Applied, BriefView, list[BriefSummary]]


def _made_brief(_job: workers.Job, store: Store, op: ops.CreateBrief) -> _MadeBrief:
    """Write pool: make the brief, then read what the window shows of it."""
    applied = op.apply(store, seen={})
    brief_id = applied.inverse.brief_id  # type: ignore[attr-defined]
    return applied, reads.get_brief(store, brief_id), reads.list_briefs(store)


#: The store names are re-exported from ``store_actions`` (tests import them from here).
__all__ = ["MAX_RECENT", "STORE_FILTER", "MainWindow", "recent_stores", "remember_store"]


class MainWindow(StoreActions, QMainWindow):
    """One window per open store (its store handling is in ``store_actions``)."""

    #: emitted once, when the window is first shown (startup benchmark)
    first_shown = Signal()

    #: Emitted when the navigator's topic counts have arrived from the worker.
    topic_counts_loaded = Signal()

    # Built by main_menus.build_actions / build_menus.
    window_actions: main_menus.WindowActions
    language_menu: QMenu

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backup_worker: workers.Worker | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(theme.icon("briefer"))
        self.setAcceptDrops(True)
        self.ws = Workspace(store, self)
        self.ws.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.ws.problem.connect(self.show_problem)
        self.ws.bus.changed.connect(self._changed)
        self._shown = False
        self._before_search: QWidget | None = None
        self._brief_workers: set[workers.Worker] = set()
        #: a new brief as the worker read it, for the editor to show without reading it again
        self._fresh_brief: BriefView | None = None

        self.navigator = Navigator()
        self.navigator.selected.connect(self._navigate)
        self.navigator.menu_requested.connect(self._navigator_menu)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.board = TopicBoard(self.ws)
        self.board.open_passage.connect(self.open_passage)
        self.reader = SourceReader(self.ws)
        self.search_page = SearchPage(self.ws)
        self.search_page.open_hit.connect(self.open_hit)
        self.search_page.results_shown.connect(self._results_shown)
        self.reader.quote_requested.connect(self.open_quote_dialog)
        self.editor = BriefEditor(self.ws)
        self.editor.go_to_source.connect(self.go_to_quote)
        self.editor.dialog_requested.connect(self._editor_dialog)
        self.briefs_page = self.editor
        self.welcome_page = WelcomePage()
        self.welcome_page.import_requested.connect(self.choose_import)
        self.welcome_page.paste_requested.connect(self.paste_source)
        self.coverage_page = CoveragePage(self.ws)
        self.coverage_page.cell_clicked.connect(self.open_coverage_cell)
        self.asks_page = AsksPage(self.ws)  # the asks ledger (ui/asks_view.py)
        for page in (
            self.reader,
            self.board,
            self.search_page,
            self.briefs_page,
            self.coverage_page,
            self.welcome_page,
            self.asks_page,
        ):
            self.stack.addWidget(page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 1110])
        self.setCentralWidget(self.splitter)
        self.drop_hint = QLabel(self.tr("Drop files or folders to import them as sources"), self)
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.drop_hint.setStyleSheet(
            "QLabel#dropHint { background: rgba(40, 110, 200, 40); color: palette(text);"
            " border: 3px dashed palette(highlight); border-radius: 14px; font-size: 20px; }"
        )
        self.drop_hint.hide()
        self._action_buttons = (
            self.editor.draft_button,
            self.editor.accept_all_button,
            self.editor.versions_button,
            self.editor.export_button,
            self.editor.preview_button,
        )
        for button in self._action_buttons:
            button.installEventFilter(self)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setAccessibleName(self.tr("Search passages"))
        self.search_field.setPlaceholderText(self.tr("Search passages  (Ctrl+K)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMinimumWidth(360)
        self.search_field.textChanged.connect(self._search_typed)
        self.search_field.returnPressed.connect(self.search_page.open_current)
        self.search_field.installEventFilter(self)
        self.store_label = QLabel()
        self.store_label.setObjectName("storeLabel")
        self.statusBar().addPermanentWidget(self.store_label)
        self.background_retag = BackgroundRetag(self._retag_finished, self.show_problem)
        self.statusBar().addPermanentWidget(self.background_retag)
        self.background_index = BackgroundIndex(self._index_finished, self.show_problem)
        self.statusBar().addPermanentWidget(self.background_index)
        self.window_actions = main_menus.build_actions(self)
        main_menus.build_menus(self)
        main_menus.build_toolbar(self)
        self.loader = NavigatorLoader(self.ws, self.navigator, self.show_problem, self)
        self.loader.topic_counts_loaded.connect(self.topic_counts_loaded)
        self.loader.sources_listed.connect(self._sources_listed)
        self.loader.open_store()
        self._show_store_label()
        self.restore_state()

    # -- loading and navigation -------------------------------------------------------------
    def reload(self, *, sources_changed: bool = True, wait: bool = True) -> None:
        """Refill the navigator (``navigator_loader``: with ``wait`` false, on a worker)."""
        self.loader.reload(sources_changed=sources_changed, wait=wait)

    def _briefs(self) -> list[BriefSummary]:
        return self.loader.briefs()

    def reload_briefs(self) -> None:
        """Only the briefs changed (every edit in the brief editor): re-list them and keep
        the topics and sources already shown, instead of re-reading the whole library."""
        self.navigator.set_briefs(self._briefs())

    def _changed(self, changes: Changes) -> None:
        if changes.sources or changes.passages:
            # the ranking index follows an import or a deletion (a store that has none yet
            # gets it when opened: warn_about_store)
            self.background_index.start(self.ws.store, only_if_present=True)
        if changes.store:
            self.loader.open_store()
        elif changes.sources or changes.topics or changes.passages:
            self.reload(sources_changed=changes.sources, wait=False)
        elif changes.briefs and changes.initiator is not self:
            self.reload_briefs()  # the window's own (a new brief) are in the navigator
        if changes.store:
            self._show_store_label()

    def _navigate(self, key: str, value: object) -> None:
        # Remembered at once (not only on a clean quit), so it survives a crash or kill -9.
        settings = QSettings()
        settings.setValue("navigator/selection", key)
        settings.sync()
        kind, _, ident = key.partition(":")
        if kind == "topic":
            # what the navigator's count counts: passages on the topic, no passing mentions
            self.board.show_topic(value, mentions=False)  # type: ignore[arg-type]
            self._show_page(self.board)
        elif kind == "source":
            self.reader.show_source(int(ident))
            self._show_page(self.reader)
        elif key == "section:coverage":
            self._show_page(self.coverage_page)
        elif key == "section:asks":
            self.open_asks()
        elif kind == "brief":
            fresh = self._fresh_brief
            view = fresh if fresh is not None and fresh.id == int(ident) else None
            self.editor.show_brief(int(ident), view=view)
            self._show_page(self.editor)
        elif key == "section:briefs":
            self.editor.show_brief(None)
            self._show_page(self.editor)
        elif key == "section:topics":
            self._show_page(self.board)
        else:
            self._show_page(self.reader)

    def focus_page(self) -> None:
        """Focus the page on show (Ctrl+2, and Escape in the search field)."""
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    def _show_page(self, page: QWidget) -> None:
        if page is not self.stack.currentWidget():
            self.statusBar().clearMessage()  # a message about the last page is stale here
        self.stack.setCurrentWidget(page)
        self.apply_tab_order()
        self._update_brief_actions()
        if page is not self.search_page:
            self._before_search = None

    def focusNextPrevChild(self, next: bool) -> bool:
        """Every Tab or Shift+Tab in the window ends here: put the chain in reading order
        first, since pages add widgets as they fill (sections, asks, points)."""
        self.apply_tab_order()
        return super().focusNextPrevChild(next)

    def apply_tab_order(self) -> None:
        """Tab in reading order: search field, navigator, then the page shown."""
        page = self.stack.currentWidget()
        if page is None:
            return
        inside = page.tab_chain() if hasattr(page, "tab_chain") else focus_children(page)
        order = [self.search_field, self.navigator, *inside]
        known = {id(w) for w in order}
        chain([*order, *(w for w in focus_children(self) if id(w) not in known)])

    def open_passage(self, source_id: int, passage_id: int) -> None:
        if not self.navigator.select_key(f"source:{source_id}"):
            self._show_page(self.reader)  # an earlier version: not listed, still readable
        self.reader.show_passage(source_id, passage_id)
        self.reader.view.setFocus()

    def open_hit(self, hit: SearchHit) -> None:
        self.open_passage(hit.source_id, hit.passage_id)

    def open_brief(self, brief_id: int) -> None:
        if not self.navigator.select_key(f"brief:{brief_id}"):
            self.editor.show_brief(brief_id)
            self._show_page(self.editor)

    def go_to_quote(self, quote: QuoteView) -> None:
        """Open the reader at the quoted words."""
        if not self.navigator.select_key(f"source:{quote.source.id}"):
            self._show_page(self.reader)  # a quote taken from an earlier version
        self.reader.show_span(quote.source.id, quote.start, quote.end)
        self.reader.view.setFocus()

    def open_asks(self, topic_id: int | None = None) -> None:
        """The asks ledger: of ``topic_id``, else of the topic on the board, else of all."""
        if topic_id is None and self.stack.currentWidget() is self.board and self.board.topic:
            topic_id = self.board.topic.id
        self.asks_page.show_topic(topic_id)
        self._show_page(self.asks_page)

    def open_coverage_cell(self, topic_id: int, source_id: int) -> None:
        """The topic board for one topic, showing one source's passages."""
        if self.navigator.select_key(f"topic:{topic_id}") and self.board.topic is not None:
            self.board.show_topic(self.board.topic, source_id, mentions=False)

    # -- briefs -----------------------------------------------------------------------------
    def _current_brief(self) -> int | None:
        return self.editor.brief_id if self.stack.currentWidget() is self.editor else None

    def _update_brief_actions(self) -> None:
        """Brief actions are enabled when a brief is open and, where the editor has a button
        for the same thing, exactly when that button is."""
        actions = getattr(self, "window_actions", None)
        if actions is None:  # still being built
            return
        on = self._current_brief() is not None
        buttons = {
            actions.draft: self.editor.draft_button,
            actions.accept_all: self.editor.accept_all_button,
            actions.versions: self.editor.versions_button,
            actions.export: self.editor.export_button,
            actions.preview: self.editor.preview_button,
        }
        for a in actions.brief:
            button = buttons.get(a)
            a.setEnabled(on and (button is None or button.isEnabled()))

    def new_brief(
        self, title: str | None = None, meeting_date: date | None = None, *, wait: bool = True
    ) -> int | None:
        """Create a brief and open it; without a title, the New Brief dialog asks for one
        (and the meeting date) and the brief is made when the officer presses OK.

        From the dialog (``wait`` false) the brief is made on the write pool, and the
        window shows it when it is in (``_brief_created``): in a large store the write and
        the reads of the new brief and the list of briefs took 90-170 ms of the UI thread.
        With ``wait`` (a script, a test) it is made at once and its id returned."""
        if title is None:
            dialog = NameDialog(
                self,
                self.tr("New Brief"),
                self.tr("Meeting or title"),
                placeholder=self.tr("e.g. EU–Japan Digital Partnership Council"),
                with_date=True,
                object_name="newBriefDialog",
            )
            dialog.named.connect(lambda t, d: self.new_brief(t, d, wait=False))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            return None
        fields = {"meeting_date": meeting_date} if meeting_date else {}
        if not wait:
            self._create_brief(ops.CreateBrief(title, fields))
            return None
        command = perform(self.ws, ops.CreateBrief(title, fields))
        if command is None:
            return None
        brief_id = command.inverse.brief_id  # type: ignore[union-attr]
        self.open_brief(brief_id)
        return brief_id

    def _create_brief(self, op: ops.CreateBrief) -> workers.Worker:
        """Make the brief on the write pool; meanwhile the status bar says so (and the busy
        cursor shows after 200 ms), and the window stays usable."""
        store = self.ws.store
        worker = workers.Worker(_made_brief, store, op)
        self._brief_workers.add(worker)  # alive until it reports
        worker.signals.result.connect(lambda made: self._brief_created(store, op, made))
        worker.signals.error.connect(lambda exc: self._brief_failed(store, exc))
        worker.signals.finished.connect(lambda: self._brief_workers.discard(worker))
        self.statusBar().showMessage(self.tr("Creating “{title}”…").format(title=op.title))
        return workers.start(worker, writes=True, owner=self)

    def _brief_created(self, store: Store, op: ops.CreateBrief, made: _MadeBrief) -> None:
        """The brief is in: on the undo stack, in the navigator and open in the editor, from
        what the worker read (nothing is read here)."""
        if store is not self.ws.store:
            return  # another store was opened meanwhile; the brief is in the one it was for
        applied, brief, briefs = made
        self.ws.push(OperationCommand(self.ws, op, applied))
        self.navigator.set_briefs(briefs)
        # the window is the initiator: its navigator is up to date already (_changed)
        self.ws.bus.notify(applied.changes.by(self))
        self._fresh_brief = brief
        self.open_brief(brief.id)
        self._fresh_brief = None
        # after the page changed (which clears the status bar's message about the last one)
        self.statusBar().showMessage(self.tr("Created “{title}”").format(title=brief.title), 3000)

    def _brief_failed(self, store: Store, exc: object) -> None:
        self.statusBar().clearMessage()
        if store is self.ws.store:
            self.show_problem(str(exc))

    def duplicate_brief(self, brief_id: int | None = None) -> int | None:
        brief_id = brief_id or self._current_brief()
        if brief_id is None:
            return None
        command = perform(self.ws, ops.DuplicateBrief(brief_id))
        if command is None:
            return None
        new_id = command.inverse.brief_id  # type: ignore[union-attr]
        self.open_brief(new_id)
        return new_id

    def rename_brief(self, brief_id: int | None = None, title: str | None = None) -> bool:
        brief_id = brief_id or self._current_brief()
        if brief_id is None:
            return False
        if title is None:
            current = next((b.title for b in self._briefs() if b.id == brief_id), "")
            title, ok = QInputDialog.getText(
                self, self.tr("Rename Brief"), self.tr("Title:"), text=current
            )
            if not ok:
                return False
        return perform(self.ws, ops.UpdateBriefFields(brief_id, {"title": title})) is not None

    def delete_brief(self, brief_id: int | None = None, *, confirm: bool = True) -> bool:
        """Delete a brief after confirmation (undoable, versions included)."""
        brief_id = brief_id or self._current_brief()
        if brief_id is None:
            return False
        if confirm:
            title = next((b.title for b in self._briefs() if b.id == brief_id), "")
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Delete Brief"),
                self.tr("Delete “{title}” and its versions? You can undo this.").format(
                    title=title
                ),
                QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("confirmDeleteBrief")
            delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
            delete.setObjectName("confirmDelete")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not delete:
                return False
        if perform(self.ws, ops.DeleteBrief(brief_id)) is None:
            return False
        self.navigator.select_key("section:briefs")
        return True

    def _navigator_menu(self, key: str, value: object, pos: QPoint) -> None:
        kind, _, ident = key.partition(":")
        menu = QMenu(self)
        menu.addAction(self.window_actions.new_brief)
        if kind == "brief":
            bid = int(ident)
            menu.addSeparator()
            menu.addAction(self.tr("Open"), lambda: self.open_brief(bid))
            menu.addAction(self.tr("Duplicate"), lambda: self.duplicate_brief(bid))
            menu.addAction(self.tr("Rename…"), lambda: self.rename_brief(bid))
            menu.addSeparator()
            menu.addAction(self.tr("Delete…"), lambda: self.delete_brief(bid))
        elif key not in ("section:briefs", ""):
            return
        menu.exec(pos)
        menu.deleteLater()

    def _editor_dialog(self, name: str) -> None:
        dialogs: dict[str, Callable[[], object]] = {
            "draft": self.open_draft,
            "versions": self.open_versions,
            "export": self.open_export,
            "new": self.new_brief,
        }
        dialogs[name]()

    def _open(self, dialog: _Dialog) -> _Dialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_quote_dialog(
        self, source_id: int, start: int, end: int, topic_names: Iterable[str] = ()
    ) -> QuoteDialog | None:
        """“Quote in brief…” for a span; the brief open in the editor is the default."""
        try:
            dialog = QuoteDialog(
                self.ws,
                source_id,
                start,
                end,
                list(topic_names),
                self.editor.brief_id,
                self,
            )
        except BrieferError as exc:
            self.show_problem(str(exc))
            return None
        dialog.quoted.connect(lambda bid: self.statusBar().showMessage(self.tr("Quoted"), 3000))
        return self._open(dialog)

    def open_draft(self) -> DraftDialog | None:
        if self.editor.brief_id is None:
            return None
        brief = self.editor.brief  # what the window shows: the dialog reads nothing more
        listed = self.loader.topics or None
        in_brief = [s.topic_id for s in brief.sections] if brief is not None else None
        dialog = DraftDialog(
            self.ws, self.editor.brief_id, self, topic_list=listed, in_brief=in_brief
        )
        return self._open(dialog)

    def open_versions(self) -> VersionsDialog | None:
        if self.editor.brief_id is None:
            return None
        self.editor.commit_pending()
        return self._open(VersionsDialog(self.ws, self.editor.brief_id, self))

    def open_export(self) -> ExportDialog | None:
        if self.editor.brief_id is None:
            return None
        self.editor.commit_pending()
        return self._open(ExportDialog(self.ws, self.editor.brief_id, self))

    # -- search -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search_typed(self, text: str) -> None:
        if text.strip():
            if self.stack.currentWidget() is not self.search_page:
                self._before_search = self.stack.currentWidget()
                self.stack.setCurrentWidget(self.search_page)
        elif self._before_search is not None:
            self.stack.setCurrentWidget(self._before_search)
            self._before_search = None
        self.search_page.set_query(text)

    def _results_shown(self, count: int) -> None:
        if self.search_page.query:
            self.statusBar().showMessage(counted(count, "{n} result", "{n} results"), 3000)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """In the search field: Down goes to the results, Escape clears. An editor button
        enabled or disabled takes its menu action along."""
        if event.type() == QEvent.Type.EnabledChange and obj in self._action_buttons:
            self._update_brief_actions()
        if (
            obj is self.search_field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Down and self.search_page.model.rowCount():
                self.stack.setCurrentWidget(self.search_page)
                self.search_page.results.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.search_field.clear()
                self.focus_page()
                return True
        return super().eventFilter(obj, event)

    # -- import -----------------------------------------------------------------------------
    def choose_import(self) -> QFileDialog:
        """File › Import: a file dialog whose first filter is every supported document."""
        dialog = QFileDialog(self, self.tr("Import Sources"))
        dialog.setObjectName("importFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setNameFilters(import_filter().split(";;"))
        dialog.filesSelected.connect(lambda files: self.open_import([Path(p) for p in files]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_import(self, paths: list[Path] = (), documents: list = ()) -> ImportDialog:  # type: ignore[assignment]
        dialog = ImportDialog(self.ws, paths, documents, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def paste_source(self) -> ImportDialog | None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.show_problem(self.tr("The clipboard holds no text to import."))
            return None
        try:
            doc = read_text(text, origin=self.tr("Pasted text"))
        except BrieferError as exc:
            self.show_problem(str(exc))
            return None
        return self.open_import(documents=[doc])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            self._show_drop_hint(True)

    def dragLeaveEvent(self, event: QEvent) -> None:
        self._show_drop_hint(False)
        super().dragLeaveEvent(event)  # type: ignore[arg-type]

    def _show_drop_hint(self, show: bool) -> None:
        """While files are dragged over the window, say what dropping them does."""
        if show:
            hint = self.drop_hint
            central = self.centralWidget()
            if central is not None:
                hint.setGeometry(central.geometry().adjusted(24, 24, -24, -24))
            hint.raise_()
            hint.show()
        else:
            self.drop_hint.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_drop_hint(False)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_import(paths)

    # -- messages ---------------------------------------------------------------------------
    def show_problem(self, message: str) -> None:
        """A problem the officer must see; window-modal but not blocking the event loop."""
        self.statusBar().showMessage(message, 8000)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Briefer"),
            message,
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("problemDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _open_log_folder(self) -> None:
        from briefer.ui.crash import log_path

        folder = log_path().parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- state ------------------------------------------------------------------------------
    def _select_default(self) -> None:
        if not self.loader.sources_ready:  # a large store: once its sources are listed
            self.navigator.expect_key("")
            return
        first_source = self.navigator.nav_model.first_key("source")
        if not (first_source and self.navigator.select_key(first_source)):
            self.navigator.select_key("section:topics")
            if not first_source:  # an empty store: say what to do first
                self._show_page(self.welcome_page)

    def restore_state(self) -> None:
        s = QSettings()
        if s.value("window/geometry"):
            self.restoreGeometry(s.value("window/geometry"))
        else:
            self.resize(1400, 900)
        if s.value("window/state"):
            self.restoreState(s.value("window/state"))
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("reader/splitter", self.reader.splitter),
            ("board/splitter", self.board.splitter),
            ("editor/splitter", self.editor.splitter),
        ):
            if s.value(key):
                splitter.restoreState(s.value(key))
        last = str(s.value("navigator/selection", "") or "")
        if last and self.navigator.select_key(last):
            return
        if last.startswith("source:") and not self.loader.sources_ready:
            # the last view at once; its row is selected when the sources are listed
            self.navigator.expect_key(last)
            self._navigate(last, None)
            return
        self._select_default()

    def _sources_listed(self) -> None:
        if self.navigator.waiting_for == "":  # no view chosen meanwhile: the default
            self._select_default()

    def save_state(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("reader/splitter", self.reader.splitter.saveState())
        s.setValue("board/splitter", self.board.splitter.saveState())
        s.setValue("editor/splitter", self.editor.splitter.saveState())
        s.setValue("navigator/selection", self.navigator.current_key())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.first_shown.emit()

    def _index_finished(self) -> None:
        """The ranking index is current: a search shown meanwhile ranked the newest matches
        only, so it is run again."""
        if self.search_page.query:
            self.search_page.set_query(self.search_page.query, immediate=True)

    def _retag_finished(self) -> None:
        done = self.tr("Topics updated with this version's new aliases")
        self.statusBar().showMessage(done, 8000)
        self.ws.bus.notify(Changes(topics=True, passages=True))

    def closeEvent(self, event: QEvent) -> None:
        self.background_retag.stop(wait=True)  # after its current batch; the rest next time
        self.background_index.stop(wait=True)  # after its current source; the rest next time
        self.save_state()
        super().closeEvent(event)  # type: ignore[arg-type]

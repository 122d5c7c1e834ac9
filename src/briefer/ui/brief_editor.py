"""The brief editor page: header, sections in order, quote cards, and the brief's commands.

Everything shown comes from ``briefs.reads``; every edit is an operation pushed through
:func:`brief_commands.perform` (one transaction, one undo step). After an edit of the brief
on show, the page re-reads only what the edit's ``Changes`` name (the brief's own fields and
the changed sections, ``reads.refresh_brief``) and updates its widgets in place; other
section widgets are left alone. A change it cannot narrow down (another officer's, an ask
decision) reloads the brief.
"""

from __future__ import annotations

import re
from functools import partial

from briefer.briefs import operations as ops
from briefer.briefs import reads, verify
from briefer.briefs.changes import Changes
from briefer.briefs.model import BriefView, QuoteView
from briefer.briefs.verify import QuoteCheck
from briefer.errors import BrieferError, NotFoundError
from briefer.export import ExportOptions, render_markdown
from briefer.library import topics
from briefer.ui import theme, workers
from briefer.ui.brief_commands import OperationCommand, perform
from briefer.ui.brief_header import BriefHeader
from briefer.ui.flow_layout import FlowLayout
from briefer.ui.navigator_model import format_date
from briefer.ui.qt import (
    QFrame,
    QLabel,
    QMenu,
    QModelIndex,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTextBrowser,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.section_outline import SectionOutline, SectionOutlineModel
from briefer.ui.section_widget import SectionWidget
from briefer.ui.tab_order import focus_children
from briefer.ui.wording import counted
from briefer.ui.workspace import Workspace

_CELL_CITATION = re.compile(r"<br><sub>(.*?)</sub>")


def preview_markdown(markdown: str) -> str:
    """The export's Markdown made safe for Qt's renderer, which stops at ``<br>`` in tables."""
    return _CELL_CITATION.sub(r" — *\1*", markdown).replace("<br>", " / ")


class BriefEditor(QWidget):
    """Edits one brief (:meth:`show_brief`); empty, it invites the officer to start one."""

    #: the officer wants to read a quote in its source
    go_to_source = Signal(object)  # QuoteView
    #: asks the window for a dialog: "draft", "versions", "export", "new"
    dialog_requested = Signal(str)
    #: Verify Quotes is done: the list of QuoteCheck
    verified = Signal(object)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefEditor")
        self.setAccessibleName(self.tr("Brief editor"))
        self.ws = ws
        self.brief: BriefView | None = None
        self.sections: dict[int, SectionWidget] = {}
        self._verifier: workers.Worker | None = None  # Verify Quotes while it runs

        head = self._build_head()
        self._build_body()
        self._build_splitter(self._build_outline())
        self._build_empty()
        self.content = QWidget()
        cv = QVBoxLayout(self.content)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(0)
        cv.addLayout(head)
        cv.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content)
        layout.addWidget(self.empty)
        ws.bus.changed.connect(self._changed)
        self.show_brief(None)

    def _build_head(self) -> QVBoxLayout:
        """The title, the summary and the row of buttons."""
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.add_section_button = self._button(self.tr("Add Section"), "addSection")
        self.add_menu = QMenu(self)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_section_button.setMenu(self.add_menu)
        self.add_section_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.draft_button = self._button(self.tr("Draft Sections…"), "draftSections")
        self.draft_button.clicked.connect(lambda: self.dialog_requested.emit("draft"))
        self.accept_all_button = self._button(self.tr("Accept All"), "acceptAll")
        self.accept_all_button.setToolTip(self.tr("Accept every suggestion in the brief"))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.verify_button = self._button(self.tr("Verify Quotes"), "verifyQuotes")
        self.verify_button.setToolTip(
            self.tr("Check every quote against its source; flag the ones whose source changed")
        )
        self.verify_button.clicked.connect(self.verify_quotes)
        self.front_button = self._button(self.tr("Front Page…"), "frontPage")
        self.front_button.setToolTip(self.tr("Purpose, key messages, attendees, marking…"))
        self.front_button.clicked.connect(self.edit_front_page)
        self.versions_button = self._button(self.tr("Versions…"), "versions")
        self.versions_button.clicked.connect(lambda: self.dialog_requested.emit("versions"))
        self.export_button = self._button(self.tr("Export…"), "export")
        self.export_button.clicked.connect(lambda: self.dialog_requested.emit("export"))
        self.preview_button = self._button(self.tr("Preview"), "previewToggle")
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(self.tr("Show the brief as it will read, beside the editor"))
        self.preview_button.toggled.connect(self.set_preview_visible)

        head = QVBoxLayout()
        head.setContentsMargins(28, 16, 20, 10)
        head.setSpacing(4)
        head.addWidget(self.title)
        # The summary reads on its own line; the buttons get the next one, so a narrow
        # window never squeezes the summary to one word per line.
        head.addWidget(self.subtitle)
        row = FlowLayout(spacing=6)
        self._command_buttons = (
            self.add_section_button,
            self.draft_button,
            self.accept_all_button,
            self.verify_button,
            self.front_button,
            self.versions_button,
            self.export_button,
            self.preview_button,
        )
        for b in self._command_buttons:
            row.addWidget(b)
        head.addLayout(row)
        return head

    def _build_outline(self) -> QWidget:
        """The outline of sections (drag to reorder)."""
        self.outline_model = SectionOutlineModel(self)
        self.outline_model.move_requested.connect(
            lambda sid, pos: self.edit(ops.MoveSection(sid, pos))
        )
        self.outline = SectionOutline()
        self.outline.setModel(self.outline_model)
        self.outline.clicked.connect(self._outline_clicked)
        self.outline.activated.connect(self._outline_clicked)
        outline_box = QWidget()
        outline_box.setObjectName("outlinePane")
        ov = QVBoxLayout(outline_box)
        ov.setContentsMargins(12, 8, 6, 12)
        caption = QLabel(self.tr("Sections"))
        caption.setObjectName("sectionLabel")
        hint = QLabel(self.tr("Drag or Ctrl+↑/↓ to reorder"))
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        ov.addWidget(caption)
        ov.addWidget(self.outline, 1)
        ov.addWidget(hint)
        return outline_box

    def _build_body(self) -> None:
        """The scrolling body: the brief header, then one card per section."""
        self.header = BriefHeader()
        self.header.edited.connect(self._header_edited)
        self.body = QWidget()
        self.body.setObjectName("briefBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(20, 6, 20, 24)
        self.body_layout.setSpacing(16)
        self.body_layout.addWidget(self.header)
        self.sections_layout = QVBoxLayout()
        self.sections_layout.setSpacing(16)
        self.body_layout.addLayout(self.sections_layout)
        self.no_sections = QLabel(
            self.tr(
                "No sections yet. Add one for a topic, or let Briefer draft sections from "
                "your tagged sources."
            )
        )
        self.no_sections.setObjectName("pageSubtitle")
        self.no_sections.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_sections.setWordWrap(True)
        self.body_layout.addWidget(self.no_sections)
        self.body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("briefScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields
        self.scroll_area.setWidget(self.body)

    def _build_splitter(self, outline_box: QWidget) -> None:
        """The preview beside the body and the outline, in one splitter."""
        self.preview = QTextBrowser()
        self.preview.setObjectName("briefPreview")
        self.preview.setOpenExternalLinks(False)
        self.preview.hide()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self.refresh_preview)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(outline_box)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900, 420])

    def _build_empty(self) -> None:
        """The page shown with no brief open: what a brief is, and New Brief."""
        self.empty = QWidget()
        ev = QVBoxLayout(self.empty)
        ev.addStretch(2)
        pic = QLabel()
        pic.setPixmap(theme.icon("brief").pixmap(48, 48))
        pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(self.tr("Briefs"))
        heading.setObjectName("pageTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "A brief sets industry positions beside official outcomes, topic by topic, "
                "with your assessment and lines to take. Choose one in the navigator or start one."
            )
        )
        text.setObjectName("pageSubtitle")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(480)
        new = QPushButton(self.tr("New Brief…"))
        new.setObjectName("newBriefButton")
        new.clicked.connect(lambda: self.dialog_requested.emit("new"))
        ev.addWidget(pic)
        ev.addWidget(heading)
        ev.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        ev.addWidget(new, 0, Qt.AlignmentFlag.AlignHCenter)
        ev.addStretch(3)

    def _button(self, text: str, name: str) -> QToolButton:
        b = QToolButton()
        b.setObjectName(name)
        b.setText(text)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return b

    def edit_front_page(self) -> None:
        """The front page and marking dialog (ui/front_page_editor.py)."""
        from briefer.ui.front_page_editor import FrontPageEditor

        if self.brief is not None:
            self.commit_pending()
            FrontPageEditor(self.ws, self.brief, self).open()

    # -- loading ----------------------------------------------------------------------------
    @property
    def brief_id(self) -> int | None:
        return self.brief.id if self.brief else None

    def show_brief(self, brief_id: int | None, *, view: BriefView | None = None) -> bool:
        """Open a brief (None: the empty page); False if it cannot be read. ``view``: the
        brief as just read elsewhere (a worker), shown without reading it again."""
        self.commit_pending()
        brief = None
        if view is not None and view.id == brief_id:
            brief = view
        elif brief_id is not None:
            brief = self.ws.attempt(lambda: reads.get_brief(self.ws.store, brief_id))
        if brief is None or brief.id != self.brief_id:
            for w in self.sections.values():
                w.deleteLater()
            self.sections = {}
            self.scroll_area.verticalScrollBar().setValue(0)
        self._load(brief)
        return brief is not None or brief_id is None

    def reload(self) -> None:
        if self.brief is None:
            return
        brief = self.ws.attempt(lambda: reads.get_brief(self.ws.store, self.brief_id))  # type: ignore[arg-type]
        self._load(brief)

    def _load(self, brief: BriefView | None) -> None:
        self.brief = brief
        if brief is not None:  # edits are based on what is on screen (team stores)
            self.ws.seen[brief.id] = brief.revision
        self.content.setVisible(brief is not None)
        self.empty.setVisible(brief is None)
        if brief is None:
            self.outline_model.set_sections([])
            return
        self.title.setText(brief.title)
        quotes = [q for s in brief.sections for q in s.quotes]
        suggested = sum(1 for q in quotes if q.suggested)
        parts = [
            format_date(brief.meeting_date),
            brief.venue,
            counted(len(brief.sections), "{n} section", "{n} sections"),
            counted(len(quotes), "{n} quote", "{n} quotes"),
        ]
        if suggested:
            parts.append(
                counted(suggested, "{n} suggestion to review", "{n} suggestions to review")
            )
        self.subtitle.setText("  ·  ".join(p for p in parts if p))
        self.accept_all_button.setEnabled(suggested > 0)
        self.header.load(brief)
        self.header.objectives.journal_to(self.ws.journal, ("brief", brief.id, "objectives"))
        self.header.scene_setter.journal_to(self.ws.journal, ("brief", brief.id, "scene_setter"))
        current = self.outline.currentIndex().row()
        self.outline_model.set_sections(brief.sections)
        if 0 <= current < self.outline_model.rowCount():
            self.outline.setCurrentIndex(self.outline_model.index(current, 0))
        self._load_sections(brief)
        if self.preview.isVisible():
            self._preview_timer.start()

    def _load_sections(self, brief: BriefView) -> None:
        wanted = [s.id for s in brief.sections]
        for sid in list(self.sections):
            if sid not in wanted:
                w = self.sections.pop(sid)
                self.sections_layout.removeWidget(w)
                w.deleteLater()
        for i, section in enumerate(brief.sections):
            found = self.sections.get(section.id)
            if found is None:
                w = SectionWidget(section)
                w.edit.connect(self.edit)
                w.go_to_source.connect(self.go_to_source)
                w.step.connect(self._step_section)
                for name, field in (
                    ("assessment_comment", w.comment),
                    ("background", w.background),
                    ("notes", w.notes),
                ):
                    field.journal_to(self.ws.journal, ("section", section.id, name))
                self.sections[section.id] = w
            else:
                w = found
                if w.section is not section:  # a section the edit did not change is kept
                    w.load(section)
            if self.sections_layout.indexOf(w) != i:
                self.sections_layout.removeWidget(w)
                self.sections_layout.insertWidget(i, w)
        self.no_sections.setVisible(not brief.sections)

    def tab_chain(self) -> list[QWidget]:
        """The editor in reading order: its commands, the outline, the meeting details,
        then each section as it reads (heading, quotes, assessment, points, notes)."""
        h = self.header
        return [
            *self._command_buttons,
            self.outline,
            h.title,
            h.date,
            h.venue,
            h.author,
            h.organisation,
            h.marking,
            h.objectives,
            h.scene_setter,
            *(w for section in self.section_widgets() for w in focus_children(section)),
            self.preview,
        ]

    def _changed(self, changes: Changes) -> None:
        if changes.store:
            self.show_brief(None)
            return
        brief = self.brief
        if brief is None:
            return
        if brief.id in changes.deleted_ids:
            self.show_brief(None)
        elif changes.brief_changed(brief.id):
            if changes.brief_ids and changes.section_ids is not None:
                self._refresh(changes.section_ids, layout=brief.id in changes.layout)
            else:  # not narrowed down (another officer, an ask decision): read it all
                self._reread()
        elif changes.sources or changes.passages:
            self.reload()  # a cited source's title or passages may have changed

    def _refresh(self, section_ids: frozenset[int], *, layout: bool) -> None:
        """Re-read the brief's own fields and only the sections an edit changed."""
        assert self.brief is not None
        old = self.brief
        try:
            fresh = reads.refresh_brief(self.ws.store, old, section_ids, layout=layout)
        except NotFoundError:
            self.show_brief(None)
            return
        except BrieferError as exc:
            self.ws.problem.emit(str(exc))
            return
        self._load(fresh)

    def _reread(self) -> None:
        """Read the brief again; the empty page if it is gone."""
        assert self.brief is not None
        brief_id = self.brief.id
        try:
            fresh = reads.get_brief(self.ws.store, brief_id)
        except NotFoundError:
            self.show_brief(None)
            return
        except BrieferError as exc:
            self.ws.problem.emit(str(exc))
            return
        self._load(fresh)

    # -- public edits -----------------------------------------------------------------------
    def edit(self, op: ops.Operation) -> OperationCommand | None:
        """Apply an operation as one undoable step (its ``Changes`` update the page)."""
        return perform(self.ws, op, initiator=self)

    def section_widget(self, section_id: int) -> SectionWidget:
        return self.sections[section_id]

    def section_widgets(self) -> list[SectionWidget]:
        """Section widgets in the brief's order."""
        if self.brief is None:
            return []
        return [self.sections[s.id] for s in self.brief.sections]

    def add_section(self, topic_id: int) -> OperationCommand | None:
        if self.brief is None:
            return None
        return self.edit(ops.AddSection(self.brief.id, topic_id))

    def accept_all(self) -> OperationCommand | None:
        if self.brief is None:
            return None
        return self.edit(ops.AcceptAllSuggestions(brief_id=self.brief.id))

    def verify_quotes(self) -> workers.Worker | None:
        """Check every quote against its source on a worker (a changed quote in a 20 MB
        source is a fuzzy match over its text); the button cancels while it runs. Then one
        undoable step when anything changed: moved quotes are re-anchored, changed ones get
        the warning badge. :attr:`verified` gives the checks."""
        if self._verifier is not None:  # the button reads "Cancel Verifying" now
            self._verifier.abort()
            return None
        if self.brief is None:
            return None
        brief_id, store = self.brief.id, self.ws.store

        def work(job: workers.Job) -> object:
            return verify.verify_operation(
                store, brief_id, progress=job.progress, cancelled=lambda: job.aborted
            )

        worker = workers.Worker(work)
        worker.signals.progress.connect(self._verify_progress)
        worker.signals.result.connect(lambda found: self._verified(brief_id, found))
        worker.signals.error.connect(self._verify_failed)
        self._verifier = worker
        self.verify_button.setText(self.tr("Cancel Verifying"))
        self.ws.message.emit(self.tr("Verifying quotes…"))
        return workers.start(worker, owner=self)

    def _verify_progress(self, done: int, total: int, _what: str) -> None:
        self.ws.message.emit(
            self.tr("Verifying quotes: {done} of {total}…").format(done=done, total=total)
        )

    def _verify_over(self) -> None:
        self._verifier = None
        self.verify_button.setText(self.tr("Verify Quotes"))

    def _verify_failed(self, exc: object) -> None:
        self._verify_over()
        if isinstance(exc, verify.Cancelled):  # the officer's own choice: no alarm
            self.ws.message.emit(self.tr("Cancelled: no quote was verified."))
            return
        self.ws.problem.emit(str(exc))

    def _verified(self, brief_id: int, found: object) -> None:
        self._verify_over()
        checks: list[QuoteCheck]
        op: ops.Operation
        checks, op = found  # type: ignore[misc]
        statuses = [c.status for c in checks]
        if self.brief is not None and self.brief.id == brief_id:
            shown = {q.id: q.status for q in self._quote_views()}
        else:
            shown = {}
        if any(c.status != "ok" or shown.get(c.quote_id) != "ok" for c in checks):
            perform(self.ws, op, initiator=self)
        self.ws.message.emit(
            self.tr("{ok} quotes verbatim, {moved} re-anchored, {changed} changed").format(
                ok=statuses.count("ok"),
                moved=statuses.count("moved"),
                changed=statuses.count("changed"),
            )
        )
        self.verified.emit(checks)

    def _quote_views(self) -> list[QuoteView]:
        if self.brief is None:
            return []
        return [q for s in self.brief.sections for q in s.quotes]

    def commit_pending(self) -> None:
        """Save text areas still waiting for their pause (before undo, export, switching)."""
        if self.brief is None:
            return
        self.header.commit_pending()
        for w in list(self.sections.values()):
            w.commit_pending()

    def scroll_to_section(self, section_id: int) -> None:
        w = self.sections.get(section_id)
        if w is not None:
            self.scroll_area.ensureWidgetVisible(w, 0, 0)
            self.scroll_area.verticalScrollBar().setValue(w.y() - 6)

    # -- preview ----------------------------------------------------------------------------
    def set_preview_visible(self, on: bool) -> None:
        if self.preview_button.isChecked() != on:
            self.preview_button.setChecked(on)
            return
        self.preview.setVisible(on)
        if on:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        """The brief as the Markdown export renders it (accepted quotes only)."""
        if self.brief is None:
            self.preview.clear()
            return
        brief = self.ws.attempt(
            lambda: reads.get_brief(self.ws.store, self.brief_id, include_suggested=False)  # type: ignore[arg-type]
        )
        if brief is None:
            return
        bar = self.preview.verticalScrollBar().value()
        self.preview.setMarkdown(
            preview_markdown(render_markdown(brief, ExportOptions(include_notes=True)))
        )
        self.preview.verticalScrollBar().setValue(bar)

    # -- internals --------------------------------------------------------------------------
    def _header_edited(self, change: dict) -> None:
        if self.brief is not None:
            self.edit(ops.UpdateBriefFields(self.brief.id, change))

    def _step_section(self, section_id: int, step: int) -> None:
        row = self.outline_model.row_of(section_id)
        if row >= 0 and 0 <= row + step < self.outline_model.rowCount():
            self.edit(ops.MoveSection(section_id, row + step))

    def _outline_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.scroll_to_section(self.outline_model.section(index.row()).id)

    def topics_not_in_brief(self) -> list[tuple[int, str]]:
        if self.brief is None:
            return []
        taken = {s.topic_id for s in self.brief.sections}
        found = self.ws.attempt(lambda: topics.list_topics(self.ws.store, counts=False)) or []
        return [(t.id, t.name) for t in found if t.id not in taken]

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        free = self.topics_not_in_brief()
        for topic_id, name in free:
            self.add_menu.addAction(name, partial(self.add_section, topic_id))
        if not free:
            self.add_menu.addAction(self.tr("Every topic has a section")).setEnabled(False)

"""Export a brief: Word (with an optional template), Markdown, or PDF when LibreOffice is there.

The brief is read on the UI thread (a frozen ``BriefView``) and written by a worker; when
the file is there the dialog offers to open it or show it in its folder.
"""

from __future__ import annotations

from pathlib import Path

from briefer.briefs import service
from briefer.export import (
    ExportOptions,
    ExportRefused,
    export_brief,
    format_of,
    libreoffice_available,
)
from briefer.ui import workers
from briefer.ui.qt import (
    QCheckBox,
    QComboBox,
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.ui.workspace import Workspace

FORMATS = (("docx", "Word document (.docx)"), ("md", "Markdown (.md)"), ("pdf", "PDF (.pdf)"))


def _export(job: workers.Job, brief: object, target: Path, fmt: str, options: object) -> Path:
    job.progress(0, 0, "")
    return export_brief(brief, target, fmt, options)  # type: ignore[arg-type]


_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_filename(title: str) -> str:
    """A file name made from a brief title that every OS accepts (no Windows device names)."""
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    name = "-".join(keep.split())[:80].strip("-_ ") or "brief"
    if name.split(".")[0].upper() in _RESERVED:
        name = f"brief-{name}"
    return name


class ExportDialog(QDialog):
    """Choices on top, progress and the result below."""

    exported = Signal(object)  # Path

    def __init__(self, ws: Workspace, brief_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Brief"))
        self.setMinimumWidth(560)
        self.ws = ws
        self.brief_id = brief_id
        self.worker: workers.Worker | None = None
        self.result_path: Path | None = None
        brief = service.get_brief(ws.store, brief_id)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for key, label in FORMATS:
            if key != "pdf" or libreoffice_available():
                self.format.addItem(self.tr(label), key)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path = QLineEdit(str(Path.home() / f"{safe_filename(brief.title)}.docx"))
        self.path.setObjectName("exportPath")
        self.path.editingFinished.connect(self._path_edited)
        self._note = ""
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.template = QLineEdit()
        self.template.setObjectName("exportTemplate")
        self.template.setPlaceholderText(self.tr("Briefer's own template"))
        self.template_button = QPushButton(self.tr("Choose…"))
        self.template_button.clicked.connect(self._browse_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.template_button)
        self.paper = QComboBox()
        self.paper.setObjectName("exportPaper")
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.landscape = QCheckBox(self.tr("Landscape"))
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper)
        paper_row.addWidget(self.landscape)
        paper_row.addStretch(1)
        self.toc = QCheckBox(self.tr("Table of contents"))
        self.notes = QCheckBox(self.tr("Include notes"))
        self.suggestions = QCheckBox(self.tr("Include suggestions not yet accepted"))
        self.suggestions.setObjectName("exportSuggestions")
        # The officer's choice for unreviewed text: refused (the default, with the list of
        # what to review), or exported with every such item marked DRAFT.
        self.draft = QCheckBox(self.tr("Mark as DRAFT (allows unreviewed text)"))
        self.draft.setObjectName("exportDraft")
        self.paragraph_numbers = QCheckBox(self.tr("Number paragraphs (3.1, 3.2…)"))
        self.paragraph_numbers.setObjectName("exportParagraphNumbers")
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Save as"), path_row)
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.tr("Paper"), paper_row)
        form.addRow("", self.toc)
        form.addRow("", self.notes)
        form.addRow("", self.suggestions)
        form.addRow("", self.draft)
        form.addRow("", self.paragraph_numbers)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("hintLabel")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button = self.buttons.addButton(
            self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = self.buttons.addButton(
            self.tr("Show in Folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.hide()
        self.folder_button.hide()
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_result)
        self.folder_button.clicked.connect(self.show_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._format_changed()

    def fmt(self) -> str:
        return str(self.format.currentData())

    def options(self) -> ExportOptions:
        template = self.template.text().strip()
        return ExportOptions(
            paper=self.paper.currentData(),
            landscape=self.landscape.isChecked(),
            toc=self.toc.isChecked(),
            include_notes=self.notes.isChecked(),
            template=Path(template) if template and self.fmt() != "md" else None,
            draft=self.draft.isChecked(),
            paragraph_numbers=self.paragraph_numbers.isChecked(),
        )

    def _format_changed(self) -> None:
        fmt = self.fmt()
        path = Path(self.path.text() or "brief")
        if format_of(path) != fmt:
            self.path.setText(str(path.with_suffix(f".{fmt}")))
        for w in (self.template, self.template_button):
            w.setEnabled(fmt != "md")

    def _path_edited(self) -> None:
        """A typed name ending in .docx, .md or .pdf chooses that format."""
        self._follow_extension(Path(self.path.text().strip()))

    def _follow_extension(self, target: Path) -> Path:
        """The target to write: the format follows a known ending; any other ending is
        replaced by the chosen format's, and :attr:`_note` says so (the rule of
        ``export.formats``; the command line refuses such a name instead)."""
        self._note = ""
        wanted = format_of(target)
        if wanted is not None:
            i = self.format.findData(wanted)
            if i >= 0:
                if i != self.format.currentIndex():
                    blocked = self.format.blockSignals(True)
                    self.format.setCurrentIndex(i)
                    self.format.blockSignals(blocked)
                    self._format_changed()
                return target
            self._note = self.tr(
                "PDF needs LibreOffice, which was not found; saved as {fmt} instead."
            ).format(fmt=self.format.currentText())
        elif target.suffix:
            self._note = self.tr(
                "“{suffix}” is not an export format; the file was named “{name}”."
            ).format(suffix=target.suffix, name=target.with_suffix(f".{self.fmt()}").name)
        fixed = target.with_suffix(f".{self.fmt()}")
        if fixed != target:
            self.path.setText(str(fixed))
        return fixed

    def _browse(self) -> None:
        fmt = self.fmt()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Brief"), self.path.text(), f"*.{fmt}"
        )
        if path:
            self.path.setText(str(Path(path).with_suffix(f".{fmt}")))

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Word Template"), "", self.tr("Word templates (*.docx *.dotx)")
        )
        if path:
            self.template.setText(path)

    def start(self) -> None:
        """Write the file on a worker thread."""
        if self.worker is not None:
            return
        target = Path(self.path.text().strip()).expanduser()
        if not target.name:
            self.ws.problem.emit(self.tr("Choose where to save the brief."))
            return
        target = self._follow_extension(target)
        brief = self.ws.attempt(
            lambda: service.get_brief(
                self.ws.store, self.brief_id, include_suggested=self.suggestions.isChecked()
            )
        )
        if brief is None:
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Writing {name}…").format(name=target.name))
        self.export_button.setEnabled(False)
        self.worker = workers.Worker(_export, brief, target, self.fmt(), self.options())
        self.worker.signals.result.connect(self._done)
        self.worker.signals.error.connect(self._failed)
        workers.start(self.worker, owner=self)

    def _done(self, path: Path) -> None:
        self.worker = None
        self.result_path = Path(path)
        self.progress.hide()
        self.export_button.setEnabled(True)
        saved = self.tr("Saved {path}").format(path=path)
        self.status.setText(f"{saved}\n{self._note}" if self._note else saved)
        self.open_button.show()
        self.folder_button.show()
        self.open_button.setDefault(True)
        self.ws.message.emit(self.tr("Exported {name}").format(name=Path(path).name))
        self.exported.emit(self.result_path)

    def _failed(self, exc: object) -> None:
        self.worker = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        text = str(exc)
        if isinstance(exc, ExportRefused):  # say how to export a DRAFT here: the checkbox
            text = exc.advice(self.tr("tick “Mark as DRAFT”"))
        self.status.setText(text)
        self.ws.problem.emit(text)

    def open_result(self) -> None:
        if self.result_path is not None and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.result_path))
        ):
            self.status.setText(
                self.tr(
                    "No program to open {suffix} files was found on this computer; "
                    "the brief is saved at {path}."
                ).format(suffix=self.result_path.suffix, path=self.result_path)
            )

    def show_folder(self) -> None:
        if self.result_path is not None and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.result_path.parent))
        ):
            self.status.setText(
                self.tr("No file manager was found; the brief is in {folder}.").format(
                    folder=self.result_path.parent
                )
            )

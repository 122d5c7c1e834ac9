"""Named versions of a brief: take one, compare one with the brief as it is, restore one.

Taking and restoring are operations on the undo stack like any other edit; the comparison
is read-only and shown section by section, colour-coded (added, removed, reworded).
"""

from __future__ import annotations

import html
from datetime import datetime

from briefer.briefs import versions
from briefer.briefs.operations import RestoreVersion, TakeVersion
from briefer.briefs.versions import BriefDiff, VersionInfo
from briefer.ui import theme
from briefer.ui.brief_commands import perform
from briefer.ui.date_field import format_day
from briefer.ui.name_dialog import NameDialog
from briefer.ui.qt import (
    QColor,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QLocale,
    QPalette,
    QPushButton,
    QSplitter,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTextBrowser,
    QTime,
    QVBoxLayout,
    QWidget,
)
from briefer.ui.wording import counted
from briefer.ui.workspace import Workspace

VersionRole = Qt.ItemDataRole.UserRole + 1
_FIELD_LABELS = {
    "title": "Title",
    "meeting_date": "Date",
    "venue": "Venue",
    "organisation": "Organisation",
    "author": "Prepared by",
    "marking": "Marking",
    "objectives": "Objectives",
    "scene_setter": "Scene setter",
    "heading": "Heading",
    "assessment": "Assessment",
    "assessment_comment": "Assessment comment",
    "background": "Background",
    "notes": "Notes",
    "lines_to_take": "Lines to take",
    "if_asked": "If asked",
}


def format_taken(when: datetime | None) -> str:
    """When a version was taken, in the window's language: "12 May 2025, 14:05", or
    "2025年5月12日 14:05" in Japanese (strftime wrote English month names in every language)."""
    if when is None:
        return ""
    time = QLocale().toString(QTime(when.hour, when.minute), "HH:mm")
    day = format_day(when.date())
    return (
        f"{day} {time}" if QLocale().language() == QLocale.Language.Japanese else f"{day}, {time}"
    )


def _t(text: str) -> str:
    return QCoreApplication.translate("VersionsDialog", text)


def diff_colors(palette: QPalette) -> dict[str, QColor]:
    """Added green, removed red, reworded amber: readable on light and dark palettes."""
    light = 0.72 if theme.is_dark(palette) else 0.32
    return {
        "added": QColor.fromHslF(130 / 360, 0.55, light),
        "removed": QColor.fromHslF(2 / 360, 0.65, light),
        "reworded": QColor.fromHslF(34 / 360, 0.8, light),
        "changed": QColor.fromHslF(34 / 360, 0.8, light),
        "accepted": QColor.fromHslF(130 / 360, 0.55, light),
    }


def diff_html(diff: BriefDiff, palette: QPalette) -> str:
    """The comparison as rich text: one block per section, one coloured line per change."""
    c = {k: v.name() for k, v in diff_colors(palette).items()}
    muted = theme.muted(palette).name()
    e = html.escape
    out = []

    def field_lines(fields: tuple) -> None:  # type: ignore[type-arg]
        for f in fields:
            name = e(_t(_FIELD_LABELS.get(f.field, f.field)))
            out.append(f"<p style='margin:2px 0 2px 14px'><b>{name}</b></p>")
            if f.old:
                out.append(f"<p style='margin:0 0 0 28px; color:{c['removed']}'>− {e(f.old)}</p>")
            if f.new:
                out.append(f"<p style='margin:0 0 0 28px; color:{c['added']}'>+ {e(f.new)}</p>")

    if diff.fields:
        out.append(f"<h3>{_t('Brief details')}</h3>")
        field_lines(diff.fields)
    changed = [s for s in diff.sections if s.changed]
    if not changed and not diff.fields:
        out.append(f"<p style='color:{muted}'>{_t('No changes since this version.')}</p>")
    labels = {"added": _t("added"), "removed": _t("removed"), "changed": _t("changed")}
    for s in changed:
        out.append(
            f"<h3 style='margin-top:14px'>{e(s.heading)} "
            f"<span style='color:{c[s.status]}; font-size:small'>· {labels[s.status]}</span></h3>"
        )
        for q in s.quotes:
            side = _t("Industry") if q.side == "industry" else _t("Official")
            if q.status == "added":
                text = f"+ {side}: “{e(q.new_text or '')}”"
            elif q.status == "removed":
                text = f"− {side}: “{e(q.old_text or '')}”"
            elif q.status == "accepted":
                text = "✓ " + _t("{side} suggestion accepted: “{text}”").format(
                    side=side, text=e(q.new_text or "")
                )
            else:
                words = e(q.diff)
                words = words.replace("[-", f"<s style='color:{c['removed']}'>").replace(
                    "-]", "</s>"
                )
                words = words.replace("{+", f"<u style='color:{c['added']}'>").replace("+}", "</u>")
                text = "~ " + _t("{side} reworded: “{words}”").format(side=side, words=words)
            out.append(f"<p style='margin:2px 0 2px 14px; color:{c[q.status]}'>{text}</p>")
        field_lines(s.fields)
    return "\n".join(out)


class VersionsDialog(QDialog):
    """Versions list on the left, the comparison with the current brief on the right."""

    def __init__(self, ws: Workspace, brief_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(self.tr("Versions"))
        self.resize(900, 560)
        self.ws = ws
        self.brief_id = brief_id
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("versionList")
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(lambda *_: self.compare_current())
        self.diff = QTextBrowser()
        self.diff.setObjectName("versionDiff")
        self.take_button = QPushButton(self.tr("Take Version…"))
        self.take_button.clicked.connect(lambda: self.take_version())
        self.restore_button = QPushButton(self.tr("Restore This Version"))
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.setToolTip(
            self.tr("Make the brief what it was at this version (Undo brings today's back)")
        )
        self.restore_button.clicked.connect(self.restore_current)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Versions"))
        caption.setObjectName("sectionLabel")
        left.addWidget(caption)
        left.addWidget(self.list, 1)
        left.addWidget(self.take_button)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        self.diff_caption = QLabel(self.tr("Changes since the version"))
        self.diff_caption.setObjectName("sectionLabel")
        right.addWidget(self.diff_caption)
        right.addWidget(self.diff, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        right.addLayout(row)
        right_box = QWidget()
        right_box.setLayout(right)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left_box)
        split.addWidget(right_box)
        split.setSizes([260, 640])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        found = self.ws.attempt(lambda: versions.list_versions(self.ws.store, self.brief_id)) or []
        self.model.clear()
        for v in reversed(found):  # newest first
            when = format_taken(v.taken_at)
            sections = counted(v.section_count, "{n} section", "{n} sections")
            item = QStandardItem(f"{v.name}\n{when} · {sections}")
            item.setData(v, VersionRole)
            item.setEditable(False)
            self.model.appendRow(item)
        row = 0
        if select is not None:
            row = next((r for r, v in enumerate(reversed(found)) if v.id == select), 0)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row, 0))
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        self.compare_current()

    def current_version(self) -> VersionInfo | None:
        idx = self.list.currentIndex()
        return idx.data(VersionRole) if idx.isValid() else None

    def take_version(self, name: str | None = None) -> int | None:
        """Take a named version now; without a name, the Take Version dialog asks for one
        and the version is taken when the officer presses OK."""
        if name is None:
            dialog = NameDialog(
                self,
                self.tr("Take Version"),
                self.tr("Name"),
                placeholder=self.tr("e.g. sent to cabinet"),
                object_name="takeVersionDialog",
                check=self._name_taken,
            )
            dialog.named.connect(lambda text, _d: self.take_version(text))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            return None
        command = perform(self.ws, TakeVersion(self.brief_id, name))
        if command is None:
            return None
        version_id = command.inverse.version_id  # type: ignore[union-attr]
        self.reload(version_id)
        return version_id

    def _name_taken(self, name: str) -> str:
        """Why a version name cannot be used: the brief has a version of that name (two
        alike could not be told apart in the list, or in `briefer brief versions`)."""
        wanted = " ".join(name.split()).casefold()
        for row in range(self.model.rowCount()):
            v = self.model.item(row).data(VersionRole)
            if " ".join(v.name.split()).casefold() == wanted:
                return self.tr(
                    "There is already a version named “{name}”: choose another name."
                ).format(name=v.name)
        return ""

    def compare_current(self) -> BriefDiff | None:
        v = self.current_version()
        if v is None:
            self.diff.setHtml(
                f"<p style='color:{theme.muted().name()}'>"
                + html.escape(self.tr("No versions yet. Take one before sending the brief on."))
                + "</p>"
            )
            return None
        diff = self.ws.attempt(
            lambda: versions.compare_brief(self.ws.store, self.brief_id, v.id), slow=True
        )
        if diff is None:
            return None
        self.diff_caption.setText(self.tr("Changes since “{name}”").format(name=v.name))
        self.diff.setHtml(diff_html(diff, self.palette()))
        return diff

    def restore_current(self) -> None:
        v = self.current_version()
        if v is None:
            return
        if perform(self.ws, RestoreVersion(self.brief_id, v.id)) is not None:
            self.ws.message.emit(self.tr("Restored “{name}”").format(name=v.name))
            self.compare_current()

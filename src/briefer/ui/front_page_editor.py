"""The brief's front page and marking: purpose, the ask, key messages, attendees, agenda,
handling, contact, clearance, reference; the language; marking scheme, level and caveats, copy
number and distribution. All optional.

One dialog, saved as one undoable edit (``UpdateBriefFields``) of only the fields changed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from briefer.briefs import markings
from briefer.briefs import operations as ops
from briefer.briefs.model import BriefView
from briefer.ui.brief_commands import perform
from briefer.ui.flow_layout import FlowLayout
from briefer.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from briefer.ui.workspace import Workspace

_SCHEMES = (("", "None (free text)"), ("uk", "UK"), ("eu", "EU"), ("jp", "Japan"))
#: The separator between an attendee's name and pen picture, one attendee per line.
PEN_SEPARATOR = " — "
#: Typed separators accepted between name and pen picture (a dash with spaces round it).
_PEN_SPLIT = re.compile(r"\s+[—–-]\s+|\s*—\s*")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def parse_attendees(text: str) -> list[dict[str, str]]:
    """'Name — pen picture' per line (the pen picture optional)."""
    out = []
    for line in _lines(text):
        parts = _PEN_SPLIT.split(line, maxsplit=1)
        name, pen = (parts[0], parts[1]) if len(parts) == 2 else (line, "")
        out.append({"name": name.strip(), "pen_picture": pen.strip()})
    return out


class FrontPageEditor(QDialog):
    """Edits the front page of ``brief``; Save applies the changed fields as one edit."""

    def __init__(self, ws: Workspace, brief: BriefView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frontPageEditor")
        self.setWindowTitle(self.tr("Front Page and Marking"))
        self.ws = ws
        self.brief = brief

        self.language = QComboBox()
        self.language.setObjectName("fpLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.purpose = self._text("fpPurpose", self.tr("Why the meeting takes place"))
        self.ask = self._text("fpAsk", self.tr("What the minister is asked to do or agree"))
        self.key_messages = self._text("fpKeyMessages", self.tr("One message per line (3–5)"))
        self.attendees = self._text(
            "fpAttendees", self.tr("One per line: Name - short pen picture")
        )
        self.agenda = self._text("fpAgenda", self.tr("One item per line"))
        self.handling = self._text("fpHandling", self.tr("Handling instructions"))
        self.contact_officer = self._line("fpContactOfficer")
        self.contact_phone = self._line("fpContactPhone")
        self.cleared_by = self._line("fpClearedBy")
        self.reference = self._line("fpReference")
        self.reference_date = self._line("fpReferenceDate", self.tr("YYYY-MM-DD"))

        self.scheme = QComboBox()
        self.scheme.setObjectName("fpScheme")
        for key, label in _SCHEMES:
            self.scheme.addItem(self.tr(label), key)
        self.level = QComboBox()
        self.level.setObjectName("fpLevel")
        self.level.setEditable(True)
        self.caveat_box = QWidget()
        self.caveat_layout = FlowLayout(self.caveat_box)  # the caveats wrap, never widen it
        self.caveat_layout.setContentsMargins(0, 0, 0, 0)
        self.caveats: dict[str, QCheckBox] = {}
        self.copy_number = self._line("fpCopyNumber", self.tr("e.g. 3 of 12"))
        self.distribution = self._text("fpDistribution", self.tr("One recipient per line"))
        self.rule = QLabel()
        self.rule.setObjectName("hintLabel")
        self.rule.setWordWrap(True)
        self.scheme.currentIndexChanged.connect(lambda _i: self._scheme_changed())

        front = QFormLayout()
        front.addRow(self.tr("Language"), self.language)
        front.addRow(self.tr("Purpose"), self.purpose)
        front.addRow(self.tr("The ask"), self.ask)
        front.addRow(self.tr("Key messages"), self.key_messages)
        front.addRow(self.tr("Attendees"), self.attendees)
        front.addRow(self.tr("Agenda"), self.agenda)
        front.addRow(self.tr("Handling"), self.handling)
        front.addRow(self.tr("Contact officer"), self.contact_officer)
        front.addRow(self.tr("Phone"), self.contact_phone)
        front.addRow(self.tr("Cleared by"), self.cleared_by)
        front.addRow(self.tr("Reference"), self.reference)
        front.addRow(self.tr("Reference date"), self.reference_date)
        front_caption = QLabel(self.tr("Front page"))
        front_caption.setObjectName("sectionLabel")
        marking = QFormLayout()
        marking.addRow(self.tr("Scheme"), self.scheme)
        marking.addRow(self.tr("Level"), self.level)
        marking.addRow(self.tr("Caveats"), self.caveat_box)
        marking.addRow(self.tr("Copy number"), self.copy_number)
        marking.addRow(self.tr("Distribution"), self.distribution)
        marking.addRow("", self.rule)
        marking_caption = QLabel(self.tr("Marking"))
        marking_caption.setObjectName("sectionLabel")

        inner = QWidget()
        iv = QVBoxLayout(inner)
        iv.addWidget(front_caption)
        iv.addLayout(front)
        iv.addWidget(marking_caption)
        iv.addLayout(marking)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("fpButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setObjectName("hintLabel")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, 720)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(640, screen.width() - 40), min(720, screen.height() - 80))
        self._load(brief)

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return edit

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _load(self, b: BriefView) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(b.language or "en")))
        self.purpose.setPlainText(b.purpose)
        self.ask.setPlainText(b.minister_ask)
        self.key_messages.setPlainText("\n".join(b.key_messages))
        self.attendees.setPlainText(
            "\n".join(
                f"{a.name}{PEN_SEPARATOR}{a.pen_picture}" if a.pen_picture else a.name
                for a in b.attendees
            )
        )
        self.agenda.setPlainText("\n".join(b.agenda))
        self.handling.setPlainText(b.handling)
        self.contact_officer.setText(b.contact_officer)
        self.contact_phone.setText(b.contact_phone)
        self.cleared_by.setText(b.cleared_by)
        self.reference.setText(b.reference)
        self.reference_date.setText(b.reference_date.isoformat() if b.reference_date else "")
        scheme = b.marking_scheme or markings.scheme_for(b.marking)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(scheme)))
        self._scheme_changed()
        self.level.setEditText(b.marking)
        for caveat in b.marking_caveats:
            if caveat not in self.caveats:
                self._add_caveat(caveat)
            self.caveats[caveat].setChecked(True)
        self.copy_number.setText(b.copy_number)
        self.distribution.setPlainText("\n".join(b.distribution))

    def _add_caveat(self, caveat: str) -> None:
        box = QCheckBox(caveat)
        box.setObjectName(f"fpCaveat_{len(self.caveats)}")
        self.caveats[caveat] = box
        self.caveat_layout.addWidget(box)

    def _scheme_changed(self) -> None:
        key = self.scheme.currentData()
        scheme = markings.SCHEMES.get(key)
        level = self.level.currentText()
        self.level.clear()
        self.level.addItem("")
        checked = {c for c, box in self.caveats.items() if box.isChecked()}
        for box in self.caveats.values():
            box.deleteLater()
        self.caveats = {}
        if scheme is None:
            self.level.addItems([m for m in markings.presets() if m])
            self.rule.setText(self.tr("Free text marking: no scheme rules are checked."))
        else:
            self.level.addItems([m for m, _r in scheme.levels])
            for caveat in (*scheme.caveats, *scheme.distribution_markings):
                self._add_caveat(caveat)
            first_numbered = next((m for m, r in scheme.levels if r >= scheme.copy_number_from), "")
            rule = self.tr("Printed {where}.").format(where=scheme.placement)
            if scheme.distribution_markings:
                rule += " " + self.tr("{names} is a distribution marking, not a level.").format(
                    names=", ".join(scheme.distribution_markings)
                )
            if first_numbered:
                rule += " " + self.tr(
                    "From {level}: copy number and distribution list required."
                ).format(level=first_numbered)
            self.rule.setText(rule)
        for caveat in checked:
            if caveat in self.caveats:
                self.caveats[caveat].setChecked(True)
        self.level.setEditText(level)

    def values(self) -> dict[str, Any]:
        """Every field as the dialog shows it (raises ValueError for a bad date)."""
        ref_date = self.reference_date.text().strip()
        return {
            "language": self.language.currentData(),
            "purpose": self.purpose.toPlainText().strip(),
            "minister_ask": self.ask.toPlainText().strip(),
            "key_messages": _lines(self.key_messages.toPlainText()),
            "attendees": parse_attendees(self.attendees.toPlainText()),
            "agenda": _lines(self.agenda.toPlainText()),
            "handling": self.handling.toPlainText().strip(),
            "contact_officer": self.contact_officer.text().strip(),
            "contact_phone": self.contact_phone.text().strip(),
            "cleared_by": self.cleared_by.text().strip(),
            "reference": self.reference.text().strip(),
            "reference_date": date.fromisoformat(ref_date) if ref_date else None,
            "marking_scheme": self.scheme.currentData(),
            "marking": self.level.currentText().strip(),
            "marking_caveats": [c for c, box in self.caveats.items() if box.isChecked()],
            "copy_number": self.copy_number.text().strip(),
            "distribution": _lines(self.distribution.toPlainText()),
        }

    def _current(self) -> dict[str, Any]:
        b = self.brief
        return {
            "language": b.language or "en",
            "purpose": b.purpose,
            "minister_ask": b.minister_ask,
            "key_messages": list(b.key_messages),
            "attendees": [{"name": a.name, "pen_picture": a.pen_picture} for a in b.attendees],
            "agenda": list(b.agenda),
            "handling": b.handling,
            "contact_officer": b.contact_officer,
            "contact_phone": b.contact_phone,
            "cleared_by": b.cleared_by,
            "reference": b.reference,
            "reference_date": b.reference_date,
            "marking_scheme": b.marking_scheme,
            "marking": b.marking,
            "marking_caveats": list(b.marking_caveats),
            "copy_number": b.copy_number,
            "distribution": list(b.distribution),
        }

    def save(self) -> None:
        try:
            values = self.values()
        except ValueError:
            self.problem.setText(
                self.tr("“{v}” is not a date; use YYYY-MM-DD.").format(v=self.reference_date.text())
            )
            return
        current = self._current()
        changed = {k: v for k, v in values.items() if v != current[k]}
        if changed:
            command = perform(
                self.ws,
                ops.UpdateBriefFields(self.brief.id, changed),
                self.tr("Edit front page"),
            )
            if command is None:
                return  # refused: the workspace has shown why; keep the dialog open
        self.accept()

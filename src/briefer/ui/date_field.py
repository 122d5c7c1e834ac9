"""A date the officer can type or pick: one Tab stop, empty means "no date".

Typed dates are read in the common forms ("12 May 2025", "May 12, 2025", "2025-05-12",
"12/05/2025" in the order of the officer's locale, "2025年5月12日", "令和7年5月12日"); the
calendar button (not a Tab stop) opens on the field's date, or today. A picked date is
reported at once; a typed one when the officer presses Enter or leaves the field.
"""

from __future__ import annotations

from datetime import date

from briefer.ingest import typed_date
from briefer.ui.qt import (
    QAction,
    QCalendarWidget,
    QDate,
    QLineEdit,
    QLocale,
    QMenu,
    QPainter,
    QPixmap,
    Qt,
    QWidget,
    QWidgetAction,
    Signal,
)


def month_first(locale: QLocale | None = None) -> bool:
    """True where 1/2/2025 is January 2nd (the locale's short date starts with the month)."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat).lstrip("'")
    return fmt[:1].upper() == "M"


def parse_typed_date(text: str, locale: QLocale | None = None) -> date | None:
    """The date ``text`` spells, in any of the forms in the module docstring, else None;
    "12/05/2025" in the order of ``locale`` (the core's ``typed_date``, which the command
    line reads dates with too).

    The whole text must be the date: "12 May 2025 meeting" is not read as a date.
    """
    return typed_date.parse_typed_date(text, month_first=month_first(locale))


def display_format(locale: QLocale | None = None) -> str:
    """How a date is shown: "12 May 2025", or "2025年5月12日" in Japanese."""
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.Japanese:
        return "yyyy年M月d日"
    return "d MMM yyyy"


def _calendar_icon(size: int = 16) -> QPixmap:
    """A small calendar glyph drawn in the text colour (no icon file to ship)."""
    from briefer.ui.qt import QApplication, QPalette, QPen

    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QApplication.palette().color(QPalette.ColorRole.Text)
    p.setPen(QPen(color, 1.4))
    p.drawRoundedRect(2, 3, size - 4, size - 5, 2, 2)
    p.drawLine(2, 7, size - 2, 7)
    p.drawLine(5, 1, 5, 4)
    p.drawLine(size - 5, 1, size - 5, 4)
    for x in (5, 8, 11):
        p.drawPoint(x, 10)
    p.end()
    return pix


class DateField(QLineEdit):
    """Emits :attr:`date_changed` (a ``date`` or None) when the officer sets a new date."""

    date_changed = Signal(object)
    #: a one-line message when the typed text is not a date
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: date | None = None
        self.setPlaceholderText(self.tr("No date (e.g. 12 May 2025)"))
        self.setClearButtonEnabled(True)
        self.setToolTip(self.tr("Type a date (12 May 2025, 2025-05-12, 2025年5月12日) or pick one"))
        self.calendar_action = QAction(self.tr("Pick a date"), self)
        self.calendar_action.setObjectName("pickDate")
        self.calendar_action.setIcon(_calendar_icon())
        self.calendar_action.triggered.connect(lambda _checked=False: self.open_calendar())
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("dateCalendar")
        self.calendar.setGridVisible(False)
        self._menu = QMenu(self)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(self.calendar)
        self._menu.addAction(holder)
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)
        # Qt's clear button is an action of the line edit; clearing is a change to save now.
        clear = self.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:
            clear.triggered.connect(lambda _checked=False: self._set(None))
        self.editingFinished.connect(self._typed)
        self.textChanged.connect(self._text_changed)

    # -- value ------------------------------------------------------------------------------
    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show a stored value (no signal); text being typed is kept."""
        self._value = value
        if not self.hasFocus() or not self.isModified():
            self._show(value)

    def _show(self, value: date | None) -> None:
        blocked = self.blockSignals(True)
        self.setText(self._format(value))
        self.setModified(False)
        self.blockSignals(blocked)
        self._mark_invalid(False)

    def _format(self, value: date | None) -> str:
        if value is None:
            return ""
        return QLocale().toString(QDate(value.year, value.month, value.day), display_format())

    def _set(self, value: date | None) -> None:
        changed = value != self._value
        self._value = value
        self._show(value)
        if changed:
            self.date_changed.emit(value)

    # -- typing and picking -----------------------------------------------------------------
    def _typed(self) -> None:
        text = self.text()
        if not text.strip():
            self._set(None)
            return
        typed = parse_typed_date(text)
        if typed is None:
            self._mark_invalid(True)
            self.invalid.emit(
                self.tr("“{text}” is not a date; try 12 May 2025 or 2025-05-12.").format(
                    text=text.strip()
                )
            )
            return
        self._set(typed)

    def _text_changed(self, text: str) -> None:
        if not text and not self.hasFocus():
            self._set(None)  # the clear button
        elif self.property("invalid"):
            self._mark_invalid(False)

    def _mark_invalid(self, bad: bool) -> None:
        self.setProperty("invalid", bad)
        self.setStyleSheet("QLineEdit { border: 1px solid #c0392b; }" if bad else "")

    def open_calendar(self) -> None:
        d = self._value or date.today()
        self.calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        self._menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, qd: QDate) -> None:
        self._menu.close()
        self._set(date(qd.year(), qd.month(), qd.day()))


def format_day(value: date | None) -> str:
    """A date as the window shows it: "01 Mar 2022", or "2022年3月1日" in Japanese."""
    if value is None:
        return ""
    loc = QLocale()
    fmt = "yyyy年M月d日" if loc.language() == QLocale.Language.Japanese else "dd MMM yyyy"
    return loc.toString(QDate(value.year, value.month, value.day), fmt)

"""A numbered list of points (lines to take, if asked): add, remove, reorder, edit in place.

Every change emits the whole list once through :attr:`PointsEditor.changed`; the section
turns it into one ``UpdateSectionFields``, so each step is one undo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from briefer.ui.qt import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractListModel,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLineEdit,
    QListView,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QResizeEvent,
    QShortcut,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

_Index = QModelIndex | QPersistentModelIndex


class PointsModel(QAbstractListModel):
    """Plain strings; an edit that leaves a point empty removes it."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._points: list[str] = []

    def set_points(self, points: Sequence[str]) -> None:
        if list(points) == self._points:
            return
        self.beginResetModel()
        self._points = list(points)
        self.endResetModel()

    def points(self) -> list[str]:
        return [p.strip() for p in self._points if p.strip()]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._points)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self._points[index.row()]
        if role == Qt.ItemDataRole.EditRole:
            return text
        if role == Qt.ItemDataRole.DisplayRole:
            # numbered for reading; the number is not part of the stored text
            return f"{index.row() + 1}.  {text or self.tr('(empty point: type to fill it in)')}"
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = " ".join(str(value).split())
        if text == self._points[index.row()]:
            return False
        self._points[index.row()] = text
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def drop_blanks(self) -> None:
        """Remove points left empty (an "+ Add point" closed without typing)."""
        for row in reversed(range(len(self._points))):
            if not self._points[row].strip():
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._points[row]
                self.endRemoveRows()

    def append_blank(self) -> int:
        row = len(self._points)
        self.beginInsertRows(QModelIndex(), row, row)
        self._points.append("")
        self.endInsertRows()
        return row


class PointsView(QListView):
    """Auto-height list; Ctrl+Up/Down moves the current point, Delete removes it."""

    move_requested = Signal(int, int)  # row, step
    remove_requested = Signal(int)

    #: a printable key typed on the list (not in an open editor): start a point with it
    typed_new = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        text = event.text()
        plain = not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if (
            plain
            and text
            and text.isprintable()
            and not text.isspace()
            and self.state() != self.State.EditingState
        ):
            self.typed_new.emit(text)
            return
        if row >= 0 and ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(row, -1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if (
            row >= 0
            and event.key() == Qt.Key.Key_Delete
            and self.state() != self.State.EditingState
        ):
            self.remove_requested.emit(row)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self.fit)  # cancelled if the view goes first

    def fit(self) -> None:
        """As tall as the laid-out (wrapped) points: the section scrolls, not the list."""
        rows = self.model().rowCount() if self.model() is not None else 0
        height = self.fontMetrics().height() + 10
        if rows:
            self.executeDelayedItemsLayout()
            last = self.visualRect(self.model().index(rows - 1, 0))
            height = max(height, last.bottom() + 1 + self.verticalOffset() + 4)
        self.setFixedHeight(height + 2 * self.frameWidth())


class PointsEditor(QWidget):
    """The list plus Add / Remove / Up / Down buttons."""

    #: the whole list after one change
    changed = Signal(list)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = PointsModel(self)
        self.view = PointsView()
        self.view.setObjectName(f"{name}List")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.typed_new.connect(self._start_typed)
        self.view.move_requested.connect(self.move_point)
        self.view.remove_requested.connect(self.remove_point)
        self.model.edited.connect(self._emit)
        # an editor closed on an empty new point leaves no "(empty point)" row behind; queued,
        # so the delegate has committed its text first
        self.view.itemDelegate().closeEditor.connect(
            self.model.drop_blanks, Qt.ConnectionType.QueuedConnection
        )
        # Enter on the last point, typed in, goes on to the next one (as in a bulleted list)
        self.view.itemDelegate().closeEditor.connect(self._editor_closed)
        self.model.rowsRemoved.connect(self.view.fit)
        self.model.modelReset.connect(self.view.fit)
        self.model.rowsInserted.connect(self.view.fit)
        self.model.dataChanged.connect(self.view.fit)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, self._edit_current).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        self._loaded: list[str] = []
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_button = self._tool(
            self.tr("Add point (or type in the list; Enter goes on to the next point)"),
            "＋",
            self.add_point,
        )
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setText(self.tr("+ Add point"))
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self._tool(self.tr("Move up (Ctrl+Up)"), "↑", lambda: self._step(-1)))
        buttons.addWidget(self._tool(self.tr("Move down (Ctrl+Down)"), "↓", lambda: self._step(1)))
        buttons.addWidget(self._tool(self.tr("Remove point (Delete)"), "✕", self._remove_current))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.fit()

    def _tool(self, tip: str, text: str, slot: Callable[[], object]) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        # clicked(bool) carries `checked`: never pass it on (it once reached add_point as text)
        b.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return b

    # -- public -----------------------------------------------------------------------------
    def set_points(self, points: Sequence[str]) -> None:
        self._loaded = list(points)
        if self.view.state() != QAbstractItemView.State.EditingState:
            self.model.set_points(points)

    def points(self) -> list[str]:
        return self.model.points()

    def add_point(self, text: str | None = None) -> None:
        """Add a point: with ``text`` at once, else an empty one opened for typing."""
        if text is not None:
            if not isinstance(text, str):
                raise TypeError(f"a point is text, not {type(text).__name__}")
            self._set_and_emit([*self.model.points(), text])
            return
        row = self.model.append_blank()
        idx = self.model.index(row, 0)
        self.view.setCurrentIndex(idx)
        self.view.edit(idx)

    def remove_point(self, row: int) -> None:
        pts = list(self.model._points)
        if 0 <= row < len(pts):
            del pts[row]
            self._set_and_emit(pts)

    def move_point(self, row: int, step: int) -> None:
        pts = list(self.model._points)
        to = row + step
        if 0 <= row < len(pts) and 0 <= to < len(pts):
            pts.insert(to, pts.pop(row))
            self._set_and_emit(pts)
            self.view.setCurrentIndex(self.model.index(to, 0))

    def set_point(self, row: int, text: str) -> None:
        """Edit one point as if typed in place (for tests and scripts)."""
        self.model.setData(self.model.index(row, 0), text)

    # -- internals --------------------------------------------------------------------------
    def _set_and_emit(self, pts: list[str]) -> None:
        self.model.set_points(pts)
        self._emit()

    def _emit(self) -> None:
        pts = self.model.points()
        if pts != self._loaded:
            self._loaded = pts
            self.changed.emit(pts)

    def _start_typed(self, text: str) -> None:
        """Typing on the list (not in a point) starts a new point with what was typed."""
        self.add_point()
        editor = self.view.indexWidget(self.view.currentIndex()) or self.view.focusWidget()
        if isinstance(editor, QLineEdit):
            editor.setText(text)

    def _editor_closed(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            return  # focus left, Escape or Tab: nothing more to open
        row = self.view.currentIndex().row()
        typed = editor.text().strip() if isinstance(editor, QLineEdit) else ""
        if typed and row == self.model.rowCount() - 1:
            QTimer.singleShot(0, self, self.add_point)

    def _edit_current(self) -> None:
        if self.view.currentIndex().isValid():
            self.view.edit(self.view.currentIndex())

    def _step(self, step: int) -> None:
        if self.view.currentIndex().isValid():
            self.move_point(self.view.currentIndex().row(), step)

    def _remove_current(self) -> None:
        if self.view.currentIndex().isValid():
            self.remove_point(self.view.currentIndex().row())

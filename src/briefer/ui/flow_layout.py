"""A layout that wraps its widgets onto the next line when the row is full (Qt's flow layout
example): rows of buttons and chips that fit a 1024-pixel window without squeezing text.

The layout's items are made here, in Python, never by ``QLayout::addWidget`` in C++. An item
made in C++ has a Python wrapper that shiboken is not told about when C++ deletes the item
(Qt deletes layout items freely: a widget removed, a layout rebuilt); a later item at the
same address then found that stale wrapper, and when it was invalidated the row's live item
went with it: "Internal C++ object (QWidgetItem) already deleted" on the next layout pass
(seen on Undo after the brief editor rebuilt its sections). An item made in Python tells
shiboken when C++ deletes it."""

from __future__ import annotations

from briefer.ui.qt import QLayout, QLayoutItem, QPoint, QRect, QSize, Qt, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        #: items handed to Qt by takeAt (Qt deletes them): kept referenced so Python never
        #: frees one Qt is about to delete, whoever owns it
        self._taken: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout ----------------------------------------------------------------------------
    def addWidget(self, widget: QWidget) -> None:  # type: ignore[override]
        """Add ``widget`` through an item made in Python (see the module's note)."""
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._taken = [*self._taken[-15:], item]
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing ----------------------------------------------------------------------------
    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x = area.x()
                y += line + self._spacing
                line = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()

"""The text of one source, readable: headings, indented bullets, greyed furniture, tag chips.

The document is built with a text cursor (not HTML) so every passage's place in the view is
known exactly; positions map back to source offsets one to one, which is what quoting needs.
Topic chips are painted in a column right of the text, beside their passage.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from briefer.library.views import PassageInfo, SourceDetail
from briefer.ui import theme
from briefer.ui.qt import (
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QRectF,
    QResizeEvent,
    Qt,
    QTextBlockFormat,
    QTextBrowser,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTextFormat,
    QToolTip,
    QWidget,
    Signal,
)

_BULLETS = ("•", "◦", "▪")
_TEXT_MAX = 700
_CHIP_COL = 190
_GAP = 20
_PAD = 28


def chip_layout(
    topics: tuple[str, ...],
    advance: Callable[[str], int],
    width: int,
    rows: int,
    elide: Callable[[str, Qt.TextElideMode, int], str],
) -> list[tuple[str, str | None, float, int]]:
    """Where each chip goes: ``(label, topic or None for "+N", x, row)``.

    Chips flow left to right in rows of ``width``; a name too long for a row is elided. When
    not all fit in ``rows`` rows, the last row ends with a "+N" chip for the N left out, and
    chips are dropped from that row until it fits beside them: nothing is drawn over another.
    """
    pad, gap = 14, 4
    placed: list[tuple[str, str | None, float, int]] = []
    x, row = 0.0, 0
    for i, name in enumerate(topics):
        label = elide(name, Qt.TextElideMode.ElideRight, width - pad)
        w = advance(label) + pad
        if x > 0 and x + w > width:
            row, x = row + 1, 0.0
        if row >= rows:
            return _with_more(placed, len(topics) - i, advance, width, rows, elide)
        placed.append((label, name, x, row))
        x += w + gap
    return placed


def _with_more(
    placed: list[tuple[str, str | None, float, int]],
    left_out: int,
    advance: Callable[[str], int],
    width: int,
    rows: int,
    elide: Callable[[str, Qt.TextElideMode, int], str],
) -> list[tuple[str, str | None, float, int]]:
    """End the last row with "+N": the last chip is elided shorter to make room, and
    dropped only when too little of its name would be left to read."""
    pad, gap = 14, 4
    while True:
        more = f"+{left_out}"
        more_w = advance(more) + pad
        last = [c for c in placed if c[3] == rows - 1]
        end = max((c[2] + advance(c[0]) + pad + gap for c in last), default=0.0)
        if end + more_w <= width or not last:
            return [*placed, (more, None, end, rows - 1)]
        label, name, x, row = last[-1]
        room = int(width - x - pad - gap - more_w)
        shorter = elide(name or label, Qt.TextElideMode.ElideRight, room) if room > 0 else ""
        if name and len(shorter.rstrip("…")) >= 4 and advance(shorter) <= room:
            placed[placed.index(last[-1])] = (shorter, name, x, row)
            return [*placed, (more, None, x + advance(shorter) + pad + gap, rows - 1)]
        placed.remove(last[-1])
        left_out += 1


@dataclass(frozen=True, slots=True)
class _Span:
    doc_start: int
    doc_end: int
    block: int
    passage: PassageInfo


class ReaderView(QTextBrowser):
    """Read-only view of a source; emits :attr:`passage_selected` when the caret enters one."""

    passage_selected = Signal(object)  # PassageInfo | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerText")
        self.setAccessibleName(self.tr("Source text"))
        self.setOpenLinks(False)
        self.setFrameShape(self.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._detail: SourceDetail | None = None
        self._spans: list[_Span] = []
        self._starts: list[int] = []
        self._current: _Span | None = None
        self._mark: tuple[int, int] | None = None
        self._text_left, self._text_width = _PAD, _TEXT_MAX
        self._chip_col = _CHIP_COL
        self.show_furniture = True
        self.cursorPositionChanged.connect(self._caret_moved)

    # -- building ---------------------------------------------------------------------------
    def show_source(self, detail: SourceDetail | None, *, keep_place: bool = False) -> None:
        """Lay out ``detail`` (or nothing); ``keep_place`` keeps scroll and current passage."""
        scroll = self.verticalScrollBar().value()
        current_id = self._current.passage.id if self._current and keep_place else None
        self._detail = detail
        self._spans, self._starts, self._current = [], [], None
        if not keep_place:
            self._mark = None
        doc = self.document()
        doc.clear()
        doc.setDocumentMargin(0)
        self._apply_margins()
        if detail is None:
            return
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        base = QFont(self.font())
        first = True
        for p in detail.passages:
            if not p.content and not self.show_furniture:
                continue
            block_fmt, char_fmt, prefix = self._formats(p, base)
            if first:
                cursor.setBlockFormat(block_fmt)
                cursor.setBlockCharFormat(char_fmt)
                first = False
            else:
                cursor.insertBlock(block_fmt, char_fmt)
            if prefix:
                bullet_fmt = QTextCharFormat(char_fmt)
                bullet_fmt.setForeground(theme.muted(self.palette()))
                cursor.insertText(prefix, bullet_fmt)
            start = cursor.position()
            cursor.insertText(p.text.replace("\r", " ").replace("\n", "\u2028"), char_fmt)
            self._spans.append(_Span(start, cursor.position(), cursor.blockNumber(), p))
        cursor.endEditBlock()
        self._starts = [s.doc_start for s in self._spans]
        if current_id is not None:
            self._current = next((s for s in self._spans if s.passage.id == current_id), None)
            if self._current is not None:
                blocked = self.blockSignals(True)
                cur = self.textCursor()
                cur.setPosition(self._current.doc_start)
                self.setTextCursor(cur)
                self.blockSignals(blocked)
            self.verticalScrollBar().setValue(scroll)
        elif keep_place:
            self.verticalScrollBar().setValue(scroll)
        else:
            # The caret followed the inserted text to the end; a new source opens at its top.
            blocked = self.blockSignals(True)
            cur = self.textCursor()
            cur.setPosition(0)
            self.setTextCursor(cur)
            self.blockSignals(blocked)
            self.verticalScrollBar().setValue(0)
        self._refresh_marks()

    def _formats(
        self, p: PassageInfo, base: QFont
    ) -> tuple[QTextBlockFormat, QTextCharFormat, str]:
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        char = QTextCharFormat()
        char.setFont(base)
        prefix = ""
        if p.kind == "heading":
            scale = {1: 1.32, 2: 1.14}.get(p.level, 1.05)
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * scale)
            font.setWeight(QFont.Weight.DemiBold)
            char.setFont(font)
            block.setTopMargin(20 if p.level <= 1 else 12)
            block.setBottomMargin(6)
            block.setHeadingLevel(min(max(p.level, 1), 6))
        elif p.kind == "bullet":
            level = max(p.level, 1)
            block.setLeftMargin(22 * level)
            block.setTextIndent(-14)
            block.setBottomMargin(7)
            prefix = _BULLETS[min(level, len(_BULLETS)) - 1] + "\u2002"
        else:
            block.setBottomMargin(10)
        if not p.content:
            char.setForeground(theme.muted(self.palette()))
            font = QFont(char.font())
            font.setPointSizeF(base.pointSizeF() * 0.92)
            font.setItalic(True)
            char.setFont(font)
            block.setBottomMargin(6)
        block.setProperty(QTextFormat.Property.UserProperty, p.id)
        return block, char, prefix

    def _apply_margins(self) -> None:
        width = self.viewport().width()
        text = max(240, min(_TEXT_MAX, width - 2 * _PAD - _GAP - _CHIP_COL))
        left = max(_PAD, (width - text - _GAP - _CHIP_COL) // 2)
        # a narrow view (1024 px window) narrows the chip column, never past the edge
        self._chip_col = max(80, min(_CHIP_COL, width - left - text - _GAP - 8))
        right = max(_PAD, width - left - text)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != left or fmt.rightMargin() != right:
            fmt.setLeftMargin(left)
            fmt.setRightMargin(right)
            fmt.setTopMargin(18)
            fmt.setBottomMargin(48)
            frame.setFrameFormat(fmt)
        self._text_left, self._text_width = left, text

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_margins()

    # -- mapping ----------------------------------------------------------------------------
    def _span_at(self, pos: int) -> _Span | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return self._spans[0] if self._spans else None
        span = self._spans[i]
        return span

    def _doc_pos(self, offset: int, *, end: bool) -> int | None:
        """A source offset as a position in the view (snapped to the nearest shown text)."""
        for span in self._spans:
            p = span.passage
            if p.start <= offset <= p.end and (offset < p.end or end):
                return span.doc_start + (offset - p.start)
            if p.start > offset:
                return span.doc_start if not end else None
        return self._spans[-1].doc_end if self._spans and end else None

    def source_offset(self, pos: int) -> int | None:
        span = self._span_at(pos)
        if span is None:
            return None
        clamped = min(max(pos, span.doc_start), span.doc_end)
        return span.passage.start + (clamped - span.doc_start)

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text in source offsets (start, end), or None without a selection."""
        cur = self.textCursor()
        if not cur.hasSelection() or self._detail is None:
            return None
        a, b = cur.selectionStart(), cur.selectionEnd()
        first = self._span_at(a)
        # the end belongs to the passage it closes, even at a block boundary
        last = self._span_at(max(a, b - 1))
        if first is None or last is None:
            return None
        if a > first.doc_end:  # started in a bullet prefix or between passages
            i = self._spans.index(first) + 1
            if i >= len(self._spans):
                return None
            first, a = self._spans[i], self._spans[i].doc_start
        start = first.passage.start + (max(a, first.doc_start) - first.doc_start)
        end = last.passage.start + (min(max(b, last.doc_start), last.doc_end) - last.doc_start)
        return (start, end) if end > start else None

    @property
    def current_passage(self) -> PassageInfo | None:
        return self._current.passage if self._current else None

    @property
    def passages_shown(self) -> list[PassageInfo]:
        return [s.passage for s in self._spans]

    # -- selection and highlighting ---------------------------------------------------------
    def _caret_moved(self) -> None:
        span = self._span_at(self.textCursor().position()) if self._spans else None
        if span is not self._current:
            self._current = span
            self._refresh_marks()
            self.passage_selected.emit(span.passage if span else None)

    def select_passage(self, passage_id: int) -> bool:
        span = next((s for s in self._spans if s.passage.id == passage_id), None)
        if span is None:
            return False
        cur = self.textCursor()
        cur.setPosition(span.doc_start)
        self.setTextCursor(cur)
        self._center(span.doc_start)
        return True

    def mark_span(self, start: int, end: int) -> bool:
        """Highlight source offsets ``start:end``, make that passage current, scroll to it."""
        a = self._doc_pos(start, end=False)
        if a is None:
            return False
        self._mark = (start, end)
        cur = self.textCursor()
        cur.setPosition(a)
        self.setTextCursor(cur)
        self._refresh_marks()
        self._center(a)
        return True

    def _center(self, pos: int) -> None:
        block = self.document().findBlock(pos)
        rect = self.document().documentLayout().blockBoundingRect(block)
        bar = self.verticalScrollBar()
        bar.setValue(int(rect.center().y() - self.viewport().height() / 3))

    def _refresh_marks(self) -> None:
        extra = []
        a = self._doc_pos(self._mark[0], end=False) if self._mark else None
        if self._mark and a is not None:
            b = self._doc_pos(self._mark[1], end=True)
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(self.document())
            cur.setPosition(a)
            cur.setPosition(max(a, b if b is not None else a), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            fmt = QTextCharFormat()
            fmt.setBackground(theme.highlight(self.palette(), 0.32))
            sel.format = fmt
            extra.append(sel)
        self.setExtraSelections(extra)
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Down / Alt+Up step through passages."""
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        if step and event.modifiers() & Qt.KeyboardModifier.AltModifier and self._spans:
            i = self._spans.index(self._current) + step if self._current else 0
            i = min(max(i, 0), len(self._spans) - 1)
            self.select_passage(self._spans[i].passage.id)
            return
        super().keyPressEvent(event)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._spans:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = self.document().documentLayout()
        dy = -self.verticalScrollBar().value()
        dx = -self.horizontalScrollBar().value()
        top, bottom = event.rect().top(), event.rect().bottom()
        chip_font = QFont(self.font())
        chip_font.setPointSizeF(self.font().pointSizeF() * 0.82)
        fm = QFontMetrics(chip_font)
        painter.setFont(chip_font)
        chip_x = self._text_left + self._text_width + _GAP + dx
        for span in self._spans:
            block = self.document().findBlockByNumber(span.block)
            rect = layout.blockBoundingRect(block).translated(dx, dy)
            if rect.bottom() < top:
                continue
            if rect.top() > bottom:
                break
            if span is self._current:
                bar = QRectF(self._text_left - 14 + dx, rect.top() + 2, 3, rect.height() - 6)
                painter.fillRect(bar, self.palette().color(QPalette.ColorRole.Highlight))
            if span.passage.topics:
                self._paint_chips(painter, fm, span.passage.topics, chip_x, rect)
        painter.end()

    def _chip_rows(self, fm: QFontMetrics, rect: QRectF) -> tuple[float, float, int]:
        """(chip height, row height, rows that fit beside a passage of ``rect``)."""
        h = fm.height() + 4
        row_h = h + 4
        return h, row_h, max(1, int((rect.height() + 2) // row_h))

    def _paint_chips(
        self, painter: QPainter, fm: QFontMetrics, topics: tuple[str, ...], x0: float, rect: QRectF
    ) -> None:
        h, row_h, rows = self._chip_rows(fm, rect)
        top = rect.top() + max(0.0, (fm.height() * 1.35 - h) / 2) + 1
        for label, topic, x, row in chip_layout(
            topics, fm.horizontalAdvance, self._chip_col, rows, fm.elidedText
        ):
            self._chip(painter, fm, label, x0 + x, top + row * row_h, h, topic)

    def viewportEvent(self, event: QEvent) -> bool:
        """A tooltip over the chip column lists all the passage's topics (chips elide, and
        "+N" stands for the ones that do not fit)."""
        if event.type() == QEvent.Type.ToolTip and self._spans:
            pos = event.pos()  # type: ignore[attr-defined]
            names = self._chips_at(pos.x(), pos.y())
            if names:
                QToolTip.showText(event.globalPos(), "\n".join(names), self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _chips_at(self, x: float, y: float) -> tuple[str, ...]:
        """The topics of the passage whose chip column holds the viewport point (x, y)."""
        dx = -self.horizontalScrollBar().value()
        x0 = self._text_left + self._text_width + _GAP + dx
        if not x0 <= x <= x0 + self._chip_col:
            return ()
        dy = -self.verticalScrollBar().value()
        layout = self.document().documentLayout()
        for span in self._spans:
            rect = layout.blockBoundingRect(self.document().findBlockByNumber(span.block))
            rect = rect.translated(dx, dy)
            if rect.top() <= y <= rect.bottom():
                return span.passage.topics
            if rect.top() > y:
                break
        return ()

    def _chip(
        self,
        painter: QPainter,
        fm: QFontMetrics,
        label: str,
        x: float,
        y: float,
        h: float,
        topic: str | None,
    ) -> None:
        if topic is None:
            bg = QColor(self.palette().color(QPalette.ColorRole.AlternateBase))
            border = theme.muted(self.palette())
            fg = theme.muted(self.palette())
        else:
            bg, border, fg = theme.chip_colors(topic, self.palette())
        r = QRectF(x, y, fm.horizontalAdvance(label) + 14, h)
        painter.setPen(border)
        painter.setBrush(bg)
        painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2)
        painter.setPen(fg)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)

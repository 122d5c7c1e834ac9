"""A label that wraps to at most a few lines and elides the rest ("…"), the whole text in
its tooltip: a long source title stays two lines at 1024 px instead of pushing the text
down by five."""

from __future__ import annotations

from briefer.ui.qt import QFont, QFontMetrics, QLabel, QResizeEvent, Qt, QTextLayout, QWidget


def elide_lines(text: str, font: QFont, width: int, max_lines: int) -> str:
    """``text`` wrapped at ``width``, cut to ``max_lines`` lines with "…" if longer."""
    if width <= 0 or not text:
        return text
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(lines) <= max_lines:
        return text
    kept = [text[s : s + n].rstrip() for s, n in lines[: max_lines - 1]]
    start = lines[max_lines - 1][0]
    last = metrics.elidedText(
        " ".join(text[start:].split()), Qt.TextElideMode.ElideRight, width
    )
    return "\n".join([*kept, last])


class ElidedLabel(QLabel):
    """``setText``/``text`` deal in the whole text; the label shows at most
    :attr:`max_lines` lines of it."""

    def __init__(self, text: str = "", parent: QWidget | None = None, max_lines: int = 2) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._full = ""
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._fit()

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        shown = elide_lines(self._full, self.font(), width, self.max_lines)
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")

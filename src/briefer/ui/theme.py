"""Colours, icons and the style sheet, all derived from the system palette.

Nothing here is light-only: chip colours are computed from a hue per topic and the
lightness of the current palette, so they read well on dark and light themes alike.
"""

from __future__ import annotations

import zlib
from functools import cache
from importlib.resources import files

from briefer.ui.qt import (
    QApplication,
    QByteArray,
    QColor,
    QIcon,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QSvgRenderer,
)

#: Colour name format with alpha, for style sheets and rich text.
HEX_ARGB = QColor.NameFormat.HexArgb

#: Mid-saturation hues (degrees) spread around the wheel; a topic keeps its hue.
_HUES = (210, 150, 28, 280, 0, 190, 330, 95, 45, 250, 170, 15, 305, 125, 230)


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightnessF() < 0.5


_assigned: dict[str, int] = {}


def assign_topic_hues(names: list[str]) -> None:
    """Give the store's topics distinct hues, in a stable (alphabetical) order."""
    for i, name in enumerate(sorted(names, key=str.casefold)):
        _assigned[name.casefold()] = _HUES[i % len(_HUES)]


def topic_hue(name: str) -> int:
    key = name.casefold()
    if key in _assigned:
        return _assigned[key]
    return _HUES[zlib.crc32(key.encode("utf-8")) % len(_HUES)]


def chip_colors(name: str, palette: QPalette | None = None) -> tuple[QColor, QColor, QColor]:
    """Background, border and text colour of a topic chip."""
    hue = topic_hue(name)
    if is_dark(palette):
        return (
            QColor.fromHslF(hue / 360, 0.38, 0.27),
            QColor.fromHslF(hue / 360, 0.45, 0.42),
            QColor.fromHslF(hue / 360, 0.55, 0.88),
        )
    return (
        QColor.fromHslF(hue / 360, 0.60, 0.92),
        QColor.fromHslF(hue / 360, 0.45, 0.76),
        QColor.fromHslF(hue / 360, 0.65, 0.24),
    )


def kind_color(kind: str, palette: QPalette | None = None) -> QColor:
    """Accent for a source kind (industry / official / other)."""
    hue = {"industry": 28, "official": 212}.get(kind)
    if hue is None:
        return (palette or QApplication.palette()).color(QPalette.ColorRole.PlaceholderText)
    light = 0.66 if is_dark(palette) else 0.42
    return QColor.fromHslF(hue / 360, 0.62, light)


def muted(palette: QPalette | None = None) -> QColor:
    """Secondary text: between text and base colour."""
    pal = palette or QApplication.palette()
    text = pal.color(QPalette.ColorRole.Text)
    base = pal.color(QPalette.ColorRole.Base)
    return blend(text, base, 0.45)


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def highlight(palette: QPalette | None = None, alpha: float = 0.28) -> QColor:
    """The palette's highlight, translucent, for marking a passage or a match."""
    c = QColor((palette or QApplication.palette()).color(QPalette.ColorRole.Highlight))
    c.setAlphaF(alpha)
    return c


def mark_background(palette: QPalette | None = None) -> QColor:
    """Opaque background for matched words (rich text has no alpha)."""
    pal = palette or QApplication.palette()
    return blend(pal.color(QPalette.ColorRole.Highlight), pal.color(QPalette.ColorRole.Base), 0.6)


def _resources():  # type: ignore[no-untyped-def]
    return files("briefer.resources")


_ICON_SIZES = (16, 20, 24, 32, 48, 64, 128)


@cache
def _icon(name: str, color: str) -> QIcon:
    res = _resources() / "icons" / f"{name}.svg"
    try:
        svg = res.read_text("utf-8")
    except (FileNotFoundError, OSError):
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode("utf-8")))
    out = QIcon()
    for size in _ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out.addPixmap(QPixmap.fromImage(image))
    return out


def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons``, drawn in the palette's text colour.

    Rendered at several sizes so it stays crisp on high-DPI screens.
    """
    pal = QApplication.palette()
    return _icon(name, pal.color(QPalette.ColorRole.WindowText).name())


def stylesheet(palette: QPalette | None = None) -> str:
    """The application style sheet with its @tokens filled in from the palette."""
    pal = palette or QApplication.palette()
    try:
        qss = (_resources() / "briefer.qss").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return ""
    window = pal.color(QPalette.ColorRole.Window)
    base = pal.color(QPalette.ColorRole.Base)
    tokens = {
        "@muted": muted(pal).name(),
        "@border": blend(pal.color(QPalette.ColorRole.Mid), window, 0.45).name(),
        "@sidebar": blend(window, base, 0.35).name(),
        "@title-size": f"{QApplication.font().pointSizeF() * 1.45:.1f}pt",
    }
    for token, value in tokens.items():
        qss = qss.replace(token, value)
    return qss

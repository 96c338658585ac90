"""Sizes, colours and fonts of the node editor, in one place."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

NODE_WIDTH = 172.0
HEADER_HEIGHT = 26.0
NODE_HEIGHT = 90.0
PORT_RADIUS = 6.0
CORNER = 7.0

CATEGORY_COLORS = {
    "Input / Output": "#3C6FD1",
    "Core": "#56657A",
    "Convolution": "#21907F",
    "Pooling": "#3A9AC4",
    "Recurrent": "#7F5CB8",
    "Attention": "#B8528F",
    "Normalization": "#B98E16",
    "Activation": "#D47A2C",
    "Merge": "#5E8A32",
}
FALLBACK_COLOR = "#6B7280"

ACCENT = QColor("#2F6FEB")
TEXT = QColor("#1F2937")
MUTED = QColor("#6B7280")
BORDER = QColor("#C5CCD6")
BODY = QColor("#FFFFFF")
ERROR = QColor("#D23C3C")
ERROR_BODY = QColor("#FDEEEE")
BLOCKED = QColor("#A3AAB5")
BLOCKED_BODY = QColor("#F3F4F6")
EDGE = QColor("#8A94A6")
CANVAS = QColor("#F6F7F9")
GRID = QColor("#E6E9EE")
GRID_MAJOR = QColor("#D9DDE4")


def category_color(category: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(category, FALLBACK_COLOR))


def font(pixel_size: float, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(round(pixel_size))
    f.setBold(bold)
    f.setItalic(italic)
    return f

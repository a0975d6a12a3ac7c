"""Draw the application icon: ``resources/icons/kinerja.png`` (256 px) and ``kinerja.ico``.

The icon is drawn with Qt (already a dependency) so that it can be regenerated anywhere:
a rounded teal square with three rising white bars and a gold check mark ("performance
measured and approved"). The ``.ico`` holds PNG images of the sizes Windows asks for (16 to
256 px); PNG inside ICO is supported since Windows Vista, and each size is drawn on its own
so that the small ones stay crisp rather than being scaled down.

Run ``python packaging/make_icon.py`` after changing the drawing; both files are kept in git.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

TEAL = QColor("#17695c")
TEAL_DARK = QColor("#0f4c42")
GOLD = QColor("#f2b632")


def draw(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels, transparent outside the rounded square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    margin = 8 * s
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(TEAL_DARK)
    p.drawRoundedRect(square.translated(0, 4 * s), 44 * s, 44 * s)
    p.setBrush(TEAL)
    p.drawRoundedRect(square, 44 * s, 44 * s)

    # Three rising bars on a base line.
    p.setBrush(QColor("white"))
    base = 196 * s
    width = 36 * s
    for index, height in enumerate((58, 92, 126)):
        left = (52 + index * 52) * s
        p.drawRoundedRect(QRectF(left, base - height * s, width, height * s), 6 * s, 6 * s)

    # A gold check mark over the top right corner.
    pen = QPen(GOLD, max(2.0, 22 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath(QPointF(150 * s, 68 * s))
    check.lineTo(QPointF(174 * s, 92 * s))
    check.lineTo(QPointF(214 * s, 40 * s))
    p.drawPath(check)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An ICO file holding one PNG per size (ICONDIR, ICONDIRENTRY..., PNG data...)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICON_DIR / "kinerja.png"))
    pngs = [png_bytes(draw(size)) for size in ICO_SIZES]
    (ICON_DIR / "kinerja.ico").write_bytes(ico_bytes(pngs, ICO_SIZES))
    print(f"wrote {ICON_DIR / 'kinerja.png'} and {ICON_DIR / 'kinerja.ico'}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

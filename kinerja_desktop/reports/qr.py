"""The footer's QR code, encoded once and drawn as one filled path.

reportlab's ``QrCodeWidget`` builds a validated ``Rect`` shape for every run of dark modules
(about 300 on a card's footer) and renders each through the graphics renderer with its own
state changes: that was a third of the time of a batch of report cards. This draws the very
same runs (the widget's geometry: a quiet zone of four modules, the code scaled to ``size``)
straight on the canvas, each its own filled rectangle as the widget's were (one path of every
run looks the same in print, but a viewer at screen resolution shows hairline seams between
its rows), so the printed code is the same and is encoded once.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors

__all__ = ["QR_BORDER", "draw_qr"]

#: Quiet zone around the code, in modules (the widget's ``barBorder``).
QR_BORDER = 4


def draw_qr(canvas: Any, text: str, x: float, y: float, size: float) -> None:
    """Draw ``text`` as a QR code (error correction M) in the square ``size`` wide whose
    lower-left corner is ``(x, y)``, quiet zone included."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    box = size / (code.getModuleCount() + 2 * QR_BORDER)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    for r, row in enumerate(code.modules):
        c = 0
        top = y + size - (r + QR_BORDER + 1) * box
        for dark, run in groupby(bool(m) for m in row):
            count = sum(1 for _ in run)
            if dark:
                canvas.rect(x + (c + QR_BORDER) * box, top, count * box, box, stroke=0, fill=1)
            c += count
    canvas.restoreState()

"""A plain drawn logo for the demo offices, so a newcomer's first sheet has a full kop.

Drawn pixel by pixel and written as a PNG with the standard library only (zlib), so it is the
same bytes on every PC and needs neither Qt nor an image library. It is a neutral shield with
a star and a roof line, not the arms of any real government.
"""

from __future__ import annotations

import functools
import struct
import zlib

__all__ = ["demo_logo_png"]

SIZE = 96
_GOLD = (214, 170, 40, 255)
_DARK = (40, 60, 110, 255)
_GREEN = (30, 120, 70, 255)
_CLEAR = (0, 0, 0, 0)


def _inside_shield(x: float, y: float) -> bool:
    """A shield: straight sides down to 55 % of the height, then a curve to a point."""
    half = 0.42
    if y < 0.06 or y > 0.96 or abs(x) > half:
        return False
    if y <= 0.55:
        return True
    depth = (y - 0.55) / 0.41
    return abs(x) <= half * (1 - depth**1.6)


def _inside_star(x: float, y: float, cx: float, cy: float, r: float) -> bool:
    import math

    dx, dy = x - cx, y - cy
    dist = math.hypot(dx, dy)
    if dist > r:
        return False
    angle = math.atan2(dx, -dy) % (2 * math.pi / 5)
    spike = abs(angle - math.pi / 5) / (math.pi / 5)  # 0 at a tip, 1 between tips
    return dist <= r * (0.45 + 0.55 * spike**2.2) if spike < 1 else dist <= r * 0.45


def _pixel(px: int, py: int) -> tuple[int, int, int, int]:
    x = (px + 0.5) / SIZE - 0.5
    y = (py + 0.5) / SIZE
    if not _inside_shield(x, y):
        return _CLEAR
    edge = not all(
        _inside_shield(x + dx, y + dy) for dx, dy in ((0.03, 0), (-0.03, 0), (0, 0.03), (0, -0.03))
    )
    if edge:
        return _DARK
    if _inside_star(x, y, 0.0, 0.30, 0.15):
        return _DARK
    # A roof line (gonjong) across the lower half: two horns rising at the sides.
    roof = 0.62 - 0.10 * (abs(x) / 0.42) ** 2
    if roof - 0.03 <= y <= roof + 0.03:
        return _GREEN
    return _GOLD


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


@functools.cache
def demo_logo_png() -> bytes:
    """The demo logo as PNG bytes (96 × 96, RGBA), identical on every run."""
    raw = bytearray()
    for py in range(SIZE):
        raw.append(0)  # filter type: none
        for px in range(SIZE):
            raw.extend(_pixel(px, py))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + _chunk(b"IEND", b"")
    )

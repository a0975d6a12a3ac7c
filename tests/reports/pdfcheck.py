"""Reading PDFs back the way a person would: text, page sizes, and the footer's QR code.

Uses poppler's ``pdftotext``/``pdfinfo``/``pdftoppm`` (CI installs poppler-utils) and the
``zxing-cpp`` decoder (the ``test`` extra).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

MM = 72 / 25.4


def pdf_text(path: Path) -> str:
    """The text in content order, with every run of whitespace made one space."""
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", out)


def page_texts(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [re.sub(r"\s+", " ", page) for page in out.split("\f") if page.strip()]


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(path)], check=True, capture_output=True,
        text=True,
    ).stdout  # fmt: skip
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    return [(round(float(w) / MM), round(float(h) / MM)) for w, h in sizes]


def decode_qr(path: Path, tmp: Path, page: int = 1) -> list[str]:
    """Render one page to PNG and decode every QR code on it."""
    import zxingcpp
    from PIL import Image

    stem = tmp / f"qr{page}"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", str(page), "-l", str(page), "-singlefile",
         str(path), str(stem)],
        check=True,
    )  # fmt: skip
    image = Image.open(f"{stem}.png")
    return [r.text for r in zxingcpp.read_barcodes(image)]

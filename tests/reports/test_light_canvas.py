"""Finished pages are kept compressed (issue 16, item 6): the same bytes, less memory."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.reports.light_canvas import LightCanvas


def _draw(canvas: Canvas, pages: int) -> None:
    for n in range(pages):
        canvas.setFont("Helvetica", 9)
        for k in range(200):  # a page of many operators, like a table and a QR code
            canvas.rect(20 + k % 20 * 25, 40 + k // 20 * 60, 20, 50)
        canvas.drawString(40, 800, f"Halaman {n + 1}")
        canvas.showPage()


def test_a_finished_page_holds_its_stream_encoded_and_the_pdf_is_the_same() -> None:
    plain, light = io.BytesIO(), io.BytesIO()
    reference = Canvas(plain, invariant=1)
    _draw(reference, 5)
    assert all(page.stream for page in reference._doc.Pages.pages)  # reportlab keeps the text

    canvas = LightCanvas(light, invariant=1)
    _draw(canvas, 5)
    held = canvas._doc.Pages.pages
    assert len(held) == 5
    for page in held:
        assert page.stream is None
        assert 0 < len(page.Contents.content) < 2000  # about 8 kB of operators, compressed
    reference.save()
    canvas.save()
    assert light.getvalue() == plain.getvalue()


def test_a_finished_page_leaves_memory_and_a_file_target_gets_the_same_bytes(tmp_path) -> None:
    """The encoded streams wait in a temporary file, and the PDF is written object by object
    to the target path (no whole-file copy in memory), byte for byte as reportlab writes."""
    reference = Canvas(str(tmp_path / "plain.pdf"), invariant=1)
    _draw(reference, 7)
    reference.save()
    canvas = LightCanvas(str(tmp_path / "light.pdf"), invariant=1)
    _draw(canvas, 7)
    for page in canvas._doc.Pages.pages:
        assert "content" not in vars(page.Contents)  # read back from the spill file
    canvas.save()
    assert (tmp_path / "light.pdf").read_bytes() == (tmp_path / "plain.pdf").read_bytes()

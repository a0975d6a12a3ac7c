"""The page frame every document shares: kop surat, "DRAF" watermark, footer, page numbers.

Several documents can go into one PDF (a batch). Each keeps its own "Halaman x dari y": the
total is not known while its pages are drawn, so every footer places a PDF form XObject named
after the document, and the form is defined (with the count) when the document's last
flowable is drawn. That is one pass, with no page kept in memory.

The footer of every page carries the printed record's uuid, the short hash of the document's
content, and a QR code holding both (``KINERJA:<uuid>:<hash>``), so a signed paper can be
matched to the data.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any, Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.reports.light_canvas import LightCanvas
from kinerja_desktop.reports.model import DocMeta, Letterhead, qr_payload
from kinerja_desktop.reports.qr import draw_qr
from kinerja_desktop.reports.styles import fonts, page_size, styles

__all__ = [
    "BLANK_MARK",
    "MARGIN",
    "MAX_KOP_LINES",
    "ReportCancelled",
    "build_pdf",
    "esc",
    "letterhead_flowables",
    "parsed",
]

MARGIN = 14 * mm
#: Lines of the kop surat above the address (PEMERINTAH KOTA / KECAMATAN / KELURAHAN ...).
MAX_KOP_LINES = 5
FOOTER_HEIGHT = 21 * mm
QR_SIZE = 17 * mm


class ReportCancelled(KinerjaError):
    """The user cancelled a batch; nothing was written."""

    def __init__(self) -> None:
        super().__init__("report.cancelled")


class ProgressLike(Protocol):
    def set_progress(self, done: int, total: int, message: str = "") -> None: ...

    def is_cancel_requested(self) -> bool: ...


def esc(text: object) -> str:
    """Escape text for a reportlab Paragraph (which reads a small XML markup)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parsed(markup: str, style: str) -> Paragraph:
    """``Paragraph(markup, styles()[style])`` for text printed alike on many pages (a kop, a
    field's name, a title), from fragments parsed once: reportlab builds a paragraph from given
    fragments (as its own split does) without reading the markup again, and never changes
    them while it lays the paragraph out."""
    return Paragraph(markup, styles()[style], frags=_fragments(markup, style))


@functools.lru_cache(maxsize=1024)
def _fragments(markup: str, style: str) -> list[Any]:
    return Paragraph(markup, styles()[style]).frags  # type: ignore[no-any-return]


@dataclass
class _State:
    meta: DocMeta | None = None
    pending: DocMeta | None = None
    page: int = 0
    index: int = -1
    done: int = 0
    total: int = 0
    progress: ProgressLike | None = None


class _EndOfDocument(Flowable):
    """Zero-size marker after a document: defines its page total and queues the next meta."""

    def __init__(self, state: _State, next_meta: DocMeta | None) -> None:
        super().__init__()
        self._state = state
        self._next = next_meta

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        state = self._state
        canvas = self.canv
        canvas.beginForm(f"pages{state.index}")
        canvas.setFont(fonts().regular, 7)
        canvas.drawString(0, 0, str(state.page))
        canvas.endForm()
        state.pending = self._next
        state.done += 1
        if state.progress is not None:
            state.progress.set_progress(state.done, state.total)
            if state.progress.is_cancel_requested():
                raise ReportCancelled()


def _watermark(canvas: Any, width: float, height: float) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
    canvas.setFont(fonts().bold, 110)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -38, "DRAF")
    canvas.restoreState()


BLANK_MARK = "FORMULIR KOSONG"


def _footer(canvas: Any, state: _State, width: float) -> None:
    meta = state.meta
    if meta is None:
        return
    f = fonts()
    canvas.saveState()
    bottom = 8 * mm
    canvas.setStrokeColor(colors.HexColor("#888888"))
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, bottom + QR_SIZE + 1.5 * mm, width - MARGIN, bottom + QR_SIZE + 1.5 * mm)
    lines = []
    if meta.blank:
        # A blank form prints no record: no QR, no record id, no status (only the form's name).
        text_x = MARGIN
        lines.append((f.bold, f"{BLANK_MARK} · untuk diisi tangan"))
        if meta.owner:
            lines.append((f.regular, meta.owner))
        lines.append((f.italic, "dicetak dengan Kinerja Desktop"))
    else:
        # Encoded once per page (issue 16) and drawn as one path, not a shape per module.
        draw_qr(canvas, qr_payload(meta), MARGIN - 1.5 * mm, bottom, QR_SIZE)
        text_x = MARGIN + QR_SIZE + 1 * mm
        if meta.owner:
            lines.append((f.bold, meta.owner))
        lines.append((f.regular, f"ID rekaman: {meta.record_uuid}"))
        lines.append((f.regular, f"Hash isi: {meta.content_hash}"))
        status = "final (disetujui)" if meta.approved else "belum disetujui"
        lines.append((f.italic, f"Status: {status} · dicetak dengan Kinerja Desktop"))
    canvas.setFillColor(colors.black)
    y = bottom + QR_SIZE - 4 * mm
    for font_name, line in lines:
        canvas.setFont(font_name, 7)
        canvas.drawString(text_x, y, line)
        y -= 3.4 * mm
    label = f"Halaman {state.page} dari "
    canvas.setFont(f.regular, 7)
    form_width = stringWidth("999", f.regular, 7)
    x = width - MARGIN - form_width
    canvas.drawRightString(x, bottom + QR_SIZE - 4 * mm, label)
    canvas.translate(x + 0.6 * mm, bottom + QR_SIZE - 4 * mm)
    canvas.doForm(f"pages{state.index}")
    canvas.restoreState()


def _blank_mark(canvas: Any, width: float, height: float) -> None:
    """ "FORMULIR KOSONG" boxed at the top right of every page of a blank form."""
    f = fonts()
    canvas.saveState()
    canvas.setFont(f.bold, 9)
    text_width = stringWidth(BLANK_MARK, f.bold, 9)
    x, y = width - MARGIN - text_width - 2 * mm, height - MARGIN + 2.5 * mm
    canvas.setLineWidth(0.8)
    canvas.rect(x - 1.5 * mm, y - 1.4 * mm, text_width + 3 * mm, 5 * mm)
    canvas.drawString(x, y, BLANK_MARK)
    canvas.restoreState()


def letterhead_flowables(head: Letterhead, width: float) -> list[Flowable]:
    """The kop surat: logo at the left, up to five lines centred, a double rule below.

    The first line (the government) and the middle lines (the levels above the office) are
    smaller than the last one, which names the office itself.
    """
    lines: list[Flowable] = []
    shown = head.lines[:MAX_KOP_LINES]
    for n, line in enumerate(shown):
        if n == len(shown) - 1:
            style = "kop2"
        elif n == 0:
            style = "kop1"
        else:
            style = "kop_small"
        lines.append(parsed(esc(line), style))
    if head.address:
        lines.append(parsed(esc(head.address), "kop3"))
    logo: Flowable | str = ""
    if head.logo:
        reader = logo_reader(head.logo)
        if reader is not None:  # a damaged logo must not stop the document (the service warned)
            w, h = reader.getSize()
            side = 20 * mm
            scale = min(side / w, side / h)
            logo = _Logo(reader, w * scale, h * scale)
    table = Table([[logo, lines, ""]], colWidths=[24 * mm, width - 48 * mm, 24 * mm])
    table.setStyle(_KOP_STYLE)
    rule = Table([[""]], colWidths=[width], rowHeights=[1.2])
    rule.setStyle(_RULE_STYLE)
    return [table, rule]


# Shared by every kop of every document: Table.setStyle only reads a style's commands.
_KOP_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, 0), "CENTER"),
        ("LINEBELOW", (0, 0), (-1, 0), 1.6, colors.black),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
    ]
)
_RULE_STYLE = TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)])


@functools.lru_cache(maxsize=8)
def logo_reader(logo: bytes) -> ImageReader | None:
    """The logo decoded once for every page that prints it (a batch of one office's cards
    shares one kop), or None when it cannot be read.

    Its pixels and mask are read here, so the reader is never changed while pages share it.
    """
    try:
        reader = ImageReader(io.BytesIO(logo))
        reader.getSize()
        reader.getRGBData()
        mask = getattr(reader, "_dataA", None)  # set by getRGBData for an image with alpha
        if mask is not None:
            mask.getRGBData()
    except Exception:
        return None
    return reader


class _Logo(Flowable):
    """The kop's logo as platypus' ``Image`` draws it, from a shared, decoded reader."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self._reader = reader
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self._reader, 0, 0, self.width, self.height, mask="auto")


Renderer = Callable[[Any, float], list[Flowable]]


def build_pdf(
    docs: Sequence[Any] | Iterable[Any],
    target: str | IO[bytes],
    *,
    paper: str,
    render: Renderer,
    total: int = 0,
    progress: ProgressLike | None = None,
    title: str = "Kinerja Desktop",
) -> int:
    """Lay out ``docs`` one after the other into one PDF; returns the number of pages.

    Args:
        docs: document DTOs (each with ``meta``); a generator is fine, so a batch of 1,000
            sheets never holds 1,000 DTOs at once.
        target: a file path or a binary file object.
        paper: ``"a4"`` or ``"f4"``.
        render: turns one DTO and the frame width into flowables.
        total: how many documents, for progress (0: unknown).
        progress: told after each document; asked whether to cancel.

    Raises:
        ReportCancelled: the user cancelled (the target is left incomplete: write to a
            temporary file and move it into place only on success).
        ValidationError: ``report.bad_paper``.
    """
    size = page_size(paper)
    state = _State(total=total, progress=progress)
    width, height = size

    def on_page(canvas: Any, _doc: Any) -> None:
        if state.pending is not None:
            state.meta, state.pending = state.pending, None
            state.page = 0
            state.index += 1
        state.page += 1
        if state.meta is not None and state.meta.blank:
            _blank_mark(canvas, width, height)
        elif state.meta is not None and not state.meta.approved:
            _watermark(canvas, width, height)

    def on_page_end(canvas: Any, _doc: Any) -> None:
        _footer(canvas, state, width)

    frame = Frame(
        MARGIN,
        FOOTER_HEIGHT + 6 * mm,
        width - 2 * MARGIN,
        height - MARGIN - FOOTER_HEIGHT - 6 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template = BaseDocTemplate(
        target,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=FOOTER_HEIGHT,
        title=title,
        author="Kinerja Desktop",
        creator="Kinerja Desktop",
        invariant=1,
    )
    template.addPageTemplates(
        [PageTemplate(id="main", frames=[frame], onPage=on_page, onPageEnd=on_page_end)]
    )
    story = _Story(docs, state, render, width - 2 * MARGIN)
    template.build(story, canvasmaker=LightCanvas)  # type: ignore[arg-type]
    return template.page


class _Story(list):  # type: ignore[type-arg]
    """A story that renders documents lazily, one at a time, as platypus consumes it.

    ``BaseDocTemplate.build`` pops flowables from the front of a list; this list refills
    itself from the document iterator whenever it runs empty, so memory stays flat.
    """

    def __init__(self, docs: Iterable[Any], state: _State, render: Renderer, width: float):
        super().__init__()
        self._docs = iter(docs)
        self._state = state
        self._render = render
        self._width = width
        self._next = next(self._docs, None)
        if self._next is None:
            raise KinerjaError("report.no_documents")
        state.pending = self._next.meta
        self._refill()

    def _refill(self) -> None:
        doc = self._next
        if doc is None:
            return
        self._next = next(self._docs, None)
        flowables = self._render(doc, self._width)
        following = self._next.meta if self._next is not None else None
        flowables.append(_EndOfDocument(self._state, following))
        if self._next is not None:
            flowables.append(PageBreak())
        self.extend(flowables)

    def __len__(self) -> int:
        if not super().__len__() and self._next is not None:
            self._refill()
        return super().__len__()

    def pop(self, index: Any = -1) -> Any:
        if not super().__len__() and self._next is not None:
            self._refill()
        return super().pop(index)

    def __bool__(self) -> bool:
        return len(self) > 0

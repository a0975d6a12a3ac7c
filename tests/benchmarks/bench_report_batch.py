"""Batch printing benchmark: 1,000 report cards through the app's platypus layout against bare
reportlab canvas code drawing the same page layout from the same data, in one run.

Not part of the test suite. Run it with::

    python tests/benchmarks/bench_report_batch.py [--sizes 100 1000] [--pairs 1] [--files]

Each measurement runs in a fresh child process that reads its own peak memory
(``RUSAGE_SELF`` at its end: a ``RUSAGE_CHILDREN`` reading inherits the parent's peak). The
app reads every card from the demo database as a real batch does (``card_batch``: set-based
reads a slice of people at a time, lazily, the approved people cycled to the wanted count
with distinct record uuids); the floor (bare canvas) gets the same DTOs built before its
clock starts. The floor draws the footer's QR code with reportlab's widget (``--floor-qr
widget``, the floor of the earlier figures) or as the app now does, one rectangle per run of
modules straight on the canvas (``--floor-qr canvas``, the tighter floor). App and floor run
interleaved
(A B B A, ``--pairs``, tests/benchmarks/pairing.py). Reported per size: median, min–max and n
of the seconds of each and of their paired ratio (aim <= 1.5x), and the peak memory of each
process (aim < 100 MB at 1,000 pages, flat in the page count); ``--files`` adds one file per
employee.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.pairing import interleave, report, summary_line

DEMO = Path(tempfile.gettempdir()) / "kinerja-bench-report" / "demo.sqlite"
#: How the floor draws the QR code: "widget" (reportlab's QrCodeWidget) or "canvas".
FLOOR_QR = "widget"


def _docs(count: int) -> list[Any]:
    """The floor's data: every card built before its clock starts."""
    import uuid

    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.reporting.cards import card_data

    nips = _approved_nips()
    with Database.open(DEMO) as db:
        base = [card_data(db, nip=n, period="2026-Q1").doc for n in nips]
    return [
        replace(
            base[i % len(base)],
            meta=replace(base[i % len(base)].meta, record_uuid=str(uuid.UUID(int=i + 1))),
        )
        for i in range(count)
    ]


# -- the baseline: the same card drawn with the canvas API ---------------------------------------


def _bare(docs: list[Any], out: Path) -> int:
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from kinerja_desktop.reports.model import qr_payload
    from kinerja_desktop.reports.qr import draw_qr
    from kinerja_desktop.reports.styles import fonts, page_size

    f = fonts()
    width, height = page_size("a4")
    canvas = Canvas(str(out), pagesize=(width, height), invariant=1)
    margin = 14 * mm
    for doc in docs:
        if not doc.meta.approved:
            canvas.saveState()
            canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
            canvas.setFont(f.bold, 110)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -38, "DRAF")
            canvas.restoreState()
        y = height - margin - 14
        for n, line in enumerate(doc.letterhead.lines):
            canvas.setFont(f.bold, 12 if n == 0 else 14)
            canvas.drawCentredString(width / 2, y, line)
            y -= 16
        canvas.setFont(f.regular, 8)
        canvas.drawCentredString(width / 2, y, doc.letterhead.address)
        y -= 8
        canvas.setLineWidth(1.6)
        canvas.line(margin, y, width - margin, y)
        y -= 20
        canvas.setFont(f.bold, 11)
        canvas.drawCentredString(width / 2, y, "DOKUMEN EVALUASI KINERJA PEGAWAI")
        y -= 13
        canvas.setFont(f.bold, 9)
        canvas.drawCentredString(width / 2, y, f"PERIODE: {doc.period_title.upper()}")
        y -= 11
        canvas.drawCentredString(width / 2, y, doc.period_range.upper())
        y -= 14
        row_h = 13.5
        canvas.setLineWidth(0.5)
        blocks = (
            ("1", "PEGAWAI YANG DINILAI", doc.pegawai),
            ("2", "PEJABAT PENILAI KINERJA", doc.penilai),
            ("3", "ATASAN PEJABAT PENILAI KINERJA", doc.atasan),
        )
        x0, x1, x2, x3 = margin, margin + 8 * mm, margin + 16 * mm, margin + 58 * mm
        for number, title, person in blocks:
            canvas.setFillColor(colors.HexColor("#f4f4f4"))
            canvas.rect(x0, y - row_h, width - 2 * margin, row_h, fill=1, stroke=1)
            canvas.setFillColor(colors.black)
            canvas.setFont(f.bold, 8)
            canvas.drawCentredString(x0 + 4 * mm, y - 9.5, number)
            canvas.drawString(x1 + 3, y - 9.5, title)
            y -= row_h
            values = (
                [person.name, person.nip, person.pangkat, person.jabatan_printed, person.unit]
                if person
                else [""] * 5
            )
            fields = ("Nama", "NIP", "Pangkat/Gol. Ruang", "Jabatan", "Unit Kerja")
            for n, (name, value) in enumerate(zip(fields, values, strict=True), start=1):
                canvas.rect(x0, y - row_h, width - 2 * margin, row_h)
                for x in (x1, x2, x3):
                    canvas.line(x, y, x, y - row_h)
                canvas.setFont(f.regular, 8)
                canvas.drawString(x1 + 3, y - 9.5, f"{n}.")
                canvas.drawString(x2 + 3, y - 9.5, name)
                canvas.drawString(x3 + 3, y - 9.5, value)
                y -= row_h
        canvas.setFont(f.bold, 8)
        canvas.rect(x0, y - row_h, width - 2 * margin, row_h)
        canvas.drawString(x1 + 3, y - 9.5, "EVALUASI KINERJA")
        y -= row_h
        items = [
            ("Capaian Kinerja Organisasi", doc.org_predikat),
            ("Predikat Kinerja Pegawai", doc.predikat),
        ]
        if doc.angka_kredit:
            items.append(("Angka Kredit", doc.angka_kredit))
        for n, (name, value) in enumerate(items, start=1):
            canvas.rect(x0, y - row_h, width - 2 * margin, row_h)
            canvas.setFont(f.regular, 8)
            canvas.drawString(x1 + 3, y - 9.5, f"{n}.")
            canvas.drawString(x2 + 3, y - 9.5, name)
            canvas.setFont(f.bold, 8)
            canvas.drawString(x3 + 3, y - 9.5, value.upper())
            y -= row_h
        canvas.rect(x0, y - row_h, width - 2 * margin, row_h)
        canvas.drawString(x1 + 3, y - 9.5, "CATATAN/REKOMENDASI")
        y -= row_h
        canvas.rect(x0, y - 24 * mm, width - 2 * margin, 24 * mm)
        canvas.setFont(f.regular, 8.5)
        canvas.drawString(x0 + 4, y - 11, doc.notes)
        y -= 24 * mm + 20
        half = (width - 2 * margin) / 2
        for column, (role, person, top) in enumerate(
            (
                ("PEGAWAI YANG DINILAI", doc.pegawai, ""),
                ("PEJABAT PENILAI KINERJA", doc.penilai, doc.place_date),
            )
        ):
            x = margin + column * half + 4
            canvas.setFont(f.regular, 8.5)
            canvas.drawString(x, y, top)
            canvas.setFont(f.bold, 8.5)
            canvas.drawString(x, y - 10.5, role)
            canvas.setFont(f.regular, 8.5)
            canvas.drawString(x, y - 21, person.jabatan_printed if person else "")
            if person:
                canvas.setFont(f.bold, 8.5)
                canvas.drawString(x, y - 80, person.name)
                canvas.setFont(f.regular, 8.5)
                canvas.drawString(x, y - 90.5, person.pangkat)
                canvas.drawString(x, y - 101, f"NIP. {person.nip}")
        bottom, qr = 8 * mm, 17 * mm
        canvas.line(margin, bottom + qr + 1.5 * mm, width - margin, bottom + qr + 1.5 * mm)
        if FLOOR_QR == "canvas":
            draw_qr(canvas, qr_payload(doc.meta), margin - 1.5 * mm, bottom, qr)
        else:  # encoded once: asking the widget for its bounds would encode it a second time
            shapes = QrCodeWidget(qr_payload(doc.meta), barLevel="M").draw()
            b = shapes.getBounds()
            scale = [qr / (b[2] - b[0]), 0, 0, qr / (b[3] - b[1]), 0, 0]
            drawing = Drawing(qr, qr, transform=scale)
            drawing.add(shapes)
            renderPDF.draw(drawing, canvas, margin - 1.5 * mm, bottom)
        ty = bottom + qr - 4 * mm
        for font, line in (
            (f.bold, doc.meta.owner),
            (f.regular, f"ID rekaman: {doc.meta.record_uuid}"),
            (f.regular, f"Hash isi: {doc.meta.content_hash}"),
            (f.italic, "Status: final (disetujui) · dicetak dengan Kinerja Desktop"),
        ):
            canvas.setFont(font, 7)
            canvas.drawString(margin + qr + 1 * mm, ty, line)
            ty -= 3.4 * mm
        canvas.setFont(f.regular, 7)
        canvas.drawRightString(width - margin, bottom + qr - 4 * mm, "Halaman 1 dari 1")
        canvas.showPage()
    canvas.save()
    return len(docs)


# -- child process -----------------------------------------------------------------------------


def _approved_nips() -> list[str]:
    import sqlite3

    con = sqlite3.connect(DEMO)
    try:
        return [
            n
            for (n,) in con.execute(
                "select e.nip from evaluations ev join employees e on e.id = ev.employee_id "
                "where ev.period = '2026-Q1' and ev.status = 'approved' order by e.nip"
            )
        ]
    finally:
        con.close()


def _read_docs(db: Any, count: int) -> Iterator[Any]:
    """Each card read from the database as a real batch reads it (``write_batch``: the
    period checked once, then ``card_batch``, lazily, a slice of people at a time), the demo's
    approved people cycled to ``count`` with distinct record uuids."""
    import uuid

    from kinerja_desktop.services.reporting.cards import card_batch
    from kinerja_desktop.services.reporting.output import check_period_kind

    nips = _approved_nips()
    check_period_kind(db, "2026-Q1")
    wanted = [nips[i % len(nips)] for i in range(count)]
    for i, prepared in enumerate(card_batch(db, wanted, "2026-Q1")):
        doc = prepared.doc
        yield replace(doc, meta=replace(doc.meta, record_uuid=str(uuid.UUID(int=i + 1))))


def child(mode: str, count: int) -> None:
    """One measurement in this fresh process; prints its seconds and its own peak RSS."""
    from kinerja_desktop.reports.render import write_pdf
    from kinerja_desktop.reports.styles import fonts
    from kinerja_desktop.services.common.database import Database

    fonts()  # registration is a one-off of every process, not part of a batch
    docs = _docs(count) if mode == "bare" else None  # the floor gets its data for free
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as folder, Database.open(DEMO) as db:
        started = time.perf_counter()
        if mode == "app":
            pages = write_pdf(_read_docs(db, count), str(Path(folder) / "batch.pdf"), paper="a4")
        elif mode == "bare":
            assert docs is not None
            pages = _bare(docs, Path(folder) / "batch.pdf")
        else:  # one file per employee, as write_batch does for a folder
            pages = 0
            for n, doc in enumerate(_read_docs(db, count)):
                pages += write_pdf([doc], str(Path(folder) / f"{n:04d}.pdf"), paper="a4")
        seconds = time.perf_counter() - started
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
    # RUSAGE_SELF of this child alone: a child's RUSAGE_CHILDREN reading would inherit the
    # parent's peak, which made every mode report the same figure.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, float] = {"hwm_mb": _own_high_water_mb()}
    result |= {"seconds": seconds, "pages": pages, "peak_mb": peak_mb, "bytes": size}
    result["growth_mb"] = peak_mb - before_mb
    print(json.dumps(result))


def _own_high_water_mb() -> float:
    """VmHWM of this address space (Linux; reset by exec, unlike ru_maxrss), else 0."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _measure(mode: str, count: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--floor-qr", FLOOR_QR, "--child", mode, str(count)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", type=int, default=[100, 1000])
    parser.add_argument("--pairs", type=int, default=1)
    parser.add_argument("--files", action="store_true", help="also one file per employee")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "COUNT"))
    parser.add_argument("--floor-qr", choices=("widget", "canvas"), default="widget")
    args = parser.parse_args()
    global FLOOR_QR
    FLOOR_QR = args.floor_qr
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    if not DEMO.exists():
        # In a child: on Linux a process starts with its parent's peak RSS as its own
        # ru_maxrss, so this parent stays small (standard library only) and builds nothing.
        DEMO.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "kinerja_desktop", "--db", str(DEMO), "demo"],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    for count in args.sizes:
        app, bare = interleave(
            lambda c=count: _measure("app", c),
            lambda c=count: _measure("bare", c),
            pairs=args.pairs,
            warmup=False,
        )
        seconds = ([r["seconds"] for r in app], [r["seconds"] for r in bare])
        floor = f"bare canvas (QR: {FLOOR_QR})"
        report(f"{count} report cards, one PDF (app reads as write_batch)", *seconds,
               app_name="app", floor_name=floor, aim="<= 1.5x")  # fmt: skip
        print(summary_line("  peak MB, app process", [r["peak_mb"] for r in app], " MB"))
        print(summary_line("  peak MB, bare process", [r["peak_mb"] for r in bare], " MB"))
        print(summary_line("  VmHWM MB, app process", [r["hwm_mb"] for r in app], " MB"))
        print(summary_line("  growth MB during the app batch", [r["growth_mb"] for r in app],
                           " MB"))  # fmt: skip
        print(f"  output {app[0]['bytes'] / 1024:.0f} kB, {app[0]['pages']:.0f} pages")
        if args.files:
            files = [_measure("files", count) for _ in range(2 * args.pairs)]
            print(summary_line("  one file each, seconds", [r["seconds"] for r in files], " s"))
            print(summary_line("  one file each, peak MB", [r["peak_mb"] for r in files], " MB"))


if __name__ == "__main__":
    main()

"""``report``: printed documents and recaps as PDF (and recaps as xlsx).

- ``report skp|sheet|card --nip NIP --period P --out FILE.pdf [--paper a4|f4] [--blank]``
- ``report ak --nip NIP --period P [--nomor TEXT] --out FILE.pdf [--paper a4|f4]``
- ``report recap --period P [--office CODE] --out FILE.pdf|FILE.xlsx [--paper a4|f4]``
- ``report batch --kind sheet|card|ak --office CODE --period P --out FILE.pdf|DIR``

Exit codes (DESIGN.md section 6): 0 written (warnings, such as a blank form made because the
evaluation is missing, go to stderr and to ``"warnings"`` in the JSON); 1 refused (unknown
NIP or office, no data for the period, an unwritable output path); 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.args import PERIOD_HELP, period_arg
from kinerja_desktop.cli.core import Output
from kinerja_desktop.cli.parser import add_command, add_group
from kinerja_desktop.config import resolve_db_path
from kinerja_desktop.domain.messages import counted, reword

_KIND_NAMES = {
    "skp": "SKP",
    "sheet": "Evaluasi Kinerja Pegawai",
    "card": "Dokumen Evaluasi Kinerja Pegawai",
    "ak": "Konversi Predikat Kinerja ke Angka Kredit",
    "recap": "Rekap",
}


def register(sub: Any) -> None:
    group = add_group(sub, "report", "cetak dokumen kinerja dan rekap (PDF/Excel)")
    for kind, help_text in (
        ("skp", "SKP dan lampirannya (PDF)"),
        ("sheet", "Evaluasi Kinerja Pegawai satu periode atau tahunan (PDF)"),
        ("card", "Dokumen Evaluasi Kinerja Pegawai, satu halaman (PDF)"),
        ("ak", "Konversi Predikat Kinerja ke Angka Kredit, pejabat fungsional (PDF)"),
    ):
        p = add_command(group, kind, help_text)
        p.add_argument("--nip", required=True, metavar="NIP")
        p.add_argument("--period", required=True, metavar="P", type=period_arg, help=PERIOD_HELP)
        p.add_argument("--out", required=True, metavar="FILE.pdf")
        p.add_argument("--paper", choices=("a4", "f4"), help="bawaan: pengaturan aplikasi")
        if kind in ("sheet", "card"):
            p.add_argument("--blank", action="store_true", help="formulir kosong untuk diisi")
        if kind == "ak":
            p.add_argument(
                "--nomor", metavar="TEKS",
                help="NOMOR dokumen (disimpan; tanpa ini NOMOR yang tersimpan dipakai)",
            )  # fmt: skip
        p.set_defaults(handler=cmd_document, report_kind=kind)
    recap = add_command(group, "recap", "rekap kantor atau kecamatan (PDF atau .xlsx)")
    recap.add_argument("--period", required=True, metavar="P", type=period_arg, help=PERIOD_HELP)
    recap.add_argument("--office", metavar="CODE", help="tanpa ini: rekap seluruh kecamatan")
    recap.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx")
    recap.add_argument("--paper", choices=("a4", "f4"))
    recap.set_defaults(handler=cmd_recap)
    batch = add_command(group, "batch", "semua lembar evaluasi atau dokumen satu kantor")
    batch.add_argument("--kind", required=True, choices=("sheet", "card", "ak"))
    batch.add_argument("--office", required=True, metavar="CODE")
    batch.add_argument("--period", required=True, metavar="P", type=period_arg, help=PERIOD_HELP)
    batch.add_argument("--out", required=True, metavar="FILE.pdf|DIR")
    batch.add_argument("--paper", choices=("a4", "f4"))
    batch.set_defaults(handler=cmd_batch)


def _open(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.common import Database

    return Database.open(resolve_db_path(args.db))


def _finish(out: Output, written: Any, summary: str) -> int:
    warnings = [reword(w, out.lang) for w in written.warnings]
    for warning in warnings:
        print(f"{out.t('cli.warning')}: {warning}", file=sys.stderr)
    return out.success(summary, written.as_json() | {"warnings": warnings})


def cmd_document(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.reporting import write_document

    with _open(args) as db:
        written = write_document(
            db,
            args.report_kind,
            nip=args.nip,
            period=args.period,
            out=Path(args.out),
            paper=args.paper,
            blank=getattr(args, "blank", False),
            nomor=getattr(args, "nomor", None),
            actor=cli_actor(),
        )
    kind = _KIND_NAMES[args.report_kind]
    summary = counted("report.done", written.pages, out.lang, kind=kind, path=written.paths[0],
                      pages=written.pages)  # fmt: skip
    return _finish(out, written, summary)


def cmd_recap(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.reporting import write_recap

    with _open(args) as db:
        written = write_recap(
            db, period=args.period, office_code=args.office, out=Path(args.out), paper=args.paper
        )
    if Path(args.out).suffix.lower() == ".xlsx":
        summary = out.t("report.recap_xlsx_done", path=written.paths[0])
    else:
        summary = counted("report.done", written.pages, out.lang, kind="Rekap",
                          path=written.paths[0], pages=written.pages)  # fmt: skip
    return _finish(out, written, summary)


def cmd_batch(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.reporting import write_batch

    with _open(args) as db:
        written = write_batch(
            db,
            args.kind,
            office_code=args.office,
            period=args.period,
            out=Path(args.out),
            paper=args.paper,
        )
    summary = counted("report.batch_done", written.documents, out.lang,
                      count=written.documents, path=args.out)  # fmt: skip
    return _finish(out, written, summary)

"""Render every printed kind from the demo to PDF and PNG, to be looked at and tested.

Kinds: SKP, evaluation sheet (filled and blank), Dokumen Evaluasi (filled and blank), Konversi
Predikat Kinerja ke Angka Kredit (a period, and a year with its akumulasi), office recap,
kecamatan recap, a one-file batch and a one-file-per-employee batch; each on A4 and F4.
The filled documents use the demo employee with the largest SKP (most indicators) among those
with an approved evaluation, so page breaks are tried on the longest content the demo has.

Run: ``PYTHONPATH=$PWD python -m tests.reports.render_all [out_folder]``; the PNGs (one per page,
``pdftoppm -r 60``) land in ``out_folder/png``. Tests import :func:`render_all`.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.reporting.cards import card_data
from kinerja_desktop.services.reporting.data import (
    employees_of_office,
    sheet_data,
    skp_data,
)
from kinerja_desktop.services.reporting.output import prepare, write_batch, write_prepared
from kinerja_desktop.services.reporting.recap import kecamatan_recap_data, office_recap_data

PERIOD = "2026-Q1"
PAPERS = ("a4", "f4")


@dataclass(frozen=True)
class Rendered:
    """One rendered PDF and the DTOs printed in it."""

    name: str
    paper: str
    pdf: Path
    docs: tuple[Any, ...]
    pages: int
    blank: bool = False
    kind: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def largest_skp_nip(db_path: Path, period: str = PERIOD) -> tuple[str, str]:
    """(NIP, office code) of the approved evaluation whose SKP has the most indicators."""
    con = sqlite3.connect(db_path)
    try:
        row = con.execute(
            "select e.nip, o.code, count(si.id) n from evaluations ev "
            "join employees e on e.id = ev.employee_id "
            "join skp s on s.id = ev.skp_id join rhk r on r.skp_id = s.id "
            "join skp_indicators si on si.rhk_id = r.id "
            "join assignments a on a.employee_id = e.id and a.end_date is null "
            "join offices o on o.id = a.office_id "
            "where ev.status = 'approved' and ev.period = ? and r.deleted_at is null "
            "and si.deleted_at is null group by ev.id order by n desc, e.nip limit 1",
            (period,),
        ).fetchone()
    finally:
        con.close()
    return row[0], row[1]


def fungsional_nip(db_path: Path, period: str = PERIOD) -> str:
    """The NIP of a jabatan fungsional employee with an approved evaluation of ``period``."""
    con = sqlite3.connect(db_path)
    try:
        row = con.execute(
            "select e.nip from evaluations ev join employees e on e.id = ev.employee_id "
            "join assignments a on a.employee_id = e.id and a.end_date is null "
            "where ev.status = 'approved' and ev.period = ? and a.job_kind = 'fungsional' "
            "order by e.nip limit 1",
            (period,),
        ).fetchone()
    finally:
        con.close()
    return row[0]


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def render_all(
    db_path: Path, folder: Path, *, papers: Iterable[str] = PAPERS, png: bool = False
) -> list[Rendered]:
    """Render every kind for every paper into ``folder``; PNGs too when ``png``."""
    folder.mkdir(parents=True, exist_ok=True)
    nip, office = largest_skp_nip(db_path)
    fungsional = fungsional_nip(db_path)
    out: list[Rendered] = []
    with Database.open(db_path) as db:
        singles = {
            "skp": (lambda: skp_data(db, nip=nip, year=2026), False),
            "sheet": (lambda: sheet_data(db, nip=nip, period=PERIOD), False),
            "sheet_blank": (lambda: sheet_data(db, nip=nip, period=PERIOD, blank=True), True),
            "card": (lambda: card_data(db, nip=nip, period=PERIOD), False),
            "card_blank": (lambda: card_data(db, nip=nip, period=PERIOD, blank=True), True),
            "card_atasan": (lambda: card_data(db, nip=nip, period=PERIOD, sign_atasan=True), False),
            # No NOMOR here: a NOMOR typed is kept, and this database is only read.
            "ak": (lambda: prepare(db, "ak", nip=fungsional, period=PERIOD), False),
            "ak_year": (lambda: prepare(db, "ak", nip=fungsional, period=PERIOD[:4]), False),
            "recap_office": (
                lambda: office_recap_data(db, office_code=office, period=PERIOD),
                False,
            ),
            "recap_kecamatan": (lambda: kecamatan_recap_data(db, period=PERIOD), False),
        }
        for paper in papers:
            for name, (make, blank) in singles.items():
                prepared = make()
                pdf = folder / f"{name}_{paper}.pdf"
                written = write_prepared(prepared, pdf, paper=paper)
                kind = name.split("_")[0]
                out.append(Rendered(name, paper, pdf, (prepared.doc,), written.pages, blank, kind))
            people = employees_of_office(db, office)
            batch = folder / f"batch_{paper}.pdf"
            written = write_batch(db, "sheet", office_code=office, period=PERIOD, out=batch,
                                  paper=paper)  # fmt: skip
            docs = tuple(prepare(db, "sheet", nip=n, period=PERIOD).doc for n, _ in people)
            out.append(Rendered("batch", paper, batch, docs, written.pages, kind="batch"))
            each = folder / f"batch_{paper}"
            written = write_batch(db, "card", office_code=office, period=PERIOD, out=each,
                                  paper=paper)  # fmt: skip
            for (n, _name), path in list(zip(people, written.paths, strict=True))[:2]:
                p = Path(path)
                doc = prepare(db, "card", nip=n, period=PERIOD).doc
                out.append(Rendered(f"each_{p.stem}", paper, p, (doc,), _pages(p), kind="each"))
    if png:
        target = folder / "png"
        target.mkdir(exist_ok=True)
        for item in out:
            stem = target / f"{item.name}_{item.paper}"
            pages = ["-l", "4"] if item.kind == "batch" else []  # a batch: its first pages
            subprocess.run(
                ["pdftoppm", "-r", "60", "-png", *pages, str(item.pdf), str(stem)], check=True
            )
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="kinerja-render-"))
    db_path = folder / "demo.sqlite"
    if not db_path.exists():
        from kinerja_desktop.services.demo.build import build_demo

        folder.mkdir(parents=True, exist_ok=True)
        build_demo(db_path)
    for item in render_all(db_path, folder / "out", png=True):
        print(f"{item.name:28} {item.paper}  {item.pages} halaman  {item.pdf}")
    print(f"PNG: {folder / 'out' / 'png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""The IKU catalogue with its targets as a spreadsheet: template, export and import.

One row per indicator: office code, year, the catalogue fields, the annual target and one
column per period ("Target P1" … "Target P12": triwulan 1–4, bulan 1–12, semester 1–2, or P1
alone for a yearly indicator). A period cell holds a number or a range ``90-100``; an empty
period cell takes its share of the annual target by the indicator's split rule.

Import rules, as for the employee register (DESIGN.md section 6): every row is read and checked
first (cells, duplicate codes, targets, periods, weights of each office and year as they will
be after the import, ownership); with any error nothing is written. Indicators are matched by
office, year and code; indicators missing from the file are kept (an import never deletes).
The work is done inside one transaction that is rolled back on a dry run or an error, so a dry
run reports exactly what the import would do.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.enums import Periodicity, Polarity, SplitRule
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary
from kinerja_desktop.services.common.sheet_import import run_import
from kinerja_desktop.services.plans.dto import PeriodTarget
from kinerja_desktop.services.plans.iku_catalogue import EDITORS, get_catalogue
from kinerja_desktop.services.plans.indicator_import import PERIOD_COLUMNS, IndicatorImport
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import Choice, ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.writer import write_sheet
from kinerja_desktop.storage.models import Office

__all__ = ["export_indicators", "import_indicators", "indicator_spec", "write_indicator_template"]

_INTRO = (
    "Satu baris untuk satu indikator kinerja utama (IKU), dicocokkan dengan Kode Kantor, Tahun "
    "dan Kode IKU: yang sudah ada diperbarui, yang baru ditambahkan. IKU yang tidak ada di "
    "berkas tidak dihapus.",
    "Target P1 sampai P12 adalah target per periode ukur: triwulan I–IV untuk periode ukur "
    "triwulanan, bulan 1–12 untuk bulanan, semester I–II untuk semesteran, P1 saja untuk "
    "tahunan. Kosongkan untuk membagi target tahunan menurut Pembagian Target. Rentang "
    "ditulis 90-100.",
    "Bila bobot dipakai, setiap IKU kantor dan tahun itu harus berbobot dan jumlahnya 100.",
    "Semua baris diperiksa lebih dahulu. Bila ada satu kesalahan saja, tidak ada yang disimpan.",
)


def _choices(members: Any) -> tuple[Choice, ...]:
    return tuple(Choice(m.value, label(m)) for m in members)


def indicator_spec(offices: list[str]) -> SheetSpec:
    """The IKU sheet (offices from the database for the drop-down list)."""
    c = ColumnSpec
    period = tuple(
        c(f"p{n}", f"Target P{n}", (f"P{n}", f"Target Periode {n}"), width=10,
          help=f"Target periode ke-{n} (angka, atau rentang 90-100). Kosong: dari target "
          "tahunan.")
        for n in range(1, PERIOD_COLUMNS + 1)
    )  # fmt: skip
    columns = (
        c("office_code", "Kode Kantor", ("Kantor", "Unit Kerja"), True, "choice",
          tuple(Choice(o, o) for o in offices), width=12),
        c("year", "Tahun", (), False, "int", width=8, help="Kosong: tahun pada perintah impor."),
        c("code", "Kode IKU", ("Kode", "Kode Indikator"), True, width=10, example="IKU-01"),
        c("name", "Nama Indikator", ("Indikator", "Indikator Kinerja Utama", "Nama IKU"), True,
          width=46),
        c("definition", "Definisi", ("Definisi Operasional",), width=30),
        c("formula", "Formula", ("Rumus", "Cara Perhitungan"), width=30),
        c("unit", "Satuan", (), width=10, example="%"),
        c("polarity", "Polaritas", ("Arah",), kind="choice", choices=_choices(Polarity),
          width=16),
        c("data_source", "Sumber Data", (), width=24),
        c("cap", "Batas Capaian", ("Cap", "Batas Atas Capaian"), kind="decimal", width=10,
          help="Kosong (tanpa batas), 100 atau 120."),
        c("weight", "Bobot", (), kind="decimal", width=8),
        c("periodicity", "Periode Ukur", ("Periodisitas",), kind="choice",
          choices=_choices(Periodicity), width=12),
        c("split_rule", "Pembagian Target", ("Aturan Pembagian",), kind="choice",
          choices=_choices(SplitRule), width=18),
        c("annual_target", "Target Tahunan", ("Target",), True, "decimal", width=10),
        c("annual_target_hi", "Target Tahunan Batas Atas", ("Batas Atas Target",),
          kind="decimal", width=10, help="Hanya untuk polaritas rentang."),
        *period,
    )  # fmt: skip
    return SheetSpec("IKU", columns, intro=_INTRO)


def _office_codes(db: Database) -> list[str]:
    with db.uow() as uow:
        return sorted(
            uow.session.execute(select(Office.code).where(Office.deleted_at.is_(None))).scalars()
        )


def write_indicator_template(db: Database, path: Path) -> ExportResult:
    """An empty IKU sheet with this database's offices in its lists."""
    write_sheet(path, indicator_spec(_office_codes(db)), [])
    return ExportResult(str(path), 0)


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(Decimal(value).normalize(), "f")


def _target_text(t: PeriodTarget) -> str:
    return _num(t.target) + (f"-{_num(t.target_hi)}" if t.target_hi is not None else "")


def export_indicators(
    db: Database, path: Path, *, office_code: str | None = None, year: int | None = None
) -> ExportResult:
    """Write the catalogue of one office (or every office) for ``year`` (default this year).

    Raises:
        NotFoundError: ``office.not_found``.
    """
    year = year or date.today().year
    codes = _office_codes(db)
    if office_code is not None:
        office_code = office_code.strip().upper()
        if office_code not in codes:
            raise NotFoundError("office.not_found", field="office", value=office_code)
    rows = []
    for code in [office_code] if office_code else codes:
        for d in get_catalogue(db, code, year).indicators:
            row: dict[str, Any] = {k: getattr(d, k) for k in (
                "office_code", "year", "code", "name", "definition", "formula", "unit",
                "data_source", "cap", "weight", "annual_target", "annual_target_hi")}  # fmt: skip
            row |= {"polarity": d.polarity.value, "periodicity": d.periodicity.value}
            row["split_rule"] = d.split_rule.value
            for n, t in enumerate(d.targets, start=1):
                row[f"p{n}"] = _target_text(t)
            rows.append(row)
    count = write_sheet(path, indicator_spec(codes), rows)
    return ExportResult(str(path), count)


def import_indicators(
    db: Database, actor: Actor, path: Path, *, office_code: str | None = None,
    year: int | None = None, dry_run: bool = False,
) -> ImportSummary:  # fmt: skip
    """Import the IKU sheet at ``path`` (see the module docstring).

    ``office_code`` limits the import to one office (rows of another are errors); ``year`` is
    the year of rows without a Tahun cell (default this year).
    """
    require(actor, *EDITORS)
    spec = indicator_spec(_office_codes(db))
    year = year or date.today().year
    job = IndicatorImport(actor, spec=spec, year=year, office_code=office_code)
    return run_import(db, job, Path(path), dry_run=dry_run)

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

import re
from collections import defaultdict
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.enums import Periodicity, Polarity, SplitRule
from kinerja_desktop.domain.errors import KinerjaError, NotFoundError, ValidationError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import PeriodKind, periods_of_year
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary, RowMessage
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.plans.dto import IndicatorInput, PeriodTarget
from kinerja_desktop.services.plans.iku_catalogue import (
    EDITORS,
    apply_catalogue,
    check_indicator,
    get_catalogue,
)
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import Choice, ColumnSpec, RowError, SheetSpec
from kinerja_desktop.spreadsheet.reader import read_sheet
from kinerja_desktop.spreadsheet.writer import write_sheet
from kinerja_desktop.storage.models import Office

__all__ = ["export_indicators", "import_indicators", "indicator_spec", "write_indicator_template"]

PERIOD_COLUMNS = 12
_RANGE = re.compile(r"^\s*([0-9.,]+)\s*(?:-|–|s\.?d\.?|sampai)\s*([0-9.,]+)\s*$", re.I)
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
_FIELD_KEY = {
    "kode": "code", "nama": "name", "target": "annual_target", "target_hi": "annual_target_hi",
    "bobot": "weight", "cap": "cap", "periode": "p1",
}  # fmt: skip


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


def _parse_target(text: str) -> tuple[Decimal, Decimal | None]:
    match = _RANGE.match(text)
    parts = [match.group(1), match.group(2)] if match else [text]
    out = []
    for part in parts:
        clean = part.strip().replace(" ", "")
        if "," in clean:
            clean = clean.replace(".", "").replace(",", ".")
        try:
            number = Decimal(clean)
        except InvalidOperation as exc:
            raise ValueError(part) from exc
        if not number.is_finite():
            raise ValueError(part)
        out.append(number)
    return out[0], out[1] if len(out) > 1 else None


def _message(row: int | None, column: str, value: str, exc: KinerjaError) -> RowMessage:
    params = tuple(exc.params.items())
    return RowMessage(row, column, value, exc.message or exc.code, exc.code, params)


def import_indicators(
    db: Database, actor: Actor, path: Path, *, office_code: str | None = None,
    year: int | None = None, dry_run: bool = False,
) -> ImportSummary:  # fmt: skip
    """Import the IKU sheet at ``path`` (see the module docstring).

    ``office_code`` limits the import to one office (rows of another are errors); ``year`` is
    the year of rows without a Tahun cell (default this year).
    """
    require(actor, *EDITORS)
    year = year or date.today().year
    path = Path(path)
    wanted_office = office_code.strip().upper() if office_code else None
    try:
        data = read_sheet(path, indicator_spec(_office_codes(db)))
    except ValidationError as exc:
        return ImportSummary(str(path), 0, 0, 0, (_message(exc.row, exc.field or "", "", exc),),
                             (), dry_run, False)  # fmt: skip
    header = data.header.header
    errors = [RowMessage(e.row, e.column, e.value, e.message, e.code, e.params)
              for r in data.rows for e in r.errors]  # fmt: skip
    warnings = [RowMessage(w.row, w.column, w.value, w.message, w.code, w.params)
                for w in data.warnings]  # fmt: skip
    groups: dict[tuple[str, int], list[tuple[int, IndicatorInput]]] = defaultdict(list)
    for r in data.rows:
        v = r.values
        if r.errors or v.get("office_code") is None:
            continue
        office, row_year = v["office_code"], v.get("year") or year
        if wanted_office and office != wanted_office:
            err = RowError.make(r.row, header("office_code"), office, "iku.sheet_office",
                                office=office, wanted=wanted_office)  # fmt: skip
            errors.append(RowMessage(err.row, err.column, err.value, err.message, err.code))
            continue
        polarity = Polarity(v.get("polarity") or Polarity.HIGHER)
        periodicity = Periodicity(v.get("periodicity") or Periodicity.QUARTERLY)
        kind = PeriodKind.from_frequency(periodicity)
        periods = periods_of_year(row_year, kind)
        targets = []
        bad = False
        for n in range(1, PERIOD_COLUMNS + 1):
            cell = v.get(f"p{n}")
            if not cell:
                continue
            if n > len(periods):
                err = RowError.make(r.row, header(f"p{n}"), cell, "iku.sheet_period_column",
                                    column=header(f"p{n}"), count=len(periods))  # fmt: skip
                errors.append(RowMessage(err.row, err.column, err.value, err.message, err.code))
                bad = True
                continue
            try:
                lo, hi = _parse_target(str(cell))
            except ValueError:
                err = RowError.make(r.row, header(f"p{n}"), cell, "sheet.not_number")
                errors.append(RowMessage(err.row, err.column, err.value, err.message, err.code))
                bad = True
                continue
            targets.append(PeriodTarget(str(periods[n - 1]), lo, hi))
        if bad:
            continue
        groups[(office, row_year)].append(
            (
                r.row,
                IndicatorInput(
                    code=v.get("code") or "", name=v.get("name") or "",
                    annual_target=v["annual_target"], annual_target_hi=v.get("annual_target_hi"),
                    unit=v.get("unit") or "", polarity=polarity, periodicity=periodicity,
                    split_rule=SplitRule(v.get("split_rule") or SplitRule.SAME),
                    definition=v.get("definition") or "", formula=v.get("formula") or "",
                    data_source=v.get("data_source") or "", cap=v.get("cap"),
                    weight=v.get("weight"), targets=tuple(targets),
                ),
            )
        )  # fmt: skip
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    uuids: list[str] = []
    applied = False
    with db.uow() as uow:
        session = uow.session
        for (office, row_year), items in groups.items():
            codes: dict[str, int] = {}
            for row_no, item in items:
                key = (item.code or "").strip().upper()
                if key in codes:
                    err = RowError.make(row_no, header("code"), item.code, "iku.sheet_duplicate",
                                        iku=key, line=codes[key])  # fmt: skip
                    errors.append(RowMessage(err.row, err.column, err.value, err.message,
                                             err.code))  # fmt: skip
                codes.setdefault(key, row_no)
            if any(e.row in {n for n, _ in items} for e in errors):
                continue
            office_row = session.execute(select(Office).where(Office.code == office)).scalar_one()
            # Check each row alone first, so an error names its own row.
            failed = False
            for row_no, item in items:
                try:
                    apply_catalogue_check(item, row_year)
                except KinerjaError as exc:
                    column = header(_FIELD_KEY.get(exc.field or "", "code"))
                    errors.append(_message(row_no, column, "", exc))
                    failed = True
            if failed:
                continue
            try:
                change = apply_catalogue(
                    session, actor, office_row, row_year, [i for _, i in items],
                    delete_missing=False,
                )  # fmt: skip
            except KinerjaError as exc:
                first = items[0][0]
                column = header(_FIELD_KEY.get(exc.field or "", "code"))
                errors.append(_message(first, column, "", exc))
                continue
            counts["created"] += len(change.created)
            counts["updated"] += len(change.updated)
            counts["unchanged"] += len(change.unchanged)
            uuids += change.uuids
        if not errors and not dry_run and uuids:
            audit(
                session, actor, action="import", entity="indicator_catalogue",
                after={"file": path.name, **counts, "records": uuids},
                summary=f"{path.name}: {counts['created']} baru, {counts['updated']} diubah",
            )  # fmt: skip
            uow.commit()
            applied = True
        else:
            uow.rollback()
    errors.sort(key=lambda e: (e.row or 0, e.column))
    return ImportSummary(
        str(path), counts["created"], counts["updated"], counts["unchanged"], tuple(errors),
        tuple(warnings), dry_run, applied, tuple(uuids),
    )  # fmt: skip


def apply_catalogue_check(item: IndicatorInput, year: int) -> None:
    """Check one row on its own (targets, periods), so its error names its row."""
    check_indicator(item, year)

"""SKP plans as a spreadsheet: template, export and import.

One row per individual indicator (IKI): the employee's NIP and the year pick the SKP, "No RHK"
the RHK within it (rows of one RHK repeat its number and text), then the aspek, indicator,
target and satuan. "No RHK Atasan" is the number of the atasan's RHK that this RHK intervenes
(as the atasan's SKP numbers it); "Kode IKU" the office IKU a head's RHK serves; "Penugasan
dari" the pimpinan who gave the RHK as a penugasan (empty for a cascaded RHK). The lampiran
and the ekspektasi khusus pimpinan of an SKP are written on its first row and may stand on any
one of its rows.

Import rules (DESIGN.md section 6): every row is read and checked first; an SKP in the file
replaces the RHK and indicators of that employee's newest SKP of the year (RHK and indicators
keep their identity by position, so an unchanged export imports back unchanged); SKPs not in
the file are untouched. The same checks as the editor apply (the atasan's RHK, the office IKU,
cycles, targets); an SKP that is submitted or approved cannot be changed by an import (start a
revision in the application). Atasan are processed before their staff, so a subordinate's
"No RHK Atasan" refers to the atasan's SKP as the same file leaves it. With any error nothing
is written; counts are per SKP.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.enums import Aspect, CoreValue, Polarity, RhkKind, SplitRule
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.services.admin.permissions import require_writer
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary
from kinerja_desktop.services.common.sheet_import import run_import
from kinerja_desktop.services.plans.skp import skp_detail
from kinerja_desktop.services.plans.skp_import import LAMPIRAN, SkpImport, rhk_number
from kinerja_desktop.services.plans.skp_status import skp_rows
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import Choice, ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.writer import write_sheet
from kinerja_desktop.storage.models import Office, Rhk, Skp

__all__ = ["export_skp", "import_skp", "skp_spec", "write_skp_template"]

_INTRO = (
    "Satu baris untuk satu indikator kinerja individu. Baris-baris satu RHK mengulang No RHK "
    "dan uraian RHK-nya.",
    "SKP (NIP dan Tahun) yang ada di berkas menggantikan seluruh RHK dan indikator SKP "
    "terbaru pegawai itu; SKP yang tidak ada di berkas tidak diubah.",
    "No RHK Atasan adalah nomor RHK pada SKP atasan langsung yang diintervensi. Kepala kantor "
    "mengisi Kode IKU yang didukung.",
    "SKP yang sedang diajukan atau sudah disetujui tidak dapat diubah lewat impor; buat "
    "revisi di aplikasi.",
    "Semua baris diperiksa lebih dahulu. Bila ada satu kesalahan saja, tidak ada yang disimpan.",
)


def _choices(members: Any) -> tuple[Choice, ...]:
    return tuple(Choice(m.value, label(m)) for m in members)


def skp_spec() -> SheetSpec:
    """The SKP sheet."""
    c = ColumnSpec
    expectations = tuple(
        c(f"exp_{cv.value}", f"Ekspektasi {label(cv)}", (), width=24,
          help=f"Ekspektasi khusus pimpinan untuk nilai {label(cv)}.")
        for cv in CoreValue
    )  # fmt: skip
    columns = (
        c("nip", "NIP", ("NIP Pegawai", "NI PPPK"), True, "nip", width=22),
        c("name", "Nama", ("Nama Pegawai",), width=26, help="Sebagai keterangan."),
        c("year", "Tahun", (), False, "int", width=8, help="Kosong: tahun pada perintah."),
        c("rhk_no", "No RHK", ("Nomor RHK",), True, "int", width=7),
        c("kind", "Jenis RHK", ("Jenis",), kind="choice", choices=_choices(RhkKind), width=10,
          help="Kosong: Utama."),
        c("rhk", "Rencana Hasil Kerja", ("RHK",), True, width=40),
        c("parent_no", "No RHK Atasan", ("Nomor RHK Atasan",), kind="int", width=8),
        c("parent_text", "RHK Atasan yang Diintervensi", ("RHK Atasan",), width=34,
          help="Sebagai keterangan; yang dipakai No RHK Atasan."),
        c("iku", "Kode IKU", ("IKU",), width=10, help="Hanya kepala kantor."),
        c("assigned_by", "Penugasan dari", ("Pemberi Penugasan",), width=24,
          help="Nama pimpinan yang memberi RHK ini sebagai penugasan; kosong bila RHK "
               "berasal dari cascading."),
        c("aspect", "Aspek", (), True, "choice", _choices(Aspect), width=10),
        c("iki", "Indikator Kinerja Individu", ("Indikator", "IKI"), True, width=40),
        c("target", "Target", (), True, "decimal", width=9),
        c("target_hi", "Target Batas Atas", (), kind="decimal", width=9),
        c("unit", "Satuan", (), width=10),
        c("polarity", "Polaritas", (), kind="choice", choices=_choices(Polarity), width=16),
        c("split_rule", "Pembagian Target", (), kind="choice", choices=_choices(SplitRule),
          width=16),
        c("cap", "Batas Capaian", (), kind="decimal", width=9),
        c("weight", "Bobot", (), kind="decimal", width=8),
        c("resources", "Dukungan Sumber Daya", (), width=30),
        c("accountability", "Skema Pertanggungjawaban", (), width=30),
        c("consequences", "Konsekuensi", (), width=30),
        *expectations,
    )  # fmt: skip
    return SheetSpec("SKP", columns, intro=_INTRO)


def write_skp_template(db: Database, path: Path) -> ExportResult:
    write_sheet(path, skp_spec(), [])
    return ExportResult(str(path), 0)


def export_skp(
    db: Database, path: Path, *, office_code: str | None = None, year: int | None = None
) -> ExportResult:
    """Write the newest SKP of every employee (or one office's) for ``year``.

    Raises:
        NotFoundError: ``office.not_found``.
    """
    year = year or date.today().year
    rows: list[dict[str, Any]] = []
    with db.uow() as uow:
        session = uow.session
        if office_code is not None:
            office_code = office_code.strip().upper()
            found = session.execute(select(Office.id).where(Office.code == office_code)).scalar()
            if found is None:
                raise NotFoundError("office.not_found", field="office", value=office_code)
        for entry in skp_rows(session, year, office_code=office_code):
            if entry.skp_uuid is None:
                continue
            skp = session.execute(select(Skp).where(Skp.uuid == entry.skp_uuid)).scalar_one()
            detail = skp_detail(session, skp)
            first = True
            for r in detail.rhk:
                parent_no = None
                if r.parent_rhk_uuid:
                    parent_id = session.execute(
                        select(Rhk.id).where(Rhk.uuid == r.parent_rhk_uuid)
                    ).scalar_one()
                    parent_no = rhk_number(session, parent_id)[1]
                for i in r.indicators:
                    row: dict[str, Any] = {
                        "nip": detail.nip, "name": detail.employee_name, "year": year,
                        "rhk_no": r.number, "kind": r.kind.value, "rhk": r.text,
                        "parent_no": parent_no, "parent_text": r.parent_text,
                        "iku": r.indicator_code or None, "assigned_by": r.assigned_by or None,
                        "aspect": i.aspect.value,
                        "iki": i.text, "target": i.target, "target_hi": i.target_hi,
                        "unit": i.unit, "polarity": i.polarity.value,
                        "split_rule": i.split_rule.value, "cap": i.cap, "weight": i.weight,
                    }  # fmt: skip
                    if first:
                        row |= {k: getattr(detail, k) for k in LAMPIRAN}
                        row |= {f"exp_{cv.value}": t for cv, t in detail.expectations.items()}
                        first = False
                    rows.append(row)
    count = write_sheet(path, skp_spec(), rows)
    return ExportResult(str(path), count)


def import_skp(
    db: Database, actor: Actor, path: Path, *, office_code: str | None = None,
    year: int | None = None, dry_run: bool = False,
) -> ImportSummary:  # fmt: skip
    """Import the SKP sheet at ``path`` (see the module docstring)."""
    require_writer(actor)
    job = SkpImport(actor, spec=skp_spec(), year=year or date.today().year, office_code=office_code)
    return run_import(db, job, Path(path), dry_run=dry_run)

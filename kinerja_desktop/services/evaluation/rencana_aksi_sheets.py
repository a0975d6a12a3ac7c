"""Rencana aksi as a spreadsheet: ``rencana-aksi template|export|import --period P`` (issue 19).

One row per planned action: NIP (as text), name and office for reading, the RHK's ``Kode RHK``
(its number on the SKP, ``"2"``), the RHK text for reading, ``No`` (the action's place under
the RHK, 1, 2, …), then ``Rencana Aksi``, ``Target`` and ``Satuan`` to fill. The export lists
the stored plans; the template lists one empty row per RHK at the next free ``No``, for every
employee with an approved SKP of the period's year.

Import rules (the same pipeline as the realisation sheet,
:mod:`kinerja_desktop.services.evaluation.realisation_sheets`): rows keyed by NIP, Kode RHK and
No; all or nothing with file, row and column in every error; ``dry_run`` checks without
writing; the flat summary. Decisions where the issue is silent:

- An *empty* Rencana Aksi, Target or Satuan cell leaves the stored value as it is; a row whose
  three cells are empty and that names no stored plan is skipped (an unused template row). So
  a sheet cannot clear a target or delete a plan: the evaluation editor does that.
- A ``No`` past the RHK's last plan adds a plan at the end (rows of one RHK in ``No`` order),
  so ``No`` 5 under two plans becomes the third.
- Plans belong to the RHK and period, not to an evaluation: an employee with an approved SKP
  but no evaluation yet may be planned (no Draft is started). With an evaluation, the latest
  revision must be Draft or Dikembalikan and owned here for a row that changes something.
- The period must be one of the installation's periods, not a year (the annual evaluation
  lists the plans of its periods), and not locked.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary
from kinerja_desktop.services.common.sheet_import import run_import
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.rencana_aksi_import import RencanaAksiImport
from kinerja_desktop.services.evaluation.rencana_aksi_lists import live_plans, rhks_of
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
from kinerja_desktop.storage.models import Assignment, Employee, Office

__all__ = [
    "export_rencana_aksi",
    "import_rencana_aksi",
    "rencana_aksi_spec",
    "write_rencana_aksi_template",
]

_INTRO = (
    "Satu baris untuk satu rencana aksi. Baris dikenali dari NIP, Kode RHK dan No.",
    "Isi Rencana Aksi; Target (angka; koma desimal boleh) dan Satuan boleh kosong.",
    "Sel yang kosong tidak mengubah isian yang sudah tersimpan; rencana aksi tidak dihapus "
    "lewat lembar kerja.",
    "No yang belum ada menambah rencana aksi di akhir daftar RHK itu.",
    "Jika ada satu baris salah, tidak ada yang disimpan: perbaiki baris yang disebut lalu "
    "impor lagi.",
    "Jangan menggabungkan sel (merge) dan jangan memakai rumus.",
)


def rencana_aksi_spec(period: str) -> SheetSpec:
    """The rencana aksi sheet of ``period``."""
    c = ColumnSpec
    return SheetSpec(
        sheet="Rencana Aksi",
        columns=(
            c("nip", "NIP", ("NIP Baru", "NI PPPK"), True, "nip", width=22),
            c("name", "Nama", ("Nama Pegawai",), width=28),
            c("office", "Kantor", ("Kode Kantor",), width=10),
            c("code", "Kode RHK", ("No RHK", "RHK Nomor"), True, width=9,
              help="Nomor RHK pada SKP (RHK Utama lebih dulu, lalu RHK Tambahan).",
              example="2"),
            c("rhk", "Rencana Hasil Kerja", ("RHK",), width=40),
            c("order", "No", ("No Urut", "Urutan"), True, "int", width=6,
              help="Urutan rencana aksi di bawah RHK itu: 1, 2, 3, …", example="1"),
            c("text", "Rencana Aksi", ("Aksi", "Kegiatan"), width=50,
              help="Kegiatan yang direncanakan pada periode ini.",
              example="Menyusun laporan patroli"),
            c("target", "Target", ("Target Aksi",), kind="decimal", width=10,
              help="Boleh kosong; angka tidak boleh negatif.", example="2"),
            c("unit", "Satuan", ("Satuan Target",), width=12, example="laporan"),
        ),
        intro=(f"Rencana aksi periode {period}.", *_INTRO),
    )  # fmt: skip


def checked_period(db: Database, period: str) -> Period:
    """``period`` parsed and of the installation's kind, not a year.

    Raises:
        ValidationError: ``period.invalid``, ``evaluation.period_kind``,
            ``rencana_aksi.annual``.
    """
    settings = load_settings(db)
    p = Period.parse(period)
    if p.kind == PeriodKind.YEAR:
        kind = PeriodKind.from_frequency(settings.evaluation_frequency)
        raise validation_error("rencana_aksi.annual", example=str(Period(kind, p.year, 1)))
    core.check_period_kind(p, settings)
    return p


def _people(session: Session, office_code: str | None) -> list[tuple[Employee, Office]]:
    """Active employees with their current office, by office code then name."""
    rows = session.execute(
        select(Employee, Office)
        .join(Assignment, Assignment.employee_id == Employee.id)
        .join(Office, Assignment.office_id == Office.id)
        .where(
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
            Employee.deleted_at.is_(None),
            Employee.active.is_(True),
        )
        .order_by(Office.code, Employee.name)
    ).all()
    return [(e, o) for e, o in rows if office_code is None or o.code == office_code]


def _rows(
    db: Database, period: str, office_code: str | None, *, template: bool
) -> Iterator[dict[str, Any]]:
    p = checked_period(db, period)
    with db.uow() as uow:
        session = uow.session
        for e, office in _people(session, office_code):
            skp = core.approved_skp(session, e.id, p.year)
            ev = core.latest_evaluation(session, e.id, str(p))
            skp_id = ev.skp_id if ev is not None and ev.skp_id is not None else skp and skp.id
            if skp_id is None:  # the import reads the same SKP: the evaluation's, else the year's
                continue
            base = {"nip": e.nip, "name": full_name(e.name, e.title_prefix, e.title_suffix)}
            base["office"] = office.code
            rhks = rhks_of(session, skp_id)
            plans: dict[int, list[Any]] = {}
            for row in live_plans(session, [r.id for _, r in rhks], [str(p)]):
                plans.setdefault(row.rhk_id, []).append(row)
            for code, rhk in rhks:
                head = base | {"code": code, "rhk": rhk.text}
                mine = plans.get(rhk.id, [])
                if template:
                    yield head | {"order": len(mine) + 1}
                    continue
                for n, plan in enumerate(mine, start=1):
                    target = None if plan.target is None else Decimal(plan.target).normalize()
                    yield head | {"order": n, "text": plan.text, "target": target,
                                  "unit": plan.unit}  # fmt: skip


def write_rencana_aksi_template(
    db: Database, path: Path, *, period: str, office_code: str | None = None
) -> ExportResult:
    """The sheet with one empty row per RHK, at its next free No."""
    from kinerja_desktop.spreadsheet.writer import write_sheet

    rows = list(_rows(db, period, office_code, template=True))
    count = write_sheet(path, rencana_aksi_spec(str(Period.parse(period))), rows)
    return ExportResult(str(path), count)


def export_rencana_aksi(
    db: Database, path: Path, *, period: str, office_code: str | None = None
) -> ExportResult:
    """The sheet with the stored plans of the period (edit and import it again)."""
    from kinerja_desktop.spreadsheet.writer import write_sheet

    rows = list(_rows(db, period, office_code, template=False))
    count = write_sheet(path, rencana_aksi_spec(str(Period.parse(period))), rows)
    return ExportResult(str(path), count)


def import_rencana_aksi(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    period: str,
    office_code: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Import the rencana aksi sheet at ``path`` for ``period`` (rules: module docstring).

    Returns:
        The summary; ``errors`` non-empty means nothing was written.

    Raises:
        ValidationError: :func:`checked_period`'s, for the period argument (a usage problem,
            not a file problem).
    """
    p = checked_period(db, period)
    job = RencanaAksiImport(actor, spec=rencana_aksi_spec(str(p)), period=p,
                            office_code=office_code)  # fmt: skip
    return run_import(db, job, Path(path), dry_run=dry_run)

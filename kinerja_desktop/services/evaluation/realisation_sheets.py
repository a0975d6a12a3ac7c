"""Bulk realisations as a spreadsheet: ``realisations template|export|import --period P``.

One row per employee and individual indicator of the approved SKP: NIP (as text), name, the
indicator's ``Kode`` (``"2.1"`` = RHK 2, indicator 1, as the SKP prints it), the RHK and
indicator texts, unit and period target for reading, then ``Realisasi`` and ``Catatan`` to
fill. The export adds the current values and the capaian; the template leaves them empty.

Import rules, the same as the employee import
(:mod:`kinerja_desktop.services.register.employee_import`), on the same pipeline):
all or nothing (any row error refuses the whole file and nothing is written), ``dry_run``
checks without writing, and the flat summary ``{"created", "updated", "unchanged", "errors",
"warnings"}``. ``created`` counts realisations entered for the first time, ``updated`` changed
ones, ``unchanged`` the rest. Decisions: an *empty* Realisasi or Catatan cell leaves the stored
value as it is (so a template filled for a few people never wipes the others); an employee with
an approved SKP but no evaluation yet gets a Draft started; a row of an evaluation that is not
Draft or Dikembalikan, of a locked period, of another office's evaluation, or (with ``office``)
of an employee of another office is a row error.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.scoring import category, round2
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary
from kinerja_desktop.services.common.sheet_import import run_import
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.realisation_import import RealisationImport
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
from kinerja_desktop.storage.models import Assignment, Employee, Office

__all__ = ["export_realisations", "import_realisations", "realisation_spec", "write_template"]

_INTRO = (
    "Isi kolom Realisasi (angka; koma desimal boleh) dan Catatan untuk setiap indikator.",
    "Baris dikenali dari NIP dan Kode indikator; kolom lain hanya keterangan.",
    "Sel Realisasi atau Catatan yang kosong tidak mengubah isian yang sudah tersimpan.",
    "Jika ada satu baris salah, tidak ada yang disimpan: perbaiki baris yang disebut lalu "
    "impor lagi.",
    "Jangan menggabungkan sel (merge) dan jangan memakai rumus.",
)


def realisation_spec(period: str) -> SheetSpec:
    """The realisation sheet of ``period``."""
    c = ColumnSpec
    return SheetSpec(
        sheet="Realisasi",
        columns=(
            c("nip", "NIP", ("NIP Baru", "NI PPPK"), True, "nip", width=22),
            c("name", "Nama", ("Nama Pegawai",), width=28),
            c("office", "Kantor", ("Kode Kantor",), width=10),
            c("code", "Kode", ("Kode Indikator", "No"), True, width=7,
              help="Nomor indikator pada SKP: RHK.indikator, misalnya 2.1.", example="1.2"),
            c("rhk", "Rencana Hasil Kerja", ("RHK",), width=36),
            c("indicator", "Indikator", ("Indikator Kinerja Individu", "IKI"), width=40),
            c("unit", "Satuan", (), width=10),
            c("target", "Target", (f"Target {period}",), kind="decimal", width=10),
            c("value", "Realisasi", ("Realisasi Periode",), kind="decimal", width=12,
              help="Angka realisasi periode ini; jumlah tidak boleh negatif.", example="12,5"),
            c("note", "Catatan", ("Keterangan",), width=30),
            c("capaian", "Capaian (%)", ("Capaian",), kind="decimal", width=11,
              help="Hanya keterangan pada ekspor; diabaikan saat impor."),
            c("category", "Kategori", ("Kategori Capaian",), width=14,
              help="Kategori capaian (DOMAIN.md A 2); hanya keterangan."),
        ),
        intro=(f"Realisasi periode {period}.", *_INTRO),
    )  # fmt: skip


def _rows(
    db: Database, period: str, office_code: str | None, *, with_values: bool
) -> Iterator[dict[str, Any]]:
    settings = load_settings(db)
    p = Period.parse(period)
    core.check_period_kind(p, settings)
    with db.uow() as uow:
        session = uow.session
        for e, _, office in _people(session, office_code):
            skp = core.approved_skp(session, e.id, p.year)
            if skp is None:
                continue
            ev = core.latest_evaluation(session, e.id, str(p))
            values = core.realisations_by_indicator(session, ev.id) if ev else {}
            base = {"nip": e.nip, "name": full_name(e.name, e.title_prefix, e.title_suffix)}
            base["office"] = office.code
            for line in core.skp_lines(session, ev.skp_id if ev else skp.id):
                ind = line.indicator
                target = core.period_target(ind, p)
                row = base | {"code": line.code, "rhk": line.rhk.text, "indicator": ind.text}
                row |= {"unit": ind.unit, "target": target.normalize()}
                r = values.get(ind.id)
                if with_values and r is not None:
                    row |= {"value": None if r.value is None else Decimal(r.value).normalize()}
                    row["note"] = r.note
                    score, _ = core.line_capaian(ind, target, r.value)
                    row["capaian"] = None if score is None else round2(score)
                    if score is not None:
                        row["category"] = label(category(score, settings.bands))
                yield row


def _people(session: Session, office_code: str | None) -> list[tuple[Employee, Assignment, Office]]:
    rows = session.execute(
        select(Employee, Assignment, Office)
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
    return [(e, a, o) for e, a, o in rows if office_code is None or o.code == office_code]


def write_template(
    db: Database, path: Path, *, period: str, office_code: str | None = None
) -> ExportResult:
    """The sheet with every indicator to fill and empty Realisasi cells."""
    from kinerja_desktop.spreadsheet.writer import write_sheet

    rows = list(_rows(db, period, office_code, with_values=False))
    count = write_sheet(path, realisation_spec(str(Period.parse(period))), rows)
    return ExportResult(str(path), count)


def export_realisations(
    db: Database, path: Path, *, period: str, office_code: str | None = None
) -> ExportResult:
    """The sheet with the stored realisations, notes and capaian (edit and import it again)."""
    from kinerja_desktop.spreadsheet.writer import write_sheet

    rows = list(_rows(db, period, office_code, with_values=True))
    count = write_sheet(path, realisation_spec(str(Period.parse(period))), rows)
    return ExportResult(str(path), count)


def import_realisations(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    period: str,
    office_code: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Import the realisation sheet at ``path`` for ``period`` (rules: module docstring).

    Returns:
        The summary; ``errors`` non-empty means nothing was written.

    Raises:
        ValidationError: ``period.invalid`` or ``evaluation.period_kind`` for the period
            argument (a usage problem, not a file problem).
    """
    settings = load_settings(db)
    p = Period.parse(period)
    core.check_period_kind(p, settings)
    spec = realisation_spec(str(p))
    job = RealisationImport(actor, spec=spec, period=p, office_code=office_code, settings=settings)
    return run_import(db, job, Path(path), dry_run=dry_run)

"""Bulk realisations as a spreadsheet: ``realisations template|export|import --period P``.

One row per employee and individual indicator of the approved SKP: NIP (as text), name, the
indicator's ``Kode`` (``"2.1"`` = RHK 2, indicator 1, as the SKP prints it), the RHK and
indicator texts, unit and period target for reading, then ``Realisasi`` and ``Catatan`` to
fill. The export adds the current values and the capaian; the template leaves them empty.

Import rules, the same as the employee import
(:mod:`kinerja_desktop.services.register.employee_sheets`):
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
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ConflictError, KinerjaError, ValidationError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.scoring import category, round2
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary, RowMessage
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import RealisationInput
from kinerja_desktop.services.evaluation.realisations import (
    apply_realisations,
    new_evaluation,
    parse_value,
    require_clerk,
)
from kinerja_desktop.services.office_eval.periods import require_unlocked
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.services.register.employees import full_name
from kinerja_desktop.services.register.offices import home_office_code
from kinerja_desktop.spreadsheet.columns import ColumnSpec, RowError, SheetSpec
from kinerja_desktop.storage.models import Assignment, Employee, Evaluation, Office

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


@dataclass
class _Target:
    employee: Employee
    evaluation: Evaluation | None
    entries: list[RealisationInput] = field(default_factory=list)
    frozen: ValidationError | None = None  # raised only when a row would change something


def _message(row: int | None, column: str, value: object, err: KinerjaError) -> RowMessage:
    text = "" if value is None else str(value)
    return RowMessage(row, column, text, describe(err), err.code, tuple(err.params.items()))


def _from_row_error(e: RowError) -> RowMessage:
    return RowMessage(e.row, e.column, e.value, e.message, e.code, e.params)


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
    from kinerja_desktop.spreadsheet.reader import read_sheet

    settings = load_settings(db)
    p = Period.parse(period)
    core.check_period_kind(p, settings)
    code = str(p)
    path = Path(path)
    errors: list[RowMessage] = []
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with db.uow() as uow:
        session = uow.session
        try:
            require_unlocked(session, code)
            data = read_sheet(path, realisation_spec(code))
        except (ValidationError, ConflictError) as exc:
            return ImportSummary(
                str(path), 0, 0, 0, (_message(exc.row, exc.field or "", "", exc),), (),
                dry_run, False,
            )  # fmt: skip
        header = data.header.header
        home = home_office_code(session)
        targets: dict[str, _Target] = {}
        seen: dict[tuple[str, str], int] = {}
        for row in data.rows:
            errors.extend(_from_row_error(e) for e in row.errors)
            nip, key = row.values.get("nip"), str(row.values.get("code") or "").strip()
            if nip is None or "nip" in row.failed or "code" in row.failed:
                continue
            first = seen.setdefault((nip, key), row.row)
            if first != row.row:
                err = ValidationError("realisation.duplicate_row", value=nip, key=key, first=first)
                errors.append(_message(row.row, header("code"), key, err))
                continue
            try:
                target = targets.get(nip) or _target(session, actor, nip, code, office_code, home)
                targets[nip] = target
                action = _plan_line(session, target, row.values, key, p)
            except KinerjaError as exc:
                column = header(exc.field) if exc.field in ("value", "code") else header("nip")
                errors.append(_message(row.row, column, row.text(exc.field or "nip"), exc))
                continue
            counts[action] += 1
        applied = not errors and not dry_run and counts["created"] + counts["updated"] > 0
        changed: list[str] = []
        if applied:
            for t in targets.values():
                if not t.entries:
                    continue
                ev = t.evaluation or new_evaluation(
                    session, actor, t.employee, code, settings=settings
                )
                _, after = apply_realisations(session, actor, ev, t.entries)
                if after:
                    changed.append(ev.uuid)
            audit(
                session, actor, action="import", entity="realisation",
                after={"file": path.name, "period": code, **counts, "records": changed},
                summary=f"{path.name}: {counts['created']} baru, {counts['updated']} diubah",
            )  # fmt: skip
            uow.commit()
    return ImportSummary(
        str(path), counts["created"], counts["updated"], counts["unchanged"], tuple(errors),
        tuple(_from_row_error(w) for w in data.warnings), dry_run,
        applied, tuple(changed),
    )  # fmt: skip


def _target(
    session: Session, actor: Actor, nip: str, period: str, office_code: str | None,
    home: str | None,
) -> _Target:  # fmt: skip
    e = session.execute(
        select(Employee).where(Employee.nip == nip, Employee.deleted_at.is_(None))
    ).scalar()
    if e is None:
        raise ValidationError("realisation.unknown_nip", field="nip", value=nip)
    require_clerk(actor, e)
    a = core.current_assignment(session, e.id)
    if office_code is not None:
        office = session.get(Office, a.office_id) if a else None
        if office is None or office.code != office_code:
            raise ValidationError(
                "realisation.no_evaluation", field="nip", value=nip, period=period
            )
    ev = core.latest_evaluation(session, e.id, period)
    if ev is None:
        if core.approved_skp(session, e.id, Period.parse(period).year) is None:
            raise ValidationError(
                "realisation.no_evaluation", field="nip", value=nip, period=period
            )
        return _Target(e, None)
    status = core.state_of(session, ev).status
    if status not in core.EDITABLE:
        frozen = ValidationError("evaluation.not_editable", field="nip", status=label(status))
        return _Target(e, ev, frozen=frozen)
    if home is not None and ev.origin_office != home:
        frozen = ValidationError("evaluation.not_owned", field="nip", office=ev.origin_office)
        return _Target(e, ev, frozen=frozen)
    return _Target(e, ev)


def _plan_line(
    session: Session, target: _Target, values: dict[str, Any], key: str, period: Period
) -> str:
    """Check one row against the SKP and the stored value; returns the count it goes to."""
    if target.evaluation is not None:
        skp_id = target.evaluation.skp_id
        stored = core.realisations_by_indicator(session, target.evaluation.id)
    else:
        skp = core.approved_skp(session, target.employee.id, period.year)
        skp_id, stored = (skp.id if skp else None), {}
    line = next((x for x in core.skp_lines(session, skp_id) if x.code == key), None)
    if line is None:
        raise ValidationError("realisation.unknown_code", field="code", value=key)
    raw = values.get("value")
    try:
        value = parse_value(raw, line.indicator)
    except ValidationError as exc:
        raise ValidationError(exc.code, field="value", **exc.params) from exc
    note = values.get("note")
    r = stored.get(line.indicator.id)
    old_value, old_note = (r.value, r.note) if r is not None else (None, "")
    new_value = old_value if value is None else value
    new_note = old_note if note is None else str(note).strip()
    same = (old_value is None and new_value is None) or (
        old_value is not None and new_value is not None and Decimal(old_value) == new_value
    )
    if same and old_note == new_note:
        return "unchanged"
    if target.frozen is not None:
        raise target.frozen
    target.entries.append(RealisationInput(line.indicator.uuid, new_value, new_note))
    return "created" if old_value is None else "updated"

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

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Aspect, CoreValue, Polarity, RhkKind, SplitRule
from kinerja_desktop.domain.errors import KinerjaError, NotFoundError, ValidationError
from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.services.admin.permissions import require_writer
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary, RowMessage
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.plans.dto import IkiInput, RhkInput, SkpInput
from kinerja_desktop.services.plans.skp import (
    latest_skp,
    person,
    skp_detail,
    write_skp,
)
from kinerja_desktop.services.plans.skp_status import skp_rows
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import Choice, ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.reader import read_sheet
from kinerja_desktop.spreadsheet.writer import write_sheet
from kinerja_desktop.storage.models import Employee, Indicator, Office, Rhk, Skp

__all__ = ["export_skp", "import_skp", "skp_spec", "write_skp_template"]

_LAMPIRAN = ("resources", "accountability", "consequences")
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
_FIELD_KEY = {
    "rhk": "rhk", "rhk_atasan": "parent_no", "iku": "iku", "target": "target",
    "indikator": "iki", "bobot": "weight", "target_hi": "target_hi",
}  # fmt: skip


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


def _number_of(session: Session, rhk_id: int) -> tuple[int, int]:
    """(SKP id, position) of an RHK among its SKP's live RHK."""
    row = session.get_one(Rhk, rhk_id)
    ids = session.execute(
        select(Rhk.id)
        .where(Rhk.skp_id == row.skp_id, Rhk.deleted_at.is_(None))
        .order_by(Rhk.sort_order, Rhk.id)
    ).scalars()
    return row.skp_id, next((n for n, i in enumerate(ids, start=1) if i == rhk_id), 0)


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
                    parent_no = _number_of(session, parent_id)[1]
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
                        row |= {k: getattr(detail, k) for k in _LAMPIRAN}
                        row |= {f"exp_{cv.value}": t for cv, t in detail.expectations.items()}
                        first = False
                    rows.append(row)
    count = write_sheet(path, skp_spec(), rows)
    return ExportResult(str(path), count)


# -- import --------------------------------------------------------------------------------------


@dataclass
class _Plan:
    """The rows of one SKP (NIP and year)."""

    nip: str
    year: int
    rows: list[Any] = field(default_factory=list)
    employee_id: int = 0
    employee_uuid: str = ""
    depth: int = 0


def _msg(row: int | None, column: str, value: Any, code: str, **params: Any) -> RowMessage:
    shown = "" if value is None else str(value)
    return RowMessage(row, column, shown, text(code, **params), code, tuple(params.items()))


def _depths(session: Session) -> dict[int, tuple[int | None, int]]:
    """employee id -> (atasan id, depth below the top)."""
    from kinerja_desktop.storage.models import Assignment

    atasan = dict(
        session.execute(
            select(Assignment.employee_id, Assignment.atasan_id).where(
                Assignment.end_date.is_(None), Assignment.deleted_at.is_(None)
            )
        ).all()
    )
    out: dict[int, tuple[int | None, int]] = {}
    for eid in atasan:
        depth, current, seen = 0, atasan.get(eid), {eid}
        while current is not None and current not in seen:
            seen.add(current)
            depth += 1
            current = atasan.get(current)
        out[eid] = (atasan.get(eid), depth)
    return out


def import_skp(
    db: Database, actor: Actor, path: Path, *, office_code: str | None = None,
    year: int | None = None, dry_run: bool = False,
) -> ImportSummary:  # fmt: skip
    """Import the SKP sheet at ``path`` (see the module docstring)."""
    require_writer(actor)
    year = year or date.today().year
    path = Path(path)
    try:
        data = read_sheet(path, skp_spec())
    except ValidationError as exc:
        error = RowMessage(exc.row, exc.field or "", "", exc.message or exc.code, exc.code,
                           tuple(exc.params.items()))  # fmt: skip
        return ImportSummary(str(path), 0, 0, 0, (error,), (), dry_run, False)
    header = data.header.header
    errors = [RowMessage(e.row, e.column, e.value, e.message, e.code, e.params)
              for r in data.rows for e in r.errors]  # fmt: skip
    warnings = [RowMessage(w.row, w.column, w.value, w.message, w.code, w.params)
                for w in data.warnings]  # fmt: skip
    plans: dict[tuple[str, int], _Plan] = {}
    for r in data.rows:
        if r.errors:
            continue
        key = (r.values["nip"], r.values.get("year") or year)
        plans.setdefault(key, _Plan(*key)).rows.append(r)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    uuids: list[str] = []
    applied = False
    with db.uow() as uow:
        session = uow.session
        depth = _depths(session)
        for plan in plans.values():
            e = session.execute(select(Employee).where(Employee.nip == plan.nip)).scalar()
            if e is None or e.deleted_at is not None:
                first = plan.rows[0]
                errors.append(_msg(first.row, header("nip"), plan.nip, "skp.sheet_employee",
                                   value=plan.nip))  # fmt: skip
                continue
            plan.employee_id, plan.employee_uuid = e.id, e.uuid
            plan.depth = depth.get(e.id, (None, 0))[1]
            if office_code:
                p = person(session, id=e.id)
                if p.office_code != office_code.strip().upper():
                    errors.append(_msg(plan.rows[0].row, header("nip"), plan.nip,
                                       "iku.sheet_office", office=p.office_code,
                                       wanted=office_code.strip().upper()))  # fmt: skip
                    plan.employee_id = 0
        for plan in sorted(plans.values(), key=lambda p: (p.depth, p.nip)):
            if not plan.employee_id:
                continue
            values, rhk_rows = _build(session, plan, header, errors)
            if values is None:
                continue
            try:
                skp, action, _before = write_skp(session, actor, values)
            except KinerjaError as exc:
                number = exc.params.get("rhk")
                row = rhk_rows.get(number, plan.rows[0].row) if number else plan.rows[0].row
                column = header(_FIELD_KEY.get(exc.field or "", "rhk"))
                message = exc.message or text(exc.code, **exc.params)
                errors.append(RowMessage(row, column, "", message, exc.code,
                                         tuple(exc.params.items())))  # fmt: skip
                continue
            if action == "unchanged":
                counts["unchanged"] += 1
                continue
            counts["created" if action == "create" else "updated"] += 1
            uuids.append(skp.uuid)
            session.flush()
        if not errors and not dry_run and uuids:
            audit(
                session, actor, action="import", entity="skp",
                after={"file": path.name, **counts, "records": uuids},
                summary=f"{path.name}: {counts['created']} SKP baru, {counts['updated']} diubah",
            )  # fmt: skip
            uow.commit()
            applied = True
        else:
            uow.rollback()
    errors.sort(key=lambda m: (m.row or 0, m.column))
    return ImportSummary(
        str(path), counts["created"], counts["updated"], counts["unchanged"], tuple(errors),
        tuple(warnings), dry_run, applied, tuple(uuids),
    )  # fmt: skip


def _build(
    session: Session, plan: _Plan, header: Any, errors: list[RowMessage]
) -> tuple[SkpInput | None, dict[int, int]]:
    """The SKP input of one plan, keeping stored identities by position; None on an error."""
    p = person(session, id=plan.employee_id)
    stored = latest_skp(session, plan.employee_id, plan.year)
    old = skp_detail(session, stored).rhk if stored is not None else ()
    boss = latest_skp(session, p.atasan_id, plan.year) if p.atasan_id else None
    boss_rhk = skp_detail(session, boss).rhk if boss is not None else ()
    lampiran: dict[str, tuple[str, int]] = {}
    failed = False
    by_number: dict[int, list[Any]] = defaultdict(list)
    first_row: dict[int, int] = {}
    for r in plan.rows:
        v = r.values
        for key in (*_LAMPIRAN, *(f"exp_{cv.value}" for cv in CoreValue)):
            value = v.get(key)
            if not value:
                continue
            held = lampiran.get(key)
            if held is not None and held[0] != value:
                errors.append(_msg(r.row, header(key), value, "skp.sheet_conflict",
                                   column=header(key), line=held[1]))  # fmt: skip
                failed = True
            lampiran.setdefault(key, (value, r.row))
        by_number[v["rhk_no"]].append(r)
        first_row.setdefault(v["rhk_no"], r.row)
    rhk_inputs = []
    numbers: dict[int, int] = {}
    for position, number in enumerate(sorted(by_number), start=1):
        rows = by_number[number]
        head = rows[0].values
        numbers[position] = first_row[number]
        for r in rows[1:]:
            if (
                r.values["rhk"],
                r.values.get("kind"),
                r.values.get("parent_no"),
                r.values.get("iku"),
                r.values.get("assigned_by"),
            ) != (
                head["rhk"],
                head.get("kind"),
                head.get("parent_no"),
                head.get("iku"),
                head.get("assigned_by"),
            ):
                errors.append(
                    _msg(
                        r.row,
                        header("rhk"),
                        r.values["rhk"],
                        "skp.sheet_rhk_conflict",
                        rhk=number,
                        line=rows[0].row,
                    )
                )
                failed = True  # fmt: skip
        before = old[position - 1] if position <= len(old) else None
        parent_uuid = None
        parent_no = head.get("parent_no")
        if parent_no:
            if before is not None and before.parent_rhk_uuid:
                pid = session.execute(
                    select(Rhk.id).where(Rhk.uuid == before.parent_rhk_uuid)
                ).scalar_one()
                skp_id, n = _number_of(session, pid)
                owner = session.get_one(Skp, skp_id)
                if n == parent_no and owner.employee_id == p.atasan_id:
                    parent_uuid = before.parent_rhk_uuid
            if parent_uuid is None:
                if 1 <= parent_no <= len(boss_rhk):
                    parent_uuid = boss_rhk[parent_no - 1].uuid
                else:
                    errors.append(_msg(rows[0].row, header("parent_no"), parent_no,
                                       "skp.sheet_parent_number", number=parent_no,
                                       atasan=p.atasan_name or "-"))  # fmt: skip
                    failed = True
        iku_uuid = None
        if head.get("iku"):
            iku_uuid = session.execute(
                select(Indicator.uuid).where(
                    Indicator.office_id == p.office_id, Indicator.year == plan.year,
                    Indicator.code == str(head["iku"]).strip().upper(),
                    Indicator.deleted_at.is_(None),
                )
            ).scalar()  # fmt: skip
            if iku_uuid is None:
                errors.append(
                    _msg(
                        rows[0].row,
                        header("iku"),
                        head["iku"],
                        "skp.sheet_iku_code",
                        value=head["iku"],
                        office=p.office_code,
                        year=plan.year,
                    )
                )
                failed = True  # fmt: skip
        ikis = []
        for m, r in enumerate(rows):
            v = r.values
            keep = before.indicators[m].uuid if before and m < len(before.indicators) else None
            ikis.append(
                IkiInput(
                    aspect=Aspect(v["aspect"]), text=v["iki"], target=v["target"],
                    unit=v.get("unit") or "", polarity=Polarity(v.get("polarity") or "higher"),
                    target_hi=v.get("target_hi"), cap=v.get("cap"), weight=v.get("weight"),
                    split_rule=SplitRule(v.get("split_rule") or "same"), uuid=keep,
                )
            )  # fmt: skip
        rhk_inputs.append(
            RhkInput(
                text=head["rhk"], kind=RhkKind(head.get("kind") or "utama"),
                parent_rhk_uuid=parent_uuid, indicator_uuid=iku_uuid, indicators=tuple(ikis),
                uuid=before.uuid if before else None, assigned_by=head.get("assigned_by") or "",
            )
        )  # fmt: skip
    if failed:
        return None, numbers
    current = skp_detail(session, stored) if stored is not None else None
    expectations = {cv: lampiran.get(f"exp_{cv.value}", ("", 0))[0] for cv in CoreValue}
    if current is not None and not any(
        f"exp_{cv.value}" in plan.rows[0].values for cv in CoreValue
    ):
        expectations = dict(current.expectations)
    values = SkpInput(
        employee_uuid=plan.employee_uuid, year=plan.year, rhk=tuple(rhk_inputs),
        expectations=expectations,
        **{k: lampiran.get(k, ("", 0))[0] for k in _LAMPIRAN},
    )  # fmt: skip
    return values, numbers

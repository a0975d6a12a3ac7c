"""The employee register as a spreadsheet: template, export and import.

Contract:

- :func:`write_employee_template` and :func:`export_employees` write the same layout (the
  :func:`employee_spec` columns, NIP cells as text, drop-down lists, a "Petunjuk" sheet), so an
  export can be edited and imported again. The export holds active employees with a current
  assignment (the working register; those who left are not edited through spreadsheets).
- :func:`import_employees` reads every row, matches it to an employee by NIP, and validates
  *everything* before writing anything: cell types, duplicate NIPs in the file, golongan against
  PNS/PPPK, jenjang for fungsional, office codes, atasan NIPs (a row of the same file, an
  employee here or an external penilai), atasan cycles and one definitive head per office
  judged on the register as it would be after the import, ownership, and that the account does
  not make its own linked employee an atasan (``employee.self_atasan``). With any error nothing
  is written; otherwise every row applies in one transaction with Core inserts and updates and
  one audit entry listing the changed uuids (DESIGN.md sections 5 and 8). An optional
  ``progress(done, total)`` callback hears how far the checks and the writing are (see
  :class:`ImportMeter`); it changes nothing else.

Column semantics: a column missing from the file leaves that field as stored; a column present
with an empty cell clears it (or, for Jenis Kelamin, takes the NIP's gender digit). A later
"Mulai Tugas" (the assignment's start; "TMT Jabatan" and "TMT Golongan" are the SK dates of
the jabatan and golongan, which a mutasi does not change) together with a change of office,
jabatan, golongan, atasan or head status is a mutasi (the current assignment is closed the
day before and a new one opens); other changes correct the current assignment in place. Rows
are never deleted by an import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from kinerja_desktop.domain.enums import Acting, EmploymentType, FunctionalLevel, Gender, JobKind
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.ranks import PNS_GRADES, PPPK_GRADES
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit, now_utc
from kinerja_desktop.services.register.checks import (
    Person,
    RegisterState,
    check_employee,
    load_state,
    person_columns,
    start_issues,
)
from kinerja_desktop.services.register.dto import (
    EmployeeInput,
    ExportResult,
    FieldIssue,
    ImportSummary,
    RowMessage,
)
from kinerja_desktop.services.register.employee_admin import EDITORS, self_atasan_name
from kinerja_desktop.spreadsheet.columns import Choice, ColumnSpec, RowError, SheetSpec, fold
from kinerja_desktop.spreadsheet.reader import SheetData, SheetRow, read_sheet
from kinerja_desktop.spreadsheet.writer import write_sheet
from kinerja_desktop.storage.base import new_uuid
from kinerja_desktop.storage.models import Assignment, Employee

__all__ = ["employee_spec", "export_employees", "import_employees", "write_employee_template"]

_ASSIGNMENT_KEYS = (
    "office_code", "jabatan", "job_kind", "functional_level", "grade", "atasan_uuid",
    "external_penilai_uuid", "is_head", "acting",
)  # fmt: skip
_FIELD_COLUMN = {"atasan_uuid": "atasan_nip", "external_penilai_uuid": "atasan_nip"}
_YES, _NO = "ya", "tidak"
_INTRO = (
    "Satu baris untuk satu pegawai, dicocokkan dengan NIP: NIP yang sudah ada diperbarui, NIP "
    "baru ditambahkan. Pegawai yang tidak ada di berkas tidak dihapus.",
    "Kolom NIP dan NIP Atasan harus berformat Teks (sudah diatur di templat ini). NIP yang "
    "terketik sebagai angka ditolak karena Excel menghilangkan digitnya; spasi dan titik boleh.",
    "Semua baris diperiksa lebih dahulu. Bila ada satu kesalahan saja, tidak ada yang disimpan; "
    "perbaiki baris yang disebut lalu impor lagi.",
    "Kolom yang tidak ada di berkas tidak mengubah data; sel kosong pada kolom yang ada "
    "mengosongkan isian itu.",
    "Tanggal Mulai Tugas yang lebih baru disertai perubahan kantor, jabatan, golongan atau "
    "atasan dicatat sebagai mutasi (riwayat disimpan).",
    "Jangan menggabungkan sel (merge) dan jangan memakai rumus. Paling banyak 20.000 baris.",
)


def _choices(members: Any) -> tuple[Choice, ...]:
    return tuple(Choice(m.value, label(m)) for m in members)


def employee_spec(offices: dict[str, Any]) -> SheetSpec:
    """The employee sheet: columns, synonyms, choices (offices from ``code -> info``)."""
    grades = tuple(Choice(g.code, g.code) for g in PNS_GRADES) + tuple(
        Choice(g.code, g.code, (str(g.order), f"{g.order:02d}")) for g in PPPK_GRADES
    )
    office_choices = tuple(Choice(code, code, (o.name,)) for code, o in sorted(offices.items()))
    gender = (Choice("L", "L", ("Laki-laki", "Pria")), Choice("P", "P", ("Perempuan", "Wanita")))
    yes_no = (
        Choice(_YES, "Ya", ("y", "yes", "1", "true", "x", "kepala")),
        Choice(_NO, "Tidak", ("t", "no", "0", "false", "-", "bukan")),
    )
    acting = (Choice("plt", "Plt."), Choice("plh", "Plh."), Choice("none", "-", ("tidak",)))
    c = ColumnSpec
    columns = (
        c("nip", "NIP", ("NIP Baru", "NI PPPK", "NIP/NI PPPK", "Nomor Induk Pegawai"),
          True, "nip", width=22, help="NIP PNS atau NI PPPK, 18 digit, sebagai teks.",
          example="19920415 201903 2 001"),
        c("name", "Nama", ("Nama Lengkap", "Nama Pegawai", "Nama Tanpa Gelar"), True, width=28,
          help="Nama tanpa gelar.", example="Rina Lestari"),
        c("title_prefix", "Gelar Depan", ("Gelar Di Depan",), width=12, example="dr."),
        c("title_suffix", "Gelar Belakang", ("Gelar Di Belakang",), width=14, example="S.E, M.M"),
        c("gender", "Jenis Kelamin", ("JK", "L/P", "Kelamin"), kind="choice", choices=gender,
          width=10, help="Kosong: diambil dari digit ke-15 NIP."),
        c("employment_type", "Status", ("Status Kepegawaian", "Jenis Kepegawaian", "PNS/PPPK"),
          True, "choice", _choices(EmploymentType), width=10),
        c("grade", "Golongan", ("Gol", "Golongan/Ruang", "Gol/Ruang", "Pangkat/Golongan"), True,
          "choice", grades, width=10, help="PNS: I/a sampai IV/e. PPPK: I sampai XVII.",
          example="III/a"),
        c("jabatan", "Jabatan", ("Nama Jabatan",), True, width=34, example="Pengelola Keuangan"),
        c("job_kind", "Jenis Jabatan", ("Jenis Jab",), True, "choice", _choices(JobKind),
          width=14),
        c("functional_level", "Jenjang", ("Jenjang Fungsional", "Jenjang Jabatan"),
          kind="choice", choices=_choices(FunctionalLevel), width=14,
          help="Wajib untuk jabatan fungsional, kosong untuk yang lain."),
        c("office_code", "Kode Kantor", ("Unit Kerja", "Kantor", "Kode Unit Kerja", "Unit"), True,
          "choice", office_choices, width=12, help="Kode kantor (nama kantor juga dikenali).",
          example="NGL-GRL"),
        c("is_head", "Kepala Kantor", ("Kepala", "Pimpinan Unit"), kind="choice", choices=yes_no,
          width=9, help="Ya untuk lurah, camat atau kepala puskesmas."),
        c("acting", "Plt/Plh", ("Plt", "Plh", "Plt/Plh Kepala"), kind="choice", choices=acting,
          width=8, help="Hanya untuk kepala kantor yang berstatus pelaksana tugas/harian."),
        c("atasan_nip", "NIP Atasan", ("NIP Pejabat Penilai", "NIP Penilai"), kind="nip",
          width=22, help="NIP pejabat penilai: pegawai di berkas ini, pegawai di database, "
          "atau penilai dari luar."),
        c("atasan_name", "Nama Atasan", ("Nama Pejabat Penilai", "Pejabat Penilai"), width=28,
          help="Sebagai keterangan; dipakai hanya untuk penilai luar tanpa NIP."),
        c("start_date", "Mulai Tugas", ("Tanggal Mulai", "TMT Penempatan", "Mulai Bertugas"),
          kind="date", width=12,
          help="Tanggal mulai bertugas pada jabatan/kantor ini (tanggal-bulan-tahun).",
          example="02-01-2024"),
        c("tmt_jabatan", "TMT Jabatan", ("TMT Jab",), kind="date", width=12,
          help="Terhitung mulai tanggal jabatan ini menurut SK.", example="01-01-2024"),
        c("tmt_golongan", "TMT Golongan", ("TMT Pangkat", "TMT Gol", "TMT Pangkat/Golongan"),
          kind="date", width=12,
          help="Terhitung mulai tanggal golongan ini menurut SK kenaikan pangkat; masa kerja "
          "golongan dihitung dari tanggal ini.", example="01-04-2022"),
        c("karpeg", "No. Seri Karpeg", ("Karpeg", "Nomor Seri Karpeg", "No Karpeg",
          "Nomor Karpeg"), width=16, help="Nomor seri kartu pegawai, sebagai teks.",
          example="P 123456"),
        c("birth_place", "Tempat Lahir", ("Tmp Lahir", "Tempat Kelahiran"), width=16,
          example="Padang"),
        c("education", "Pendidikan", ("Pendidikan Terakhir", "Pendidikan Tertinggi"), width=20,
          help="Pendidikan tertinggi.", example="S1 Akuntansi"),
        c("phone", "Telepon", ("No HP", "HP", "Nomor HP", "No Telepon"), width=16),
        c("email", "Email", ("E-mail", "Surel"), width=26),
    )  # fmt: skip
    return SheetSpec("Pegawai", columns, intro=_INTRO)


# -- template and export -----------------------------------------------------------------------


def write_employee_template(db: Database, path: Path) -> ExportResult:
    """Write an empty employee sheet with the offices of this database in its lists."""
    with db.uow() as uow:
        state = load_state(uow.session)
    write_sheet(path, employee_spec(state.offices), [])
    return ExportResult(str(path), 0)


def _export_row(state: RegisterState, person: Person) -> dict[str, Any] | None:
    values = state.stored_values(person)
    if values is None:
        return None
    atasan_nip, atasan_name = "", ""
    if values.atasan_uuid:
        boss = state.people[values.atasan_uuid]
        atasan_nip, atasan_name = boss.nip, boss.full_name
    elif values.external_penilai_uuid:
        external = state.externals[values.external_penilai_uuid]
        atasan_nip, atasan_name = external.nip, external.name
    row: dict[str, Any] = values.__dict__.copy()
    row |= {"atasan_nip": atasan_nip, "atasan_name": atasan_name}
    row["is_head"] = _YES if values.is_head else _NO
    row["acting"] = None if values.acting == Acting.NONE else values.acting.value
    return row


def export_employees(db: Database, path: Path, *, office_code: str | None = None) -> ExportResult:
    """Write the active register (or one office's current staff) in the template layout.

    Raises:
        NotFoundError: ``office.not_found`` for an unknown ``office_code``.
        ValidationError: ``sheet.write_failed``.
    """
    with db.uow() as uow:
        state = load_state(uow.session)
    if office_code is not None:
        office_code = office_code.strip().upper()
        if office_code not in state.offices:
            raise NotFoundError("office.not_found", field="office", value=office_code)
    rows = []
    for person in state.people.values():
        current = person.assignment is not None and person.assignment.end_date is None
        if person.deleted or not person.active or not current:
            continue
        row = _export_row(state, person)
        if row is not None and office_code in (None, row["office_code"]):
            key = (row["office_code"], row["is_head"] != _YES, person.name.casefold(), person.nip)
            rows.append((key, row))
    rows.sort(key=lambda item: item[0])
    count = write_sheet(path, employee_spec(state.offices), (r for _, r in rows))
    return ExportResult(str(path), count)


# -- import --------------------------------------------------------------------------------------

#: ``progress(done, total)``: how far an import is; ``total`` stays the same for one import.
Progress = Callable[[int, int], None]


class ImportMeter:
    """Counts an import's steps and tells a progress callback, about 100 times at most.

    One import has ``3 * rows`` steps: a merge pass and a check pass over every row, then the
    writing, whose real statements are spread over the last third (so the bar moves evenly
    whatever the mix of new and changed rows). A dry run, a refused import or one with
    nothing to change jumps to the end. Without a callback it only counts, which is cheap
    enough to run on every row.
    """

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.step = max(1, self.total // 100)
        self.done = 0
        self._next = 0  # the first report (0, total) tells the GUI the total at once
        self._last = -1

    def to(self, done: int) -> None:
        """Move to ``done`` (never backwards, never past the total); report every 1 %."""
        done = min(max(done, self.done), self.total)
        self.done = done
        if self.callback is None or done == self._last:
            return
        if done < self._next and done < self.total:
            return
        self.callback(done, self.total)
        self._last, self._next = done, done + self.step

    def advance(self, count: int = 1) -> None:
        self.to(self.done + count)

    def finish(self) -> None:
        self.to(self.total)

    def span(self, units: int) -> Callable[[int], None]:
        """Spread ``units`` of work over the rest of the meter; returns ``advance(count)``."""
        start, budget, units = self.done, self.total - self.done, max(units, 1)
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            self.to(start + budget * min(done, units) // units)

        return advance


@dataclass
class _Item:
    """One sheet row on its way to the database."""

    row: SheetRow
    uuid: str
    person: Person | None
    before: EmployeeInput | None = None
    values: EmployeeInput | None = None
    action: str = ""  # create | revive | update | mutasi | unchanged | duplicate
    birth: date | None = None
    errors: list[RowMessage] = field(default_factory=list)
    warnings: list[RowMessage] = field(default_factory=list)


def _message(source: RowError | FieldIssue, row: int | None, column: str, value: str) -> RowMessage:
    return RowMessage(row, column, value, source.message, source.code, source.params)


class ImportPlan:
    """Validates every row against the register as it would be after the import."""

    def __init__(
        self, state: RegisterState, data: SheetData, today: date, actor: Actor | None = None
    ) -> None:
        self.state, self.data, self.today = state, data, today
        self.actor = actor
        self.items: list[_Item] = []
        self.warnings = [_message(w, w.row, w.column, w.value) for w in data.warnings]
        self.by_name = {fold(x.name): x.uuid for x in state.externals.values()}
        self.external_by_nip = {x.nip: x.uuid for x in state.externals.values() if x.nip}

    def column(self, key: str) -> str:
        return self.data.header.header(key)

    def issue(self, item: _Item, key: str, code: str, **params: Any) -> None:
        raw = item.row.text(key)
        source = FieldIssue.make(key, code, **params)
        item.errors.append(_message(source, item.row.row, self.column(key), raw))

    def run(self, meter: ImportMeter | None = None) -> None:
        """Plan every row; ``meter`` advances one step per row in each of the two passes."""
        meter = meter or ImportMeter(None, 2 * len(self.data.rows))
        seen: dict[str, int] = {}
        for row in self.data.rows:
            nip = row.values.get("nip")
            person = self.state.by_nip.get(nip) if nip else None
            item = _Item(row, person.uuid if person else new_uuid(), person)
            item.errors.extend(_message(e, e.row, e.column, e.value) for e in row.errors)
            self.items.append(item)
            if nip is None:
                continue
            if nip in seen:
                self.issue(item, "nip", "employee.duplicate_in_file", nip=nip, line=seen[nip])
                item.action = "duplicate"
                continue
            seen[nip] = row.row
        file_nips = {it.row.values["nip"]: it.uuid for it in self.items if it.row.values.get("nip")}
        for item in self.items:
            if item.row.values.get("nip") and item.action != "duplicate":
                self.merge(item, file_nips)
            meter.advance()
        heads = self.state.head_map()
        for item in self.items:
            if item.action not in ("", "unchanged", "duplicate") and item.values is not None:
                self.check(item, heads)
            meter.advance()

    def merge(self, item: _Item, file_nips: dict[str, str]) -> None:
        values, present = item.row.values, item.row.values.keys()
        person = item.person
        live = person is not None and not person.deleted
        base = self.state.stored_values(person) if live and person else None
        item.before = base

        def pick(key: str, default: Any = "") -> Any:
            if key in present:
                return values[key] if values[key] is not None else default
            return getattr(base, key) if base is not None else default

        atasan, external = self.atasan(item, base, file_nips)
        gender = values.get("gender") if "gender" in present else (base.gender if base else None)
        try:
            merged = EmployeeInput(
                nip=values["nip"],
                name=pick("name"),
                employment_type=EmploymentType(pick("employment_type", "PNS")),
                grade=pick("grade"),
                jabatan=pick("jabatan"),
                job_kind=JobKind(pick("job_kind", JobKind.PELAKSANA)),
                office_code=pick("office_code"),
                gender=Gender(gender) if gender else None,
                title_prefix=pick("title_prefix"),
                title_suffix=pick("title_suffix"),
                functional_level=_level(pick("functional_level", None)),
                atasan_uuid=atasan,
                external_penilai_uuid=external,
                is_head=_yes(pick("is_head", False)),
                acting=Acting(pick("acting", Acting.NONE) or Acting.NONE),
                start_date=pick("start_date", None),
                phone=pick("phone"),
                email=pick("email"),
                note=base.note if base else "",
                karpeg=pick("karpeg"),
                education=pick("education"),
                birth_place=pick("birth_place"),
                tmt_jabatan=pick("tmt_jabatan", None),
                tmt_golongan=pick("tmt_golongan", None),
            ).normalized(start=base.start_date if base else self.today)
        except ValueError:  # only from a failed cell, already reported
            return
        item.values = merged
        if not live:
            item.action = "revive" if person is not None else "create"
        elif base is not None and merged == base:
            item.action = "unchanged"
        else:
            moved = (
                base is not None
                and merged.start_date > base.start_date
                and any(getattr(merged, k) != getattr(base, k) for k in _ASSIGNMENT_KEYS)
                and person.assignment.end_date is None
            )
            item.action = "mutasi" if moved else "update"
        if person is not None and live and not person.active:
            if item.action == "unchanged":
                item.warnings.append(self.inactive(item, "employee.inactive_unchanged"))
            else:
                item.errors.append(self.inactive(item, "employee.inactive_changed"))
        if item.action in ("update", "mutasi") and person is not None:
            origins = [person.origin] + ([person.assignment.origin_office] if base else [])
            for origin in origins:
                if not self.state.owned(origin):
                    self.issue(
                        item, "nip", "record.not_owned", name=person.full_name, office=origin
                    )
                    break
        if item.action != "unchanged" and self.actor is not None:
            before_atasan = base.atasan_uuid if base is not None else None
            own = self_atasan_name(self.state, self.actor, merged.atasan_uuid, before_atasan)
            if own is not None:
                self.issue(item, "atasan_nip", "employee.self_atasan",
                           value=self.actor.username, name=own)  # fmt: skip
        if item.action != "unchanged":
            self.state.override(item.uuid, merged)

    def inactive(self, item: _Item, code: str) -> RowMessage:
        assert item.person is not None
        source = FieldIssue.make("nip", code, name=item.person.full_name)
        return _message(source, item.row.row, self.column("nip"), item.row.text("nip"))

    def atasan(
        self, item: _Item, base: EmployeeInput | None, file_nips: dict[str, str]
    ) -> tuple[str | None, str | None]:
        values, present = item.row.values, item.row.values.keys()
        if "atasan_nip" not in present and "atasan_name" not in present:
            return (base.atasan_uuid, base.external_penilai_uuid) if base else (None, None)
        nip, name = values.get("atasan_nip"), values.get("atasan_name")
        if nip:
            if nip in file_nips:
                return file_nips[nip], None
            person = self.state.by_nip.get(nip)
            if person is not None and not person.deleted:
                return person.uuid, None
            if nip in self.external_by_nip:
                return None, self.external_by_nip[nip]
            self.issue(item, "atasan_nip", "employee.atasan_unknown_nip", value=nip)
        elif name and "atasan_nip" not in item.row.failed:
            if fold(name) in self.by_name:
                return None, self.by_name[fold(name)]
            self.issue(item, "atasan_name", "employee.atasan_unknown_name", value=name)
        return None, None

    def check(self, item: _Item, heads: dict[str, set[str]]) -> None:
        assert item.values is not None
        before = item.before if item.action != "revive" else None
        errors, warnings, nip = check_employee(
            self.state, item.values, uuid=item.uuid, before=before, today=self.today, heads=heads
        )
        item.birth = nip.birth_date
        if item.action == "update" and item.person is not None and item.before is not None:
            errors += start_issues(item.person, item.values)
        failed = item.row.failed
        row = item.row.row
        for bucket, issues in ((item.errors, errors), (item.warnings, warnings)):
            for issue in issues:
                key = _FIELD_COLUMN.get(issue.field, issue.field)
                if key in failed or (key == "atasan_nip" and "atasan_name" in failed):
                    continue
                bucket.append(_message(issue, row, self.column(key), item.row.text(key)))


def _level(value: Any) -> FunctionalLevel | None:
    return FunctionalLevel(value) if value else None


def _yes(value: Any) -> bool:
    return value is True or value == _YES


CHANGES = ("create", "revive", "update", "mutasi")
COUNTED = {"create": "created", "revive": "created", "unchanged": "unchanged"}
_NEW = {"version": 1, "end_date": None, "deleted_at": None}


#: Rows per executemany: the statements go in slices so the meter can move between them
#: (SQLAlchemy pages SQLite executemany by 1,000 anyway, so this adds no round trips).
_CHUNK = 1000


def _execute(
    session: Any, statement: Any, rows: list[dict[str, Any]], advance: Callable[[int], None]
) -> None:
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        session.execute(statement, chunk)
        advance(len(chunk))


def _apply(
    session: Any, state: RegisterState, items: list[_Item], actor: Actor, meter: ImportMeter
) -> list[str]:
    """Write the planned rows with Core statements; returns the changed record uuids.

    The meter's rest is shared by the employee rows and about one assignment row per item.
    """
    advance = meter.span(2 * len(items))
    emp, asg = Employee.__table__, Assignment.__table__
    stamp = {"updated_at": now_utc(), "updated_by": actor.username}
    home = state.home
    fresh = {"deleted_at": None, "active": True, "leave_reason": None, "leave_date": None}
    new_people, people_updates = [], []
    for item in items:
        assert item.values is not None
        columns = person_columns(item.values, birth_date=item.birth) | stamp
        if item.action == "create":
            origin = {"origin_office": home or item.values.office_code, "uuid": item.uuid}
            new_people.append(columns | fresh | origin | {"version": 1})
        else:
            assert item.person is not None  # the employee is the aggregate root: always bumped
            extra = fresh if item.action == "revive" else {}
            people_updates.append(
                columns | extra | {"_id": item.person.id, "version": item.person.version + 1}
            )
    if new_people:
        _execute(session, insert(emp), new_people, advance)
        created = {r.uuid: r.id for r in session.execute(select(emp.c.uuid, emp.c.id))}
        for item in items:
            if item.action == "create":
                state.people[item.uuid].id = created[item.uuid]
    if people_updates:
        _execute(session, update(emp).where(emp.c.id == bindparam("_id")), people_updates, advance)
    new_rows, updates, closes = [], [], []
    for item in items:
        assert item.values is not None
        person = state.people[item.uuid]
        columns = state.assignment_columns(item.values) | stamp
        current = person.assignment if item.action not in ("create", "revive") else None
        if current is not None and item.action == "update":
            if item.before is None or any(
                getattr(item.values, k) != getattr(item.before, k)
                for k in (*_ASSIGNMENT_KEYS, "start_date", "note", "tmt_jabatan", "tmt_golongan")
            ):
                updates.append(columns | {"_id": current.id, "version": current.version + 1})
            continue
        if current is not None:  # a mutasi closes the current assignment the day before
            end = item.values.start_date - timedelta(days=1)
            closes.append(
                stamp | {"_id": current.id, "end_date": end, "version": current.version + 1}
            )
        origin = {"origin_office": home or item.values.office_code, "employee_id": person.id}
        new_rows.append(columns | origin | _NEW | {"uuid": new_uuid()})
    for rows in (closes, updates):
        if rows:
            _execute(session, update(asg).where(asg.c.id == bindparam("_id")), rows, advance)
    if new_rows:
        _execute(session, insert(asg), new_rows, advance)
    return [item.uuid for item in items] + [row["uuid"] for row in new_rows]


def refused_summary(path: Path, exc: ValidationError, dry_run: bool) -> ImportSummary:
    error = RowMessage(
        exc.row, exc.field or "", "", exc.message or exc.code, exc.code, tuple(exc.params.items())
    )
    return ImportSummary(str(path), 0, 0, 0, (error,), (), dry_run, False)


def import_employees(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import the employee sheet at ``path`` (see the module docstring for the rules).

    Args:
        progress: called as ``progress(done, total)`` from the calling thread (the task's
            worker in the GUI), about 100 times: first ``(0, total)`` once the file is read,
            then while rows are checked and written, last ``(total, total)`` once committed.
            Never called for a file refused as a whole. The result is the same without it.

    Returns:
        The summary. ``errors`` non-empty means nothing was written (the counts then say what
        the readable rows would have done); ``applied`` is True only when rows were written.
        Problems with the file itself (not an xlsx, encrypted, damaged, empty, missing
        columns, merged cells, too many rows) come back as one error, never as an exception.

    Raises:
        PermissionDeniedError: the actor may not edit the register.
    """
    require(actor, *EDITORS)
    today = today or date.today()
    path = Path(path)
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        try:
            data = read_sheet(path, employee_spec(state.offices))
        except ValidationError as exc:
            return refused_summary(path, exc, dry_run)
        meter = ImportMeter(progress, 3 * len(data.rows))
        meter.to(0)
        plan = ImportPlan(state, data, today, actor)
        plan.run(meter)
        errors = [e for item in plan.items for e in item.errors]
        refused = sum(e.code == "employee.self_atasan" for e in errors)
        if refused and actor.on_refused is not None:
            # Only reads so far, so the refusal's own transaction does not wait for this one.
            details = {"operation": "import_employees", "file": path.name, "rows": str(refused)}
            actor.on_refused(actor, "employee.self_atasan", details)
        warnings = plan.warnings + [w for item in plan.items for w in item.warnings]
        counts = {name: 0 for name in ("created", "updated", "unchanged")}
        for item in plan.items:
            if not item.errors and item.action in (*CHANGES, "unchanged"):
                counts[COUNTED.get(item.action, "updated")] += 1
        changed = [item for item in plan.items if item.action in CHANGES]
        applied = not errors and not dry_run and bool(changed)
        uuids: list[str] = []
        if applied:
            uuids = _apply(session, state, changed, actor, meter)
            audit(
                session, actor, action="import", entity="employee",
                after={"file": path.name, **counts, "records": uuids},
                summary=f"{path.name}: {counts['created']} baru, {counts['updated']} diubah",
            )  # fmt: skip
            uow.commit()
        meter.finish()
    return ImportSummary(
        str(path), counts["created"], counts["updated"], counts["unchanged"], tuple(errors),
        tuple(warnings), dry_run, applied, tuple(uuids),
    )  # fmt: skip

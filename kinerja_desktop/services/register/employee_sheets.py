"""The employee register as a spreadsheet: the columns, the template and the export.

:func:`write_employee_template` and :func:`export_employees` write the same layout (the
:func:`employee_spec` columns, NIP cells as text, drop-down lists, a "Petunjuk" sheet), so an
export can be edited and imported again (:mod:`employee_import`). The export holds active
employees with a current assignment (the working register; those who left are not edited
through spreadsheets).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kinerja_desktop.domain.enums import Acting, EmploymentType, FunctionalLevel, JobKind
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.ranks import PNS_GRADES, PPPK_GRADES
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.checks import Person, RegisterState, load_state
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import Choice, ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.writer import write_sheet

__all__ = ["NO", "YES", "employee_spec", "export_employees", "write_employee_template"]

YES, NO = "ya", "tidak"
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
        Choice(YES, "Ya", ("y", "yes", "1", "true", "x", "kepala")),
        Choice(NO, "Tidak", ("t", "no", "0", "false", "-", "bukan")),
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
        c("kelas_jabatan", "Kelas Jabatan", ("Kelas", "Kelas Jab", "Grade Jabatan"), kind="int",
          width=8, help="Kelas jabatan 1 sampai 17 (untuk perhitungan TPP); boleh kosong.",
          example="7"),
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
    row["is_head"] = YES if values.is_head else NO
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
            key = (row["office_code"], row["is_head"] != YES, person.name.casefold(), person.nip)
            rows.append((key, row))
    rows.sort(key=lambda item: item[0])
    count = write_sheet(path, employee_spec(state.offices), (r for _, r in rows))
    return ExportResult(str(path), count)

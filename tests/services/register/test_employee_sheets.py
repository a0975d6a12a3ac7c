"""Employee template, export and import against the demo register (DESIGN.md section 6)."""

from __future__ import annotations

import itertools
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kinerja_desktop.config import DbAddress
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary
from kinerja_desktop.services.register.employee_admin import get_employee
from kinerja_desktop.services.register.employee_import import import_employees
from kinerja_desktop.services.register.employee_sheets import (
    export_employees,
    write_employee_template,
)
from kinerja_desktop.services.register.employees import list_employees
from kinerja_desktop.storage.models import Assignment, AuditEntry, Employee
from tests.pg_support import dump_rows

TODAY = date(2026, 12, 1)
REQUIRED = ["NIP", "Nama", "Status", "Golongan", "Jabatan", "Jenis Jabatan", "Kode Kantor"]


def dump(address: DbAddress) -> dict[str, list[tuple]]:
    return dump_rows(address)


def nip(n: int, *, gender: int = 2) -> str:
    """A valid NIP that the demo does not use (born 1999, TMT March 2022)."""
    return f"199901{n % 28 + 1:02d}202203{gender}{n % 999 + 1:03d}"


def sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def new_row(n: int, **extra: object) -> list[object]:
    values = {"NIP": nip(n), "Nama": f"Pegawai Baru {n}", "Status": "PNS", "Golongan": "III/a"}
    values |= {"Jabatan": "Pengelola Data", "Jenis Jabatan": "Pelaksana", "Kode Kantor": "NGL"}
    return [extra.get(h, values.get(h)) for h in REQUIRED + list(extra.keys() - set(REQUIRED))]


@pytest.fixture(scope="module")
def exported(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "pegawai.xlsx"
    with Database.open(demo_db_path) as database:
        export_employees(database, path)
    return path


def edited(exported: Path, target: Path) -> tuple[openpyxl.Workbook, dict[str, int]]:
    shutil.copy(exported, target)
    wb = openpyxl.load_workbook(target)
    header = {c.value: c.column for c in wb["Pegawai"][1]}
    return wb, header


def refused(db: Database, path: Path, code: str, **where: object) -> ImportSummary:
    """Import ``path``: refused with ``code`` (at ``row``/``column`` if given), nothing written."""
    before = dump(db.path)
    summary = import_employees(db, SYSTEM, path, today=TODAY)
    assert not summary.applied
    codes = [e.code for e in summary.errors]
    assert code in codes, [e.message for e in summary.errors]
    error = summary.errors[codes.index(code)]
    for key, value in where.items():
        assert getattr(error, key) == value, (key, error)
    assert dump(db.path) == before
    return summary


def test_export_of_the_demo_imports_back_unchanged(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "pegawai.xlsx"
    active = list_employees(db, include_inactive=False)
    assert export_employees(db, path).rows == len(active) > 90
    before = dump(db.path)
    summary = import_employees(db, SYSTEM, path, today=TODAY)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, len(active))
    assert summary.errors == () and summary.warnings == ()
    assert not summary.applied
    assert dump(db.path) == before
    one = export_employees(db, tmp_path / "grl.xlsx", office_code="ngl-grl")
    assert one.rows == sum(1 for e in active if e.office_code == "NGL-GRL")


def test_export_writes_nip_cells_as_text(exported: Path) -> None:
    wb = openpyxl.load_workbook(exported, read_only=True)
    rows = wb["Pegawai"].iter_rows()
    header = [c.value for c in next(rows)]
    columns = [header.index("NIP"), header.index("NIP Atasan")]
    seen = 0
    for row in rows:
        for index in columns:
            cell = row[index]
            if cell.value is not None:
                assert isinstance(cell.value, str) and len(cell.value) == 18
                assert cell.number_format == "@"
                seen += 1
    wb.close()
    assert seen > 150


def test_template_lists_choices_and_explains_columns(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "templat.xlsx"
    write_employee_template(db, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Pegawai"]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["NIP", "Nama"] and ws.max_row == 1
    assert ws.column_dimensions["A"].number_format == "@"
    lists = {c.value: c.column_letter for c in wb["Daftar"][1]}
    validated = {
        header[ws[str(v.sqref).split(":")[0]].column - 1]: v.formula1
        for v in ws.data_validations.dataValidation
    }
    for column in ("Status", "Golongan", "Kode Kantor", "Jenis Kelamin", "Jenjang"):
        assert f"'Daftar'!${lists[column]}$2" in validated[column]
    offices = [c.value for c in wb["Daftar"][lists["Kode Kantor"]][1:] if c.value]
    assert offices == sorted(["NGL", "NGL-GRL", "NGL-KLO", "NGL-KLP", "NGL-KRP", "NGL-SRG",
                              "NGL-TBG", "PKM-NGL"])  # fmt: skip
    golongan = [c.value for c in wb["Daftar"][lists["Golongan"]][1:] if c.value]
    assert golongan[0] == "I/a" and "IV/e" in golongan and golongan[-1] == "XVII"
    assert wb["Daftar"].sheet_state == "hidden"
    explained = {row[0].value: row for row in wb["Petunjuk"].iter_rows() if row[0].value}
    for column in header:
        assert explained[column][1].value in ("Ya", "Tidak")
    assert "18 digit" in explained["NIP"][2].value
    assert "fungsional" in explained["Jenjang"][2].value


def test_edits_and_new_rows_apply_in_one_transaction(
    db: Database, exported: Path, tmp_path: Path
) -> None:
    wb, col = edited(exported, tmp_path / "ubah.xlsx")
    ws = wb["Pegawai"]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, col["Kode Kantor"]).value == "NGL"
               and ws.cell(r, col["Kepala Kantor"]).value == "Tidak")  # fmt: skip
    changed_nip = ws.cell(row, col["NIP"]).value
    ws.cell(row, col["Jabatan"]).value = "Analis Kepegawaian"
    ws.cell(row, col["Telepon"]).value = "0812 555 0101"
    camat = ws.cell(2, col["NIP"]).value
    first, second = nip(1), nip(2)
    spaced = f"{first[:8]} {first[8:14]} {first[14]} {first[15:]}"
    dotted = f"{second[:8]}.{second[8:14]}.{second[14]}.{second[15:]}"
    blank = [None] * len(col)
    for value_nip, atasan, name in ((dotted, spaced, "Rini"), (spaced, camat, "Rina")):
        values = list(blank)
        for key, value in {"NIP": value_nip, "Nama": name, "Status": "PPPK", "Golongan": "IX",
                           "Jabatan": "Pranata Komputer", "Jenis Jabatan": "Fungsional",
                           "Jenjang": "Ahli Pertama", "Kode Kantor": "NGL",
                           "NIP Atasan": atasan}.items():  # fmt: skip
            values[col[key] - 1] = value
        ws.append(values)
    wb.save(tmp_path / "ubah.xlsx")

    summary = import_employees(db, SYSTEM, tmp_path / "ubah.xlsx", today=TODAY)
    assert summary.errors == ()
    assert (summary.created, summary.updated) == (2, 1)
    assert summary.applied
    with db.uow() as uow:
        session = uow.session
        new = {e.nip: e for e in session.execute(
            select(Employee).where(Employee.nip.in_([first, second]))).scalars()}  # fmt: skip
        assert set(new) == {first, second}
        assert all(e.origin_office == "NGL" and e.version == 1 for e in new.values())
        rini = session.execute(
            select(Assignment).where(Assignment.employee_id == new[second].id)
        ).scalar_one()
        assert rini.atasan_id == new[first].id and rini.grade == "IX"
        edited_employee = session.execute(
            select(Employee).where(Employee.nip == changed_nip)
        ).scalar_one()
        assert edited_employee.version == 2 and edited_employee.phone == "0812 555 0101"
        (entry,) = session.execute(
            select(AuditEntry).where(AuditEntry.action == "import")
        ).scalars()
        assert entry.after["created"] == 2 and entry.after["updated"] == 1
        assert new[first].uuid in entry.after["records"]
        assert edited_employee.uuid in entry.after["records"]
        edited_uuid = edited_employee.uuid
    detail = get_employee(db, edited_uuid)
    assert detail.current.jabatan == "Analis Kepegawaian" and len(detail.history) == 1
    assert detail.current.version == 2
    again = import_employees(db, SYSTEM, tmp_path / "ubah.xlsx", today=TODAY)
    assert (again.created, again.updated, again.errors) == (0, 0, ())


def test_a_later_tmt_with_a_new_office_is_a_mutasi(
    db: Database, exported: Path, tmp_path: Path
) -> None:
    wb, col = edited(exported, tmp_path / "mutasi.xlsx")
    ws = wb["Pegawai"]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, col["Kode Kantor"]).value == "NGL"
               and ws.cell(r, col["Kepala Kantor"]).value == "Tidak")  # fmt: skip
    moved = ws.cell(row, col["NIP"]).value
    ws.cell(row, col["Kode Kantor"]).value = "Kelurahan Gurun Laweh"  # a name works too
    ws.cell(row, col["Mulai Tugas"]).value = date(2026, 10, 1)
    wb.save(tmp_path / "mutasi.xlsx")
    summary = import_employees(db, SYSTEM, tmp_path / "mutasi.xlsx", today=TODAY)
    assert summary.errors == () and summary.updated == 1
    uuid = next(e.uuid for e in list_employees(db) if e.nip == moved)
    detail = get_employee(db, uuid)
    old, new = detail.history
    assert (old.office_code, old.end_date) == ("NGL", date(2026, 9, 30))
    assert (new.office_code, new.start_date, new.end_date) == ("NGL-GRL", date(2026, 10, 1), None)


def test_a_numeric_nip_asks_to_format_the_column_as_text(
    db: Database, exported: Path, tmp_path: Path
) -> None:
    wb, col = edited(exported, tmp_path / "angka.xlsx")
    ws = wb["Pegawai"]
    ws.cell(5, col["NIP"]).value = int(ws.cell(5, col["NIP"]).value)
    wb.save(tmp_path / "angka.xlsx")
    summary = refused(db, tmp_path / "angka.xlsx", "nip.not_text", row=5, column="NIP")
    (error,) = summary.errors
    assert (
        "Format kolom NIP di lembar kerja sebagai Teks lalu ketik ulang NIP-nya." in error.message
    )
    assert error.value.endswith("e+17")


def test_bad_files_are_refused_naming_the_file(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "pegawai.xlsx"
    text.write_text("NIP,Nama\n", encoding="utf-8")
    summary = refused(db, text, "sheet.not_xlsx")
    assert "pegawai.xlsx" in summary.errors[0].message

    secret = tmp_path / "rahasia.xlsx"
    secret.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le")
    )
    refused(db, secret, "sheet.encrypted")

    good = sheet(tmp_path / "baik.xlsx", REQUIRED, [new_row(3)])
    damaged = tmp_path / "rusak.xlsx"
    damaged.write_bytes(good.read_bytes()[:2000])
    refused(db, damaged, "sheet.damaged")

    refused(db, sheet(tmp_path / "kosong.xlsx", [], []), "sheet.empty")
    refused(db, sheet(tmp_path / "judul.xlsx", REQUIRED, []), "sheet.no_rows")
    missing = sheet(tmp_path / "kolom.xlsx", REQUIRED[:3], [new_row(3)[:3]])
    refused(db, missing, "sheet.missing_columns", row=1, column="Golongan")


def test_merged_cells_and_formulas_are_refused(db: Database, tmp_path: Path) -> None:
    path = sheet(tmp_path / "gabung.xlsx", REQUIRED, [new_row(3), new_row(4)])
    wb = openpyxl.load_workbook(path)
    wb.active.merge_cells("G2:G3")
    wb.save(path)
    refused(db, path, "sheet.merged", row=2, column="Kode Kantor")

    rows = [new_row(3), new_row(4, Nama='=UPPER("rina")')]
    refused(
        db, sheet(tmp_path / "rumus.xlsx", REQUIRED, rows), "sheet.formula", row=3, column="Nama"
    )


def test_row_rules_across_the_file_and_the_register(db: Database, tmp_path: Path) -> None:
    header = [*REQUIRED, "NIP Atasan", "Jenjang", "Kepala Kantor", "Plt/Plh"]

    def row(n: int, **extra: object) -> list[object]:
        base = dict(zip(REQUIRED, new_row(n), strict=True))
        return [extra.get(h.replace(" ", "_").replace("/", "_"), base.get(h)) for h in header]

    duplicate = [row(3), row(4), row(3, Nama="Lagi")]
    path = sheet(tmp_path / "dup.xlsx", header, duplicate)
    summary = refused(db, path, "employee.duplicate_in_file", row=4, column="NIP")
    assert "baris 2" in summary.errors[0].message

    cases = {
        "sheet.choice": row(3, Kode_Kantor="NGL-XYZ"),
        "employee.atasan_unknown_nip": row(3, NIP_Atasan="199001012015031001"),
        "employee.grade_status": row(3, Status="PPPK", Golongan="III/a"),
        "employee.level_required": row(3, Jenis_Jabatan="Fungsional"),
        "employee.level_unexpected": row(3, Jenjang="Ahli Muda"),
        "employee.acting_not_head": row(3, Plt_Plh="Plt."),
        "employee.head_taken": row(3, Kepala_Kantor="Ya"),
    }
    columns = {
        "sheet.choice": "Kode Kantor", "employee.atasan_unknown_nip": "NIP Atasan",
        "employee.grade_status": "Golongan", "employee.level_required": "Jenjang",
        "employee.level_unexpected": "Jenjang", "employee.acting_not_head": "Plt/Plh",
        "employee.head_taken": "Kepala Kantor",
    }  # fmt: skip
    for code, bad in cases.items():
        path = sheet(tmp_path / f"{code}.xlsx", header, [row(5), bad])
        refused(db, path, code, row=3, column=columns[code])

    cycle = [row(3, NIP_Atasan=nip(4)), row(4, NIP_Atasan=nip(3))]
    refused(db, sheet(tmp_path / "cycle.xlsx", header, cycle), "employee.atasan_cycle",
            column="NIP Atasan")  # fmt: skip
    # An acting head beside the definitive camat is fine, and a Plt. needs the head mark.
    ok = [row(3, Kepala_Kantor="Ya", Plt_Plh="Plh.")]
    summary = import_employees(db, SYSTEM, sheet(tmp_path / "ok.xlsx", header, ok), today=TODAY)
    assert summary.errors == () and summary.created == 1


def test_more_than_20000_rows_are_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "besar.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Pegawai")
    ws.append(REQUIRED)
    row = new_row(3)
    for _ in range(20_001):
        ws.append(row)
    wb.save(path)
    summary = refused(db, path, "sheet.too_many_rows", row=20_002)
    assert "Bagi menjadi beberapa berkas" in summary.errors[0].message


def test_dry_run_and_synonym_headers(db: Database, tmp_path: Path) -> None:
    header = ["unit kerja", "GOLONGAN", "Nama Lengkap", "status", "NIP Baru", "jenis jabatan",
              "Jabatan", "No"]  # fmt: skip
    rows = [["Kelurahan Gurun Laweh", "II/c", "Siti Aminah", "pns", nip(6), "pelaksana",
             "Pengadministrasi Umum", 1]]  # fmt: skip
    path = sheet(tmp_path / "sinonim.xlsx", header, rows)
    before = dump(db.path)
    dry = import_employees(db, SYSTEM, path, dry_run=True, today=TODAY)
    assert (dry.created, dry.errors, dry.applied, dry.dry_run) == (1, (), False, True)
    assert [w.code for w in dry.warnings] == ["sheet.unknown_column"]
    assert dump(db.path) == before
    done = import_employees(db, SYSTEM, path, today=TODAY)
    assert done.applied and done.created == 1
    (person,) = [e for e in list_employees(db) if e.nip == nip(6)]
    assert (person.office_code, person.grade, person.atasan_name) == ("NGL-GRL", "II/c", "")
    detail = get_employee(db, person.uuid)
    assert detail.gender.value == "P" and detail.birth_date == date(1999, 1, 7)


def test_rows_owned_elsewhere_or_inactive(db: Database, exported: Path, tmp_path: Path) -> None:
    wb, col = edited(exported, tmp_path / "milik.xlsx")
    ws = wb["Pegawai"]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, col["Kode Kantor"]).value == "NGL-GRL")  # fmt: skip
    ws.cell(row, col["Jabatan"]).value = "Jabatan Lain"
    wb.save(tmp_path / "milik.xlsx")
    refused(db, tmp_path / "milik.xlsx", "record.not_owned", row=row, column="NIP")

    gone = next(e for e in list_employees(db) if not e.active)
    last = get_employee(db, gone.uuid).history[-1]
    values = [gone.nip, gone.name, gone.employment_type.value, last.grade, last.jabatan,
              last.job_kind.value, last.office_code]  # fmt: skip
    same = sheet(tmp_path / "pensiun.xlsx", REQUIRED, [values])
    summary = import_employees(db, SYSTEM, same, today=TODAY)
    assert summary.errors == () and summary.unchanged == 1
    assert [w.code for w in summary.warnings] == ["employee.inactive_unchanged"]
    values[4] = "Jabatan Baru"
    refused(db, sheet(tmp_path / "ubah.xlsx", REQUIRED, [values]), "employee.inactive_changed")


def test_progress_climbs_to_the_total_and_changes_nothing_else(
    db: Database, demo_db_path: Path, exported: Path, tmp_path: Path
) -> None:
    """The same import on two copies of the demo, with and without a progress callback."""
    wb, col = edited(exported, tmp_path / "banyak.xlsx")
    ws = wb["Pegawai"]
    ws.cell(3, col["Telepon"]).value = "0812 555 0199"
    for n in range(300):
        row = [None] * len(col)
        for key, value in zip(REQUIRED, new_row(n), strict=True):
            row[col[key] - 1] = value
        ws.append(row)
    wb.save(tmp_path / "banyak.xlsx")
    path = tmp_path / "banyak.xlsx"
    other_path = tmp_path / "lain.sqlite"
    shutil.copy(demo_db_path, other_path)
    calls: list[tuple[int, int]] = []
    with Database.open(other_path) as other:
        quiet_dry = import_employees(other, SYSTEM, path, today=TODAY, dry_run=True)
        quiet = import_employees(other, SYSTEM, path, today=TODAY)
    dry_calls: list[tuple[int, int]] = []
    dry = import_employees(
        db, SYSTEM, path, today=TODAY, dry_run=True, progress=lambda *a: dry_calls.append(a)
    )
    assert dry == quiet_dry and dry_calls[-1][0] == dry_calls[-1][1]
    loud = import_employees(db, SYSTEM, path, today=TODAY, progress=lambda *a: calls.append(a))
    assert loud.applied and loud.created == 300 and loud.updated == 1
    # Equal but for the fresh uuids of the new records, of which there are as many.
    assert replace(loud, changed_uuids=()) == replace(quiet, changed_uuids=())
    assert len(loud.changed_uuids) == len(quiet.changed_uuids)
    totals = {total for _done, total in calls}
    assert len(totals) == 1 and totals.pop() >= 3 * 300
    done = [d for d, _total in calls]
    assert done[0] == 0 and done[-1] == calls[-1][1]
    assert all(a < b for a, b in itertools.pairwise(done))
    assert 50 <= len(calls) <= 110  # often enough for a smooth bar, cheap enough for 20,000
    with Database.open(other_path) as other:
        assert {e.nip for e in list_employees(db)} == {e.nip for e in list_employees(other)}


def test_the_preview_reports_progress_and_keeps_its_rows(db: Database, exported: Path) -> None:
    from kinerja_desktop.services.register.import_preview import preview_employee_import

    calls: list[tuple[int, int]] = []
    quiet = preview_employee_import(db, exported, today=TODAY)
    loud = preview_employee_import(db, exported, today=TODAY, progress=lambda *a: calls.append(a))
    assert loud == quiet and len(loud.rows) > 90
    assert calls[0] == (0, 2 * len(loud.rows)) and calls[-1] == (calls[0][1], calls[0][1])
    assert all(a[0] < b[0] for a, b in itertools.pairwise(calls))


def test_konversi_fields_export_as_typed_cells_and_import_back(
    db: Database, exported: Path, tmp_path: Path
) -> None:
    """Karpeg is a text cell, TMT jabatan and TMT golongan are date cells, and the five new
    register fields come back from an edited export (issue 14, Konversi Angka Kredit)."""
    wb, col = edited(exported, tmp_path / "ak.xlsx")
    ws = wb["Pegawai"]
    for header in ("No. Seri Karpeg", "Pendidikan", "Tempat Lahir", "TMT Jabatan", "TMT Golongan"):
        assert header in col
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, col["Kepala Kantor"]).value == "Tidak")  # fmt: skip
    who = ws.cell(row, col["NIP"]).value
    ws.cell(row, col["No. Seri Karpeg"]).value = "00123456"
    ws.cell(row, col["Pendidikan"]).value = "S1 Kesehatan Masyarakat"
    ws.cell(row, col["Tempat Lahir"]).value = "Bukittinggi"
    ws.cell(row, col["TMT Jabatan"]).value = date(2023, 1, 2)
    ws.cell(row, col["TMT Golongan"]).value = date(2022, 4, 1)
    wb.save(tmp_path / "ak.xlsx")
    summary = import_employees(db, SYSTEM, tmp_path / "ak.xlsx", today=TODAY)
    assert summary.errors == () and summary.updated == 1
    uuid = next(e.uuid for e in list_employees(db) if e.nip == who)
    detail = get_employee(db, uuid)
    assert (detail.karpeg, detail.education, detail.birth_place) == (
        "00123456", "S1 Kesehatan Masyarakat", "Bukittinggi",
    )  # fmt: skip
    assert detail.current is not None and len(detail.history) == 1  # corrected, no mutasi
    assert (detail.current.tmt_jabatan, detail.current.tmt_golongan) == (
        date(2023, 1, 2), date(2022, 4, 1),
    )  # fmt: skip
    again = tmp_path / "lagi.xlsx"
    export_employees(db, again)
    ws2 = openpyxl.load_workbook(again)["Pegawai"]
    header = {c.value: c.column for c in ws2[1]}
    line = next(r for r in range(2, ws2.max_row + 1) if ws2.cell(r, header["NIP"]).value == who)
    karpeg = ws2.cell(line, header["No. Seri Karpeg"])
    assert karpeg.value == "00123456" and karpeg.number_format == "@"  # leading zeros kept
    tmt = ws2.cell(line, header["TMT Golongan"])
    assert tmt.is_date and tmt.value.date() == date(2022, 4, 1)

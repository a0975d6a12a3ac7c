"""Every xlsx the app writes keeps formula-like text as text, and imports read it back unchanged.

Issue 13 point 5: a value such as ``=HYPERLINK("x")`` typed into a text field must be a string
cell in the export (with the quote-prefix style where it begins with ``=``, ``+``, ``-`` or
``@``), so Excel and LibreOffice never evaluate it, and importing the export again changes
nothing (0 rows updated). The values are planted straight into the demo database, past the
forms, because an office database may hold them (typed by hand, or received by sync).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import sqlalchemy as sa

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database

TODAY = date(2026, 12, 1)
HYPERLINK = '=HYPERLINK("x")'
PHONE = "+62 812"
DAYS = "-5 hari"
HANDLE = "@budi"
PLANTED = (HYPERLINK, PHONE, DAYS, HANDLE)


def sql(db: Database, statement: str, *args: object) -> list[tuple[object, ...]]:
    """Run ``statement`` (``?`` placeholders) on ``db``'s engine in a transaction of its own:
    the cells are planted under the services, on either engine."""
    pieces = statement.split("?")
    assert len(pieces) == len(args) + 1, statement
    named = "".join(f"{piece}:p{i}" for i, piece in enumerate(pieces[:-1])) + pieces[-1]
    with db.engine.begin() as con:
        result = con.execute(sa.text(named), {f"p{i}": value for i, value in enumerate(args)})
        return [tuple(row) for row in result] if result.returns_rows else []


def check_cells(path: Path, expected: tuple[str, ...] = PLANTED) -> None:
    """No formula anywhere; each planted text is a string cell with the quote prefix."""
    wb = openpyxl.load_workbook(path)
    found: set[str] = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    starts = cell.value[:1] in ("=", "+", "-", "@", "\t", "\r")
                    assert bool(cell.quotePrefix) == starts, (ws.title, cell.coordinate)
                if cell.value in expected:
                    found.add(cell.value)
    assert found == set(expected)


def _employee(db: Database, office: str = "NGL-GRL") -> tuple[int, str]:
    ((employee_id, nip),) = sql(
        db,
        "select e.id, e.nip from employees e join assignments a on a.employee_id = e.id "
        "join offices o on o.id = a.office_id where o.code = ? and a.end_date is null "
        "and a.is_head = false order by e.nip limit 1",
        office,
    )
    return int(employee_id), str(nip)  # type: ignore[arg-type]


def test_employee_export_round_trip(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.register.employee_import import import_employees
    from kinerja_desktop.services.register.employee_sheets import export_employees

    employee_id, _ = _employee(db)
    sql(db, "update employees set name = ?, title_suffix = ? where id = ?",
        HYPERLINK, HANDLE, employee_id)  # fmt: skip
    sql(db, "update assignments set jabatan = ? where employee_id = ? and end_date is null",
        DAYS, employee_id)  # fmt: skip
    sql(db, "update employees set title_prefix = ? where id = ?", PHONE, employee_id)
    path = tmp_path / "pegawai.xlsx"
    export_employees(db, path, office_code="NGL-GRL")
    check_cells(path)

    summary = import_employees(db, SYSTEM, path, today=TODAY)
    assert summary.errors == ()
    assert (summary.created, summary.updated, summary.applied) == (0, 0, False)
    assert summary.unchanged > 0


def test_indicator_export_round_trip(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.plans.indicator_sheets import export_indicators, import_indicators

    ((indicator_id,),) = sql(
        db,
        "select i.id from indicators i join offices o on o.id = i.office_id "
        "where o.code = 'NGL' and i.year = 2026 order by i.code limit 1",
    )
    sql(db, "update indicators set name = ?, definition = ?, formula = ?, "
        "data_source = ? where id = ?", HYPERLINK, PHONE, DAYS, HANDLE, indicator_id)  # fmt: skip
    path = tmp_path / "iku.xlsx"
    export_indicators(db, path, office_code="NGL", year=2026)
    check_cells(path)

    summary = import_indicators(db, SYSTEM, path, year=2026)
    assert summary.errors == ()
    assert (summary.created, summary.updated, summary.applied) == (0, 0, False)


def test_skp_export_round_trip(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.plans.skp_sheets import export_skp, import_skp

    ((rhk_id, indicator_id),) = sql(
        db,
        "select r.id, i.id from rhk r join skp_indicators i on i.rhk_id = r.id "
        "join skp s on s.id = r.skp_id where s.year = 2026 and r.deleted_at is null "
        "and i.deleted_at is null order by r.id, i.id limit 1",
    )
    sql(db, "update rhk set text = ? where id = ?", HYPERLINK, rhk_id)
    sql(db, "update skp_indicators set text = ?, unit = ? where id = ?",
        PHONE, HANDLE, indicator_id)  # fmt: skip
    sql(db, "update skp set resources = ? where id = (select skp_id from rhk where id = ?)",
        DAYS, rhk_id)  # fmt: skip
    path = tmp_path / "skp.xlsx"
    export_skp(db, path, year=2026)
    check_cells(path)

    summary = import_skp(db, SYSTEM, path, year=2026)
    assert summary.errors == ()
    assert (summary.created, summary.updated, summary.applied) == (0, 0, False)


def test_realisation_export_round_trip(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.evaluation.realisation_sheets import (
        export_realisations,
        import_realisations,
    )

    notes = sql(
        db,
        "select r.id from realisations r join evaluations e on e.id = r.evaluation_id "
        "where e.period = '2026-Q2' and r.deleted_at is null order by r.id limit 4",
    )
    for (realisation_id,), text in zip(notes, PLANTED, strict=True):
        sql(db, "update realisations set note = ? where id = ?", text, realisation_id)
    path = tmp_path / "realisasi.xlsx"
    export_realisations(db, path, period="2026-Q2")
    check_cells(path)

    summary = import_realisations(db, SYSTEM, path, period="2026-Q2")
    assert summary.errors == ()
    assert (summary.created, summary.updated, summary.applied) == (0, 0, False)


def test_office_realisation_export_round_trip(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.office_eval.realisation_sheets import (
        export_office_realisations,
        import_office_realisations,
    )

    rows = sql(
        db,
        "select r.id from indicator_realisations r join indicators i on i.id = r.indicator_id "
        "join offices o on o.id = i.office_id where o.code = 'NGL' and r.period = '2026-Q2' "
        "and r.deleted_at is null order by i.code limit 3",
    )
    for (realisation_id,), text in zip(rows, (HYPERLINK, PHONE, DAYS), strict=True):
        sql(db, "update indicator_realisations set note = ? where id = ?",
            text, realisation_id)  # fmt: skip
    sql(db, "update indicators set unit = ? where id = (select indicator_id from "
        "indicator_realisations where id = ?)", HANDLE, rows[0][0])  # fmt: skip
    path = tmp_path / "realisasi-iku.xlsx"
    export_office_realisations(db, path, "NGL", "2026-Q2")
    check_cells(path)

    summary = import_office_realisations(db, SYSTEM, path, "NGL", "2026-Q2")
    assert summary.errors == ()
    assert (summary.created, summary.updated, summary.applied) == (0, 0, False)
    assert summary.unchanged > 0


def test_ikm_template_holds_only_string_cells(tmp_path: Path) -> None:
    from kinerja_desktop.services.office_eval.ikm_sheets import write_ikm_template

    path = tmp_path / "ikm.xlsx"
    write_ikm_template(path)
    check_cells(path, expected=())


def test_completion_monitor_export(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.evaluation.completion import completion_summary, export_completion

    employee_id, _ = _employee(db)
    sql(db, "update employees set name = ?, title_prefix = '', title_suffix = '' "
        "where id = ?", HYPERLINK, employee_id)  # fmt: skip
    sql(db, "update assignments set jabatan = ? where employee_id = ? and end_date is null",
        PHONE, employee_id)  # fmt: skip
    path = tmp_path / "monitor.xlsx"
    export_completion(completion_summary(db, period="2026-Q2", today=TODAY), path)
    check_cells(path, expected=(HYPERLINK, PHONE))


def test_recap_export(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.reporting.recap import write_recap

    codes = sql(
        db,
        "select i.id from indicators i join offices o on o.id = i.office_id "
        "where o.code = 'NGL-GRL' and i.year = 2026 order by i.code limit 2",
    )
    sql(db, "update indicators set name = ? where id = ?", HYPERLINK, codes[0][0])
    sql(db, "update indicators set unit = ? where id = ?", HANDLE, codes[1][0])
    path = tmp_path / "rekap.xlsx"
    write_recap(db, period="2026-Q1", office_code="NGL-GRL", out=path)
    check_cells(path, expected=(HYPERLINK, HANDLE))


def test_audit_export(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.domain.enums import Role
    from kinerja_desktop.services.admin.audit_export import export_audit
    from kinerja_desktop.services.common.actor import Actor

    sql(db, "insert into audit_entries (at, username, action, entity, record_uuid, "
        "\"before\", \"after\", summary) values ('2026-12-01 08:00:00', ?, 'update', "
        "'employee', NULL, NULL, ?, ?)", HANDLE, '{"jabatan": "-5 hari"}', HYPERLINK)  # fmt: skip
    path = tmp_path / "audit.xlsx"
    export_audit(db, Actor("admin", frozenset({Role.ADMIN})), path)
    check_cells(path, expected=(HYPERLINK, HANDLE))


def test_import_report_writes_the_file_cells_as_text(db: Database, tmp_path: Path) -> None:
    """The import wizard's error workbook: what the clerk typed comes back as text, even a
    formula the import refused, and the report imports back with 0 rows updated."""
    from kinerja_desktop.services.register.employee_import import import_employees
    from kinerja_desktop.services.register.employee_sheets import export_employees
    from kinerja_desktop.services.register.import_preview import (
        preview_employee_import,
        write_import_report,
    )

    employee_id, _ = _employee(db)
    sql(db, "update employees set name = ?, title_suffix = ? where id = ?",
        PHONE, HANDLE, employee_id)  # fmt: skip
    sql(db, "update assignments set jabatan = ? where employee_id = ? and end_date is null",
        DAYS, employee_id)  # fmt: skip
    exported = tmp_path / "pegawai.xlsx"
    export_employees(db, exported, office_code="NGL-GRL")

    clean = tmp_path / "laporan-bersih.xlsx"
    write_import_report(db, preview_employee_import(db, exported, today=TODAY), clean)
    check_cells(clean, expected=(PHONE, DAYS, HANDLE))
    summary = import_employees(db, SYSTEM, clean, today=TODAY)
    assert summary.errors == () and (summary.created, summary.updated) == (0, 0)

    # A real formula typed by a clerk is refused by the import and written back as its text.
    wb = openpyxl.load_workbook(exported)
    ws = wb["Pegawai"]
    name_column = next(c.column for c in ws[1] if c.value == "Nama")
    ws.cell(2, name_column).value = HYPERLINK  # openpyxl stores this as a formula
    assert ws.cell(2, name_column).data_type == "f"
    wb.save(exported)
    preview = preview_employee_import(db, exported, today=TODAY)
    formula = [(e.row, e.column) for e in preview.summary.errors if e.code == "sheet.formula"]
    assert formula == [(2, "Nama")]
    report = tmp_path / "laporan.xlsx"
    write_import_report(db, preview, report)
    check_cells(report, expected=(HYPERLINK, PHONE, DAYS, HANDLE))

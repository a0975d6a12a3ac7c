"""An RHK given as a penugasan names its pimpinan (issue 14 point 1): kept by the SKP service,
carried by the SKP sheet, printed "(penugasan dari …)" on the evaluation sheet."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
from sqlalchemy import select

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.plans import skp, skp_status
from kinerja_desktop.storage.models import AuditEntry
from tests.reports.pdfcheck import pdf_text

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
YEAR = 2026
PIMPINAN = "Mardiana Tabiangsakti, S.STP"


def _draft(db: Database):
    row = next(r for r in skp_status.list_skp(db, YEAR) if r.name.startswith("Masrizal"))
    return skp.get_skp(db, row.skp_uuid)


def _give(db: Database, assigned_by: str, number: int = 0):
    detail = _draft(db)
    values = detail.as_input()
    rhk = list(values.rhk)
    rhk[number] = dataclasses.replace(rhk[number], assigned_by=assigned_by)
    return skp.save_skp(db, OPERATOR, dataclasses.replace(values, rhk=tuple(rhk)),
                        expected_version=detail.version)  # fmt: skip


def test_assigned_by_is_saved_read_back_and_audited(db: Database) -> None:
    before = _draft(db)
    assert all(r.assigned_by == "" for r in before.rhk)  # the demo's RHK are cascaded
    saved = _give(db, f"  {PIMPINAN.replace(' ', '   ')} ")
    assert saved.rhk[0].assigned_by == PIMPINAN  # trimmed, inner runs of spaces made one
    assert [r.assigned_by for r in saved.rhk[1:]] == [""] * (len(saved.rhk) - 1)
    assert saved.version == before.version + 1
    again = _draft(db)
    assert again.rhk[0].assigned_by == PIMPINAN and again.rhk[0].uuid == before.rhk[0].uuid
    with db.uow() as uow:
        entry = uow.session.execute(
            select(AuditEntry).where(AuditEntry.record_uuid == saved.uuid)
            .order_by(AuditEntry.id.desc())
        ).scalars().first()  # fmt: skip
        assert entry.before["rhk"][0]["assigned_by"] == ""
        assert entry.after["rhk"][0]["assigned_by"] == PIMPINAN
    # the same content again changes nothing; clearing it is a change back to cascaded
    assert _give(db, PIMPINAN).version == saved.version
    assert _give(db, "").rhk[0].assigned_by == ""


def test_sheet_has_the_column_and_round_trips_unchanged(db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.plans.skp_sheets import export_skp, import_skp

    saved = _give(db, PIMPINAN)
    path = tmp_path / "skp.xlsx"
    export_skp(db, path, year=YEAR)
    sheet = openpyxl.load_workbook(path).active
    header_row = next(
        r for r in sheet.iter_rows(values_only=True) if "Penugasan dari" in r and "NIP" in r
    )
    col = header_row.index("Penugasan dari")
    nip_col = header_row.index("NIP")
    given = [r[col] for r in sheet.iter_rows(values_only=True) if r[nip_col] == saved.nip]
    per_iki = len(saved.rhk[0].indicators)
    assert given[:per_iki] == [PIMPINAN] * per_iki and not any(given[per_iki:])

    summary = import_skp(db, SYSTEM, path, year=YEAR)
    assert summary.errors == ()
    assert (summary.created, summary.updated, summary.applied) == (0, 0, False)

    for row in sheet.iter_rows():  # the clerk names another pimpinan on that RHK's rows
        if row[nip_col].value == saved.nip and row[col].value == PIMPINAN:
            row[col].value = "Sekretaris Camat"
    sheet.parent.save(path)
    summary = import_skp(db, SYSTEM, path, year=YEAR)
    assert summary.errors == () and (summary.updated, summary.applied) == (1, True)
    assert _draft(db).rhk[0].assigned_by == "Sekretaris Camat"


def test_evaluation_sheet_prints_the_penugasan_under_that_rhk(db: Database, tmp_path: Path):
    from kinerja_desktop.services.reporting.output import write_document

    saved = _give(db, PIMPINAN)
    out = tmp_path / "lembar.pdf"
    write_document(db, "sheet", nip=saved.nip, period="2026-Q1", out=out)
    text = pdf_text(out)
    note = f"(penugasan dari {PIMPINAN})"
    assert text.count(note) == 1, text
    assert f"{saved.rhk[0].text} {note}" in text  # right after that RHK, in its cell
    assert f"{saved.rhk[1].text} (penugasan" not in text


def test_copy_to_next_year_keeps_the_penugasan(db: Database) -> None:
    saved = _give(db, PIMPINAN)
    copied = skp_status.copy_skp(db, OPERATOR, saved.employee_uuid, YEAR, YEAR + 1)
    assert [r.assigned_by for r in copied.rhk] == [r.assigned_by for r in saved.rhk]
    assert copied.rhk[0].uuid != saved.rhk[0].uuid  # rows of its own, same content

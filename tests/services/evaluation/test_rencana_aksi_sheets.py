"""The rencana aksi sheet (issue 19): round trip without changes, template rows filled and
appended in No order, empty cells that change nothing, and all-or-nothing refusals that name
the row and the column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi
from kinerja_desktop.services.evaluation.rencana_aksi_sheets import (
    export_rencana_aksi,
    import_rencana_aksi,
    rencana_aksi_spec,
    write_rencana_aksi_template,
)
from kinerja_desktop.spreadsheet.writer import write_sheet
from tests.pg_support import dump_rows
from tests.services.evaluation_helpers import find, open_db, sign_in
from tests.sync.fixtures import db_state

S = EvaluationStatus


def _sheet_rows(path: Path) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(path)["Rencana Aksi"]
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]


def _plans(db, uuid):
    return {g.code: [(p.order, p.text, p.target, p.unit) for p in g.plans]
            for g in list_rencana_aksi(db, uuid)}  # fmt: skip


def test_export_then_import_changes_nothing(demo_address: DbAddress, tmp_path: Path) -> None:
    path = tmp_path / "ra.xlsx"
    with open_db(demo_address) as db:
        written = export_rencana_aksi(db, path, period="2026-Q2")
        assert written.rows > 100
        rows = _sheet_rows(path)
        assert all(isinstance(r["NIP"], str) and len(r["NIP"]) == 18 for r in rows)
        assert any(r["Target"] is not None and r["Satuan"] for r in rows)
        summary = import_rencana_aksi(db, sign_in(db, "operator"), path, period="2026-Q2",
                                      dry_run=True)  # fmt: skip
    assert summary.errors == () and (summary.created, summary.updated) == (0, 0)
    assert summary.unchanged == written.rows


def test_template_rows_filled_are_added_and_empty_cells_change_nothing(
    demo_address: DbAddress, tmp_path: Path
) -> None:
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        template = tmp_path / "templat.xlsx"
        write_rencana_aksi_template(db, template, period="2026-Q3", office_code=draft.office_code)
        mine = [r for r in _sheet_rows(template) if r["NIP"] == draft.nip]
        assert [r["Kode RHK"] for r in mine] == [str(n) for n in range(1, len(mine) + 1)]
        assert all(r["No"] == 1 and r["Rencana Aksi"] is None for r in mine)
        spec = rencana_aksi_spec("2026-Q3")
        filled = tmp_path / "isi.xlsx"
        rows = [
            {"nip": draft.nip, "code": "1", "order": 2, "text": "Rapat koordinasi"},
            {"nip": draft.nip, "code": "1", "order": 1, "text": "Menyusun jadwal",
             "target": Decimal("2.5"), "unit": "dokumen"},
            {"nip": draft.nip, "code": "2", "order": 1},  # an unused template row
        ]  # fmt: skip
        write_sheet(filled, spec, rows)
        summary = import_rencana_aksi(db, operator, filled, period="2026-Q3")
        assert summary.errors == () and summary.applied
        assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
        plans = _plans(db, draft.uuid)
        assert plans["1"] == [(1, "Menyusun jadwal", Decimal("2.5"), "dokumen"),
                              (2, "Rapat koordinasi", None, "")]  # fmt: skip
        assert plans["2"] == []
        # Empty cells keep what is stored; a No past the end appends; a new text updates.
        rows = [
            {"nip": draft.nip, "code": "1", "order": 1},
            {"nip": draft.nip, "code": "1", "order": 2, "text": "Rapat koordinasi bulanan"},
            {"nip": draft.nip, "code": "1", "order": 7, "text": "Melapor", "target": 1},
        ]
        write_sheet(filled, spec, rows)
        summary = import_rencana_aksi(db, operator, filled, period="2026-Q3")
        assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 1)
        assert _plans(db, draft.uuid)["1"] == [
            (1, "Menyusun jadwal", Decimal("2.5"), "dokumen"),
            (2, "Rapat koordinasi bulanan", None, ""),
            (3, "Melapor", Decimal(1), ""),
        ]  # fmt: skip


def test_any_bad_row_refuses_the_whole_file_naming_row_and_column(
    demo_address: DbAddress, tmp_path: Path
) -> None:
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        approved = find(db, "2026-Q2", S.APPROVED)
        spec = rencana_aksi_spec("2026-Q3")
        bad = tmp_path / "salah.xlsx"
        rows = [
            {"nip": draft.nip, "code": "1", "order": 1, "text": "Baik"},  # row 2
            {"nip": "199001012020011999", "code": "1", "order": 1, "text": "x"},  # 3
            {"nip": draft.nip, "code": "99", "order": 1, "text": "x"},  # 4
            {"nip": draft.nip, "code": "1", "order": 0, "text": "x"},  # 5
            {"nip": draft.nip, "code": "2", "order": 1, "text": "x", "target": -1},  # 6
            {"nip": draft.nip, "code": "1", "order": 1, "text": "Lagi"},  # 7 (duplicate of 2)
            {"nip": draft.nip, "code": "3", "order": 1, "target": 4},  # 8: a target, no text
        ]
        write_sheet(bad, spec, rows)
        with db_unchanged(demo_address):
            summary = import_rencana_aksi(db, operator, bad, period="2026-Q3")
        found = {(e.row, e.column, e.code) for e in summary.errors}
        assert found == {
            (3, "NIP", "realisation.unknown_nip"),
            (4, "Kode RHK", "rencana_aksi.unknown_code"),
            (5, "No", "rencana_aksi.bad_order_cell"),
            (6, "Target", "rencana_aksi.negative"),
            (7, "No", "rencana_aksi.duplicate_row"),
            (8, "Rencana Aksi", "rencana_aksi.text_required"),
        }
        assert not summary.applied and _plans(db, draft.uuid)["1"] == []
        # A plan of an approved evaluation: unchanged rows pass, a change is refused.
        export = tmp_path / "q2.xlsx"
        export_rencana_aksi(db, export, period="2026-Q2", office_code=approved.office_code)
        rows = [r for r in _sheet_rows(export) if r["NIP"] == approved.nip]
        keep = {"nip": approved.nip, "code": rows[0]["Kode RHK"], "order": 1}
        write_sheet(bad, rencana_aksi_spec("2026-Q2"), [keep, keep | {"order": 2, "text": "Baru"}])
        with db_unchanged(demo_address):
            summary = import_rencana_aksi(db, operator, bad, period="2026-Q2")
        assert [(e.row, e.column, e.code) for e in summary.errors] == [
            (3, "NIP", "rencana_aksi.not_editable")
        ]


class db_unchanged:
    """The database is the same after the block: a SQLite file byte for byte, a PostgreSQL
    database row for row."""

    def __init__(self, address: DbAddress) -> None:
        self.address = address

    def _state(self) -> object:
        if isinstance(self.address, Path):
            return db_state(self.address)
        return dump_rows(self.address)

    def __enter__(self) -> None:
        self.before = self._state()

    def __exit__(self, *exc: object) -> None:
        assert self._state() == self.before


def test_locked_period_and_a_year_are_refused(demo_address: DbAddress, tmp_path: Path) -> None:
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        path = tmp_path / "q1.xlsx"
        export_rencana_aksi(db, path, period="2026-Q1")
        summary = import_rencana_aksi(db, operator, path, period="2026-Q1", dry_run=True)
        assert [e.code for e in summary.errors] == ["office_eval.period_locked"]
        with pytest.raises(ValidationError) as info:
            import_rencana_aksi(db, operator, path, period="2026")
        assert info.value.code == "rencana_aksi.annual"

"""The register fields of the Konversi Angka Kredit: stored, checked, carried by a mutasi,
and given to the demo's jabatan fungsional."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import JobKind
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.dto import MutasiInput
from kinerja_desktop.services.register.employee_admin import get_employee, update_employee
from kinerja_desktop.services.register.employee_history import record_mutasi
from tests.services.register.helpers import OPERATOR, TODAY, Register, errors_of


@pytest.fixture
def db(register_db: Database) -> Database:
    """These tests work on the hand-built register (``conftest.py``), not the demo."""
    return register_db


def test_fields_are_stored_and_a_mutasi_keeps_the_tmt_golongan(db, reg: Register) -> None:
    before = get_employee(db, reg.staff)
    from kinerja_desktop.services.register.checks import load_state

    with db.uow() as uow:
        state = load_state(uow.session)
        values = state.stored_values(state.people[reg.staff])
    assert values is not None
    changed = replace(
        values, karpeg="N 012345", education="S1 Akuntansi", birth_place="Padang",
        tmt_jabatan=date(2024, 1, 2), tmt_golongan=date(2022, 4, 1),
    )  # fmt: skip
    update_employee(db, OPERATOR, reg.staff, changed, expected_version=before.version,
                    today=TODAY)  # fmt: skip
    stored = get_employee(db, reg.staff)
    assert (stored.karpeg, stored.education, stored.birth_place) == (
        "N 012345", "S1 Akuntansi", "Padang",
    )  # fmt: skip
    move = MutasiInput(date(2026, 10, 1), "NGL-KLP", "Pengelola Umum", JobKind.PELAKSANA, "III/a")
    record_mutasi(db, OPERATOR, reg.staff, move, today=TODAY)
    old, new = get_employee(db, reg.staff).history
    assert new.start_date == date(2026, 10, 1) and new.office_code == "NGL-KLP"
    # The golongan did not change with the mutasi: its TMT (and so the masa kerja) stays.
    assert old.tmt_golongan == new.tmt_golongan == date(2022, 4, 1)


def test_future_tmt_and_overlong_text_are_refused(db, reg: Register) -> None:
    from kinerja_desktop.services.register.checks import load_state

    with db.uow() as uow:
        state = load_state(uow.session)
        values = state.stored_values(state.people[reg.staff])
    assert values is not None
    bad = replace(values, tmt_golongan=date(2027, 1, 1), karpeg="X" * 31)
    assert {"employee.date_future", "employee.text_too_long"} <= errors_of(db, bad, reg.staff)
    assert errors_of(db, replace(values, karpeg="X" * 30), reg.staff) == set()


def test_demo_fungsional_carry_the_konversi_fields(demo_db_path: Path) -> None:
    con = sqlite3.connect(demo_db_path)
    try:
        rows = con.execute(
            "select e.karpeg, e.education, e.birth_place, a.tmt_jabatan, a.tmt_golongan, "
            "e.employment_type, a.job_kind from employees e join assignments a "
            "on a.employee_id = e.id where a.end_date is null"
        ).fetchall()
    finally:
        con.close()
    fungsional = [r for r in rows if r[6] == "fungsional"]
    assert len(fungsional) >= 10
    for karpeg, education, place, tmt_jab, tmt_gol, etype, _kind in fungsional:
        assert education and place and tmt_jab and tmt_gol
        assert bool(karpeg) == (etype == "PNS")  # PPPK hold no kartu pegawai
        assert tmt_gol <= "2026-12-31" and tmt_jab <= "2026-12-31"
    others = [r for r in rows if r[6] != "fungsional"]
    assert all(r[:5] == ("", "", "", None, None) for r in others)

"""The register fields of the Konversi Angka Kredit (karpeg, pendidikan, tempat lahir, TMT
jabatan, TMT golongan) travel in sync packages with no change to the row encoding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.rows import entity_map
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, sql

GRL_ASSIGNMENT = (
    "SELECT a.uuid, e.uuid FROM assignments a JOIN employees e ON e.id = a.employee_id "
    "WHERE a.origin_office = 'NGL-GRL' AND a.end_date IS NULL ORDER BY a.id LIMIT 1"
)


def test_the_row_encoding_carries_the_new_columns() -> None:
    entities = entity_map()
    employee = set(entities["employees"].columns)
    assignment = set(entities["assignments"].columns)
    assert {"karpeg", "education", "birth_place"} <= employee
    assert {"tmt_jabatan", "tmt_golongan"} <= assignment
    assert "ak_documents" not in entities  # the office's own NOMOR record stays home


def test_new_register_fields_travel_up(pair: Pair) -> None:
    assignment, employee = sql(pair.grl, GRL_ASSIGNMENT)[0]
    sql(pair.grl, "UPDATE employees SET karpeg = '00123456', education = 'D3 Kebidanan', "
        "birth_place = 'Solok', version = version + 1 WHERE uuid = ?", employee)  # fmt: skip
    sql(pair.grl, "UPDATE assignments SET tmt_jabatan = '2023-01-02', tmt_golongan = "
        "'2022-04-01', version = version + 1 WHERE uuid = ?", assignment)  # fmt: skip
    with pair.open("grl") as db:
        result = export_package(db, SYSTEM, pair.folder / "to-ngl", to="NGL")
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, Path(result.path))
    assert summary.status == "applied" and summary.counts["updated"] >= 2
    assert sql(pair.ngl, "SELECT karpeg, education, birth_place FROM employees WHERE uuid = ?",
               employee) == [("00123456", "D3 Kebidanan", "Solok")]  # fmt: skip
    assert sql(pair.ngl, "SELECT tmt_jabatan, tmt_golongan FROM assignments WHERE uuid = ?",
               assignment) == [("2023-01-02", "2022-04-01")]  # fmt: skip


def test_a_package_of_the_previous_schema_still_applies(pair: Pair) -> None:
    """A partner still on schema 0007 sends rows without the new columns: they apply, the
    created employee gets the empty defaults, and an updated one keeps what the receiver
    holds in the columns the sender does not know."""
    import json

    from tests.sync.fixtures import opened_zip, private_key, rewrite_package

    _assignment, employee = sql(pair.grl, GRL_ASSIGNMENT)[0]
    sql(pair.ngl, "UPDATE employees SET karpeg = 'N 000001' WHERE uuid = ?", employee)
    sql(pair.grl, "UPDATE employees SET phone = '0812-7', version = version + 1 WHERE uuid = ?",
        employee)  # fmt: skip
    with pair.open("grl") as db:
        from kinerja_desktop.domain.enums import EmploymentType, JobKind
        from kinerja_desktop.services.register.dto import EmployeeInput
        from kinerja_desktop.services.register.employee_admin import create_employee

        made = create_employee(db, SYSTEM, EmployeeInput(
            nip="199901102022032001", name="Pegawai Lama", employment_type=EmploymentType.PNS,
            grade="III/a", jabatan="Pengelola Umum", job_kind=JobKind.PELAKSANA,
            office_code="NGL-GRL", start_date=date(2026, 1, 2),
        ), today=date(2026, 12, 1)).detail.uuid  # fmt: skip
        result = export_package(db, SYSTEM, pair.folder / "to-ngl", to="NGL")
    source = Path(result.path)
    with opened_zip(source) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    new = {"karpeg", "education", "birth_place", "tmt_jabatan", "tmt_golongan"}
    change: dict[str, bytes | None] = {}
    for entity in ("employees", "assignments"):
        member = f"data/{entity}.jsonl"
        rows = [json.loads(x) for x in members[member].decode().splitlines() if x]
        assert rows and all(new & set(r) for r in rows)  # today's packages carry them
        rows = [{k: v for k, v in r.items() if k not in new} for r in rows]
        change[member] = ("\n".join(json.dumps(r) for r in rows) + "\n").encode()
    body = json.loads(members["manifest.json"])
    body["schema"] = "0007"
    old = rewrite_package(source, source.with_name("lama.kinerja"), change=change, manifest=body,
                          sign_with=private_key(pair.grl))  # fmt: skip
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, old)
    assert summary.status == "applied" and summary.counts["updated"] >= 1
    assert summary.counts["created"] >= 2  # the new employee and their assignment
    assert sql(pair.ngl, "SELECT karpeg, education, birth_place FROM employees WHERE uuid = ?",
               made) == [("", "", "")]  # fmt: skip
    assert sql(pair.ngl, "SELECT tmt_jabatan, tmt_golongan FROM assignments a JOIN employees e "
               "ON e.id = a.employee_id WHERE e.uuid = ?", made) == [(None, None)]  # fmt: skip
    assert sql(pair.ngl, "SELECT phone, karpeg FROM employees WHERE uuid = ?", employee) == [
        ("0812-7", "N 000001")
    ]

"""The register fields of the Konversi Angka Kredit (karpeg, pendidikan, tempat lahir, TMT
jabatan, TMT golongan) travel in sync packages with no change to the row encoding."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.services.actor import SYSTEM
from kinerja_desktop.services.sync_export import export_package
from kinerja_desktop.services.sync_import import import_package
from kinerja_desktop.services.sync_rows import entity_map
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

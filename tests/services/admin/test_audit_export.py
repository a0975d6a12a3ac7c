"""Exporting the audit trail to xlsx: the filters apply, the roles are checked, nothing is
left behind when the file cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import DatabaseError, PermissionDeniedError
from kinerja_desktop.services.admin.accounts import create_user, list_users
from kinerja_desktop.services.admin.audit_export import HEADERS, export_audit
from kinerja_desktop.services.admin.audit_log import list_audit
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))
OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


@pytest.fixture
def db(demo_address: Path):
    database = Database.open(demo_address)
    create_user(database, ADMIN, username="siti", display_name="Siti", roles="operator",
                password="rahasia-siti")  # fmt: skip
    create_user(database, ADMIN, username="budi", display_name="Budi", roles="pimpinan",
                password="rahasia-budi")  # fmt: skip
    yield database
    database.close()


def test_export_holds_every_matching_entry(db, tmp_path: Path) -> None:
    out = tmp_path / "audit.xlsx"
    count = export_audit(db, PIMPINAN, out)
    expected = list_audit(db, ADMIN, limit=10**9)
    assert count == len(expected) > 1
    sheet = load_workbook(out, read_only=True)["Jejak audit"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert len(rows) == count + 1
    assert rows[1][1] == expected[0].username and rows[1][2] == "Tambah"


def test_filters_apply_to_the_export(db, tmp_path: Path) -> None:
    out = tmp_path / "akun.xlsx"
    siti = next(u for u in list_users(db) if u.username == "siti")
    count = export_audit(db, ADMIN, out, entity="user", username="adm", record_uuid=siti.uuid)
    rows = list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))[1:]
    assert count == len(rows) == 1
    assert rows[0][1:6] == ("admin", "Tambah", "Akun", siti.uuid, "Akun siti (Siti)")
    assert '"username": "siti"' in rows[0][8]


def test_operator_may_not_export(db, tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        export_audit(db, OPERATOR, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_unwritable_target_is_refused_cleanly(db, tmp_path: Path) -> None:
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(DatabaseError) as caught:
        export_audit(db, ADMIN, folder)
    assert caught.value.code == "admin.export_failed"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

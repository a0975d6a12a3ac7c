"""Offices (code, parent, letterhead, logo, head) and external penilai records."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import Acting, OfficeKind, Role
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import list_offices
from kinerja_desktop.services.register.dto import ExternalPenilaiInput, OfficeInput
from kinerja_desktop.services.register.employee_admin import get_employee
from kinerja_desktop.services.register.office_admin import (
    create_external_penilai,
    create_office,
    delete_external_penilai,
    delete_office,
    get_office,
    list_external_penilai,
    read_logo,
    set_office_head,
    update_external_penilai,
    update_office,
)
from kinerja_desktop.storage.models import AuditEntry, Office
from tests.services.register.helpers import Register

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
ADMIN = Actor("admin", frozenset({Role.ADMIN}))


@pytest.fixture
def db(register_db: Database) -> Database:
    """These tests work on the hand-built register (``conftest.py``), not the demo."""
    return register_db


def refused(error: type[Exception], code: str, call, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code  # type: ignore[attr-defined]


def test_create_and_read_an_office_with_letterhead_and_logo(db: Database, tmp_path: Path) -> None:
    values = OfficeInput(
        " ngl-srg ", "Kelurahan Surau Gadang", OfficeKind.KELURAHAN, parent_code="ngl",
        address="Jl. Surau No. 3", postal_code="25146", letterhead_1="PEMERINTAH KOTA PADANG",
        letterhead_2="KELURAHAN SURAU GADANG", letterhead_3="Jl. Surau No. 3, Padang", logo=PNG,
    )  # fmt: skip
    saved = create_office(db, ADMIN, values)
    assert saved.before is None and saved.after.code == "NGL-SRG"
    detail = get_office(db, "ngl-srg")
    assert detail.values == saved.after and detail.values.logo == PNG
    assert (detail.values.parent_code, detail.employees, detail.head_uuid) == ("NGL", 0, None)
    assert detail.editable and not detail.is_home and detail.version == 1
    assert "NGL-SRG" in get_office(db, "NGL").children
    assert [o.code for o in list_offices(db)].count("NGL-SRG") == 1
    refused(ConflictError, "office.exists", create_office, db, ADMIN, values)
    (tmp_path / "logo.png").write_bytes(PNG)
    assert read_logo(tmp_path / "logo.png") == PNG
    for bad in (b"GIF89a" + bytes(10), PNG + bytes(1024 * 1024)):
        refused(ValidationError, "office.logo_invalid", create_office, db, ADMIN,
                replace(values, code="NGL-X", logo=bad))  # fmt: skip
    refused(ValidationError, "office.code_invalid", create_office, db, ADMIN,
            replace(values, code="bad code"))  # fmt: skip
    refused(ValidationError, "office.parent_unknown", create_office, db, ADMIN,
            replace(values, code="NGL-Y", parent_code="NOPE"))  # fmt: skip
    refused(PermissionDeniedError, "permission.denied", create_office, db,
            Actor("op", frozenset({Role.OPERATOR})), replace(values, code="NGL-Z"))  # fmt: skip


def test_update_undo_and_the_fixed_code(db: Database) -> None:
    before = get_office(db, "NGL-GRL")
    changed = replace(before.values, letterhead_2="KELURAHAN GURUN LAWEH", address="Jl. Laweh 21")
    saved = update_office(db, ADMIN, "NGL-GRL", changed, expected_version=before.version)
    assert saved.before == before.values and saved.after == changed
    assert saved.detail.version == before.version + 1
    refused(ConflictError, "record.changed", update_office, db, ADMIN, "NGL-GRL", before.values,
            expected_version=before.version)  # fmt: skip
    undone = update_office(
        db, ADMIN, "NGL-GRL", saved.before, expected_version=saved.detail.version
    )
    assert get_office(db, "NGL-GRL").values == before.values and undone.changed
    assert not update_office(db, ADMIN, "NGL-GRL", before.values).changed
    refused(ValidationError, "office.code_fixed", update_office, db, ADMIN, "NGL-GRL",
            replace(before.values, code="NGL-GRX"))  # fmt: skip
    refused(ValidationError, "office.parent_self", update_office, db, ADMIN, "NGL-GRL",
            replace(before.values, parent_code="NGL-GRL"))  # fmt: skip
    kecamatan = get_office(db, "NGL").values
    refused(ValidationError, "office.parent_cycle", update_office, db, ADMIN, "NGL",
            replace(kecamatan, parent_code="NGL-GRL"))  # fmt: skip
    with db.uow() as uow:
        actions = uow.session.execute(
            select(AuditEntry.action).where(AuditEntry.record_uuid == before.uuid)
        ).scalars().all()  # fmt: skip
    assert actions == ["create", "update", "update"]


def test_delete_only_what_nothing_depends_on(db: Database) -> None:
    refused(ConflictError, "office.is_home", delete_office, db, ADMIN, "NGL")
    refused(ConflictError, "office.has_employees", delete_office, db, ADMIN, "NGL-GRL")
    create_office(db, ADMIN, OfficeInput("NGL-KLO", "Kelurahan Kampung Olo", OfficeKind.KELURAHAN,
                                         parent_code="NGL-KLP"))  # fmt: skip
    refused(ConflictError, "office.has_children", delete_office, db, ADMIN, "NGL-KLP")
    gone = delete_office(db, ADMIN, "NGL-KLO")
    assert gone.values.code == "NGL-KLO"
    refused(NotFoundError, "office.not_found", get_office, db, "NGL-KLO")
    with db.uow() as uow:
        row = uow.session.execute(select(Office).where(Office.code == "NGL-KLO")).scalar_one()
        assert row.deleted_at is not None and row.version == 2
    assert "NGL-KLO" not in {o.code for o in list_offices(db)}


def test_the_head_mark_moves_and_can_be_moved_back(db: Database, reg: Register) -> None:
    office = get_office(db, "NGL-GRL")
    assert (office.head_uuid, office.head_name, office.employees) == (reg.lurah, "Afrizal", 2)
    change = set_office_head(db, ADMIN, office_code="NGL-GRL", employee_uuid=reg.staff,
                             acting=Acting.PLT)  # fmt: skip
    assert (change.before_uuid, change.after_uuid, change.after_acting) == (
        reg.lurah, reg.staff, Acting.PLT,
    )  # fmt: skip
    now = get_office(db, "NGL-GRL")
    assert (now.head_uuid, now.head_acting) == (reg.staff, Acting.PLT)
    assert not get_employee(db, reg.lurah).current.is_head
    assert get_employee(db, reg.staff).current.acting == Acting.PLT
    set_office_head(db, ADMIN, office_code="NGL-GRL", employee_uuid=change.before_uuid,
                    acting=change.before_acting)  # fmt: skip
    assert get_office(db, "NGL-GRL").head_uuid == reg.lurah
    refused(ValidationError, "office.head_not_here", set_office_head, db, ADMIN,
            office_code="NGL-GRL", employee_uuid=reg.sekcam)  # fmt: skip


def test_external_penilai_records(db: Database, reg: Register) -> None:
    values = ExternalPenilaiInput("dr. Yusmarni Fiktif, M.Kes", "Kepala Dinas Kesehatan",
                                  nip="19710101 199603 2 001", grade="iv/c",
                                  instansi="Dinas Kesehatan Kota Padang")  # fmt: skip
    saved = create_external_penilai(db, SYSTEM, values)
    assert saved.after.nip == "197101011996032001" and saved.after.grade == "IV/c"
    edited = update_external_penilai(db, SYSTEM, saved.detail.uuid,
                                     replace(saved.after, acting=Acting.PLT))  # fmt: skip
    assert edited.before == saved.after and edited.detail.acting == Acting.PLT
    names = [x.name for x in list_external_penilai(db)]
    assert names == ["dr. Yusmarni Fiktif, M.Kes", "Drs. Hendri Fiktif, M.Si"]
    refused(ValidationError, "nip.length", create_external_penilai, db, SYSTEM,
            replace(values, nip="1971"))  # fmt: skip
    refused(ValidationError, "external.jabatan_required", create_external_penilai, db, SYSTEM,
            replace(values, jabatan=" "))  # fmt: skip
    refused(ConflictError, "external.in_use", delete_external_penilai, db, SYSTEM, reg.sekda)
    delete_external_penilai(db, SYSTEM, saved.detail.uuid)
    assert [x.uuid for x in list_external_penilai(db)] == [reg.sekda]

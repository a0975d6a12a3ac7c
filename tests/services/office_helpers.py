"""A new kelurahan database with one employee, for the account and identity tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import EmploymentType, Gender, OfficeKind
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import Employee

ADMIN_PW = "admin-rahasia"


def office_with_one_employee(where: DbAddress) -> Database:
    """NGL-GRL set up with ``admin``/:data:`ADMIN_PW` and employee ``e-1`` (Rina Fiktif).

    ``where``: a folder (the file ``office.sqlite`` in it) or a new database's address (the
    ``new_address`` fixture, either engine).
    """
    path = where / "office.sqlite" if isinstance(where, Path) and where.is_dir() else where
    init_office(
        path, code="NGL-GRL", name="Kelurahan Gurun Laweh", kind=OfficeKind.KELURAHAN,
        admin_password=ADMIN_PW,
    )  # fmt: skip
    database = Database.open(path)
    with database.uow() as uow:
        uow.session.add(
            Employee(
                uuid="e-1", nip="199204152019032001", name="Rina Fiktif", gender=Gender.FEMALE,
                employment_type=EmploymentType.PNS, origin_office="NGL-GRL",
                birth_date=date(1992, 4, 15),
            )
        )  # fmt: skip
        uow.commit()
    return database

"""A small kecamatan register built with the services themselves, for the register tests.

:func:`build_register` makes it; the fixtures in this folder's ``conftest.py`` build it once per
session and hand each test a private copy (``reg``) and that copy opened (``register_db``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import EmploymentType, JobKind, OfficeKind, Role
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.dto import EmployeeInput, ExternalPenilaiInput, OfficeInput
from kinerja_desktop.services.register.employee_admin import check_employee_form, create_employee
from kinerja_desktop.services.register.office_admin import create_external_penilai, create_office

TODAY = date(2026, 12, 1)
OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


@dataclass(frozen=True)
class Register:
    """A small kecamatan register: camat (penilai: Sekda) > sekcam; lurah GRL > staff GRL."""

    path: DbAddress  # a file, or a PostgreSQL database's address (the two-engine runs)
    sekda: str
    camat: str
    sekcam: str
    lurah: str
    staff: str


def person(nip: str, name: str, office: str, **extra: object) -> EmployeeInput:
    values = {"grade": "III/a", "jabatan": "Pengelola Umum", "job_kind": JobKind.PELAKSANA}
    values |= {"employment_type": EmploymentType.PNS, "start_date": date(2024, 1, 2)}
    return EmployeeInput(nip=nip, name=name, office_code=office, **values | extra)


def build_register(path: DbAddress) -> Register:
    """Set up the register with the services themselves (shared by the register tests)."""
    init_office(
        path, code="NGL", name="Kecamatan Nanggalo", kind=OfficeKind.KECAMATAN,
        admin_password="rahasia-admin",
    )  # fmt: skip
    with Database.open(path) as db:
        for code, name, kind in (
            ("NGL-GRL", "Kelurahan Gurun Laweh", OfficeKind.KELURAHAN),
            ("NGL-KLP", "Kelurahan Kampung Lapai", OfficeKind.KELURAHAN),
            ("PKM-NGL", "Puskesmas Nanggalo", OfficeKind.PUSKESMAS),
        ):
            create_office(db, SYSTEM, OfficeInput(code, name, kind, parent_code="NGL"))
        sekda = create_external_penilai(
            db, SYSTEM,
            ExternalPenilaiInput("Drs. Hendri Fiktif, M.Si", "Sekretaris Daerah Kota Padang",
                                 nip="196804151993011012", grade="IV/d"),
        ).detail.uuid  # fmt: skip

        def add(values: EmployeeInput) -> str:
            return create_employee(db, SYSTEM, values, today=TODAY).detail.uuid

        camat = add(person("197112271993122001", "Mardiana", "NGL", grade="IV/b", is_head=True,
                           jabatan="Camat Nanggalo", job_kind=JobKind.ADMINISTRATOR,
                           external_penilai_uuid=sekda))  # fmt: skip
        sekcam = add(person("197503112000031002", "Zulkifli", "NGL", grade="IV/a",
                            jabatan="Sekretaris Camat", atasan_uuid=camat))  # fmt: skip
        lurah = add(person("198005202005011003", "Afrizal", "NGL-GRL", grade="III/d",
                           jabatan="Lurah Gurun Laweh", job_kind=JobKind.PENGAWAS, is_head=True,
                           atasan_uuid=camat))  # fmt: skip
        staff = add(person("199204152019032001", "Rina", "NGL-GRL", atasan_uuid=lurah))
    return Register(path, sekda, camat, sekcam, lurah, staff)


def errors_of(db: Database, values: EmployeeInput, uuid: str | None = None) -> set[str]:
    return {e.code for e in check_employee_form(db, values, uuid=uuid, today=TODAY).errors}

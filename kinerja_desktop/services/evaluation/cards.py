"""Who someone is, as an approved evaluation's snapshot prints it: the employee, an internal or
external penilai (name, NIP, golongan and pangkat, jabatan, unit, Plt./Plh.)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.services.common.queries import current_assignment
from kinerja_desktop.storage.models import Assignment, Employee, ExternalPenilai, Office

__all__ = ["ShownIdentity", "external_card", "penilai_card", "person_card", "shown_identity"]


def person_card(session: Session, employee_id: int | None) -> dict[str, Any] | None:
    """Who someone is, as a snapshot prints it (name, NIP, pangkat, jabatan, Plt./Plh.)."""
    if employee_id is None:
        return None
    e = session.get(Employee, employee_id)
    if e is None:
        return None
    a = current_assignment(session, employee_id)
    office = session.get(Office, a.office_id) if a else None
    grade = a.grade if a else ""
    try:
        pangkat = pangkat_label(grade) if grade else ""
    except ValidationError:
        pangkat = grade
    return {
        "uuid": e.uuid,
        "nama": full_name(e.name, e.title_prefix, e.title_suffix),
        "nip": e.nip,
        "golongan": grade,
        "pangkat": pangkat,
        "jabatan": a.jabatan if a else "",
        "unit": office.name if office else "",
        "unit_code": office.code if office else "",
        "acting": a.acting.value if a else "none",
    }


def external_card(session: Session, external_id: int | None) -> dict[str, Any] | None:
    """An external penilai (DOMAIN.md A 12) as a snapshot prints them."""
    if external_id is None:
        return None
    x = session.get(ExternalPenilai, external_id)
    if x is None:
        return None
    try:
        pangkat = pangkat_label(x.grade) if x.grade else ""
    except ValidationError:
        pangkat = x.grade
    return {
        "uuid": x.uuid,
        "nama": x.name,
        "nip": x.nip,
        "golongan": x.grade,
        "pangkat": pangkat,
        "jabatan": x.jabatan,
        "unit": x.instansi,
        "unit_code": "",
        "acting": x.acting.value,
        "external": True,
    }


def penilai_card(session: Session, assignment: Assignment | None) -> dict[str, Any] | None:
    """The penilai of ``assignment``: its atasan here, else its external penilai."""
    if assignment is None:
        return None
    if assignment.atasan_id is not None:
        return person_card(session, assignment.atasan_id)
    return external_card(session, assignment.external_penilai_id)


@dataclass(frozen=True)
class ShownIdentity:
    """The jabatan, unit and penilai an evaluation's detail shows."""

    jabatan: str
    office_name: str
    penilai_name: str
    penilai_uuid: str | None
    external: bool


def shown_identity(
    session: Session, a: Assignment | None, office: Office | None, frozen: Any
) -> ShownIdentity:
    """Today's jabatan, unit and penilai of assignment ``a``, or those of ``frozen``, the
    snapshot of an approved evaluation (``None`` otherwise)."""
    penilai_name, penilai_uuid, external = "", None, False
    card = penilai_card(session, a)
    if card is not None:
        penilai_name, penilai_uuid = card["nama"], card["uuid"]
        external = bool(card.get("external"))
    jabatan, office_name = (a.jabatan if a else ""), (office.name if office else "")
    if isinstance(frozen, dict) and isinstance(frozen.get("pegawai"), dict):
        # Signed history shows who they were then, not after a later mutasi (DESIGN.md 5).
        jabatan = frozen["pegawai"].get("jabatan", jabatan)
        office_name = frozen["pegawai"].get("unit", office_name)
        if isinstance(frozen.get("penilai"), dict):
            penilai_name = frozen["penilai"].get("nama", penilai_name)
    return ShownIdentity(jabatan, office_name, penilai_name, penilai_uuid, external)

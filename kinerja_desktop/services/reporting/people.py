"""Who a printed document names: the employee, penilai and atasan penilai cards.

Cards come from an approval snapshot when there is one; before approval they are built from the
assignments in force on a day (:func:`live_identity`), in the snapshot's shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import (
    Acting,
    EvaluationStatus,
    Predikat,
)
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import format_nip, normalize_nip
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.reports.model import (
    Person,
)
from kinerja_desktop.storage.models import (
    Assignment,
    Employee,
    Evaluation,
    ExternalPenilai,
)


def _pangkat(grade: str) -> str:
    try:
        return pangkat_label(grade)
    except Exception:  # an unknown grade code still prints as typed
        return grade


def _acting(value: object) -> str:
    try:
        return label(Acting(str(value)))
    except ValueError:
        return ""


def person_from_card(card: dict[str, Any] | None) -> Person | None:
    """A snapshot card (``nama``, ``nip``, ``pangkat``, ``jabatan``, ``unit``, ``acting``)."""
    if not card:
        return None
    return Person(
        name=str(card.get("nama", "")),
        nip=format_nip(str(card.get("nip", ""))),
        pangkat=str(card.get("pangkat") or _pangkat(str(card.get("golongan", "")))),
        jabatan=str(card.get("jabatan", "")),
        unit=str(card.get("unit", "")),
        acting=_acting(card.get("acting", "none")),
    )


def assignment_on(session: Session, employee_id: int, day: date) -> Assignment | None:
    rows = (
        session.execute(
            select(Assignment)
            .where(Assignment.employee_id == employee_id, Assignment.deleted_at.is_(None))
            .order_by(Assignment.start_date)
        )
        .scalars()
        .all()
    )
    return held_on(rows, day)


def held_on(rows: Sequence[Assignment], day: date) -> Assignment | None:
    """Of one employee's live assignments in start order, the one :func:`assignment_on`
    names: the latest held on ``day``, else the latest begun before it, else the last."""
    held = [a for a in rows if a.start_date <= day and (a.end_date is None or a.end_date >= day)]
    if held:
        return held[-1]
    before = [a for a in rows if a.start_date <= day]
    return (before or rows or [None])[-1]


def _employee_card(session: Session, employee: Employee, day: date) -> dict[str, Any]:
    a = assignment_on(session, employee.id, day)
    card: dict[str, Any] = {
        "uuid": employee.uuid,
        "nama": full_name(employee.name, employee.title_prefix, employee.title_suffix),
        "nip": employee.nip,
        "golongan": a.grade if a else "",
        "pangkat": _pangkat(a.grade) if a else "",
        "jabatan": a.jabatan if a else "",
        "unit": a.office.name if a else "",
        "unit_code": a.office.code if a else "",
        "acting": a.acting.value if a else "none",
    }
    return card


def _external_card(ext: ExternalPenilai) -> dict[str, Any]:
    return {
        "uuid": ext.uuid,
        "nama": ext.name,
        "nip": ext.nip,
        "golongan": ext.grade,
        "pangkat": _pangkat(ext.grade) if ext.grade else "",
        "jabatan": ext.jabatan,
        "unit": ext.instansi,
        "unit_code": "",
        "acting": ext.acting.value,
        "external": True,
    }


def live_identity(session: Session, employee: Employee, day: date) -> dict[str, Any]:
    """Pegawai, penilai and atasan penilai cards from the assignments in force on ``day``,
    in the shape of an approval snapshot."""
    pegawai = _employee_card(session, employee, day)
    a = assignment_on(session, employee.id, day)
    penilai = above = None
    if a is not None and a.atasan_id is not None:
        boss = session.get(Employee, a.atasan_id)
        if boss is not None:
            penilai = _employee_card(session, boss, day)
            b = assignment_on(session, boss.id, day)
            if b is not None and b.atasan_id is not None:
                top = session.get(Employee, b.atasan_id)
                above = _employee_card(session, top, day) if top else None
            elif b is not None and b.external_penilai_id is not None:
                ext = session.get(ExternalPenilai, b.external_penilai_id)
                above = _external_card(ext) if ext else None
    elif a is not None and a.external_penilai_id is not None:
        ext = session.get(ExternalPenilai, a.external_penilai_id)
        penilai = _external_card(ext) if ext else None
    return {"pegawai": pegawai, "penilai": penilai, "atasan_penilai": above}


def nip_digits(nip: str) -> str:
    """A NIP as stored (digits only), or as typed when it is no NIP at all."""
    try:
        return normalize_nip(nip)
    except Exception:
        return str(nip).strip()


def find_employee(session: Session, nip: str) -> Employee:
    """The employee with ``nip`` (spaces and dots allowed).

    Raises:
        NotFoundError: ``report.unknown_employee``.
    """
    found = session.execute(
        select(Employee).where(Employee.nip == nip_digits(nip), Employee.deleted_at.is_(None))
    ).scalar()
    if found is None:
        raise NotFoundError("report.unknown_employee", nip=nip)
    return found


@dataclass(frozen=True)
class EvalState:
    status: EvaluationStatus | None
    predikat: Predikat | None
    snapshot: dict[str, Any] | None
    approved_at: datetime | None

    @property
    def approved(self) -> bool:
        return self.status == EvaluationStatus.APPROVED


def evaluation_state(session: Session, ev: Evaluation | None) -> EvalState:
    """The effective state of an evaluation, counting a decision recorded only in the
    penilai's assessment (a penilai in another office approves through that row alone)."""
    if ev is None:
        return EvalState(None, None, None, None)
    from kinerja_desktop.services.evaluation.core import state_of

    state = state_of(session, ev)
    snapshot = state.snapshot if state.status == EvaluationStatus.APPROVED else None
    return EvalState(state.status, state.predikat, snapshot, state.approved_at)


def owner_line(card: dict[str, Any] | None) -> str:
    if not card:
        return ""
    return f"Dokumen milik {card.get('nama', '')} (NIP {format_nip(str(card.get('nip', '')))})"

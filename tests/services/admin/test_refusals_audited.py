"""Refusals of the SKP editor check and of the organisation predikat go through the one
``permissions.refuse`` (so they are audited like every other), while a probe that only asks
"may they?" records nothing (issue 13, point 4)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import CoreValue, OrgPredikat, Role
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError
from kinerja_desktop.services.admin.accounts import actor_for, authenticate
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.office_eval.org_predikat import set_org_predikat
from kinerja_desktop.services.plans import skp, skp_status
from kinerja_desktop.storage.models import AuditEntry

Refusal = tuple[str, str, dict[str, str]]


def _recording(actor: Actor, seen: list[Refusal]) -> Actor:
    def record(who: Actor, code: str, details: dict[str, str]) -> None:
        seen.append((who.username, code, details))

    return Actor(actor.username, actor.roles, employee_uuid=actor.employee_uuid,
                 on_refused=record)  # fmt: skip


def _row(db: Database, name: str):
    return next(r for r in skp_status.list_skp(db, 2026) if r.name.startswith(name))


def _camat(db: Database, seen: list[Refusal]) -> Actor:
    camat = _row(db, "Mardiana Tabiangsakti")
    return _recording(
        Actor("penilai", frozenset({Role.PENILAI}), employee_uuid=camat.employee_uuid), seen
    )


def test_editing_another_persons_skp_is_an_audited_refusal(db):
    seen: list[Refusal] = []
    other = _row(db, "Masrizal Bariangsati")
    values = skp.get_skp(db, other.skp_uuid).as_input()
    with pytest.raises(PermissionDeniedError):
        skp.save_skp(db, _camat(db, seen), values)
    assert [(u, c, d["operation"]) for u, c, d in seen] == [
        ("penilai", "permission.denied", "save_skp")
    ]
    assert seen[0][2]["roles"] == "admin, operator"


def test_probing_the_editor_check_records_nothing(db):
    seen: list[Refusal] = []
    lurah = _row(db, "Asrul Bukiksilayang")  # the camat's subordinate: a decider, not an editor
    with pytest.raises(ConflictError):  # approved: past the permission checks
        skp_status.save_expectations(db, _camat(db, seen), lurah.skp_uuid,
                                     {CoreValue.LOYAL: "x"})  # fmt: skip
    assert seen == []
    # Neither editor nor decider: exactly one refusal, the decider's.
    bendahara = _row(db, "Yulia Lubuaktarok")
    with pytest.raises(PermissionDeniedError):
        skp_status.save_expectations(db, _camat(db, seen), bendahara.skp_uuid,
                                     {CoreValue.LOYAL: "x"})  # fmt: skip
    assert [(c, d["operation"]) for _, c, d in seen] == [
        ("permission.not_subordinate", "save_expectations")
    ]


def test_a_refused_org_predikat_lands_in_the_audit_trail(db):
    operator = actor_for(authenticate(db, "operator", "demo-operator"), db)
    with db.uow() as uow:
        before = len(uow.session.execute(select(AuditEntry)).scalars().all())
    with pytest.raises(PermissionDeniedError):
        set_org_predikat(db, operator, "NGL-GRL", "2026-Q3", OrgPredikat.BAIK)
    with db.uow() as uow:
        entries = uow.session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
        new = [(e.username, e.action, e.after["code"], e.after["operation"], e.after["office"])
               for e in entries[before:]]  # fmt: skip
    assert new == [("operator", "refused", "office_eval.org_not_allowed", "set_org_predikat",
                    "Kelurahan Gurun Laweh")]  # fmt: skip

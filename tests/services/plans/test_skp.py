"""SKP plans: editing, the cascade rules, status per role, revisions, copying, shared RHK."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kinerja_desktop.domain.enums import (
    Aspect,
    CoreValue,
    EvaluationStatus,
    Polarity,
    RhkKind,
    Role,
)
from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.plans import skp, skp_status
from kinerja_desktop.services.plans.dto import IkiInput, RhkInput, SkpInput
from kinerja_desktop.storage.models import AuditEntry, Rhk, Skp, SkpIndicator

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))
ADMIN = Actor("admin", frozenset({Role.ADMIN}))
YEAR = 2026


def _row(db, name: str):
    return next(r for r in skp_status.list_skp(db, YEAR) if r.name.startswith(name))


def _penilai(db) -> Actor:
    camat = _row(db, "Mardiana Tabiangsakti")
    return Actor("penilai", frozenset({Role.PENILAI}), employee_uuid=camat.employee_uuid)


def _counts(db):
    with db.uow() as uow:
        s = uow.session
        return tuple(
            s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (Skp, Rhk, SkpIndicator, AuditEntry)
        )


def _iki(target="12", **kw) -> IkiInput:
    return IkiInput(Aspect.KUANTITAS, "Jumlah laporan", Decimal(target), unit="laporan", **kw)


def test_list_has_every_active_employee_with_status(db):
    rows = skp_status.list_skp(db, YEAR)
    assert len(rows) == 98 and all(r.skp_uuid for r in rows)
    statuses = {r.status for r in rows}
    assert statuses == {*EvaluationStatus}
    assert rows[0].is_head and rows[0].office_code == "NGL"
    assert skp_status.list_skp(db, 2027)[0].skp_uuid is None


def test_draft_edit_roundtrip_and_audit(db):
    row = _row(db, "Masrizal Bariangsati")  # the demo's draft SKP
    detail = skp.get_skp(db, row.skp_uuid)
    assert detail.editable and detail.status == EvaluationStatus.DRAFT
    values = detail.as_input()
    extra = RhkInput("Terlaksananya pendataan kelompok masyarakat", RhkKind.TAMBAHAN,
                     indicators=(_iki(),))  # fmt: skip
    values = SkpInput(
        values.employee_uuid, YEAR, (*values.rhk, extra),
        {**values.expectations, CoreValue.ADAPTIF: "Cepat menyesuaikan diri."},
        "Laptop", values.accountability, values.consequences,
    )  # fmt: skip
    saved = skp.save_skp(db, OPERATOR, values, expected_version=detail.version)
    assert saved.version == detail.version + 1
    assert saved.rhk[-1].text == extra.text and saved.rhk[-1].indicators[0].target == 12
    assert saved.expectations[CoreValue.ADAPTIF] == "Cepat menyesuaikan diri."
    assert saved.resources == "Laptop"
    with pytest.raises(ConflictError) as caught:  # the editor's old version is refused
        skp.save_skp(db, OPERATOR, values, expected_version=detail.version)
    assert caught.value.code == "record.changed"
    same = skp.save_skp(db, OPERATOR, saved.as_input())
    assert same.version == saved.version  # nothing changed, nothing written


def test_rhk_must_intervene_the_direct_atasans_rhk(db):
    row = _row(db, "Masrizal Bariangsati")  # atasan: Kasi Pemberdayaan Rina Talangbabungo
    camat = skp.get_skp(db, _row(db, "Mardiana Tabiangsakti").skp_uuid)
    values = skp.get_skp(db, row.skp_uuid).as_input()
    wrong = RhkInput("Ikut camat", RhkKind.UTAMA, parent_rhk_uuid=camat.rhk[0].uuid,
                     indicators=(_iki(),))  # fmt: skip
    before = _counts(db)
    with pytest.raises(ValidationError) as caught:
        skp.save_skp(db, OPERATOR, SkpInput(values.employee_uuid, YEAR, (*values.rhk, wrong)))
    assert caught.value.code == "skp.parent_not_atasan"
    text = describe(caught.value)
    assert "Mardiana Tabiangsakti" in text and "Rina Talangbabungo" in text
    assert _counts(db) == before


def test_only_a_head_serves_an_office_iku(db):
    from kinerja_desktop.services.plans.iku_catalogue import get_catalogue

    iku = get_catalogue(db, "NGL", YEAR).indicators[0]
    row = _row(db, "Masrizal Bariangsati")
    values = skp.get_skp(db, row.skp_uuid).as_input()
    rhk = RhkInput("Langsung IKU", indicator_uuid=iku.uuid, indicators=(_iki(),))
    with pytest.raises(ValidationError) as caught:
        skp.save_skp(db, OPERATOR, SkpInput(values.employee_uuid, YEAR, (*values.rhk, rhk)))
    assert caught.value.code == "skp.iku_not_head"


def test_a_cycle_in_the_cascade_is_refused(db):
    # The kasi's RHK is intervened by Masrizal's RHK; if the kasi's (stale) plan pointed back
    # at Masrizal's RHK, the cascade would loop. Make Masrizal the kasi's atasan to try it.
    kasi = _row(db, "Rina Talangbabungo")
    masrizal = _row(db, "Masrizal Bariangsati")
    m_detail = skp.get_skp(db, masrizal.skp_uuid)
    with db.uow() as uow:  # a register change behind the plan's back (a mutasi, say)
        from kinerja_desktop.storage.models import Assignment, Employee

        kasi_id = uow.session.execute(
            select(Employee.id).where(Employee.uuid == kasi.employee_uuid)
        ).scalar_one()
        m_id = uow.session.execute(
            select(Employee.id).where(Employee.uuid == masrizal.employee_uuid)
        ).scalar_one()
        a = uow.session.execute(
            select(Assignment).where(
                Assignment.employee_id == kasi_id, Assignment.end_date.is_(None)
            )
        ).scalar_one()
        a.atasan_id = m_id
        uow.commit()
    # the kasi's SKP is approved: make a revision whose RHK intervene Masrizal's RHK
    k_detail = skp.get_skp(db, kasi.skp_uuid)
    values = k_detail.as_input()
    looped = tuple(
        RhkInput(r.text, r.kind, m_detail.rhk[0].uuid, None, r.indicators, r.uuid)
        for r in values.rhk[:1]
    )
    before = _counts(db)
    with pytest.raises(ValidationError) as caught:
        skp.save_skp(db, OPERATOR, SkpInput(values.employee_uuid, YEAR, looped),
                     revision_reason="uji")  # fmt: skip
    assert caught.value.code == "skp.cascade_cycle"
    assert _counts(db) == before


def test_bad_targets_are_refused(db):
    row = _row(db, "Masrizal Bariangsati")
    values = skp.get_skp(db, row.skp_uuid).as_input()
    for iki, words in (
        (_iki("0"), "Target 0"),
        (_iki("90", polarity=Polarity.RANGE, target_hi=Decimal(80)), "Batas atas target (80)"),
    ):
        rhk = RhkInput("Baru", RhkKind.TAMBAHAN, indicators=(iki,))
        with pytest.raises(ValidationError) as caught:
            skp.save_skp(db, OPERATOR, SkpInput(values.employee_uuid, YEAR, (*values.rhk, rhk)))
        assert caught.value.code == "skp.target_bad" and words in describe(caught.value)


def test_status_flow_per_role(db):
    sekcam = _row(db, "Irwan Rangkiangsari")  # approved, the camat's direct subordinate
    penilai = _penilai(db)
    with pytest.raises(ConflictError) as caught:  # a change to an approved SKP needs a reason
        skp.save_skp(
            db,
            OPERATOR,
            skp.get_skp(db, sekcam.skp_uuid)
            .as_input()
            .__class__(
                sekcam.employee_uuid, YEAR, skp.get_skp(db, sekcam.skp_uuid).as_input().rhk[:1]
            ),
        )
    assert caught.value.code == "skp.approved_locked"
    with pytest.raises(PermissionDeniedError):
        skp_status.start_revision(db, PIMPINAN, sekcam.skp_uuid, "perubahan tugas")
    rev = skp_status.start_revision(db, OPERATOR, sekcam.skp_uuid, "perubahan tugas")
    assert rev.revision == 2 and rev.status == EvaluationStatus.DRAFT
    assert skp.get_skp(db, sekcam.skp_uuid).status == EvaluationStatus.APPROVED  # kept
    with pytest.raises(PermissionDeniedError):  # the penilai does not submit
        skp_status.submit_skp(db, penilai, rev.uuid)
    sub = skp_status.submit_skp(db, OPERATOR, rev.uuid)
    assert sub.status == EvaluationStatus.SUBMITTED
    changed = sub.as_input()
    changed = SkpInput(changed.employee_uuid, YEAR, changed.rhk, resources="Ruang rapat")
    with pytest.raises(ConflictError) as caught:  # locked while submitted
        skp.save_skp(db, OPERATOR, changed)
    assert caught.value.code == "skp.submitted_locked"
    with pytest.raises(PermissionDeniedError):  # an operator does not approve
        skp_status.approve_skp(db, OPERATOR, rev.uuid)
    with pytest.raises(ValidationError):
        skp_status.return_skp(db, penilai, rev.uuid, "  ")
    back = skp_status.return_skp(db, penilai, rev.uuid, "Target RHK 2 terlalu rendah.")
    assert back.status == EvaluationStatus.RETURNED and back.status_reason.startswith("Target")
    skp_status.submit_skp(db, OPERATOR, rev.uuid)
    done = skp_status.approve_skp(db, penilai, rev.uuid)
    assert done.status == EvaluationStatus.APPROVED
    with db.uow() as uow:
        row = uow.session.execute(select(Skp).where(Skp.uuid == rev.uuid)).scalar_one()
        assert row.approved_at is not None and row.snapshot["pegawai"]["nip"] == sekcam.nip


def test_penilai_acts_only_on_direct_subordinates(db):
    bendahara = _row(db, "Yulia Lubuaktarok")  # submitted; her atasan is not the camat
    with pytest.raises(PermissionDeniedError) as caught:
        skp_status.approve_skp(db, _penilai(db), bendahara.skp_uuid)
    assert caught.value.code == "permission.not_subordinate"
    assert skp.get_skp(db, bendahara.skp_uuid).status == EvaluationStatus.SUBMITTED


def test_submit_needs_a_complete_plan(db):
    row = _row(db, "Masrizal Bariangsati")
    values = skp.get_skp(db, row.skp_uuid).as_input()
    loose = RhkInput("Tanpa induk", RhkKind.UTAMA, indicators=(_iki(),))
    skp.save_skp(db, OPERATOR, SkpInput(values.employee_uuid, YEAR, (*values.rhk, loose)))
    with pytest.raises(ValidationError) as caught:
        skp_status.submit_skp(db, OPERATOR, row.skp_uuid)
    assert caught.value.code == "skp.rhk_no_parent"
    skp.save_skp(db, OPERATOR, values)
    assert skp_status.submit_skp(db, OPERATOR, row.skp_uuid).status == EvaluationStatus.SUBMITTED


def test_copy_last_years_skp(db):
    from kinerja_desktop.services.plans.iku_catalogue import copy_catalogue

    camat = _row(db, "Mardiana Tabiangsakti")
    copy_catalogue(db, OPERATOR, "NGL", YEAR)
    new = skp_status.copy_skp(db, OPERATOR, camat.employee_uuid, YEAR)
    old = skp.get_skp(db, camat.skp_uuid)
    assert new.year == YEAR + 1 and new.status == EvaluationStatus.DRAFT
    assert [r.text for r in new.rhk] == [r.text for r in old.rhk]
    assert (
        new.rhk[0].indicator_code == "IKU-01"
        and new.rhk[0].indicator_uuid != old.rhk[0].indicator_uuid
    )
    sekcam = _row(db, "Irwan Rangkiangsari")
    mapped = skp_status.copy_skp(db, OPERATOR, sekcam.employee_uuid, YEAR)
    assert mapped.rhk[0].parent_rhk_uuid in {r.uuid for r in new.rhk}
    with pytest.raises(ConflictError):
        skp_status.copy_skp(db, OPERATOR, camat.employee_uuid, YEAR)


def test_same_rhk_for_several_employees_of_one_jabatan(db):
    rows = [
        r
        for r in skp_status.list_skp(db, YEAR, office_code="NGL")
        if r.jabatan == "Pengadministrasi Perkantoran"
    ]
    assert len(rows) >= 2
    for r in rows:  # their plans are approved: start revisions first
        skp_status.start_revision(db, OPERATOR, r.skp_uuid, "tugas bersama")
    shared = RhkInput("Terarsipnya dokumen layanan", RhkKind.TAMBAHAN, indicators=(_iki("40"),))
    result = skp_status.assign_rhk(db, OPERATOR, [r.employee_uuid for r in rows], YEAR, shared)
    assert result.created == len(rows)
    for r in rows:
        latest = skp.find_skp(db, r.employee_uuid, YEAR)
        assert latest.rhk[-1].text == "Terarsipnya dokumen layanan"
    other = _row(db, "Masrizal Bariangsati")
    before = _counts(db)
    with pytest.raises(ValidationError) as caught:
        skp_status.assign_rhk(
            db, OPERATOR, [rows[0].employee_uuid, other.employee_uuid], YEAR, shared
        )
    assert caught.value.code == "skp.bulk_jabatan"
    assert _counts(db) == before


def test_pimpinan_reads_but_does_not_write(db):
    row = _row(db, "Masrizal Bariangsati")
    values = skp.get_skp(db, row.skp_uuid).as_input()
    with pytest.raises(PermissionDeniedError):
        skp.save_skp(db, PIMPINAN, values)
    own = Actor("masrizal", frozenset({Role.OPERATOR}) - {Role.OPERATOR} | {Role.PENILAI},
                employee_uuid=row.employee_uuid)  # fmt: skip
    assert skp.save_skp(db, own, values).uuid == row.skp_uuid


def test_expectations_by_the_penilai_while_submitted(db):
    lurah = _row(db, "Asrul Bukiksilayang")  # a lurah: the camat's subordinate, other office
    bendahara = _row(db, "Yulia Lubuaktarok")
    with pytest.raises(PermissionDeniedError):
        skp_status.save_expectations(db, _penilai(db), bendahara.skp_uuid, {CoreValue.LOYAL: "x"})
    assert lurah.status == EvaluationStatus.APPROVED
    with pytest.raises(ConflictError):
        skp_status.save_expectations(db, _penilai(db), lurah.skp_uuid, {CoreValue.LOYAL: "x"})

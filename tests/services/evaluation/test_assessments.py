"""Submit, rate, approve, return and reopen, as each role (DESIGN.md section 7b)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from kinerja_desktop.domain.enums import CoreValue, EvaluationStatus, Predikat, Rating
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.evaluation import assessments as svc
from kinerja_desktop.services.evaluation.dto import AssessmentInput, RealisationInput
from kinerja_desktop.services.evaluation.evaluations import list_evaluations
from kinerja_desktop.services.evaluation.realisations import get_evaluation, save_realisations
from kinerja_desktop.storage.models import Assessment, AuditEntry, Evaluation, PeriodSetting
from tests.services.evaluation_helpers import fill_all, find, open_db, sign_in

S = EvaluationStatus
OTHER = {Rating.ABOVE: Rating.BELOW, Rating.AS_EXPECTED: Rating.ABOVE, Rating.BELOW: Rating.ABOVE}


def _submitted_by_operator(db, penilai):
    operator = sign_in(db, "operator")
    draft = find(db, "2026-Q3", S.DRAFT, penilai=penilai)
    save_realisations(db, operator, draft.uuid, fill_all(draft))
    return svc.submit(db, operator, draft.uuid)


def test_full_cycle_operator_penilai(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _submitted_by_operator(db, penilai)
        assert detail.status == S.SUBMITTED
        perms = svc.permissions(db, penilai, detail)
        assert perms.assess and perms.decide and not perms.edit_realisations
        assert not svc.permissions(db, sign_in(db, "operator"), detail).decide
        feedback = {detail.lines[0].skp_indicator_uuid: "Pertahankan."}
        notes = {CoreValue.AKUNTABEL: "Disiplin dan jujur."}
        values = AssessmentInput(detail.suggestion, Rating.ABOVE, "", feedback, notes)
        svc.save_assessment(db, penilai, detail.uuid, values)
        approved = svc.approve(db, penilai, detail.uuid)
        assert approved.status == S.APPROVED
        expected = {
            Rating.ABOVE: Predikat.SANGAT_BAIK,
            Rating.AS_EXPECTED: Predikat.BAIK,
            Rating.BELOW: Predikat.BUTUH_PERBAIKAN,
        }[detail.suggestion]
        assert approved.predikat == expected
        snap = approved.snapshot
        assert snap["predikat"] == expected.value
        assert snap["penilai"]["uuid"] == penilai.employee_uuid
        assert snap["pegawai"]["nip"] == detail.nip
        assert {"nama", "nip", "pangkat", "jabatan", "acting"} <= set(snap["penilai"])
        assert snap["results"][0]["umpan_balik"] == "Pertahankan."
        assert snap["behaviour_notes"] == {"akuntabel": "Disiplin dan jujur."}
        assert approved.lines[0].feedback == "Pertahankan."
        # Frozen: neither the clerk nor the penilai can change it any more.
        entry = [RealisationInput(detail.lines[0].skp_indicator_uuid, "1")]
        with pytest.raises(ValidationError):
            save_realisations(db, sign_in(db, "operator"), detail.uuid, entry)
        with pytest.raises(ValidationError):
            svc.approve(db, penilai, detail.uuid)
        with db.uow() as uow:
            owner = uow.session.execute(select(Assessment.origin_office)).scalars().all()
        assert "NGL" in owner


def test_different_rating_needs_reason(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _submitted_by_operator(db, penilai)
        other = OTHER[detail.suggestion]
        with pytest.raises(ValidationError) as info:
            svc.save_assessment(db, penilai, detail.uuid, AssessmentInput(other, Rating.BELOW))
        assert info.value.code == "assessment.reason_required"
        assert "alasan" in describe(info.value)
        assert get_evaluation(db, detail.uuid).assessment is None
        values = AssessmentInput(other, Rating.BELOW, "Target kualitas tidak tercapai.")
        svc.save_assessment(db, penilai, detail.uuid, values)
        approved = svc.approve(db, penilai, detail.uuid)
        assert approved.assessment.rating_reason == "Target kualitas tidak tercapai."
        assert approved.assessment.rating_hasil_suggested == detail.suggestion
        assert approved.predikat in (Predikat.KURANG, Predikat.SANGAT_KURANG)


def test_approval_needs_both_ratings(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _submitted_by_operator(db, penilai)
        svc.save_assessment(db, penilai, detail.uuid, AssessmentInput(detail.suggestion, None))
        with pytest.raises(ValidationError) as info:
            svc.approve(db, penilai, detail.uuid)
        assert info.value.code == "assessment.rating_missing"
        assert get_evaluation(db, detail.uuid).status == S.SUBMITTED


def test_wrong_person_cannot_decide(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        elsewhere = find(db, "2026-Q3", S.SUBMITTED, not_penilai=penilai)
        for actor in (penilai, sign_in(db, "operator"), sign_in(db, "pimpinan")):
            with pytest.raises(PermissionDeniedError):
                svc.approve(db, actor, elsewhere.uuid)
            with pytest.raises(PermissionDeniedError):
                svc.return_evaluation(db, actor, elsewhere.uuid, "kurang bukti")
        assert get_evaluation(db, elsewhere.uuid).status == S.SUBMITTED


def test_return_then_resubmit(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        operator = sign_in(db, "operator")
        detail = _submitted_by_operator(db, penilai)
        with pytest.raises(ValidationError):
            svc.return_evaluation(db, penilai, detail.uuid, "  ")
        returned = svc.return_evaluation(db, penilai, detail.uuid, "Lampirkan bukti dukung.")
        assert returned.status == S.RETURNED
        assert returned.status_reason == "Lampirkan bukti dukung."
        assert returned.assessment.decision == S.RETURNED
        entry = [RealisationInput(detail.lines[0].skp_indicator_uuid, "2")]
        save_realisations(db, operator, detail.uuid, entry)
        again = svc.submit(db, operator, detail.uuid)
        assert again.status == S.SUBMITTED


def test_submit_incomplete_refused(demo_address):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        entry = [RealisationInput(draft.lines[0].skp_indicator_uuid, "")]
        save_realisations(db, operator, draft.uuid, entry)
        with pytest.raises(ValidationError) as info:
            svc.submit(db, operator, draft.uuid)
        assert info.value.code == "evaluation.incomplete"
        assert get_evaluation(db, draft.uuid).status == S.DRAFT


def test_locked_period_refuses_approval(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _submitted_by_operator(db, penilai)
        svc.save_assessment(
            db, penilai, detail.uuid, AssessmentInput(detail.suggestion, Rating.AS_EXPECTED)
        )
        with db.uow() as uow:
            uow.session.execute(
                update(PeriodSetting).where(PeriodSetting.period == "2026-Q3").values(locked=True)
            )
            uow.commit()
        with pytest.raises(ConflictError) as info:
            svc.approve(db, penilai, detail.uuid)
        assert info.value.code == "office_eval.period_locked"
        assert get_evaluation(db, detail.uuid).status == S.SUBMITTED
        assert not svc.permissions(db, penilai, get_evaluation(db, detail.uuid)).decide


def test_only_admin_reopens_and_both_versions_stay(demo_address):
    with open_db(demo_address) as db:
        approved = find(db, "2026-Q2", S.APPROVED)
        for name in ("operator", "penilai", "pimpinan"):
            with pytest.raises(PermissionDeniedError):
                svc.reopen(db, sign_in(db, name), approved.uuid, "salah ketik")
        admin = sign_in(db, "admin")
        with pytest.raises(ValidationError):
            svc.reopen(db, admin, approved.uuid, "")
        new = svc.reopen(db, admin, approved.uuid, "Realisasi salah ketik.")
        assert new.revision == approved.revision + 1
        assert new.status == S.DRAFT and new.status_reason == "Realisasi salah ketik."
        assert [x.value for x in new.lines] == [x.value for x in approved.lines]
        old = get_evaluation(db, approved.uuid)
        assert old.status == S.APPROVED and old.snapshot == approved.snapshot
        assert old.predikat == approved.predikat
        assert not svc.permissions(db, admin, old).reopen  # an older revision is read-only
        with db.uow() as uow:
            before, after = uow.session.execute(
                select(AuditEntry.before, AuditEntry.after).where(AuditEntry.action == "reopen")
            ).one()
            revisions = (
                uow.session.execute(
                    select(Evaluation.revision).where(Evaluation.uuid.in_([old.uuid, new.uuid]))
                )
                .scalars()
                .all()
            )
        assert before["status"] == "approved" and after["status"] == "draft"
        assert sorted(revisions) == [approved.revision, approved.revision + 1]
        rows = [r for r in list_evaluations(db, period="2026-Q2") if r.nip == approved.nip]
        assert [r.uuid for r in rows] == [new.uuid]


def _lurah_submitted(db, penilai):
    """A lurah's Triwulan III, owned by the kelurahan, arrived as submitted (as a package
    from the kelurahan would bring it)."""
    detail = next(
        d
        for d in (get_evaluation(db, r.uuid) for r in list_evaluations(db, period="2026-Q3"))
        if d.penilai_uuid == penilai.employee_uuid and d.origin_office != "NGL"
    )
    with db.uow() as uow:
        uow.session.execute(
            update(Evaluation)
            .where(Evaluation.uuid == detail.uuid)
            .values(status=S.SUBMITTED, submitted_at=datetime(2026, 10, 2, tzinfo=UTC))
        )
        uow.commit()
    return get_evaluation(db, detail.uuid)


def test_camat_rates_a_lurah_through_the_assessment_row_only(demo_address):
    """DESIGN.md 5: the kecamatan's database approves without touching the kelurahan's row."""
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _lurah_submitted(db, penilai)
        assert detail.is_head and detail.origin_office.startswith("NGL-")
        assert not svc.permissions(db, sign_in(db, "operator"), detail).edit_realisations
        values = AssessmentInput(detail.suggestion, Rating.AS_EXPECTED)
        svc.save_assessment(db, penilai, detail.uuid, values)
        approved = svc.approve(db, penilai, detail.uuid)
        assert approved.status == S.APPROVED and approved.predikat is not None
        assert approved.snapshot["penilai"]["uuid"] == penilai.employee_uuid
        assert approved.assessment.origin_office == "NGL"
        with db.uow() as uow:
            row = uow.session.execute(
                select(Evaluation.status, Evaluation.version, Evaluation.predikat).where(
                    Evaluation.uuid == detail.uuid
                )
            ).one()
        assert row.status == S.SUBMITTED and row.version == detail.version
        assert row.predikat is None
        listed = next(r for r in list_evaluations(db, period="2026-Q3") if r.uuid == detail.uuid)
        assert listed.status == S.APPROVED and listed.predikat == approved.predikat


def test_a_remote_return_reopens_the_clerks_editing(demo_address):
    from kinerja_desktop.storage.models import Setting

    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _lurah_submitted(db, penilai)
        svc.return_evaluation(db, penilai, detail.uuid, "Bukti dukung belum lengkap.")
        returned = get_evaluation(db, detail.uuid)
        assert returned.status == S.RETURNED
        assert returned.status_reason == "Bukti dukung belum lengkap."
        # At the kelurahan (its own database), the clerk edits and submits again.
        with db.uow() as uow:
            uow.session.get_one(Setting, "home_office").value = detail.origin_office
            uow.commit()
        operator = sign_in(db, "operator")
        assert svc.permissions(db, operator, get_evaluation(db, detail.uuid)).edit_realisations
        entry = [RealisationInput(detail.lines[0].skp_indicator_uuid, "3")]
        save_realisations(db, operator, detail.uuid, entry)
        again = svc.submit(db, operator, detail.uuid)
        assert again.status == S.SUBMITTED


def test_external_penilai_is_recorded_by_an_admin(demo_address):
    """DOMAIN.md A 12: the kepala puskesmas is rated by the Kepala Dinas, who has no account."""
    from kinerja_desktop.services.evaluation.realisations import start_evaluation

    with open_db(demo_address) as db:
        head = next(
            d
            for d in (get_evaluation(db, r.uuid) for r in list_evaluations(db, period="2026-Q2"))
            if d.penilai_external
        )
        operator, admin = sign_in(db, "operator"), sign_in(db, "admin")
        uuid = start_evaluation(db, operator, head.employee_uuid, "2026-Q3")
        draft = get_evaluation(db, uuid)
        save_realisations(db, operator, uuid, fill_all(draft))
        svc.submit(db, operator, uuid)
        values = AssessmentInput(draft.suggestion or Rating.AS_EXPECTED, Rating.AS_EXPECTED)
        with pytest.raises(PermissionDeniedError):
            svc.save_assessment(db, sign_in(db, "penilai"), uuid, values)
        svc.save_assessment(db, admin, uuid, values)
        done = svc.approve(db, admin, uuid)
        assert done.status == S.APPROVED
        assert done.snapshot["penilai"]["external"] is True
        assert done.snapshot["penilai"]["nama"] == head.penilai_name

"""Rencana aksi per RHK and period: writes by the clerk or the pegawai's own account, refusals
that save nothing, copy from the previous period, the evidence link, the approval snapshot."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from kinerja_desktop.domain.enums import EvaluationStatus, Rating
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.recording import stamp_new
from kinerja_desktop.services.evaluation import assessments, evidence, rencana_aksi as svc
from kinerja_desktop.services.evaluation.dto import AssessmentInput, RencanaAksiInput
from kinerja_desktop.services.evaluation.realisations import get_evaluation, save_realisations
from kinerja_desktop.services.evaluation.rencana_aksi_lists import (
    list_rencana_aksi,
    list_skp_rencana_aksi,
)
from kinerja_desktop.storage.models import AuditEntry, PeriodSetting, RencanaAksi, Rhk
from tests.services.evaluation_helpers import fill_all, find, open_db, sign_in

S = EvaluationStatus
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _plans(db, uuid, rhk_uuid):
    group = next(g for g in list_rencana_aksi(db, uuid) if g.rhk_uuid == rhk_uuid)
    return [(p.order, p.text, p.target, p.unit) for p in group.plans]


def test_clerk_adds_edits_reorders_and_deletes(demo_address):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        groups = list_rencana_aksi(db, draft.uuid)
        # Every RHK of the SKP is listed under its printed position, none planned yet.
        assert [g.code for g in groups] == [str(n) for n in range(1, len(groups) + 1)]
        assert {g.period for g in groups} == {"2026-Q3"} and all(not g.plans for g in groups)
        rhk = groups[0].rhk_uuid
        first = svc.add_rencana_aksi(
            db, operator, draft.uuid, rhk, RencanaAksiInput("Menyusun draf", "2,5", "dokumen")
        )
        second = svc.add_rencana_aksi(db, operator, draft.uuid, rhk, RencanaAksiInput(" Rapat "))
        a, b = next(iter(first.uuids("rencana_aksi"))), next(iter(second.uuids("rencana_aksi")))
        assert first.uuids("evaluations") == {draft.uuid}
        assert _plans(db, draft.uuid, rhk) == [
            (1, "Menyusun draf", Decimal("2.5"), "dokumen"), (2, "Rapat", None, ""),
        ]  # fmt: skip
        assert get_evaluation(db, draft.uuid).version == draft.version + 2
        changed = svc.edit_rencana_aksi(db, operator, b, RencanaAksiInput("Rapat koordinasi", "3"))
        assert changed.uuids("rencana_aksi") == {b}
        assert not svc.edit_rencana_aksi(
            db, operator, b, RencanaAksiInput("Rapat koordinasi", "3,0")
        )
        with pytest.raises(ConflictError) as info:
            svc.edit_rencana_aksi(db, operator, b, RencanaAksiInput("x"), expected_version=1)
        assert info.value.code == "record.changed"
        assert svc.reorder_rencana_aksi(db, operator, draft.uuid, rhk, [b, a])
        assert [p[1] for p in _plans(db, draft.uuid, rhk)] == ["Rapat koordinasi", "Menyusun draf"]
        assert not svc.reorder_rencana_aksi(db, operator, draft.uuid, rhk, [b, a])
        with pytest.raises(ValidationError) as info:
            svc.reorder_rencana_aksi(db, operator, draft.uuid, rhk, [b])
        assert info.value.code == "rencana_aksi.bad_order"
        svc.delete_rencana_aksi(db, operator, a)
        assert [p[1] for p in _plans(db, draft.uuid, rhk)] == ["Rapat koordinasi"]
        with db.uow() as uow:
            actions = uow.session.execute(
                select(AuditEntry.action, AuditEntry.username)
                .where(AuditEntry.entity == "rencana_aksi")
                .order_by(AuditEntry.id)
            ).all()
        assert [x for x, _ in actions] == ["create", "create", "update", "reorder", "delete"]
        assert {u for _, u in actions} == {"operator"}


def test_own_account_writes_others_are_refused_penilai_reads(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        draft = find(db, "2026-Q3", S.DRAFT, penilai=penilai)
        rhk = list_rencana_aksi(db, draft.uuid)[0].rhk_uuid
        own = Actor("pegawai", employee_uuid=draft.employee_uuid)
        svc.add_rencana_aksi(db, own, draft.uuid, rhk, RencanaAksiInput("Rencana saya"))
        stranger = Actor("lain", employee_uuid=draft.penilai_uuid)
        for actor in (stranger, sign_in(db, "pimpinan")):
            with pytest.raises(PermissionDeniedError) as info:
                svc.add_rencana_aksi(db, actor, draft.uuid, rhk, RencanaAksiInput("Bukan saya"))
            assert info.value.code == "evaluation.not_clerk"
        # The penilai sees the plan the pegawai wrote (reading needs no clerk).
        assert [p[1] for p in _plans(db, draft.uuid, rhk)] == ["Rencana saya"]


@pytest.mark.parametrize(
    ("values", "code"),
    [
        (RencanaAksiInput("   "), "rencana_aksi.text_required"),
        (RencanaAksiInput("Rapat", "dua"), "rencana_aksi.not_number"),
        (RencanaAksiInput("Rapat", "-1"), "rencana_aksi.negative"),
        (RencanaAksiInput("Rapat", "1", "x" * 51), "rencana_aksi.unit_too_long"),
    ],
)
def test_bad_input_saves_nothing(demo_address, values, code):
    with open_db(demo_address) as db:
        draft = find(db, "2026-Q3", S.DRAFT)
        rhk = list_rencana_aksi(db, draft.uuid)[0].rhk_uuid
        with pytest.raises(ValidationError) as info:
            svc.add_rencana_aksi(db, sign_in(db, "operator"), draft.uuid, rhk, values)
        assert info.value.code == code and describe(info.value)
        assert _plans(db, draft.uuid, rhk) == []
        assert get_evaluation(db, draft.uuid).version == draft.version


def test_unknown_rhk_approved_and_locked_are_refused(demo_address):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        approved = find(db, "2026-Q2", S.APPROVED)
        other_rhk = list_rencana_aksi(db, approved.uuid)
        with db.uow() as uow:  # an RHK of another employee's SKP
            skp_rhk = {g.rhk_uuid for g in list_rencana_aksi(db, draft.uuid)}
            foreign = uow.session.execute(
                select(Rhk.uuid).where(Rhk.uuid.not_in(skp_rhk)).limit(1)
            ).scalar_one()
        with pytest.raises(ValidationError) as info:
            svc.add_rencana_aksi(db, operator, draft.uuid, foreign, RencanaAksiInput("x"))
        assert info.value.code == "rencana_aksi.unknown_rhk"
        rhk = other_rhk[0].rhk_uuid if other_rhk else foreign
        with pytest.raises(ValidationError) as info:
            svc.add_rencana_aksi(db, operator, approved.uuid, rhk, RencanaAksiInput("x"))
        assert info.value.code == "rencana_aksi.not_editable"
        with db.uow() as uow:
            uow.session.execute(
                update(PeriodSetting).where(PeriodSetting.period == "2026-Q3").values(locked=True)
            )
            uow.commit()
        rhk = list_rencana_aksi(db, draft.uuid)[0].rhk_uuid
        with pytest.raises(ConflictError) as info:
            svc.add_rencana_aksi(db, operator, draft.uuid, rhk, RencanaAksiInput("x"))
        assert info.value.code == "office_eval.period_locked"
        assert _plans(db, draft.uuid, rhk) == []


def _plan_directly(db, rhk_uuid, period, texts, office):
    """Plans of an earlier (approved) period, as the demo or a package would have them."""
    with db.uow() as uow:
        rhk = uow.session.execute(select(Rhk).where(Rhk.uuid == rhk_uuid)).scalar_one()
        for n, text in enumerate(texts, start=1):
            row = RencanaAksi(rhk_id=rhk.id, period=period, text=text, unit="kali", sort_order=n)
            row.target = Decimal(n)
            stamp_new(row, Actor("fixture"), office=office)
            uow.session.add(row)
        uow.commit()


def _clear_plans(db, rhk_uuids):
    """Tombstone every plan of these RHK (the demo plans its approved periods)."""
    with db.uow() as uow:
        ids = select(Rhk.id).where(Rhk.uuid.in_(rhk_uuids))
        uow.session.execute(
            update(RencanaAksi).where(RencanaAksi.rhk_id.in_(ids)).values(deleted_at=func.now())
        )
        uow.commit()


def test_copy_from_the_previous_period_fills_only_unplanned_rhk(demo_address):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        groups = list_rencana_aksi(db, draft.uuid)
        assert len(groups) >= 2
        assert svc.copy_previous_rencana_aksi(db, operator, draft.uuid)  # the demo planned Q2
        _clear_plans(db, [g.rhk_uuid for g in groups])  # start again from an unplanned year
        with pytest.raises(ValidationError) as info:
            svc.copy_previous_rencana_aksi(db, operator, draft.uuid)
        assert info.value.code == "rencana_aksi.previous_empty"
        assert "2026-Q2" in describe(info.value)
        first, second = groups[0].rhk_uuid, groups[1].rhk_uuid
        _plan_directly(db, first, "2026-Q2", ["Survei", "Laporan"], draft.origin_office)
        _plan_directly(db, second, "2026-Q2", ["Rapat"], draft.origin_office)
        svc.add_rencana_aksi(db, operator, draft.uuid, second, RencanaAksiInput("Sudah ada"))
        changes = svc.copy_previous_rencana_aksi(db, operator, draft.uuid)
        assert len(changes.uuids("rencana_aksi")) == 2
        assert _plans(db, draft.uuid, first) == [
            (1, "Survei", Decimal(1), "kali"), (2, "Laporan", Decimal(2), "kali"),
        ]  # fmt: skip
        assert [p[1] for p in _plans(db, draft.uuid, second)] == ["Sudah ada"]
        assert not svc.copy_previous_rencana_aksi(db, operator, draft.uuid)  # nothing twice
        periods = [(g.rhk_uuid, g.period) for g in list_skp_rencana_aksi(db, draft.skp_uuid)]
        assert periods == [
            (first, "2026-Q2"), (first, "2026-Q3"), (second, "2026-Q2"), (second, "2026-Q3"),
        ]  # fmt: skip


def test_evidence_links_to_a_plan_optionally_and_deleting_the_plan_keeps_the_file(
    demo_address, tmp_path
):
    source = tmp_path / "notulen.pdf"
    source.write_bytes(PDF)
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        line = draft.lines[0]
        groups = list_rencana_aksi(db, draft.uuid)
        mine = next(g for g in groups if g.rhk_text == line.rhk_text).rhk_uuid
        other = next(g for g in groups if g.rhk_uuid != mine).rhk_uuid
        plan = svc.add_rencana_aksi(db, operator, draft.uuid, mine, RencanaAksiInput("Rapat"))
        elsewhere = svc.add_rencana_aksi(db, operator, draft.uuid, other, RencanaAksiInput("Lain"))
        plan_uuid = next(iter(plan.uuids("rencana_aksi")))
        wrong = next(iter(elsewhere.uuids("rencana_aksi")))
        with pytest.raises(ValidationError) as info:
            evidence.add_evidence(
                db, operator, draft.uuid, line.skp_indicator_uuid, source, rencana_aksi_uuid=wrong
            )
        assert info.value.code == "rencana_aksi.evidence_other"
        linked = evidence.add_evidence(
            db, operator, draft.uuid, line.skp_indicator_uuid, source, rencana_aksi_uuid=plan_uuid
        )
        plain = evidence.add_evidence(db, operator, draft.uuid, line.skp_indicator_uuid, source)
        shown = {
            e.uuid: e.rencana_aksi_uuid for e in get_evaluation(db, draft.uuid).lines[0].evidence
        }
        assert shown == {linked.uuid: plan_uuid, plain.uuid: None}
        assert evidence.link_evidence(db, operator, plain.uuid, plan_uuid)
        assert not evidence.link_evidence(db, operator, plain.uuid, plan_uuid)
        assert evidence.link_evidence(db, operator, plain.uuid, None)
        svc.delete_rencana_aksi(db, operator, plan_uuid)
        files = get_evaluation(db, draft.uuid).lines[0].evidence
        assert {e.uuid: e.rencana_aksi_uuid for e in files} == {linked.uuid: None, plain.uuid: None}


def test_approval_freezes_the_plans_and_a_reopen_does_not_rewrite_them(demo_address):
    with open_db(demo_address) as db:
        operator, penilai = sign_in(db, "operator"), sign_in(db, "penilai")
        draft = find(db, "2026-Q3", S.DRAFT, penilai=penilai)
        rhk = list_rencana_aksi(db, draft.uuid)[0].rhk_uuid
        added = svc.add_rencana_aksi(
            db, operator, draft.uuid, rhk, RencanaAksiInput("Menyusun laporan", "4", "dokumen")
        )
        plan = next(iter(added.uuids("rencana_aksi")))
        save_realisations(db, operator, draft.uuid, fill_all(draft))
        submitted = assessments.submit(db, operator, draft.uuid)
        with pytest.raises(ValidationError) as info:  # the penilai judges what was submitted
            svc.edit_rencana_aksi(db, operator, plan, RencanaAksiInput("Diubah"))
        assert info.value.code == "rencana_aksi.not_editable"
        values = AssessmentInput(submitted.suggestion, Rating.AS_EXPECTED)
        assessments.save_assessment(db, penilai, draft.uuid, values)
        approved = assessments.approve(db, penilai, draft.uuid)
        frozen = approved.snapshot["rencana_aksi"]
        assert frozen[0]["rhk"] == rhk and frozen[0]["period"] == "2026-Q3"
        assert frozen[0]["plans"] == [
            {"uuid": plan, "order": 1, "text": "Menyusun laporan", "unit": "dokumen",
             "target": "4"},
        ]  # fmt: skip
        reopened = assessments.reopen(db, sign_in(db, "admin"), draft.uuid, "Perbaiki rencana.")
        # The new revision reads today's plan, editable again; the approved one keeps its copy.
        svc.edit_rencana_aksi(db, operator, plan, RencanaAksiInput("Menyusun laporan akhir"))
        assert _plans(db, reopened.uuid, rhk)[0][1] == "Menyusun laporan akhir"
        old = list_rencana_aksi(db, draft.uuid)
        assert old[0].frozen and [p.text for p in old[0].plans] == ["Menyusun laporan"]


def test_the_annual_evaluation_lists_the_year_plans_and_takes_none_of_its_own(demo_address):
    from kinerja_desktop.services.evaluation.realisations import start_evaluation

    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", S.DRAFT)
        rhk = list_rencana_aksi(db, draft.uuid)[0].rhk_uuid
        svc.add_rencana_aksi(db, operator, draft.uuid, rhk, RencanaAksiInput("Patroli"))
        annual = start_evaluation(db, operator, draft.employee_uuid, "2026")
        with pytest.raises(ValidationError) as info:
            svc.add_rencana_aksi(db, operator, annual, rhk, RencanaAksiInput("Setahun"))
        assert info.value.code == "rencana_aksi.annual" and "2026-Q1" in describe(info.value)
        listed = list_rencana_aksi(db, annual)
        # The year's plans per RHK in period order: the demo's (approved Q1, Q2) and today's.
        of_rhk = [(g.period, [p.text for p in g.plans]) for g in listed if g.rhk_uuid == rhk]
        assert [period for period, _ in of_rhk] == ["2026-Q1", "2026-Q2", "2026-Q3"]
        assert of_rhk[-1] == ("2026-Q3", ["Patroli"]) and all(texts for _, texts in of_rhk)
        assert {g.period for g in listed} == {"2026-Q1", "2026-Q2", "2026-Q3"}

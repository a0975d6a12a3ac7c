"""Realisations: start an evaluation, enter values, live capaian, bad input saves nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select, update

from kinerja_desktop.domain.enums import EvaluationStatus, Polarity
from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.domain.scoring import round2
from kinerja_desktop.services.evaluation.dto import RealisationInput
from kinerja_desktop.services.evaluation.realisations import (
    find_evaluation,
    get_evaluation,
    save_realisations,
    start_evaluation,
)
from kinerja_desktop.storage.models import AuditEntry, Employee, SkpIndicator
from tests.services.evaluation_helpers import find, open_db, sign_in

DRAFT = EvaluationStatus.DRAFT


def test_operator_enters_realisations_and_capaian_follows(demo_address):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        detail = find(db, "2026-Q3", DRAFT)
        line = detail.lines[0]
        entries = [RealisationInput(line.skp_indicator_uuid, "12,5", "dua laporan menyusul")]
        after = save_realisations(db, operator, detail.uuid, entries)
        saved = after.lines[0]
        assert saved.value == Decimal("12.5")
        assert saved.note == "dua laporan menyusul"
        expected = Decimal("12.5") * 100 / line.target
        assert round2(saved.capaian) == round2(expected)
        assert after.version == detail.version + 1
        with db.uow() as uow:
            username, changes = uow.session.execute(
                select(AuditEntry.username, AuditEntry.after).where(
                    AuditEntry.entity == "realisation"
                )
            ).one()
        assert username == "operator"
        assert changes[line.skp_indicator_uuid]["value"] == "12.5"


def test_worked_example_lower_is_better(demo_address):
    """DOMAIN.md A 1: target 7, realisasi 6.5, lower is better -> 107.14."""
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        detail = find(db, "2026-Q3", DRAFT)
        line = detail.lines[-1]
        with db.uow() as uow:
            uow.session.execute(
                update(SkpIndicator)
                .where(SkpIndicator.uuid == line.skp_indicator_uuid)
                .values(polarity=Polarity.LOWER, target=Decimal(7), split_rule="same", cap=None)
            )
            uow.commit()
        entries = [RealisationInput(line.skp_indicator_uuid, "6.5")]
        after = save_realisations(db, operator, detail.uuid, entries)
        changed = next(x for x in after.lines if x.skp_indicator_uuid == line.skp_indicator_uuid)
        assert str(round2(changed.capaian)) == "107.14"
        assert changed.category.value == "sangat_tinggi"


@pytest.mark.parametrize(
    ("value", "code"),
    [("sepuluh", "realisation.not_number"), ("-3", "realisation.negative")],
)
def test_bad_value_saves_nothing(demo_address, value, code):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        detail = find(db, "2026-Q3", DRAFT)
        good = RealisationInput(detail.lines[1].skp_indicator_uuid, "1", "ok")
        count = next(x for x in detail.lines if x.aspect.value == "kuantitas")
        bad = RealisationInput(count.skp_indicator_uuid, value)
        with pytest.raises(ValidationError) as info:
            save_realisations(db, operator, detail.uuid, [good, bad])
        assert info.value.code == code
        assert value in str(info.value)
        assert get_evaluation(db, detail.uuid) == detail


def test_pimpinan_and_other_penilai_may_not_enter(demo_address):
    with open_db(demo_address) as db:
        detail = find(db, "2026-Q3", DRAFT)
        entry = [RealisationInput(detail.lines[0].skp_indicator_uuid, "1")]
        for name in ("pimpinan", "penilai"):
            with pytest.raises(PermissionDeniedError):
                save_realisations(db, sign_in(db, name), detail.uuid, entry)
        assert get_evaluation(db, detail.uuid).version == detail.version


def test_submitted_and_locked_refuse_changes(demo_address):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        submitted = find(db, "2026-Q3", EvaluationStatus.SUBMITTED)
        entry = [RealisationInput(submitted.lines[0].skp_indicator_uuid, "1")]
        with pytest.raises(ValidationError) as info:
            save_realisations(db, operator, submitted.uuid, entry)
        assert info.value.code == "evaluation.not_editable"
        reopened = find(db, "2026-Q2", DRAFT)  # the admin's reopened revision 2
        from kinerja_desktop.storage.models import PeriodSetting

        with db.uow() as uow:
            uow.session.execute(
                update(PeriodSetting).where(PeriodSetting.period == "2026-Q2").values(locked=True)
            )
            uow.commit()
        entry = [RealisationInput(reopened.lines[0].skp_indicator_uuid, "1")]
        with pytest.raises(ConflictError) as info:
            save_realisations(db, operator, reopened.uuid, entry)
        assert info.value.code == "office_eval.period_locked"
        assert "dikunci" in describe(info.value)


def test_start_evaluation_rules(demo_address):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", DRAFT)
        with pytest.raises(ConflictError):
            start_evaluation(db, operator, draft.employee_uuid, "2026-Q3")
        with pytest.raises(ValidationError) as info:
            start_evaluation(db, operator, draft.employee_uuid, "2025-Q4")
        assert info.value.code == "evaluation.period_outside"
        assert "2025-Q4" in str(info.value) and "2026" in str(info.value)
        with pytest.raises(ValidationError) as info:
            start_evaluation(db, operator, draft.employee_uuid, "2026-S2")
        assert info.value.code == "evaluation.period_kind"
        with pytest.raises(PermissionDeniedError):
            start_evaluation(db, sign_in(db, "pimpinan"), draft.employee_uuid, "2026-Q4")
        uuid = start_evaluation(db, operator, draft.employee_uuid, "2026-Q4")
        assert find_evaluation(db, draft.employee_uuid, "2026-Q4") == uuid
        detail = get_evaluation(db, uuid)
        assert detail.status == DRAFT and detail.revision == 1
        assert len(detail.lines) == len(draft.lines)
        assert all(line.value is None for line in detail.lines)
        with db.uow() as uow:
            nip = uow.session.execute(
                select(Employee.nip).where(Employee.uuid == draft.employee_uuid)
            ).scalar_one()
        assert detail.nip == nip


def test_employee_own_account_may_enter(demo_address):
    from kinerja_desktop.services.admin.accounts import create_user

    with open_db(demo_address) as db:
        detail = find(db, "2026-Q3", DRAFT)
        admin = sign_in(db, "admin")
        create_user(
            db, admin, username="pegawai", display_name="Pegawai", roles="operator",
            password="rahasia-123", employee_uuid=detail.employee_uuid,
        )  # fmt: skip
        from kinerja_desktop.services.common.actor import Actor

        own = Actor("pegawai", frozenset(), employee_uuid=detail.employee_uuid)
        entry = [RealisationInput(detail.lines[0].skp_indicator_uuid, "4")]
        after = save_realisations(db, own, detail.uuid, entry)
        assert after.lines[0].value == Decimal(4)


def test_no_approved_skp_cannot_start(demo_address):
    from kinerja_desktop.services.evaluation.completion import completion_summary

    with open_db(demo_address) as db:
        waiting = next(r for r in completion_summary(db, "2026-Q3").rows if r.stage == "no_skp")
        with pytest.raises(ValidationError) as info:
            start_evaluation(db, sign_in(db, "operator"), waiting.employee_uuid, "2026-Q3")
        assert info.value.code == "evaluation.no_skp"
        assert find_evaluation(db, waiting.employee_uuid, "2026-Q3") is None


def test_worked_example_category_on_the_rounded_value(demo_address):
    """DOMAIN.md A 2: 90.996 shows as 91.00 and is Sangat Tinggi."""
    with open_db(demo_address) as db:
        detail = find(db, "2026-Q3", DRAFT)
        line = detail.lines[1]
        with db.uow() as uow:
            uow.session.execute(
                update(SkpIndicator)
                .where(SkpIndicator.uuid == line.skp_indicator_uuid)
                .values(polarity=Polarity.HIGHER, target=Decimal(100), split_rule="same", cap=None)
            )
            uow.commit()
        entry = [RealisationInput(line.skp_indicator_uuid, "90,996")]
        after = save_realisations(db, sign_in(db, "operator"), detail.uuid, entry)
        saved = after.lines[1]
        assert saved.capaian == Decimal("90.996")
        assert str(round2(saved.capaian)) == "91.00"
        assert saved.category.value == "sangat_tinggi"

"""The annual evaluation: roll-up from the periods, approval rules, angka kredit (B 1.7)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat, Rating, SplitRule
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.scoring import round2
from kinerja_desktop.services.admin.accounts import actor_for, create_user
from kinerja_desktop.services.evaluation import assessments as svc
from kinerja_desktop.services.evaluation.annual import refresh_from_periods, start_annual
from kinerja_desktop.services.evaluation.dto import AssessmentInput
from kinerja_desktop.services.evaluation.realisations import (
    find_evaluation,
    get_evaluation,
    save_realisations,
    start_evaluation,
)
from kinerja_desktop.storage.models import Assignment, Employee
from tests.services.evaluation_helpers import fill_all, open_db, sign_in

S = EvaluationStatus


def _doctor_and_head(db):
    """An Ahli Pertama doctor of the puskesmas (Q1, Q2 approved) and their atasan."""
    with db.uow() as uow:
        rows = uow.session.execute(
            select(Employee.uuid, Assignment.atasan_id)
            .join(Assignment, Assignment.employee_id == Employee.id)
            .where(
                Assignment.end_date.is_(None),
                Assignment.functional_level == "ahli_pertama",
                Assignment.jabatan.like("Dokter Ahli Pertama%"),
            )
        ).all()
        uuid, atasan_id = rows[0]
        head = uow.session.get_one(Employee, atasan_id).uuid
    return uuid, head


def _approve(db, clerk, penilai, uuid, hasil=None, perilaku=Rating.AS_EXPECTED):
    detail = get_evaluation(db, uuid)
    if detail.status == S.DRAFT:
        save_realisations(db, clerk, uuid, fill_all(detail))
        detail = svc.submit(db, clerk, uuid)
    hasil = hasil or detail.suggestion
    reason = "" if hasil == detail.suggestion else "Kinerja luar biasa sepanjang tahun."
    svc.save_assessment(db, penilai, uuid, AssessmentInput(hasil, perilaku, reason))
    return svc.approve(db, penilai, uuid)


def test_annual_cycle_with_angka_kredit(demo_address):
    with open_db(demo_address) as db:
        admin, clerk = sign_in(db, "admin"), sign_in(db, "operator")
        doctor, head = _doctor_and_head(db)
        account = create_user(
            db, admin, username="kapus", display_name="Kepala Puskesmas", roles="penilai",
            password="rahasia-123", employee_uuid=head,
        )  # fmt: skip
        penilai = actor_for(account)
        q3 = start_evaluation(db, clerk, doctor, "2026-Q3")
        q3_done = _approve(db, clerk, penilai, q3, Rating.AS_EXPECTED, Rating.AS_EXPECTED)
        assert q3_done.predikat == Predikat.BAIK
        assert q3_done.angka_kredit == Decimal("3.125")  # 3/12 x 100% x 12.5
        annual = start_annual(db, clerk, doctor, 2026)
        assert annual.annual and annual.status == S.DRAFT
        assert [p for p, _ in annual.periods] == ["2026-Q1", "2026-Q2", "2026-Q3"]
        quarters = [
            get_evaluation(db, find_evaluation(db, doctor, f"2026-Q{q}")) for q in (1, 2, 3)
        ]
        for line in annual.lines:
            values = [
                next(x.value for x in d.lines if x.skp_indicator_uuid == line.skp_indicator_uuid)
                for d in quarters
            ]
            if line.split_rule == SplitRule.CUMULATIVE:
                assert line.value == sum(values)
            elif line.split_rule == SplitRule.SAME:
                assert round2(line.value) == round2(sum(values) / 3)
            assert line.rollup == line.value
        svc.submit(db, clerk, annual.uuid)
        values = AssessmentInput(Rating.ABOVE, Rating.ABOVE, "Kinerja luar biasa sepanjang tahun.")
        svc.save_assessment(db, penilai, annual.uuid, values)
        with pytest.raises(ValidationError) as info:
            svc.approve(db, penilai, annual.uuid)  # Q4 is missing
        assert info.value.code == "evaluation.periods_open"
        q4 = start_evaluation(db, clerk, doctor, "2026-Q4")
        with pytest.raises(ValidationError) as info:
            svc.approve(db, penilai, annual.uuid)
        assert "2026-Q4" in str(info.value)
        _approve(db, clerk, penilai, q4)
        done = svc.approve(db, penilai, annual.uuid)
        assert done.status == S.APPROVED
        assert done.predikat == Predikat.SANGAT_BAIK
        assert done.angka_kredit == Decimal("18.75")  # DOMAIN.md B 1.7 worked example
        assert done.snapshot["angka_kredit"] == "18.75"


def test_refresh_from_periods_after_a_correction(demo_address):
    with open_db(demo_address) as db:
        clerk = sign_in(db, "operator")
        doctor, _ = _doctor_and_head(db)
        annual = start_annual(db, clerk, doctor, 2026)
        line = annual.lines[0]
        from kinerja_desktop.services.evaluation.dto import RealisationInput

        save_realisations(db, clerk, annual.uuid, [RealisationInput(line.skp_indicator_uuid, "1")])
        assert get_evaluation(db, annual.uuid).lines[0].value == Decimal(1)
        again = refresh_from_periods(db, clerk, annual.uuid)
        assert again.lines[0].value == line.rollup

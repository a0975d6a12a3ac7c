"""Saving an assessment is one unit of work with one build of the detail (issue 15, item 3)."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.enums import EvaluationStatus, Rating
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import assessments as svc, core
from kinerja_desktop.services.evaluation.dto import AssessmentInput
from kinerja_desktop.services.evaluation.realisations import get_evaluation, save_realisations
from tests.services.evaluation_helpers import fill_all, find, open_db, sign_in

OTHER = {Rating.ABOVE: Rating.BELOW, Rating.AS_EXPECTED: Rating.ABOVE, Rating.BELOW: Rating.ABOVE}


def _submitted(db, penilai):
    operator = sign_in(db, "operator")
    draft = find(db, "2026-Q3", EvaluationStatus.DRAFT, penilai=penilai)
    save_realisations(db, operator, draft.uuid, fill_all(draft))
    return svc.submit(db, operator, draft.uuid)


@pytest.fixture
def spies(monkeypatch):
    counts = {"uow": 0, "build": 0}
    real_uow, real_build = Database.uow, core.build_detail

    def uow(self):
        counts["uow"] += 1
        return real_uow(self)

    def build(*args, **kwargs):
        counts["build"] += 1
        return real_build(*args, **kwargs)

    monkeypatch.setattr(Database, "uow", uow)
    monkeypatch.setattr(core, "build_detail", build)
    return counts


def test_saving_an_assessment_opens_one_unit_of_work_and_builds_once(demo_address, spies):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _submitted(db, penilai)
        feedback = {detail.lines[0].skp_indicator_uuid: "Pertahankan.", "bukan-baris": "x"}
        values = AssessmentInput(detail.suggestion, Rating.ABOVE, "", feedback)
        spies.update(uow=0, build=0)
        saved = svc.save_assessment(db, penilai, detail.uuid, values)
        assert spies == {"uow": 1, "build": 1}
        # What it returned is what a fresh read shows: the GUI need not read again.
        assert saved == get_evaluation(db, detail.uuid)
        assert saved.assessment is not None
        assert saved.assessment.rating_perilaku == Rating.ABOVE
        assert saved.assessment.rating_hasil_suggested == detail.suggestion
        assert saved.lines[0].feedback == "Pertahankan."
        assert saved.assessment.feedback == {detail.lines[0].skp_indicator_uuid: "Pertahankan."}
        assert saved.changes.kinds == {"evaluations"}
        assert saved.changes.uuids("evaluations") == {detail.uuid}
        spies.update(uow=0, build=0)
        approved = svc.approve(db, penilai, detail.uuid)
        assert spies["uow"] == 1  # the snapshot's build and the approved one share it
        assert approved == get_evaluation(db, detail.uuid)
        assert approved.status == EvaluationStatus.APPROVED and approved.changes


def test_submitting_opens_one_unit_of_work(demo_address, spies):
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", EvaluationStatus.DRAFT, penilai=sign_in(db, "penilai"))
        save_realisations(db, operator, draft.uuid, fill_all(draft))
        spies.update(uow=0, build=0)
        submitted = svc.submit(db, operator, draft.uuid)
        assert spies["uow"] == 1
        assert submitted == get_evaluation(db, draft.uuid)
        assert submitted.status == EvaluationStatus.SUBMITTED


def test_a_refused_reason_rolls_the_whole_save_back(demo_address):
    with open_db(demo_address) as db:
        penilai = sign_in(db, "penilai")
        detail = _submitted(db, penilai)
        values = AssessmentInput(OTHER[detail.suggestion], Rating.BELOW)
        with pytest.raises(ValidationError) as info:
            svc.save_assessment(db, penilai, detail.uuid, values)
        assert info.value.code == "assessment.reason_required"
        assert get_evaluation(db, detail.uuid).assessment is None

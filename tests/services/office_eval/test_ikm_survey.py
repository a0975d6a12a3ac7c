"""IKM surveys: the worked example through the service, storage as totals, posting to an IKU."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kinerja_desktop.domain.enums import IkmMutu, Role
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.domain.scoring import round2
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.office_eval.ikm_sheets import compute_ikm_file, write_ikm_template
from kinerja_desktop.services.office_eval.ikm_survey import (
    compute_answers,
    get_survey,
    ikm_indicators,
    list_surveys,
    post_to_indicator,
    save_survey,
)
from kinerja_desktop.services.office_eval.realisations import office_capaian
from kinerja_desktop.storage.models import AuditEntry, IkmSurvey
from tests.cli.test_ikm_cli import example_answers, fill

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))
EXPECTED_NRR = ("3.50", "3.10", "3.00", "4.00", "3.20", "3.50", "3.70", "3.00", "2.70")


def _count(db: Database) -> int:
    with db.uow() as uow:
        return uow.session.execute(select(func.count(IkmSurvey.id))).scalar_one()


def test_worked_example_through_the_service():
    report = compute_answers(example_answers())
    assert report.respondents == 10
    assert tuple(str(v) for v in report.nrr) == EXPECTED_NRR
    assert report.result.ikm_rounded == Decimal("3.30")
    assert report.result.converted == Decimal("82.50")
    assert report.result.mutu == IkmMutu.B and report.result.kinerja == "Baik"
    assert report.weakest == ("U9", "Penanganan Pengaduan, Saran dan Masukan")


def test_worked_example_through_a_file(tmp_path):
    template = tmp_path / "t.xlsx"
    write_ikm_template(template)
    sheet, report = compute_ikm_file(fill(template, tmp_path / "s.xlsx", example_answers()))
    assert sheet.rows == tuple(range(2, 12))
    assert report.as_json()["converted"] == "82.50" and report.as_json()["mutu"] == "B"


def test_bad_file_cell_names_file_row_and_column(tmp_path):
    template = tmp_path / "t.xlsx"
    write_ikm_template(template)
    rows: list[list[object]] = example_answers()  # type: ignore[assignment]
    rows[6][3] = 0
    with pytest.raises(ValidationError) as caught:
        compute_ikm_file(fill(template, tmp_path / "s.xlsx", rows))
    err = caught.value
    assert (err.row, err.field) == (8, "U4 Biaya/Tarif") and err.file.endswith("s.xlsx")
    assert "berkas" in describe(err) and "baris 8" in describe(err)


def test_blank_respondents_are_not_counted():
    report = compute_answers([[None] * 9, *example_answers()])
    assert report.respondents == 10
    with pytest.raises(ValidationError) as caught:
        compute_answers([[None] * 9])
    assert caught.value.code == "office_eval.ikm_no_respondents"


def test_save_stores_totals_and_reads_back_the_same_numbers(db):
    saved = save_survey(db, OPERATOR, "NGL", "2026-S2", example_answers(), note="Loket PATEN")
    assert saved.totals == (35, 31, 30, 40, 32, 35, 37, 30, 27)
    assert saved.answered == (10,) * 9 and saved.editable
    again = get_survey(db, "NGL", "2026-S2")
    assert again is not None and again.report.as_json() == saved.report.as_json()
    assert again.report.as_json()["ikm"] == "3.30" and again.note == "Loket PATEN"
    assert [s.period for s in list_surveys(db, "NGL")] == ["2026-S2"]
    replaced = save_survey(db, OPERATOR, "NGL", "2026-S2", [[4] * 9])
    assert replaced.version == 2 and replaced.report.as_json()["converted"] == "100.00"
    with db.uow() as uow:
        actions = list(
            uow.session.execute(
                select(AuditEntry.action).where(AuditEntry.entity == "ikm_survey")
            ).scalars()
        )
    assert actions == ["create", "update"]


def test_answer_outside_range_saves_nothing(db):
    rows = example_answers()
    rows[2][4] = 5
    with pytest.raises(ValidationError) as caught:
        save_survey(db, OPERATOR, "NGL", "2026-S2", rows)
    assert caught.value.code == "ikm.answer_range"
    assert "responden ke-3" in describe(caught.value) and "U5" in describe(caught.value)
    assert _count(db) == 0


def test_locked_period_other_office_and_pimpinan_are_refused(db):
    with pytest.raises(ConflictError) as locked:
        save_survey(db, OPERATOR, "NGL", "2026-Q1", example_answers())
    assert locked.value.code == "office_eval.period_locked"
    with pytest.raises(ConflictError) as other:
        save_survey(db, OPERATOR, "NGL-GRL", "2026-Q4", example_answers())
    assert other.value.code == "office_eval.not_home_office"
    with pytest.raises(PermissionDeniedError):
        save_survey(db, PIMPINAN, "NGL", "2026-Q4", example_answers())
    assert _count(db) == 0


def test_post_converted_value_to_the_ikm_indicator(db):
    assert ikm_indicators(db, "NGL", 2026)[0][0] == "IKU-01"
    save_survey(db, OPERATOR, "NGL", "2026-Q4", example_answers())
    row = post_to_indicator(db, OPERATOR, "NGL", "2026-Q4")
    assert row.code == "IKU-01" and row.value == Decimal("82.50")
    assert "10 responden" in row.note and "mutu B" in row.note
    shown = office_capaian(db, "NGL", "2026-Q4").row("IKU-01")
    assert shown.value == Decimal("82.50")
    assert round2(shown.capaian) == Decimal("99.40")  # 82.50 / 83


def test_post_without_a_survey_is_refused(db):
    with pytest.raises(Exception) as caught:
        post_to_indicator(db, OPERATOR, "NGL", "2026-Q4")
    assert caught.value.code == "office_eval.ikm_not_found"  # type: ignore[attr-defined]

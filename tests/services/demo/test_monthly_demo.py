"""Monthly periods end to end (issue 20.4): the monthly single-office demo
(``demo --office NGL-GRL --frequency monthly``) through evaluation, approval, the completion
monitor, the recap and a sync round trip with a monthly kecamatan; a quarterly office asked
for a month says so."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import EvaluationStatus, Periodicity, Rating
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.services.evaluation import assessments as svc
from kinerja_desktop.services.evaluation.completion import completion_summary
from kinerja_desktop.services.evaluation.dto import AssessmentInput
from kinerja_desktop.services.evaluation.evaluations import list_evaluations
from kinerja_desktop.services.evaluation.realisations import (
    get_evaluation,
    save_realisations,
    start_evaluation,
)
from kinerja_desktop.services.register.employees import list_employees
from kinerja_desktop.services.reporting.recap import office_recap_data, write_recap
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.partners import export_key, import_key
from kinerja_desktop.services.sync.receipts import read_receipt_file
from tests.services.evaluation_helpers import fill_all, sign_in

MONTHLY = Periodicity.MONTHLY
TODAY = date(2026, 5, 20)


@pytest.fixture(scope="module")
def monthly_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The monthly Kelurahan Gurun Laweh demo and a monthly kecamatan demo, partners."""
    folder = tmp_path_factory.mktemp("monthly")
    grl, ngl = folder / "grl.sqlite", folder / "ngl.sqlite"
    build_demo(grl, office_code="NGL-GRL", frequency=MONTHLY)
    build_demo(ngl, frequency=MONTHLY)
    with Database.open(ngl) as a, Database.open(grl) as b:
        export_key(a, folder / "ngl.key")
        export_key(b, folder / "grl.key")
        import_key(a, SYSTEM, folder / "grl.key")
        import_key(b, SYSTEM, folder / "ngl.key")
    return grl, ngl


@pytest.fixture
def pair(monthly_pair: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    copies = tmp_path / "grl.sqlite", tmp_path / "ngl.sqlite"
    for source, target in zip(monthly_pair, copies, strict=True):
        shutil.copy(source, target)
    return copies


def test_the_monthly_demo_is_monthly_throughout(monthly_pair: tuple[Path, Path]) -> None:
    grl, _ngl = monthly_pair
    with Database.open(grl) as db:
        assert load_settings(db).evaluation_frequency == MONTHLY
        periods = {row.period for row in list_evaluations(db)}
        assert periods == {"2026-01", "2026-02", "2026-03"}
        statuses = {row.status for row in list_evaluations(db, period="2026-03")}
        assert EvaluationStatus.SUBMITTED in statuses
        recap = office_recap_data(db, office_code="NGL-GRL", period="2026-01").doc
        assert recap.period_title == "Januari 2026"
        assert recap.iku and all(r.target not in ("", "-") for r in recap.iku)
        assert sum(n for _p, n, _s in recap.distribution) == 10  # all approved in January
        with pytest.raises(ValidationError) as caught:
            office_recap_data(db, office_code="NGL-GRL", period="2026-Q1")
        assert caught.value.code == "evaluation.period_kind"


def _april_cycle(db: Database) -> str:
    """A clerk starts April for one of the lurah's staff, fills it in and submits it; the
    lurah rates and approves it. Returns the evaluation's uuid."""
    operator, penilai = sign_in(db, "operator"), sign_in(db, "penilai")
    staff = [e for e in list_employees(db) if e.office_code == "NGL-GRL" and not e.is_head]
    for person in staff:
        uuid = start_evaluation(db, operator, person.uuid, "2026-04")
        detail = get_evaluation(db, uuid)
        if detail.penilai_uuid == penilai.employee_uuid:
            break
    else:
        raise AssertionError("no staff of the lurah")
    assert detail.period == "2026-04" and detail.lines
    save_realisations(db, operator, uuid, fill_all(detail))
    submitted = svc.submit(db, operator, uuid)
    rating = submitted.suggestion or Rating.AS_EXPECTED
    reason = "" if submitted.suggestion else "Sesuai target bulan ini."
    svc.save_assessment(db, penilai, uuid, AssessmentInput(rating, Rating.AS_EXPECTED, reason))
    approved = svc.approve(db, penilai, uuid)
    assert approved.status == EvaluationStatus.APPROVED and approved.predikat is not None
    return uuid


def test_a_month_through_evaluation_approval_recap_and_sync(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    grl, ngl = pair
    with Database.open(grl) as db:
        uuid = _april_cycle(db)
        done = completion_summary(db, "2026-04", office_code="NGL-GRL", today=TODAY)
        assert done.period == "2026-04" and done.stages.get("done") == 1
        recap = office_recap_data(db, office_code="NGL-GRL", period="2026-04").doc
        assert recap.period_title == "April 2026"
        assert sum(n for _p, n, _s in recap.distribution) == 1
        written = write_recap(db, period="2026-04", office_code="NGL-GRL",
                              out=tmp_path / "april.pdf")  # fmt: skip
        assert written.pages >= 1
        package = Path(export_package(db, SYSTEM, tmp_path / "up", to="NGL").path)
    with Database.open(ngl) as db:
        summary = import_package(db, SYSTEM, package)
        assert summary.status == "applied" and summary.counts["created"] >= 3
        assert not summary.conflicts
        row = next(r for r in list_evaluations(db, period="2026-04") if r.uuid == uuid)
        assert row.status == EvaluationStatus.APPROVED
        kec = office_recap_data(db, office_code="NGL-GRL", period="2026-04").doc
        assert sum(n for _p, n, _s in kec.distribution) == 1
        down = Path(export_package(db, SYSTEM, tmp_path / "down", to="NGL-GRL").path)
    with Database.open(grl) as db:
        receipt = read_receipt_file(db, SYSTEM, package.parent / "RECEIPT-NGL-GRL-1.json")
        assert receipt.totals_agree
        back = import_package(db, SYSTEM, down)
        assert back.status == "applied"
        assert load_settings(db).evaluation_frequency == MONTHLY  # sent down, unchanged


def test_a_quarterly_office_asked_for_a_month_says_so(demo_address: Path) -> None:
    with Database.open(demo_address) as db:
        operator = sign_in(db, "operator")
        person = next(e for e in list_employees(db) if e.office_code == "NGL" and not e.is_head)
        for ask in (
            lambda: start_evaluation(db, operator, person.uuid, "2026-04"),
            lambda: office_recap_data(db, office_code="NGL", period="2026-04"),
            lambda: completion_summary(db, "2026-04"),
        ):
            with pytest.raises(ValidationError) as caught:
                ask()
            assert caught.value.code == "evaluation.period_kind"
            message = describe(caught.value)
            assert "2026-04" in message and "2026-Q1" in message  # what it evaluates instead


def test_the_demo_takes_only_the_frequencies_an_installation_may_have(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        build_demo(tmp_path / "x.sqlite", frequency=Periodicity.SEMESTER)
    assert caught.value.code == "settings.frequency"
    assert not (tmp_path / "x.sqlite").exists()

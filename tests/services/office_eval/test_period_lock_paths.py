"""One period lock for every write it covers (issue 13, point 8).

With the year 2026 locked, each write of a 2026 period (employee realisations from the screen and
from a sheet, evidence, the assessment steps, office realisations from the screen and from a
sheet) is refused by the one :func:`periods_admin.require_unlocked`, with the same message, and
the database is left byte for byte as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import EvaluationStatus as S, Rating
from kinerja_desktop.domain.errors import ConflictError, KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import assessments, evidence
from kinerja_desktop.services.evaluation.dto import AssessmentInput, RealisationInput
from kinerja_desktop.services.evaluation.realisation_sheets import (
    export_realisations,
    import_realisations,
)
from kinerja_desktop.services.evaluation.realisations import save_realisations, start_evaluation
from kinerja_desktop.services.office_eval import realisations as office_realisations
from kinerja_desktop.services.office_eval.periods import lock_period
from kinerja_desktop.services.office_eval.realisation_sheets import (
    export_office_realisations,
    import_office_realisations,
)
from tests.pg_support import dump_rows
from tests.services.evaluation_helpers import find, open_db, sign_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
LOCKED = describe(ConflictError("office_eval.period_locked", period=Period.parse("2026").label()))


@dataclass
class World:
    """Everything a write path needs, prepared before the year is locked."""

    db: Database
    path: DbAddress
    tmp: Path
    operator: Actor
    penilai: Actor
    admin: Actor
    draft: Any
    submitted: Any
    approved: Any
    evidence_uuid: str
    employee_sheet: Path
    office_sheet: Path


def _dump(address: DbAddress) -> dict[str, list[tuple]]:
    return dump_rows(address)


@pytest.fixture
def world(demo_address, tmp_path):
    with open_db(demo_address) as db:
        operator, penilai, admin = (sign_in(db, n) for n in ("operator", "penilai", "admin"))
        draft = find(db, "2026-Q3", S.DRAFT)
        source = tmp_path / "bukti.pdf"
        source.write_bytes(PDF)
        line = draft.lines[0].skp_indicator_uuid
        attached = evidence.add_evidence(db, operator, draft.uuid, line, source)
        employee_sheet = tmp_path / "realisasi-pegawai.xlsx"
        export_realisations(db, employee_sheet, period="2026-Q3")
        office_sheet = tmp_path / "realisasi-kantor.xlsx"
        export_office_realisations(db, office_sheet, "NGL", "2026-Q3")
        lock_period(db, admin, "2026", reason="tutup buku", confirm_early=True)
        yield World(
            db=db, path=demo_address, tmp=tmp_path, operator=operator, penilai=penilai,
            admin=admin, draft=draft,
            submitted=find(db, "2026-Q3", S.SUBMITTED, penilai=penilai),
            approved=find(db, "2026-Q2", S.APPROVED), evidence_uuid=attached.uuid,
            employee_sheet=employee_sheet, office_sheet=office_sheet,
        )  # fmt: skip


def _save_employee_realisations(w: World) -> None:
    line = w.draft.lines[0].skp_indicator_uuid
    save_realisations(w.db, w.operator, w.draft.uuid, [RealisationInput(line, "7", "x")])


def _start_evaluation(w: World) -> None:
    start_evaluation(w.db, w.operator, w.draft.employee_uuid, "2026-Q3")


def _import_employee_sheet(w: World) -> None:
    summary = import_realisations(w.db, w.operator, w.employee_sheet, period="2026-Q3")
    assert not summary.applied
    raise ConflictError(summary.errors[0].code, message=summary.errors[0].message)


def _add_evidence(w: World) -> None:
    source = w.tmp / "lagi.pdf"
    source.write_bytes(PDF + b"%lagi\n")
    line = w.draft.lines[0].skp_indicator_uuid
    evidence.add_evidence(w.db, w.operator, w.draft.uuid, line, source)


def _remove_evidence(w: World) -> None:
    evidence.remove_evidence(w.db, w.operator, w.evidence_uuid)


def _submit(w: World) -> None:
    assessments.submit(w.db, w.operator, w.draft.uuid)


def _rate(w: World) -> None:
    values = AssessmentInput(w.submitted.suggestion, Rating.AS_EXPECTED)
    assessments.save_assessment(w.db, w.penilai, w.submitted.uuid, values)


def _approve(w: World) -> None:
    assessments.approve(w.db, w.penilai, w.submitted.uuid)


def _return(w: World) -> None:
    assessments.return_evaluation(w.db, w.penilai, w.submitted.uuid, "lengkapi bukti")


def _reopen(w: World) -> None:
    assessments.reopen(w.db, w.admin, w.approved.uuid, "salah ketik")


def _office_realisation(w: World) -> None:
    office_realisations.set_realisation(w.db, w.operator, "NGL", "2026-Q3", "IKU-03", "99")


def _import_office_sheet(w: World) -> None:
    import_office_realisations(w.db, w.operator, w.office_sheet, "NGL", "2026-Q3")


PATHS: dict[str, Callable[[World], None]] = {
    "employee realisations": _save_employee_realisations,
    "start evaluation": _start_evaluation,
    "employee realisation sheet": _import_employee_sheet,
    "add evidence": _add_evidence,
    "remove evidence": _remove_evidence,
    "submit": _submit,
    "rating": _rate,
    "approval": _approve,
    "return": _return,
    "reopen": _reopen,
    "office realisations": _office_realisation,
    "office realisation sheet": _import_office_sheet,
}


@pytest.mark.parametrize("name", list(PATHS))
def test_a_locked_year_refuses_every_write_of_its_periods(world, name):
    before = _dump(world.path)
    with pytest.raises(KinerjaError) as caught:
        PATHS[name](world)
    assert caught.value.code == "office_eval.period_locked"
    assert (caught.value.message or describe(caught.value)) == LOCKED
    assert _dump(world.path) == before


def test_the_editor_shows_the_same_reason(world):
    detail = world.submitted
    allowed = assessments.permissions(world.db, world.penilai, detail)
    assert not (allowed.assess or allowed.decide or allowed.edit_realisations)
    assert allowed.why_not == LOCKED
    assert detail.locked


def test_the_monitor_shows_the_quarter_locked(world):
    from kinerja_desktop.services.evaluation.completion import completion_summary

    rows = completion_summary(world.db, "2026-Q3").rows
    assert rows and all(r.locked for r in rows)

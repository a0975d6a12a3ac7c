"""Writes return what changed (issue 15, item 3): the kinds of rows and their uuids."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.domain.enums import EmploymentType, EvaluationStatus, JobKind, Role
from kinerja_desktop.services.admin.restore import RestoreResult
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.evaluation.realisations import get_evaluation, save_realisations
from kinerja_desktop.services.plans import skp, skp_status
from kinerja_desktop.services.plans.dto import SkpInput
from kinerja_desktop.services.register.dto import EmployeeInput
from kinerja_desktop.services.register.employee_admin import (
    create_employee,
    delete_employee,
    update_employee,
)
from kinerja_desktop.services.sync.importer import ImportSummary
from tests.services.evaluation_helpers import fill_all, find, sign_in

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


def test_employee_writes_name_the_employee(db):
    values = EmployeeInput(
        nip="199001012015031001", name="Contoh Perubahan", office_code="NGL", grade="III/a",
        jabatan="Pengelola Umum", job_kind=JobKind.PELAKSANA, employment_type=EmploymentType.PNS,
        start_date=date(2024, 1, 2),
    )  # fmt: skip
    saved = create_employee(db, OPERATOR, values, today=date(2026, 1, 5))
    uuid = saved.detail.uuid
    assert saved.changes.kinds == {"employees"} and saved.changes.uuids("employees") == {uuid}
    same = update_employee(db, OPERATOR, uuid, saved.after, today=date(2026, 1, 5))
    assert not same.changed and not same.changes  # nothing written, nothing to refresh
    gone = delete_employee(db, OPERATOR, uuid)
    assert gone.changes.uuids("employees") == {uuid}


def test_skp_writes_name_the_skp(db):
    row = next(r for r in skp_status.list_skp(db, 2026) if r.name.startswith("Masrizal"))
    values = skp.get_skp(db, row.skp_uuid).as_input()
    assert not skp.get_skp(db, row.skp_uuid).changes  # a read changed nothing
    changed = SkpInput(values.employee_uuid, 2026, values.rhk, resources="Ruang rapat")
    saved = skp.save_skp(db, OPERATOR, changed)
    assert saved.changes.kinds == {"skp"} and saved.changes.uuids("skp") == {saved.uuid}
    assert not skp.save_skp(db, OPERATOR, changed).changes  # the same values again


def test_realisation_save_names_the_evaluation(db):
    penilai = sign_in(db, "penilai")
    draft = find(db, "2026-Q3", EvaluationStatus.DRAFT, penilai=penilai)
    operator = sign_in(db, "operator")
    saved = save_realisations(db, operator, draft.uuid, fill_all(draft))
    assert saved.changes.kinds == {"evaluations", "realisations"}
    assert saved.changes.uuids("evaluations") == {draft.uuid}
    assert not get_evaluation(db, draft.uuid).changes
    again = save_realisations(db, operator, draft.uuid, fill_all(draft))
    assert not again.changes


def test_sync_import_and_restore_refresh_everything_only_when_rows_changed():
    def summary(**kw) -> ImportSummary:
        base = {"status": "applied", "office": "NGL-GRL", "seq": 1, "conflicts": (),
                "message_code": "sync.applied", "counts": {"created": 0, "updated": 0}}  # fmt: skip
        return ImportSummary(**base | kw)

    assert summary(counts={"created": 2, "updated": 0}).changes.touches({"employees"})
    assert summary(tombstones=1).changes.touches({"skp"})
    assert not summary().changes  # applied, 0 changed
    assert not summary(counts={"created": 2}, dry_run=True).changes
    assert not summary(status="already_applied", counts={"created": 2}).changes
    assert RestoreResult("a.sqlite", "b.sqlite", "rev").changes.touches({"sync"})

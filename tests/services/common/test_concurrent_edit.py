"""Two people on one database: the second save of a stale editor is refused, naming who and when.

Each case opens two independent handles on the same SQLite file (two analysts, two PCs): A reads
a record, B saves it, then A saves what A opened. A's save must be refused with B's user name and
the time of B's save, and A's change must not be written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.conflicts import when
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office
from kinerja_desktop.services.evaluation import rencana_aksi as ra
from kinerja_desktop.services.evaluation.dto import RencanaAksiInput
from kinerja_desktop.services.evaluation.realisations import save_realisations
from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi
from kinerja_desktop.services.office_eval.periods import list_period_settings, set_deadline
from kinerja_desktop.services.plans import iku_catalogue, skp, skp_status
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.employee_admin import update_employee
from kinerja_desktop.services.register.employees import list_employees
from kinerja_desktop.services.register.office_admin import get_office, update_office
from kinerja_desktop.storage.models import (
    Employee,
    Evaluation,
    Indicator,
    Office,
    PeriodSetting,
    RencanaAksi,
    Skp,
)
from tests.services.evaluation_helpers import fill_all, find, sign_in


@dataclass(frozen=True)
class Opened:
    """What editor A holds: the record's uuid, the version it opened and its values."""

    uuid: str
    version: int
    values: Any


@dataclass(frozen=True)
class Case:
    model: type
    read: Callable[[Database], Opened]
    save: Callable[[Database, Any, Opened, str], Any]  # (db, actor, opened, mark) -> saved
    a: str = "operator"
    b: str = "admin"


def _employee_read(db: Database) -> Opened:
    home = home_office(db)
    row = next(r for r in list_employees(db, office_code=home.code) if r.active)
    with db.uow() as uow:
        state = load_state(uow.session)
        values = state.stored_values(state.people[row.uuid])
        version = state.people[row.uuid].version
    return Opened(row.uuid, version, values)


def _employee_save(db: Database, actor: Any, o: Opened, mark: str) -> None:
    update_employee(db, actor, o.uuid, replace(o.values, note=mark), expected_version=o.version)


def _skp_read(db: Database) -> Opened:
    row = next(r for r in skp_status.list_skp(db, 2026) if r.status == EvaluationStatus.DRAFT)
    detail = skp.get_skp(db, row.skp_uuid)
    return Opened(detail.uuid, detail.version, detail.as_input())


def _skp_save(db: Database, actor: Any, o: Opened, mark: str) -> None:
    skp.save_skp(db, actor, replace(o.values, resources=mark), expected_version=o.version)


def _evaluation_read(db: Database) -> Opened:
    detail = find(db, "2026-Q3", EvaluationStatus.DRAFT)
    return Opened(detail.uuid, detail.version, detail)


def _evaluation_save(db: Database, actor: Any, o: Opened, mark: str) -> None:
    value = "1" if mark == "A" else "2"
    save_realisations(db, actor, o.uuid, fill_all(o.values, value), expected_version=o.version)


def _plan_read(db: Database) -> Opened:
    draft = find(db, "2026-Q3", EvaluationStatus.DRAFT)
    group = list_rencana_aksi(db, draft.uuid)[0]
    if not group.plans:  # the demo plans nothing in this period: the first reader adds one
        admin = sign_in(db, "admin")
        ra.add_rencana_aksi(db, admin, draft.uuid, group.rhk_uuid, RencanaAksiInput("Awal"))
        group = list_rencana_aksi(db, draft.uuid)[0]
    plan = group.plans[0]
    return Opened(plan.uuid, plan.version, None)


def _plan_save(db: Database, actor: Any, o: Opened, mark: str) -> None:
    ra.edit_rencana_aksi(db, actor, o.uuid, RencanaAksiInput(mark), expected_version=o.version)


def _indicator_read(db: Database) -> Opened:
    home = home_office(db)
    year = max(iku_catalogue.catalogue_years(db))
    row = iku_catalogue.get_catalogue(db, home.code, year).indicators[0]
    return Opened(row.uuid, row.version, row.as_input())


def _indicator_save(db: Database, actor: Any, o: Opened, mark: str) -> None:
    values = replace(o.values, data_source=mark)
    iku_catalogue.update_indicator(db, actor, o.uuid, values, expected_version=o.version)


def _office_read(db: Database) -> Opened:
    detail = get_office(db, home_office(db).code)
    return Opened(detail.uuid, detail.version, detail.values)


def _office_save(db: Database, actor: Any, o: Opened, mark: str) -> None:
    update_office(
        db, actor, o.values.code, replace(o.values, address=f"Jl. {mark}"),
        expected_version=o.version,
    )  # fmt: skip


def _period_read(db: Database) -> Opened:
    row = next(r for r in list_period_settings(db, 2026) if r.editable and not r.locked)
    if row.uuid is None:  # no stored row yet: store one, so that there is a version to race
        admin = sign_in(db, "admin")
        row = set_deadline(db, admin, row.period, row.deadline)
    return Opened(row.uuid, row.version, row)


def _period_save(db: Database, actor: Any, o: Opened, mark: str) -> None:
    shift = 1 if mark == "A" else 2
    deadline = o.values.deadline - timedelta(days=shift)
    set_deadline(db, actor, o.values.period, deadline, expected_version=o.version)


CASES = {
    "employee": Case(Employee, _employee_read, _employee_save),
    "skp": Case(Skp, _skp_read, _skp_save),
    "evaluation": Case(Evaluation, _evaluation_read, _evaluation_save),
    "rencana_aksi": Case(RencanaAksi, _plan_read, _plan_save),
    "iku": Case(Indicator, _indicator_read, _indicator_save),
    "office": Case(Office, _office_read, _office_save, a="admin", b="admin"),
    "period": Case(PeriodSetting, _period_read, _period_save, a="admin", b="admin"),
}


def _stored(db: Database, model: type, uuid: str) -> Any:
    with db.uow() as uow:
        row = uow.session.execute(select(model).where(model.uuid == uuid)).scalar_one()
        uow.session.expunge(row)
        return row


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_stale_save_is_refused_naming_who_and_when(demo_address: Path, name: str) -> None:
    case = CASES[name]
    with Database.open(demo_address) as a, Database.open(demo_address) as b:
        opened = case.read(a)  # A opens the editor
        case.save(b, sign_in(b, case.b), case.read(b), "B")  # B saves first
        after_b = _stored(b, case.model, opened.uuid)
        assert after_b.version > opened.version and after_b.updated_by == case.b

        with pytest.raises(ConflictError) as caught:
            case.save(a, sign_in(a, case.a), opened, "A")

        error = caught.value
        assert error.code == "record.changed"
        assert case.b in error.params["user"]
        assert error.params["at"] == when(after_b.updated_at)
        worded = describe(error)
        assert worded.startswith("Data ini diubah oleh ") and worded.endswith("; muat ulang.")
        assert case.b in worded and when(after_b.updated_at) in worded
        now = _stored(a, case.model, opened.uuid)
        assert (now.version, now.updated_at, now.updated_by) == (
            after_b.version, after_b.updated_at, after_b.updated_by,
        )  # fmt: skip  # A's change was not written


def test_the_user_is_named_by_display_name_and_time_is_local() -> None:
    from datetime import UTC, datetime

    stamp = datetime(2026, 5, 4, 3, 2, tzinfo=UTC)
    assert when(stamp) == stamp.astimezone().strftime("%d-%m-%Y %H:%M")
    assert when(stamp.replace(tzinfo=None)) == when(stamp)  # a stamp without offset is UTC
    assert when(None) == "?"


def test_a_save_with_the_current_version_is_accepted(demo_address: Path) -> None:
    with Database.open(demo_address) as a, Database.open(demo_address) as b:
        opened = _office_read(a)
        _office_save(b, sign_in(b, "admin"), _office_read(b), "B")
        fresh = _office_read(a)  # the reload the message asks for
        _office_save(a, sign_in(a, "admin"), fresh, "A")
        assert get_office(b, fresh.values.code).values.address == "Jl. A"
        assert get_office(b, fresh.values.code).version == opened.version + 2


def _catalogue(db: Database) -> tuple[str, int, Any]:
    home = home_office(db).code
    year = max(iku_catalogue.catalogue_years(db))
    return home, year, iku_catalogue.get_catalogue(db, home, year)


@pytest.mark.parametrize("b_adds", [False, True], ids=["b_changes", "b_adds"])
def test_a_stale_catalogue_save_is_refused(demo_address: Path, b_adds: bool) -> None:
    """The whole catalogue is saved at once: an indicator B changed, or one B added (which A's
    save would delete), refuses A's save with B's name, and nothing of A's is written."""
    with Database.open(demo_address) as a, Database.open(demo_address) as b:
        home, year, opened = _catalogue(a)
        versions = {d.uuid: d.version for d in opened.indicators}
        mine = [d.as_input() for d in opened.indicators]
        admin = sign_in(b, "admin")
        first = opened.indicators[0]
        if b_adds:
            added = replace(first.as_input(), uuid=None, code="IKU-99", weight=None)
            iku_catalogue.create_indicator(b, admin, home, year, added)
        else:
            changed = replace(first.as_input(), data_source="B")
            iku_catalogue.update_indicator(
                b, admin, first.uuid, changed, expected_version=first.version
            )
        theirs = _catalogue(b)[2]

        mine[0] = replace(mine[0], data_source="A")
        with pytest.raises(ConflictError) as caught:
            iku_catalogue.save_catalogue(
                a, sign_in(a, "operator"), home, year, mine, expected_versions=versions
            )
        assert caught.value.code == "record.changed" and "admin" in caught.value.params["user"]
        assert _catalogue(a)[2] == theirs  # A's save wrote nothing

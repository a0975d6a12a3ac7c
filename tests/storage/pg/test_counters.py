"""Counters that assumed one writer take row locks on a server (issue 18.2 and 18.4): the
package seq, the SKP revisions and the evaluation revisions.

Two sessions on the city's PostgreSQL database: the first is held inside its transaction just
after it read the counter; the second must then wait on the row lock (seen in
``pg_stat_activity``) and, once the first commits, number after it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.domain.enums import EvaluationStatus, Role
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.services.common import Database
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.evaluation import assessments
from kinerja_desktop.services.office_eval.periods import require_unlocked
from kinerja_desktop.services.plans import skp_status
from kinerja_desktop.services.sync import exporter
from kinerja_desktop.storage.models import Evaluation, Office, Skp, SyncPartner
from kinerja_desktop.sync import age_keys, keys

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
ADMIN = Actor("admin", frozenset({Role.ADMIN}))
WAIT_S = 60  # an upper bound for a stuck test, never a measured time


@pytest.fixture
def city(pg_demo_url: str) -> Iterator[Database]:
    with Database.open(parse_db_address(pg_demo_url)) as db:
        yield db


def _hold_first_call(module: Any, name: str, monkeypatch: pytest.MonkeyPatch):
    """Make the first call of ``module.name`` wait until released (later calls run through)."""
    original = getattr(module, name)
    reached, release = threading.Event(), threading.Event()
    first = threading.Lock()

    def held(*args: Any, **kwargs: Any) -> Any:
        if first.acquire(blocking=False):
            reached.set()
            assert release.wait(WAIT_S)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, held)
    return reached, release


def _waiting_on_a_lock(db: Database) -> bool:
    with db.engine.connect() as conn:
        waiting = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar_one()
    return waiting > 0


def _until(condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _run(results: dict[str, Any], key: str, call: Callable[[], Any]) -> threading.Thread:
    def body() -> None:
        try:
            results[key] = call()
        except BaseException as exc:  # handed to the test thread
            results[key] = exc

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread


def _register_a_child(db: Database) -> str:
    """Register the keys of one office under the home office as a sync partner."""
    with db.uow() as uow:
        session = uow.session
        home = session.execute(
            select(Office).where(Office.code == home_office_code(session))
        ).scalar_one()
        child = session.execute(
            select(Office).where(Office.parent_id == home.id).order_by(Office.code)
        ).scalars().first()  # fmt: skip
        assert child is not None, "the demo's home office has offices under it"
        signing, sealing = keys.generate_key_pair(), age_keys.generate_key_pair()
        session.add(
            SyncPartner(
                office_code=child.code, office_uuid=child.uuid, public_key=signing.public_pem,
                fingerprint=signing.fingerprint, encryption_key=sealing.recipient,
                encryption_fingerprint=sealing.fingerprint,
            )
        )  # fmt: skip
        uow.commit()
        return child.code


def test_two_exports_to_one_partner_take_seq_n_and_n_plus_1(
    city: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = _register_a_child(city)
    before = 0
    reached, release = _hold_first_call(exporter, "_write_file", monkeypatch)
    results: dict[str, Any] = {}

    def export(folder: str) -> Callable[[], Any]:
        return lambda: exporter.export_package(city, SYSTEM, tmp_path / folder, to=code)

    first = _run(results, "first", export("a"))
    assert reached.wait(WAIT_S)
    second = _run(results, "second", export("b"))
    try:
        assert _until(lambda: _waiting_on_a_lock(city)), "the second export did not wait"
    finally:
        release.set()
        first.join(WAIT_S)
        second.join(WAIT_S)
    for key in ("first", "second"):
        assert not isinstance(results[key], BaseException), results[key]
    assert (results["first"].seq, results["second"].seq) == (before + 1, before + 2)
    with city.uow() as uow:
        stored = uow.session.execute(
            select(SyncPartner.last_seq_sent).where(SyncPartner.office_code == code)
        ).scalar_one()
    assert stored == before + 2


def test_two_revisions_of_one_skp_are_numbered_once(
    city: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with city.uow() as uow:
        approved = uow.session.execute(
            select(Skp).where(Skp.status == EvaluationStatus.APPROVED, Skp.deleted_at.is_(None))
            .order_by(Skp.id)
        ).scalars().first()  # fmt: skip
        assert approved is not None, "the demo has an approved SKP"
        uuid, employee_id, year = approved.uuid, approved.employee_id, approved.year
        revision = approved.revision
    reached, release = _hold_first_call(skp_status, "new_skp", monkeypatch)
    results: dict[str, Any] = {}

    def revise() -> Any:
        return skp_status.start_revision(city, OPERATOR, uuid, "perubahan tugas")

    first = _run(results, "first", revise)
    assert reached.wait(WAIT_S)
    second = _run(results, "second", revise)
    try:
        assert _until(lambda: _waiting_on_a_lock(city)), "the second revision did not wait"
    finally:
        release.set()
        first.join(WAIT_S)
        second.join(WAIT_S)
    assert not isinstance(results["first"], BaseException), results["first"]
    assert results["first"].revision == revision + 1
    # The second saw the first's revision once the lock was free: not the newest any more.
    assert isinstance(results["second"], ConflictError)
    assert results["second"].code == "skp.bad_transition"
    with city.uow() as uow:
        revisions = uow.session.execute(
            select(Skp.revision).where(Skp.employee_id == employee_id, Skp.year == year)
        ).scalars().all()  # fmt: skip
    assert sorted(revisions).count(revision + 1) == 1


def _unlocked(session: Any, period: str) -> bool:
    try:
        require_unlocked(session, period)
    except ConflictError:
        return False
    return True


def test_two_reopens_of_one_evaluation_are_numbered_once(
    city: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with city.uow() as uow:
        candidates = uow.session.execute(
            select(Evaluation).where(
                Evaluation.status == EvaluationStatus.APPROVED,
                Evaluation.origin_office == home_office_code(uow.session),
            ).order_by(Evaluation.id.desc())
        ).scalars()  # fmt: skip
        approved = next(e for e in candidates if _unlocked(uow.session, e.period))
        uuid, revision = approved.uuid, approved.revision
    reached, release = _hold_first_call(assessments, "stamp_new", monkeypatch)
    results: dict[str, Any] = {}

    def reopen() -> Any:
        return assessments.reopen(city, ADMIN, uuid, "koreksi realisasi")

    first = _run(results, "first", reopen)
    assert reached.wait(WAIT_S), results
    second = _run(results, "second", reopen)
    try:
        assert _until(lambda: _waiting_on_a_lock(city)), "the second reopen did not wait"
    finally:
        release.set()
        first.join(WAIT_S)
        second.join(WAIT_S)
    assert not isinstance(results["first"], BaseException), results["first"]
    assert results["first"].revision == revision + 1
    assert isinstance(results["second"], ConflictError)
    assert results["second"].code == "evaluation.changed"

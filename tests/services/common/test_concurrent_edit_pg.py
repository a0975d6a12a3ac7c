"""Two analysts saving the same row at the same moment on the city's PostgreSQL server.

``test_concurrent_edit`` covers the stale editor (A opened, B saved, then A saves). Here the
two saves overlap: A's save has passed its version check and is about to write when B's save
runs. On a server without a row lock both would pass the check and the later write would
overwrite the earlier one (a lost update); the check locks the row (``FOR UPDATE``), so one
save wins and the other is refused with "changed by <user> at <time>, reload".

Skipped, with the reason, where no PostgreSQL server answers (``KINERJA_TEST_PG_URL``).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.database import Database
from tests import pg_support
from tests.services.common.test_concurrent_edit import CASES, _stored
from tests.services.evaluation_helpers import sign_in

pytestmark = pytest.mark.skipif(
    pg_support.unavailable() is not None, reason=str(pg_support.unavailable())
)

# How long B may take to either finish or queue behind A's lock: a bound on a hang, never
# a timing assertion.
_PATIENCE_S = 120


def _waiting_on_a_lock(url: str, pid: int) -> bool:
    with Database.open(parse_db_address(url)) as watcher, watcher.uow() as uow:
        query = text(
            "SELECT count(*) FROM pg_locks WHERE pid = :p AND NOT granted"
        )  # B's backend queued behind a row or transaction lock
        return bool(uow.session.execute(query, {"p": pid}).scalar_one())


@pytest.mark.parametrize("name", sorted(CASES))
def test_two_overlapping_saves_of_one_row_refuse_one_and_overwrite_nothing(
    pg_demo_url: str, name: str
) -> None:
    case = CASES[name]
    address = parse_db_address(pg_demo_url)
    with Database.open(address) as a, Database.open(address) as b:
        opened = case.read(a)  # both editors open the same version
        # Signed in first: signing in writes (the last sign-in), and only the saves may race.
        actors = {"A": sign_in(a, case.a), "B": sign_in(b, case.b)}
        users = {"A": case.a, "B": case.b}
        outcome: dict[str, Any] = {}
        b_pid: list[int] = []

        def save(db: Database, mark: str) -> None:
            try:
                case.save(db, actors[mark], opened, mark)
                outcome[mark] = "saved"
            except ConflictError as exc:
                outcome[mark] = exc
            except Exception as exc:  # anything else fails the test below, not the thread
                outcome[mark] = repr(exc)

        def b_connects(conn: Any, _record: Any) -> None:  # B's backend, to watch its locks
            b_pid.append(conn.info.backend_pid)

        event.listen(b.engine, "connect", b_connects)
        b.engine.dispose()  # B's next connection is watched
        started = threading.Event()

        def a_flushes(session: Session, _context: Any, _instances: Any) -> None:
            # A has passed its check and is about to write: B saves now, in another thread.
            if session.get_bind() is not a.engine or started.is_set():
                return
            started.set()
            racer = threading.Thread(target=save, args=(b, "B"))
            racer.start()
            deadline = time.monotonic() + _PATIENCE_S
            while racer.is_alive() and time.monotonic() < deadline:
                if b_pid and _waiting_on_a_lock(pg_demo_url, b_pid[-1]):
                    break  # B queues behind A's lock: A goes on, B follows once A commits
                racer.join(0.05)
            outcome["racer"] = racer

        event.listen(Session, "before_flush", a_flushes)
        try:
            save(a, "A")
        finally:
            event.remove(Session, "before_flush", a_flushes)
        assert started.is_set(), outcome  # A's save reached its write
        outcome["racer"].join(_PATIENCE_S)
        assert not outcome["racer"].is_alive()

        results = {k: v for k, v in outcome.items() if k in ("A", "B")}
        saved = [k for k, v in results.items() if v == "saved"]
        refused = {k: v for k, v in results.items() if isinstance(v, ConflictError)}
        assert len(saved) == 1 and len(refused) == 1, results  # never both: no overwrite
        winner, error = saved[0], next(iter(refused.values()))
        assert error.code == "record.changed" and users[winner] in error.params["user"]
        assert describe(error).endswith("; muat ulang.")
        stored = _stored(a, case.model, opened.uuid)
        assert stored.updated_by == users[winner] and stored.version > opened.version

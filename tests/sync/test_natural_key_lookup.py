"""The import plan's natural-key lookup reads only the stored rows the package names.

A realisation's natural key starts with its evaluation (a reference, matched by uuid): the
lookup must find the stored realisation through the evaluation's uuid, and SQLite must start
from those uuids, not scan every realisation of the database per chunk (issue 16: a city
holds some 710,000).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.plan import _stored_keys
from kinerja_desktop.services.sync.rows import entities


def _realisations() -> Any:
    return next(e for e in entities() if e.name == "realisations")


def test_a_stored_realisation_is_found_by_its_evaluation_and_indicator(demo_db: Database) -> None:
    with demo_db.uow() as uow:
        session = uow.session
        uuid, evaluation, indicator = session.execute(
            text(
                "SELECT r.uuid, e.uuid, i.uuid FROM realisations r "
                "JOIN evaluations e ON e.id = r.evaluation_id "
                "JOIN skp_indicators i ON i.id = r.skp_indicator_id ORDER BY r.id LIMIT 1"
            )
        ).one()
        row = {"uuid": "new", "evaluation_id": evaluation, "skp_indicator_id": indicator}
        keys = _stored_keys(session, _realisations(), [(1, row)])
    assert keys[(("evaluation_id", "skp_indicator_id"), evaluation, indicator)] == uuid
    assert all(key[1] == evaluation for key in keys)  # only that evaluation's lines were read


def test_the_lookup_starts_from_the_package_uuids(demo_db: Database) -> None:
    plans: list[str] = []

    def explain(conn: Any, _cursor: Any, statement: str, params: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "nk_evaluation_id" in statement:
            found = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
            plans.append(" | ".join(str(r[-1]) for r in found))

    with demo_db.uow() as uow:
        session = uow.session
        engine = session.get_bind()
        # Two or more uuids: with one, SQLite turns the IN into "=" and drops a LEFT JOIN.
        rows = [
            (n, {"uuid": f"new{n}", "evaluation_id": f"e{n}", "skp_indicator_id": "y"})
            for n in range(3)
        ]
        event.listen(engine, "before_cursor_execute", explain)
        try:
            _stored_keys(session, _realisations(), rows)
        finally:
            event.remove(engine, "before_cursor_execute", explain)
    assert plans, "the lookup sent no statement"
    for plan in plans:
        assert "SCAN realisations" not in plan, plan

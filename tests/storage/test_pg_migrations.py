"""The Alembic migrations run unchanged on PostgreSQL (issue 18.4): one revision at a time up to
the head, the result equal to the models (types included), and back down to an empty database.
Skipped without a PostgreSQL server."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from kinerja_desktop.storage.migrate import (
    _revision_graph,
    alembic_config,
    head_revision,
    upgrade_engine,
)
from kinerja_desktop.storage.models import Base
from tests import pg_support


def _in_order() -> list[str]:
    following = {down: rev for rev, down in _revision_graph().items()}
    order, current = [], None
    while current in following:
        current = following[current]
        order.append(current)
    return order


def test_each_revision_upgrades_and_the_head_equals_the_models(pg_schema_template: str) -> None:
    with pg_support.temporary_database("kinerja_mig") as url:
        engine = create_engine(url)
        try:
            order = _in_order()
            assert order[-1] == head_revision()
            for revision in order:
                upgrade_engine(engine, revision)
            with engine.connect() as conn:
                context = MigrationContext.configure(conn, opts={"compare_type": True})
                assert compare_metadata(context, Base.metadata) == []
            config = alembic_config()
            with engine.begin() as conn:
                config.attributes["connection"] = conn
                command.downgrade(config, "base")
            with engine.connect() as conn:
                assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        finally:
            engine.dispose()

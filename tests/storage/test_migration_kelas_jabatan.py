"""0012 adds ``assignments.kelas_jabatan`` (issue 20.3): an upgrade keeps the stored
assignments with no kelas, the column takes a value afterwards, and it can be undone."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kinerja_desktop.storage.migrate import (
    alembic_config,
    head_revision,
    open_database,
    upgrade_engine,
)
from kinerja_desktop.storage.models import Assignment, Base

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _at_0011(tmp_path: Path) -> Path:
    """The 0010 fixture brought to 0011, the schema before the kelas jabatan."""
    db = tmp_path / "s11.sqlite"
    shutil.copy(FIXTURES / "schema_0010.sqlite", db)
    engine = create_engine(f"sqlite:///{db}")
    upgrade_engine(engine, "0011")
    engine.dispose()
    return db


def _columns(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[1] for r in con.execute("PRAGMA table_info(assignments)")]
    finally:
        con.close()


def test_schema_0011_upgrades_to_kelas_jabatan_with_data_intact(tmp_path: Path) -> None:
    db = _at_0011(tmp_path)
    assert "kelas_jabatan" not in _columns(db)
    result = open_database(db)
    try:
        assert result.migrated_from == "0011"
        assert result.revision == head_revision() >= "0012"
        with Session(result.engine) as session:
            rows = session.execute(select(Assignment).order_by(Assignment.id)).scalars().all()
            assert [(a.jabatan, a.grade, a.kelas_jabatan) for a in rows] == [
                ("Lurah", "III/d", None),
                ("Analis Kebijakan Ahli Pertama", "III/b", None),
            ]
            rows[1].kelas_jabatan = 9
            session.commit()
            assert session.get_one(Assignment, rows[1].id).kelas_jabatan == 9
        with result.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        result.engine.dispose()


def test_kelas_jabatan_goes_down_and_up_again_and_keeps_the_schema_text(tmp_path: Path) -> None:
    """The column is added without a batch copy: two upgrades read alike, and undoing it
    keeps the assignments."""
    schemas = []
    for name in ("a.sqlite", "b.sqlite"):
        engine = create_engine(f"sqlite:///{tmp_path / name}")
        upgrade_engine(engine)
        with engine.connect() as conn:
            schemas.append(
                conn.exec_driver_sql("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
            )
        engine.dispose()
    assert schemas[0] == schemas[1]

    db = _at_0011(tmp_path)
    engine = create_engine(f"sqlite:///{db}")
    upgrade_engine(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0011")
    engine.dispose()
    assert "kelas_jabatan" not in _columns(db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM assignments").fetchone()[0] == 2
    finally:
        con.close()
    engine = create_engine(f"sqlite:///{db}")
    upgrade_engine(engine)
    engine.dispose()
    assert "kelas_jabatan" in _columns(db)

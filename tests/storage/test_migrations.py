"""Schema migrations: fresh create, models match migrations, upgrades keep data, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.storage.backup import backup_dir_for, list_backups
from kinerja_desktop.storage.migrate import head_revision, open_database
from kinerja_desktop.storage.models import Base, Employee, IkmSurvey, Indicator, Office

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_fresh_database_reaches_head_and_matches_models(tmp_path: Path) -> None:
    result = open_database(tmp_path / "new.sqlite", create=True)
    try:
        assert result.created
        assert result.revision == head_revision()
        assert result.backup is None  # nothing to back up in a new file
        with result.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        result.engine.dispose()


def test_pragmas_are_set(tmp_path: Path) -> None:
    result = open_database(tmp_path / "p.sqlite", create=True)
    try:
        with result.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() in (1, 2, 3)
    finally:
        result.engine.dispose()


def test_first_schema_upgrades_with_data_intact_and_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", db)
    result = open_database(db)
    try:
        assert result.migrated_from == "0001"
        assert result.revision == head_revision()
        assert result.backup is not None and result.backup.exists()
        assert result.backup.parent == backup_dir_for(db)
        from sqlalchemy.orm import Session

        with Session(result.engine) as session:
            person = session.execute(select(Employee)).scalar_one()
            assert person.nip == "199204152019032001"
            assert person.version == 3
            assert person.uuid == "00000000-0000-4000-8000-000000000002"
            assert session.execute(select(Office.code)).scalar_one() == "NGL-GRL"
            assert session.execute(select(Indicator.annual_target)).scalar_one() == 82.5
            assert session.execute(select(IkmSurvey)).first() is None  # new table, empty
    finally:
        result.engine.dispose()
    # The backup is the old schema, untouched.
    con = sqlite3.connect(result.backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        con.close()


def test_newer_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "future.sqlite"
    open_database(db, create=True).engine.dispose()
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE alembic_version SET version_num='9999'")
    con.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(db)
    assert caught.value.code == "db.newer"
    assert caught.value.params["db_revision"] == "9999"
    assert db.read_bytes() == before
    assert list_backups(backup_dir_for(db), db.stem) == []


def test_missing_folder_and_corrupt_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database(tmp_path / "nope.sqlite")
    assert caught.value.code == "db.missing"
    assert not (tmp_path / "nope.sqlite").exists()

    with pytest.raises(DatabaseError) as caught:
        open_database(tmp_path)
    assert caught.value.code == "db.is_folder"

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is a spreadsheet, not a database" * 10)
    before = junk.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(junk)
    assert caught.value.code == "db.not_kinerja"  # not SQLite at all: never "damaged"
    assert junk.read_bytes() == before


def test_locked_database_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "locked.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", db)
    monkeypatch.setattr("kinerja_desktop.storage.engine.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as caught:
            open_database(db)
        assert caught.value.code == "db.locked"
    finally:
        holder.rollback()
        holder.close()


def test_schema_0007_upgrades_to_the_konversi_fields_with_data_intact(tmp_path: Path) -> None:
    """0008 adds karpeg, pendidikan, tempat lahir (employee), TMT jabatan and TMT golongan
    (assignment) and the NOMOR table; rows of the previous schema keep their values."""
    from sqlalchemy.orm import Session

    from kinerja_desktop.storage.models import AkDocument, Assignment

    db = tmp_path / "s7.sqlite"
    shutil.copy(FIXTURES / "schema_0007.sqlite", db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0007"
        assert "karpeg" not in {r[1] for r in con.execute("PRAGMA table_info(employees)")}
    finally:
        con.close()
    result = open_database(db)
    try:
        assert result.migrated_from == "0007"
        assert result.revision == head_revision() >= "0008"
        assert result.backup is not None and result.backup.exists()
        with Session(result.engine) as session:
            people = session.execute(select(Employee).order_by(Employee.id)).scalars().all()
            assert [(p.nip, p.version) for p in people] == [
                ("199204152019032001", 3), ("199509232020042008", 2),
            ]  # fmt: skip
            assert all((p.karpeg, p.education, p.birth_place) == ("", "", "") for p in people)
            posts = session.execute(select(Assignment).order_by(Assignment.id)).scalars().all()
            assert [(a.jabatan, a.grade) for a in posts] == [
                ("Lurah", "III/d"), ("Analis Kebijakan Ahli Pertama", "III/b"),
            ]  # fmt: skip
            assert all(a.tmt_jabatan is None and a.tmt_golongan is None for a in posts)
            assert session.execute(select(AkDocument)).first() is None
        with result.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        result.engine.dispose()


def test_schema_0008_upgrades_to_rhk_assigned_by_with_data_intact(tmp_path: Path) -> None:
    """0009 adds ``rhk.assigned_by`` (the pimpinan of a penugasan): stored RHK keep their text,
    version and order and read back as cascaded (empty), after a backup of the 0008 file."""
    from sqlalchemy.orm import Session

    from kinerja_desktop.storage.models import Rhk

    db = tmp_path / "s8.sqlite"
    shutil.copy(FIXTURES / "schema_0008.sqlite", db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0008"
        assert "assigned_by" not in {r[1] for r in con.execute("PRAGMA table_info(rhk)")}
    finally:
        con.close()
    result = open_database(db)
    try:
        assert result.migrated_from == "0008"
        assert result.revision == head_revision() >= "0009"
        assert result.backup is not None and result.backup.exists()
        with Session(result.engine) as session:
            rows = session.execute(select(Rhk).order_by(Rhk.id)).scalars().all()
            assert [(r.text, r.sort_order, r.version, r.assigned_by) for r in rows] == [
                ("Tersusunnya kajian kebijakan", 1, 1, ""), ("Terlaksananya rapat", 2, 1, ""),
            ]  # fmt: skip
            rows[0].assigned_by = "Camat Nanggalo"
            session.commit()
            assert session.get_one(Rhk, rows[0].id).assigned_by == "Camat Nanggalo"
        with result.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        result.engine.dispose()
    con = sqlite3.connect(result.backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0008"
    finally:
        con.close()


def test_schema_0009_upgrades_to_rencana_aksi_with_data_intact(tmp_path: Path) -> None:
    """0010 adds the rencana aksi table and evidence's optional link to one: the stored
    evaluation, realisation and evidence keep their values, the evidence has no plan, and a plan
    can be written and linked after the upgrade (from a backup of the 0009 file)."""
    from decimal import Decimal

    from sqlalchemy.orm import Session

    from kinerja_desktop.storage.models import Evaluation, Evidence, RencanaAksi

    db = tmp_path / "s9.sqlite"
    shutil.copy(FIXTURES / "schema_0009.sqlite", db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0009"
        assert "rencana_aksi_id" not in {r[1] for r in con.execute("PRAGMA table_info(evidence)")}
    finally:
        con.close()
    result = open_database(db)
    try:
        assert result.migrated_from == "0009"
        assert result.revision == head_revision() >= "0010"
        assert result.backup is not None and result.backup.exists()
        with Session(result.engine) as session:
            ev = session.execute(select(Evaluation)).scalar_one()
            assert (ev.period, ev.version, ev.realisations[0].value) == ("2026-Q1", 2, 1)
            file = session.execute(select(Evidence)).scalar_one()
            assert (file.filename, file.size, file.rencana_aksi_id) == ("kajian.pdf", 1234, None)
            assert session.execute(select(RencanaAksi)).first() is None
            plan = RencanaAksi(
                uuid="00000000-0000-4000-8000-000000000081", version=1, updated_by="t",
                origin_office="NGL-GRL", rhk_id=1, period="2026-Q1", text="Menyusun draf",
                target=Decimal("2"), unit="dokumen", sort_order=1,
            )  # fmt: skip
            session.add(plan)
            session.flush()
            file.rencana_aksi_id = plan.id
            session.commit()
            assert session.get_one(Evidence, file.id).rencana_aksi_id == plan.id
        with result.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        result.engine.dispose()
    con = sqlite3.connect(result.backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0009"
    finally:
        con.close()


def test_rencana_aksi_goes_down_and_up_again_and_two_databases_read_alike(tmp_path: Path) -> None:
    """0010 can be undone, and upgrading writes the same schema text every time (no batch copy
    whose constraints come out in set order; the downgrade's copy may order them either way)."""
    from alembic import command
    from sqlalchemy import create_engine

    from kinerja_desktop.storage.migrate import alembic_config, upgrade_engine

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

    engine = create_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
    with engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(evidence)")]
    assert "rencana_aksi" not in tables and "rencana_aksi_id" not in columns
    upgrade_engine(engine)
    with engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(evidence)")]
        links = [r[2] for r in conn.exec_driver_sql("PRAGMA foreign_key_list(evidence)")]
    assert "rencana_aksi_id" in columns and "rencana_aksi" in links
    engine.dispose()


def test_schema_0010_upgrades_to_encryption_keys_with_keys_intact(tmp_path: Path) -> None:
    """0011 adds the office's X25519 pair and each partner's encryption key as empty columns:
    the signing key and the partner stay as they were, the partner cannot receive encrypted
    packages yet, and the office's own pair is made the first time its key file is written
    (issue 17). The 0010 backup keeps its revision."""
    import json

    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.sync.partners import export_key
    from kinerja_desktop.storage.models import OfficeKey, SyncPartner
    from kinerja_desktop.sync import age_keys

    db = tmp_path / "s10.sqlite"
    shutil.copy(FIXTURES / "schema_0010.sqlite", db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0010"
        before = con.execute(
            "SELECT public_key, private_key, fingerprint FROM office_keys"
        ).fetchone()
        partner_before = con.execute(
            "SELECT public_key, last_seq_sent FROM sync_partners"
        ).fetchone()
    finally:
        con.close()
    result = open_database(db)
    try:
        assert result.migrated_from == "0010" and result.revision == head_revision() >= "0011"
        from sqlalchemy.orm import Session

        with Session(result.engine) as session:
            key = session.execute(select(OfficeKey)).scalar_one()
            assert (key.public_key, key.private_key, key.fingerprint) == before
            assert key.encryption_key is None and key.encryption_identity is None
            partner = session.execute(select(SyncPartner)).scalar_one()
            assert (partner.public_key, partner.last_seq_sent) == partner_before
            assert partner.encryption_key is None and partner.encryption_fingerprint is None
        with result.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        result.engine.dispose()
    with Database.open(db) as opened:
        export_key(opened, tmp_path / "k.key")
    body = json.loads((tmp_path / "k.key").read_text("utf-8"))
    assert body["fingerprint"] == before[2]
    con = sqlite3.connect(db)
    try:
        identity, recipient = con.execute(
            "SELECT encryption_identity, encryption_key FROM office_keys"
        ).fetchone()
        assert recipient == body["encryption_key"] == age_keys.recipient_of(identity)
    finally:
        con.close()
    con = sqlite3.connect(result.backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0010"
    finally:
        con.close()


def test_encryption_keys_go_down_and_up_again(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from kinerja_desktop.storage.migrate import alembic_config, upgrade_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")
    upgrade_engine(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
    with engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(office_keys)")]
        partner = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(sync_partners)")]
    assert "encryption_identity" not in columns and "encryption_key" not in partner
    upgrade_engine(engine)
    with engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(office_keys)")]
        partner = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(sync_partners)")]
    assert {"encryption_key", "encryption_identity"} <= set(columns)
    assert {"encryption_key", "encryption_fingerprint"} <= set(partner)
    engine.dispose()


def test_0014_indexes_origin_office_of_every_synced_table_and_goes_down_again(
    tmp_path: Path,
) -> None:
    """Every table with the sync columns gets its origin_office index (the receipt totals and
    the tombstone check select by it), the models agree, and downgrading removes them."""
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from kinerja_desktop.storage.migrate import alembic_config, upgrade_engine

    synced = sorted(t.name for t in Base.metadata.tables.values() if "origin_office" in t.c)
    db = tmp_path / "s.sqlite"
    shutil.copy(FIXTURES / "schema_0010.sqlite", db)
    engine = create_engine(f"sqlite:///{db}")
    try:
        upgrade_engine(engine)

        def indexed() -> list[str]:
            found = inspect(engine)
            return sorted(
                name
                for name in found.get_table_names()
                if any(i["column_names"] == ["origin_office"] for i in found.get_indexes(name))
            )

        assert indexed() == synced and len(synced) >= 19
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0013")
        assert indexed() == []
        with sqlite3.connect(db) as con:  # the rows are untouched
            assert con.execute("SELECT count(*) FROM employees").fetchone()[0] > 0
    finally:
        engine.dispose()


def test_0015_indexes_skp_year_and_realisation_values_keeping_the_views(tmp_path: Path) -> None:
    """0015 adds ``ix_skp_year`` (the monitor's SKP of a year) and the covering index of the
    realisations' filled values with plain CREATE INDEX: the rows and the reporting views of
    0013 stay as they were (no batch rebuild), the models agree, the queries use the indexes,
    and downgrading to 0014 removes exactly these two."""
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from kinerja_desktop.storage.migrate import alembic_config, upgrade_engine
    from kinerja_desktop.storage.models.evaluation import FILLED_VALUES

    db = tmp_path / "s.sqlite"
    shutil.copy(FIXTURES / "schema_0010.sqlite", db)
    engine = create_engine(f"sqlite:///{db}")

    def schema() -> dict[str, tuple[str, str]]:
        with sqlite3.connect(db) as con:
            rows = con.execute("SELECT name, type, sql FROM sqlite_master").fetchall()
        return {name: (kind, sql) for name, kind, sql in rows}

    def indexes() -> dict[str, list[str]]:
        found = inspect(engine)
        return {
            i["name"]: i["column_names"]
            for table in ("skp", "realisations")
            for i in found.get_indexes(table)
        }

    def plan(sql: str) -> str:
        with sqlite3.connect(db) as con:
            return " ".join(r[-1] for r in con.execute(f"EXPLAIN QUERY PLAN {sql}"))

    try:
        upgrade_engine(engine, "0014")
        before = schema()
        assert {"v_completion", "v_predikat_distribution", "v_capaian_iku"} <= set(before)
        assert "ix_skp_year" not in indexes()
        with sqlite3.connect(db) as con:
            rows_before = con.execute("SELECT * FROM realisations ORDER BY id").fetchall()
        upgrade_engine(engine)
        after = schema()
        added = {name for name in after if name not in before}
        assert added == {"ix_skp_year", "ix_realisations_filled_values"}
        assert {n: v for n, v in after.items() if n not in added} == before  # views untouched
        assert indexes()["ix_skp_year"] == ["year"]
        assert indexes()["ix_realisations_filled_values"] == list(FILLED_VALUES)
        assert "ix_skp_year" in plan("SELECT employee_id FROM skp WHERE year = 2026")
        filled = "SELECT count(id) FROM realisations WHERE evaluation_id = 1 AND value IS NOT NULL"
        assert "COVERING INDEX ix_realisations_filled_values" in plan(filled)
        with sqlite3.connect(db) as con:
            assert con.execute("SELECT * FROM realisations ORDER BY id").fetchall() == rows_before
            assert rows_before
            con.execute("SELECT * FROM v_completion").fetchall()  # the views still read
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0014")
        assert schema() == before
    finally:
        engine.dispose()

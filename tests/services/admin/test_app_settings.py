"""Installation settings: defaults, round trip, Admin only, audited, validated."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import Periodicity, Predikat, Role
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.scoring import CategoryBands, RatingThresholds
from kinerja_desktop.services.admin.settings import AppSettings, load_settings, save_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import AuditEntry

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


def test_defaults_then_saved_values_come_back_and_are_audited(demo_address) -> None:
    db = Database.open(demo_address)
    try:
        assert load_settings(db).paper == "a4"
        wanted = AppSettings(
            paper="f4",
            evaluation_frequency=Periodicity.MONTHLY,
            bands=CategoryBands(Decimal(90), Decimal(75), Decimal(65), Decimal(50)),
            thresholds=RatingThresholds(Decimal(105), Decimal(85)),
            tpp_percent={p: Decimal(70) for p in Predikat},
        )
        before = save_settings(db, ADMIN, wanted)
        assert before.paper == "a4"
        got = load_settings(db)
        assert got == wanted
        assert got.bands.sangat_tinggi == Decimal(90)
        with db.uow() as uow:
            entry = uow.session.execute(
                select(AuditEntry).where(AuditEntry.entity == "settings")
            ).scalar_one()
            assert entry.username == "admin" and "paper" in entry.summary
    finally:
        db.close()


def test_only_admin_saves(demo_address) -> None:
    db = Database.open(demo_address)
    try:
        with pytest.raises(KinerjaError):
            save_settings(db, Actor("op", frozenset({Role.OPERATOR})), AppSettings(paper="f4"))
        assert load_settings(db).paper == "a4"
    finally:
        db.close()


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"paper": "letter"}, "settings.paper"),
        ({"language": "fr"}, "settings.language"),
        ({"evaluation_frequency": Periodicity.YEARLY}, "settings.frequency"),
        ({"tpp_percent": {Predikat.BAIK: Decimal(100)}}, "settings.tpp_incomplete"),
        ({"tpp_percent": {p: Decimal(101) for p in Predikat}}, "settings.tpp_range"),
    ],
)
def test_bad_values_are_refused(values, code) -> None:
    with pytest.raises(ValidationError) as info:
        AppSettings(**values)
    assert info.value.code == code


@pytest.mark.sqlite_only("the backup folder sits beside the database file")
def test_backup_folder_follows_the_setting_also_without_opening_the_database(
    demo_copy, tmp_path
) -> None:
    from kinerja_desktop.services.admin.settings import backup_folder, backup_folder_for_path

    beside = demo_copy.resolve().parent / "backups"
    assert backup_folder_for_path(demo_copy) == beside
    assert backup_folder_for_path(tmp_path / "missing.sqlite") == tmp_path / "backups"
    db = Database.open(demo_copy)
    try:
        assert backup_folder(db) == beside
        save_settings(db, ADMIN, AppSettings(backup_dir=tmp_path / "cadangan"))
        assert backup_folder(db) == tmp_path / "cadangan"
    finally:
        db.close()
    assert backup_folder_for_path(demo_copy) == tmp_path / "cadangan"


def test_the_same_number_typed_differently_is_not_a_change(demo_address) -> None:
    db = Database.open(demo_address)
    try:
        demo_base = load_settings(db).tpp_base  # the demo's invented TPP base (issue 20.3)
        same = AppSettings(
            bands=CategoryBands(Decimal("91.00"), Decimal("76.0"), Decimal(66), Decimal(51)),
            thresholds=RatingThresholds(Decimal("110.00"), Decimal("90")),
            tpp_percent={p: Decimal(f"{v}.00") for p, v in AppSettings().tpp_percent.items()},
            tpp_base=demo_base,
        )
        save_settings(db, ADMIN, same)
        with db.uow() as uow:
            entries = (
                uow.session.execute(select(AuditEntry).where(AuditEntry.entity == "settings"))
                .scalars()
                .all()
            )
        # Equal to the defaults in force: nothing changed, so nothing is audited.
        assert entries == []
        assert load_settings(db) == AppSettings(tpp_base=demo_base)
    finally:
        db.close()

"""Two freshly set-up databases (``init``) become partners and exchange their first packages:
the kelurahan's placeholder of its parent takes the parent's real identity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.partners import export_key, import_key
from tests.sync.fixtures import (
    know_office,
    opened_zip,
    private_key,
    rewrite_package,
    sql,
    unchanged,
)


def _new_pair(kec: DbAddress, tmp_path: Path) -> tuple[DbAddress, Path]:
    """A new kecamatan at ``kec`` (a file, or a server database: ``new_address``) and a new
    kelurahan's file, partners."""
    kel = tmp_path / "kel.sqlite"
    init_office(kec, code="NGL", name="Kecamatan Nanggalo", kind=OfficeKind.KECAMATAN,
                admin_password="rahasia-kantor")  # fmt: skip
    init_office(kel, code="NGL-XYZ", name="Kelurahan Baru", kind=OfficeKind.KELURAHAN,
                parent_code="NGL", admin_password="rahasia-kantor")  # fmt: skip
    with Database.open(kec) as a, Database.open(kel) as b:
        export_key(a, tmp_path / "kec.key")
        export_key(b, tmp_path / "kel.key")
        import_key(a, SYSTEM, tmp_path / "kel.key")
        import_key(b, SYSTEM, tmp_path / "kec.key")
    know_office(kec)
    know_office(kel)
    return kec, kel


def test_first_exchange_between_new_offices(new_address: DbAddress, tmp_path: Path) -> None:
    kec, kel = _new_pair(new_address, tmp_path)
    with Database.open(kec) as a, Database.open(kel) as b:
        up = Path(export_package(b, SYSTEM, tmp_path / "up").path)
        first = import_package(a, SYSTEM, up)
        down = Path(export_package(a, SYSTEM, tmp_path / "down", to="NGL-XYZ").path)
        second = import_package(b, SYSTEM, down)
    assert first.counts["created"] == 1 and first.counts["conflicts"] == 0
    assert second.counts["updated"] == 1 and second.counts["conflicts"] == 0
    assert sql(kel, "SELECT name FROM offices WHERE code = 'NGL'") == [("Kecamatan Nanggalo",)]
    assert sql(kec, "SELECT uuid FROM offices WHERE code = 'NGL'") == sql(
        kel, "SELECT uuid FROM offices WHERE code = 'NGL'"
    )


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"parent_id": None}, "direction"),
        ({"uuid": "0badc0de-2222-4333-8444-555555555555"}, "office_own"),
    ],
    ids=["office-without-this-parent", "office-not-the-registered-one"],
)
def test_a_first_package_names_its_own_office_under_this_one(
    new_address: DbAddress, tmp_path: Path, change: dict[str, object], rule: str
) -> None:
    kec, kel = _new_pair(new_address, tmp_path)
    with Database.open(kel) as b:
        up = Path(export_package(b, SYSTEM, tmp_path / "up").path)
    with opened_zip(up) as zf:
        row = json.loads(zf.read("data/offices.jsonl"))
        manifest = json.loads(zf.read("manifest.json"))
    bad = rewrite_package(up, tmp_path / "bad.kinerja", manifest=manifest,
                          change={"data/offices.jsonl": json.dumps(row | change).encode()},
                          sign_with=private_key(kel))  # fmt: skip
    with unchanged(kec), Database.open(kec) as a, pytest.raises(KinerjaError) as caught:
        import_package(a, SYSTEM, bad)
    assert caught.value.params["rule"] == rule
    assert (tmp_path / "REFUSAL-NGL-XYZ-1.json").exists()

"""Office codes from a partner's key file are checked before they can reach a file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.offices import validate_office_code
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.partners import export_key, import_key, read_key_file
from kinerja_desktop.sync.keys import partner_office_code
from kinerja_desktop.sync.receipt import receipt_file_name
from tests.sync.fixtures import sql

BAD_CODES = [
    "..\\..\\Windows",
    "../../etc",
    "NGL/GRL",
    "C:NGL",
    "NGL:stream",
    "NGL--GRL",
    "-NGL",
    "NGL-",
    "NGL GRL",
    "NGL\nGRL",
    "NGL.GRL",
    "A" * 33,
]


@pytest.mark.parametrize("code", BAD_CODES)
def test_the_domain_rule_refuses_anything_that_could_leave_a_folder(code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_office_code(code)
    assert caught.value.code == "office.code_invalid"


def test_the_domain_rule_accepts_and_cleans_real_codes() -> None:
    assert validate_office_code(" ngl-grl ") == "NGL-GRL"
    assert validate_office_code("PKM-NGL2") == "PKM-NGL2"
    assert validate_office_code("A" * 32) == "A" * 32
    with pytest.raises(ValidationError) as caught:
        validate_office_code("   ")
    assert caught.value.code == "office.code_required"


def test_a_key_file_must_name_the_code_exactly_as_it_stands() -> None:
    assert partner_office_code("NGL-GRL", file="k.key") == "NGL-GRL"
    for raw in ("ngl-grl", " NGL-GRL", 42, None):
        with pytest.raises(ValidationError) as caught:
            partner_office_code(raw, file="k.key")
        assert caught.value.code == "office.code_invalid" and caught.value.file == "k.key"


@pytest.fixture
def home_and_key(new_address: DbAddress, tmp_path: Path) -> tuple[DbAddress, dict]:
    """The kecamatan (a file, or a server database) and a new kelurahan's key file."""
    home, other = new_address, tmp_path / "kel.sqlite"
    init_office(home, code="NGL", name="Kecamatan Nanggalo", kind=OfficeKind.KECAMATAN,
                admin_password="rahasia-kantor")  # fmt: skip
    init_office(other, code="NGL-XYZ", name="Kelurahan Baru", kind=OfficeKind.KELURAHAN,
                parent_code="NGL", admin_password="rahasia-kantor")  # fmt: skip
    with Database.open(other) as db:
        export_key(db, tmp_path / "kel.key")
    return home, json.loads((tmp_path / "kel.key").read_text("utf-8"))


@pytest.mark.parametrize("code", ["..\\..\\Startup\\x", "../x", "NGL:evil", "ngl-xyz"])
def test_a_key_file_with_a_bad_code_is_refused_and_registers_nothing(
    home_and_key: tuple[DbAddress, dict], tmp_path: Path, code: str
) -> None:
    home, body = home_and_key
    body["office"]["code"] = code
    forged = tmp_path / "forged.key"
    forged.write_text(json.dumps(body), "utf-8")
    with pytest.raises(ValidationError) as caught:
        read_key_file(forged)
    assert caught.value.code == "office.code_invalid"
    assert caught.value.file == "forged.key"
    with Database.open(home) as db, pytest.raises(ValidationError):
        import_key(db, SYSTEM, forged)
    assert sql(home, "SELECT office_code FROM sync_partners") == []


def test_a_good_key_file_still_registers_and_names_a_plain_receipt(
    home_and_key: tuple[DbAddress, dict], tmp_path: Path
) -> None:
    home, _body = home_and_key
    with Database.open(home) as db:
        result = import_key(db, SYSTEM, tmp_path / "kel.key")
    assert (result.office, result.status) == ("NGL-XYZ", "registered")
    assert receipt_file_name(result.office, 3) == "RECEIPT-NGL-XYZ-3.json"

"""Every bad package is refused with a message naming it, and the database stays
byte-for-byte as it was (DESIGN.md section 7, issue 8 "Bad input")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.sync.container import Limits
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import (
    Pair,
    db_state,
    opened_zip,
    payload,
    private_key,
    reseal,
    rewrite_package,
    sql,
    unchanged,
)


@pytest.fixture
def package(pair: Pair) -> Path:
    with pair.open("grl") as db:
        result = export_package(db, SYSTEM, pair.folder / "out")
    return Path(result.path)


def refuse(pair: Pair, path: Path, code: str, **kwargs: object) -> str:
    """Import ``path`` into the kecamatan database, expect ``code``, prove nothing changed."""
    before = db_state(pair.ngl)
    receipts = sorted(path.parent.glob("RECEIPT-*"))
    with (
        unchanged(pair.ngl),
        Database.open(pair.ngl) as db,
        pytest.raises(KinerjaError) as caught,
    ):
        import_package(db, SYSTEM, path, **kwargs)
    assert db_state(pair.ngl) == before, "the refused package changed the database"
    assert caught.value.code == code
    message = describe(caught.value)
    assert path.name in message
    assert sorted(path.parent.glob("RECEIPT-*")) == receipts, "no receipt for a refusal"
    return message


def member(path: Path, name_part: str) -> tuple[str, bytes]:
    with opened_zip(path) as zf:
        name = next(n for n in zf.namelist() if name_part in n)
        return name, zf.read(name)


def test_truncated_zip(pair: Pair, package: Path) -> None:
    data = payload(package)
    bad = reseal(package, data[: len(data) // 2], package.with_name("truncated.kinerja"))
    assert "rusak atau terpotong" in refuse(pair, bad, "sync.not_zip")


def test_not_a_zip_at_all(pair: Pair, package: Path, tmp_path: Path) -> None:
    bad = tmp_path / "junk.kinerja"
    reseal(package, b"PK\x03\x04 this is not really a zip file", bad)
    refuse(pair, bad, "sync.not_zip")


def test_changed_byte_in_a_member_fails_its_checksum(pair: Pair, package: Path) -> None:
    name, data = member(package, "employees.jsonl")
    changed = data.replace(b'"phone":"', b'"phone":"9', 1)
    bad = rewrite_package(package, package.with_name("changed.kinerja"),
                          change={name: changed}, keep_manifest_bytes=True)  # fmt: skip
    message = refuse(pair, bad, "sync.size_mismatch")
    assert name in message
    # Same length: the size matches, the sha256 does not.
    at = data.index(b'"name":"') + len(b'"name":"')
    same_length = data[:at] + (b"Y" if data[at : at + 1] != b"Y" else b"Z") + data[at + 1 :]
    assert len(same_length) == len(data) and same_length != data
    bad = rewrite_package(package, package.with_name("changed2.kinerja"),
                          change={name: same_length}, keep_manifest_bytes=True)  # fmt: skip
    assert name in refuse(pair, bad, "sync.checksum")


def test_flipped_byte_in_the_archive(pair: Pair, package: Path) -> None:
    data = bytearray(payload(package))
    with opened_zip(package) as zf:
        info = zf.getinfo(next(n for n in zf.namelist() if "evaluations" in n))
    data[info.header_offset + 30 + len(info.filename) + 20] ^= 0xFF
    bad = reseal(package, bytes(data), package.with_name("flipped.kinerja"))
    # A damaged stream names the member it broke in, never "?".
    message = refuse(pair, bad, "sync.checksum")
    assert info.filename in message and "(?)" not in message and " ? " not in message


def test_bad_signature(pair: Pair, package: Path) -> None:
    manifest = json.loads(member(package, "manifest.json")[1])
    manifest["created_by"] = "someone else"
    bad = rewrite_package(package, package.with_name("resigned.kinerja"), manifest=manifest,
                          sign_with=private_key(pair.ngl))  # fmt: skip
    assert "tanda tangan" in refuse(pair, bad, "sync.bad_signature")
    # An edited manifest with the old signature is refused the same way.
    bad = rewrite_package(package, package.with_name("edited.kinerja"), manifest=manifest)
    refuse(pair, bad, "sync.bad_signature")


def test_unknown_office(pair: Pair, package: Path) -> None:
    sql(pair.ngl, "DELETE FROM sync_partners WHERE office_code = 'NGL-GRL'")
    message = refuse(pair, package, "sync.unknown_office")
    assert "NGL-GRL" in message and "sidik jari" in message


def test_newer_format_and_schema(pair: Pair, package: Path) -> None:
    key = private_key(pair.grl)
    manifest = json.loads(member(package, "manifest.json")[1])
    newer = dict(manifest, format_version="2.0")
    bad = rewrite_package(package, package.with_name("f2.kinerja"), manifest=newer, sign_with=key)
    assert "2.0" in refuse(pair, bad, "sync.format")
    newer = dict(manifest, schema="9999")
    bad = rewrite_package(package, package.with_name("s.kinerja"), manifest=newer, sign_with=key)
    assert "9999" in refuse(pair, bad, "sync.schema_newer")


@pytest.mark.parametrize("name", ["../evil.jsonl", "/etc/passwd", "data/../../x.jsonl"])
def test_member_path_escaping(pair: Pair, package: Path, name: str) -> None:
    bad = rewrite_package(package, package.with_name("escape.kinerja"), change={name: b"{}"},
                          sign_with=private_key(pair.grl))  # fmt: skip
    assert name in refuse(pair, bad, "sync.unsafe_path")


def test_unlisted_and_missing_members(pair: Pair, package: Path) -> None:
    manifest = json.loads(member(package, "manifest.json")[1])
    bad = rewrite_package(package, package.with_name("extra.kinerja"), change={"data/x.txt": b"1"},
                          keep_manifest_bytes=True)  # fmt: skip
    assert "data/x.txt" in refuse(pair, bad, "sync.unlisted_member")
    name = member(package, "employees.jsonl")[0]
    bad = rewrite_package(package, package.with_name("missing.kinerja"), change={name: None},
                          keep_manifest_bytes=True)  # fmt: skip
    refuse(pair, bad, "sync.missing_member")
    assert manifest["members"]


def test_oversized_and_highly_compressed_members(pair: Pair, package: Path) -> None:
    name = member(package, "employees.jsonl")[0]
    refuse(pair, package, "sync.member_too_large", limits=Limits(max_member=1000))
    zeros = b"\n" * (8 * 1024 * 1024)
    bad = rewrite_package(package, package.with_name("bomb.kinerja"),
                          change={"evidence/" + "0" * 64: zeros},
                          sign_with=private_key(pair.grl))  # fmt: skip
    assert "evidence/" in refuse(pair, bad, "sync.member_compressed")
    assert name


def test_wrong_addressee(pair: Pair, package: Path) -> None:
    manifest = json.loads(member(package, "manifest.json")[1])
    manifest["addressee"] = "NGL-KLP"
    bad = rewrite_package(package, package.with_name("addr.kinerja"), manifest=manifest,
                          sign_with=private_key(pair.grl))  # fmt: skip
    assert "NGL-KLP" in refuse(pair, bad, "sync.wrong_addressee")


def _edit_rows(package: Path, part: str, edit) -> tuple[str, bytes]:
    name, data = member(package, part)
    lines = [json.loads(line) for line in data.decode().splitlines()]
    edit(lines)
    return name, ("\n".join(json.dumps(x) for x in lines) + "\n").encode()


def test_unknown_reference(pair: Pair, package: Path) -> None:
    def edit(rows: list[dict]) -> None:
        rows[2]["employee_id"] = "00000000-0000-4000-8000-00000000dead"

    change = dict([_edit_rows(package, "assignments.jsonl", edit)])
    bad = rewrite_package(package, package.with_name("ref.kinerja"), change=change,
                          sign_with=private_key(pair.grl))  # fmt: skip
    message = refuse(pair, bad, "sync.unknown_reference")
    assert "baris 3" in message and "employee_id" in message


def test_invalid_nip(pair: Pair, package: Path) -> None:
    def edit(rows: list[dict]) -> None:
        rows[0]["nip"] = "12345"

    change = dict([_edit_rows(package, "employees.jsonl", edit)])
    bad = rewrite_package(package, package.with_name("nip.kinerja"), change=change,
                          sign_with=private_key(pair.grl))  # fmt: skip
    assert "12345" in refuse(pair, bad, "sync.bad_nip")


def test_row_of_another_office_and_bad_value(pair: Pair, package: Path) -> None:
    key = private_key(pair.grl)

    def foreign(rows: list[dict]) -> None:
        rows[0]["origin_office"] = "NGL"

    change = dict([_edit_rows(package, "employees.jsonl", foreign)])
    bad = rewrite_package(package, package.with_name("f.kinerja"), change=change, sign_with=key)
    refuse(pair, bad, "sync.foreign_row")

    def value(rows: list[dict]) -> None:
        rows[0]["birth_date"] = "not a date"

    change = dict([_edit_rows(package, "employees.jsonl", value)])
    bad = rewrite_package(package, package.with_name("v.kinerja"), change=change, sign_with=key)
    assert "birth_date" in refuse(pair, bad, "sync.bad_value")


def test_duplicate_and_out_of_order_packages(pair: Pair, package: Path) -> None:
    sql(pair.grl, "UPDATE employees SET phone = '0811', version = version + 1 "
                  "WHERE origin_office = 'NGL-GRL' AND id = (SELECT min(id) FROM employees "
                  "WHERE origin_office = 'NGL-GRL')")  # fmt: skip
    with Database.open(pair.grl) as db:
        second = Path(export_package(db, SYSTEM, pair.folder / "out").path)
    with Database.open(pair.ngl) as db:
        assert import_package(db, SYSTEM, second).status == "applied"
    message = refuse(pair, package, "sync.seq_old")
    assert "paket penuh" in message
    # A different package claiming an already used seq.
    manifest = json.loads(member(second, "manifest.json")[1])
    manifest["package_uuid"] = "another"
    reused = rewrite_package(second, second.with_name("reused.kinerja"), manifest=manifest,
                             sign_with=private_key(pair.grl))  # fmt: skip
    assert "sudah dipakai" in refuse(pair, reused, "sync.seq_reused")
    # The very same package again is not refused: it is a no-op.
    before = db_state(pair.ngl)
    with Database.open(pair.ngl) as db:
        again = import_package(db, SYSTEM, second)
    assert again.status == "already_applied"
    assert db_state(pair.ngl) == before
    assert (second.parent / "RECEIPT-NGL-GRL-2.json").exists()


def test_refused_package_copy_is_untouched(pair: Pair, package: Path) -> None:
    copy = package.with_name("copy.kinerja")
    shutil.copy(package, copy)
    sql(pair.ngl, "DELETE FROM sync_partners")
    refuse(pair, copy, "sync.unknown_office")
    assert copy.read_bytes() == package.read_bytes()

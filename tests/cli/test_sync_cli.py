"""``sync`` on the command line: keys, export, import (JSON shape, exit codes), receipt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, db_state, sql

SUMMARY_KEYS = {"status", "office", "seq", "counts", "conflicts", "message"}
COUNT_KEYS = {"created", "updated", "unchanged", "conflicts", "rejected"}

# The partner pair on both engines (its kecamatan a server database on PostgreSQL), as in
# tests/sync: the commands run in this process, so ``--db`` takes the server's address.
pytestmark = pytest.mark.parametrize("db_engine", ["sqlite", "postgresql"], indirect=True)


def test_keys_export_and_import_with_replace(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(pair.grl), "sync", "keys", "export", "--out",
                       str(tmp_path / "k.json"), "--json")  # fmt: skip
    body = json.loads(out)
    assert code == 0 and body["office"] == "NGL-GRL" and len(body["fingerprint"]) == 39
    # What is read over the phone covers both keys (issue 17).
    assert body["encrypted"] and body["fingerprint"] != body["signing_fingerprint"]
    # Already registered at the kecamatan: unchanged.
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "keys", "import",
                       str(tmp_path / "k.json"))  # fmt: skip
    assert code == 0 and "sudah terdaftar" in out
    # Another key for the same office is refused without --replace.
    other = json.loads((tmp_path / "k.json").read_text())
    ngl = json.loads((pair.folder / "ngl.key").read_text())
    for name in ("public_key", "encryption_key", "encryption_fingerprint", "combined_fingerprint"):
        other[name] = ngl[name]  # another office's genuine pair of keys under this code
    (tmp_path / "other.json").write_text(json.dumps(other))
    before = db_state(pair.ngl)
    code, out, err = run(capsys, "--db", str(pair.ngl), "sync", "keys", "import",
                         str(tmp_path / "other.json"), "--json")  # fmt: skip
    assert code == 1 and json.loads(out)["error"]["code"] == "sync.key_different"
    assert "--replace" in err and db_state(pair.ngl) == before
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "keys", "import",
                       str(tmp_path / "other.json"), "--replace")  # fmt: skip
    assert code == 0 and "diganti" in out
    code, out, err = run(capsys, "--db", str(pair.ngl), "sync", "keys", "import",
                         str(tmp_path / "missing.json"))  # fmt: skip
    assert code == 1 and "missing.json" in err


def test_export_import_receipt_round_trip(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grl, ngl = ["--db", str(pair.grl)], ["--db", str(pair.ngl)]
    code, out, _ = run(capsys, *grl, "sync", "export", "--out", str(tmp_path / "usb"), "--json")
    exported = json.loads(out)
    assert code == 0 and exported["to"] == "NGL" and exported["seq"] == 1
    assert exported["encrypted"] is True and "warnings" not in exported
    package = Path(exported["path"])
    assert package.name.startswith("KINERJA-NGL-GRL-") and package.name.endswith("-1.kinerja")

    code, out, _ = run(capsys, *ngl, "sync", "import", str(package), "--dry-run", "--json")
    body = json.loads(out)
    assert code == 0 and body["dry_run"] is True and "belum disimpan" in body["message"]

    receipts = tmp_path / "receipts"
    code, out, err = run(capsys, *ngl, "sync", "import", str(package), "--json",
                         "--receipt-dir", str(receipts))  # fmt: skip
    body = json.loads(out)
    assert code == 0 and err == ""
    assert set(body) == SUMMARY_KEYS and set(body["counts"]) == COUNT_KEYS
    assert body["status"] == "applied" and body["office"] == "NGL-GRL" and body["seq"] == 1
    assert body["conflicts"] == [] and body["counts"]["unchanged"] > 0
    receipt = receipts / "RECEIPT-NGL-GRL-1.json"
    assert receipt.exists()

    before = db_state(pair.ngl)
    code, out, _ = run(capsys, *ngl, "sync", "import", str(package), "--json",
                       "--receipt-dir", str(receipts))  # fmt: skip
    body = json.loads(out)
    assert code == 0 and body["status"] == "already_applied" and db_state(pair.ngl) == before

    code, out, _ = run(capsys, *grl, "sync", "receipt", str(receipt))
    assert code == 0 and "Jumlah data cocok" in out
    code, out, _ = run(capsys, *grl, "--lang", "en", "sync", "receipt", str(receipt), "--json")
    assert json.loads(out)["totals_agree"] is True

    # Down: the kecamatan to the kelurahan, then its receipt back.
    code, out, _ = run(capsys, *ngl, "sync", "export", "--out", str(tmp_path / "down"), "--to",
                       "NGL-GRL")  # fmt: skip
    assert code == 0 and "NGL-GRL" in out
    down = next((tmp_path / "down").glob("*.kinerja"))
    code, out, _ = run(capsys, *grl, "sync", "import", str(down))
    assert code == 0 and "diterapkan" in out
    code, out, _ = run(capsys, *ngl, "sync", "receipt", str(tmp_path / "down" /
                                                          "RECEIPT-NGL-1.json"))  # fmt: skip
    assert code == 0 and "cocok" in out


def test_refused_import_prints_the_summary_and_exits_1(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "KINERJA-NGL-GRL-20260101-1.kinerja"
    bad.write_bytes(b"not a zip")
    before = db_state(pair.ngl)
    code, out, err = run(capsys, "--db", str(pair.ngl), "sync", "import", str(bad), "--json")
    body = json.loads(out)
    assert code == 1 and set(body) == SUMMARY_KEYS
    assert body["status"] == "refused" and body["counts"] == dict.fromkeys(COUNT_KEYS, 0)
    assert bad.name in body["message"] and bad.name in err
    assert db_state(pair.ngl) == before


def test_full_import_needs_yes_without_a_terminal(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    sql(
        pair.ngl,
        "INSERT INTO external_penilai (name, nip, grade, jabatan, instansi, acting, "
        "uuid, version, updated_at, updated_by, origin_office) VALUES ('Lama', '', '', 'X', '', "
        "'none', 'aaaaaaaa-2222-4333-8444-555555555555', 1, '2026-01-01 00:00:00', 'x', 'NGL-GRL')",
    )
    code, out, _ = run(capsys, "--db", str(pair.grl), "sync", "export", "--out", str(tmp_path),
                       "--full", "--json")  # fmt: skip
    package = json.loads(out)["path"]
    stdin_text("")
    before = db_state(pair.ngl)
    code, out, err = run(capsys, "--db", str(pair.ngl), "sync", "import", package, "--json")
    assert code == 1 and json.loads(out)["status"] == "refused"
    assert "1 ditandai terhapus" in err and "--yes" in err
    assert db_state(pair.ngl) == before
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "import", package, "--yes")
    assert code == 0 and "1 diubah" in out


def test_conflicts_listing_and_resolution(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uuid = sql(pair.grl, "SELECT uuid FROM employees WHERE origin_office = 'NGL-GRL' LIMIT 1")[0][0]
    sql(pair.ngl, "UPDATE employees SET phone = 'kec', version = version + 3 WHERE uuid = ?", uuid)
    sql(pair.grl, "UPDATE employees SET phone = 'kel', version = version + 1 WHERE uuid = ?", uuid)
    code, out, _ = run(capsys, "--db", str(pair.grl), "sync", "export", "--out", str(tmp_path),
                       "--json")  # fmt: skip
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "import", json.loads(out)["path"])
    assert code == 0 and "1 konflik" in out and "[older]" in out and "baris" in out
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "conflicts", "--json")
    items = json.loads(out)["conflicts"]
    assert len(items) == 1 and items[0]["uuid"] == uuid
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "resolve", str(items[0]["id"]),
                       "accept")  # fmt: skip
    assert code == 0 and "accepted" in out
    assert sql(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", uuid) == [("kel",)]


def test_conflicts_with_none_open_says_so(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "conflicts")
    assert code == 0 and out.strip() == "Tidak ada konflik yang terbuka."
    code, out, _ = run(capsys, "--db", str(pair.ngl), "--lang", "en", "sync", "conflicts")
    assert code == 0 and out.strip() == "There are no open conflicts."
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "conflicts", "--json")
    assert json.loads(out) == {"ok": True, "conflicts": []}


def test_export_with_nothing_to_send_writes_no_package_unless_empty_is_asked(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grl, ngl = ["--db", str(pair.grl)], ["--db", str(pair.ngl)]
    usb, receipts = tmp_path / "usb", tmp_path / "receipts"
    code, out, _ = run(capsys, *grl, "sync", "export", "--out", str(usb), "--json")
    assert code == 0 and json.loads(out)["status"] == "written"
    code, _, _ = run(capsys, *ngl, "sync", "import", json.loads(out)["path"],
                     "--receipt-dir", str(receipts))  # fmt: skip
    assert code == 0
    code, _, _ = run(capsys, *grl, "sync", "receipt", str(receipts / "RECEIPT-NGL-GRL-1.json"))
    assert code == 0
    written = sorted(usb.glob("*.kinerja"))
    log_before = sql(pair.grl, "SELECT count(*) FROM sync_packages")

    # Everything was delivered: the second export says so and writes nothing.
    code, out, err = run(capsys, *grl, "sync", "export", "--out", str(usb))
    assert code == 0 and err == ""
    assert "Tidak ada perubahan untuk dikirim ke NGL" in out and "--empty" in out
    code, out, _ = run(capsys, *grl, "sync", "export", "--out", str(usb), "--json")
    body = json.loads(out)
    assert body["status"] == "nothing_to_send" and body["path"] is None
    assert sorted(usb.glob("*.kinerja")) == written
    assert sql(pair.grl, "SELECT count(*) FROM sync_packages") == log_before

    # --empty writes the heartbeat package, seq 2, and says it is empty.
    code, out, _ = run(capsys, *grl, "sync", "export", "--out", str(usb), "--empty")
    assert code == 0 and "Paket kosong nomor 2 untuk NGL" in out
    assert len(sorted(usb.glob("*.kinerja"))) == len(written) + 1

    # A change makes the next export a real package again.
    sql(pair.grl, "UPDATE employees SET phone = '0812', version = version + 1 "
                  "WHERE origin_office = 'NGL-GRL' AND id = (SELECT min(id) FROM employees "
                  "WHERE origin_office = 'NGL-GRL')")  # fmt: skip
    code, out, _ = run(capsys, *grl, "sync", "export", "--out", str(usb), "--json")
    body = json.loads(out)
    assert body["status"] == "written" and body["seq"] == 3 and body["counts"] == {"employees": 1}


def test_down_export_with_nothing_new_still_carries_a_changed_frequency(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grl, ngl = ["--db", str(pair.grl)], ["--db", str(pair.ngl)]
    down, receipts = tmp_path / "down", tmp_path / "receipts"

    def round_trip(seq: int) -> None:
        code, out, _ = run(capsys, *ngl, "sync", "export", "--out", str(down), "--to",
                           "NGL-GRL", "--json")  # fmt: skip
        body = json.loads(out)
        assert code == 0 and body["status"] == "written" and body["seq"] == seq
        code, _, _ = run(capsys, *grl, "sync", "import", body["path"], "--receipt-dir",
                         str(receipts))  # fmt: skip
        assert code == 0
        code, _, _ = run(capsys, *ngl, "sync", "receipt", str(receipts / f"RECEIPT-NGL-{seq}.json"))
        assert code == 0

    round_trip(1)
    code, out, _ = run(capsys, *ngl, "sync", "export", "--out", str(down), "--to", "NGL-GRL")
    assert code == 0 and out.startswith("Tidak ada perubahan untuk dikirim ke NGL-GRL")
    # The evaluation frequency travels down in every package: a change of it alone is news.
    sql(pair.ngl, "UPDATE settings SET value = '\"monthly\"' WHERE key = 'evaluation_frequency'")
    round_trip(2)
    assert sql(pair.grl, "SELECT value FROM settings WHERE key = 'evaluation_frequency'") == [
        ('"monthly"',)
    ]


def test_unencrypted_during_the_transition_warns_and_after_it_refuses(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The kecamatan has an older key file of the kelurahan (no encryption key)."""
    sql(pair.ngl, "UPDATE sync_partners SET encryption_key = NULL, encryption_fingerprint = NULL")
    ngl = ["--db", str(pair.ngl)]
    code, out, err = run(capsys, *ngl, "sync", "export", "--out", str(tmp_path / "down"), "--to",
                         "NGL-GRL", "--json")  # fmt: skip
    body = json.loads(out)
    assert code == 0 and body["encrypted"] is False and "NGL-GRL" in body["warnings"][0]
    assert "TANPA enkripsi" in err and Path(body["path"]).read_bytes().startswith(b"PK")
    code, out, err = run(capsys, "--db", str(pair.grl), "sync", "import", body["path"], "--json")
    assert code == 0 and "tidak terenkripsi" in json.loads(out)["warnings"][0]
    sql(pair.ngl, "INSERT INTO settings (key, value) VALUES (?, 'false')",
        "sync_encryption_transition")  # fmt: skip
    before = db_state(pair.ngl)
    code, out, err = run(capsys, *ngl, "sync", "export", "--out", str(tmp_path / "again"),
                         "--to", "NGL-GRL")  # fmt: skip
    assert code == 1 and "NGL-GRL" in err and "berkas kunci" in err
    assert db_state(pair.ngl) == before and not (tmp_path / "again").exists()

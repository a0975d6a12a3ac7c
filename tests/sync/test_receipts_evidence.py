"""Evidence files travel with their rows; receipts that are forged or unknown are refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.evidence import evidence_dir
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.receipts import read_receipt_file
from kinerja_desktop.sync import keys
from kinerja_desktop.sync.receipt import canonical
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, db_state, opened_zip, private_key, read_json, reseal, sql


def _exchange(pair: Pair) -> Path:
    with pair.open("grl") as db:
        path = Path(export_package(db, SYSTEM, pair.folder / "usb").path)
    with pair.open("ngl") as db:
        import_package(db, SYSTEM, path)
    return path


def test_evidence_file_travels_with_its_row(pair: Pair) -> None:
    content = b"%PDF-1.4 bukti dukung uji\n"
    sha = hashlib.sha256(content).hexdigest()
    folder = pair.grl.parent / f"{pair.grl.stem}-bukti"
    folder.mkdir()
    (folder / f"{sha}.pdf").write_bytes(content)
    # (Of an evaluation not yet approved: evidence added after approval is a conflict.)
    realisation = sql(pair.grl, "SELECT r.id FROM realisations r JOIN evaluations e ON e.id = "
                      "r.evaluation_id WHERE r.origin_office = 'NGL-GRL' AND e.status != "
                      "'approved' ORDER BY r.id DESC LIMIT 1")[0][0]  # fmt: skip
    sql(pair.grl, "INSERT INTO evidence (realisation_id, filename, sha256, size, media_type, uuid, "
        "version, updated_at, updated_by, origin_office) VALUES (?, 'surat.pdf', ?, ?, "
        "'application/pdf', 'bbbbbbbb-2222-4333-8444-555555555555', 1, '2026-05-01 00:00:00', "
        "'x', 'NGL-GRL')", realisation, sha, len(content))  # fmt: skip
    path = _exchange(pair)
    with opened_zip(path) as zf:
        assert f"evidence/{sha}.pdf" in zf.namelist()
    with pair.open("ngl") as db:  # beside a file, in this PC's data folder for a server
        arrived = evidence_dir(db) / f"{sha}.pdf"
    assert arrived.read_bytes() == content
    assert sql(pair.ngl, "SELECT filename FROM evidence WHERE sha256 = ?", sha) == [("surat.pdf",)]


def test_forged_receipt_is_refused_and_changes_nothing(pair: Pair) -> None:
    path = _exchange(pair)
    receipt = path.parent / "RECEIPT-NGL-GRL-1.json"
    document = read_json(receipt)
    document["receipt"]["counts"]["created"] = 99
    forged = path.parent / "RECEIPT-forged.json"
    reseal(receipt, json.dumps(document).encode(), forged)
    before = db_state(pair.grl)
    with Database.open(pair.grl) as db, pytest.raises(KinerjaError) as caught:
        read_receipt_file(db, SYSTEM, forged)
    assert caught.value.code == "sync.bad_signature" and db_state(pair.grl) == before

    # Correctly signed by the kecamatan, but for a package never sent from here.
    document["receipt"]["package_sha256"] = "0" * 64
    signature = keys.sign(private_key(pair.ngl), canonical(document["receipt"]))
    import base64

    document["signature"] = base64.b64encode(signature).decode()
    unknown = path.parent / "RECEIPT-unknown.json"
    reseal(receipt, json.dumps(document).encode(), unknown)
    with Database.open(pair.grl) as db, pytest.raises(KinerjaError) as caught:
        read_receipt_file(db, SYSTEM, unknown)
    assert caught.value.code == "sync.receipt_unknown_package" and db_state(pair.grl) == before

    junk = path.parent / "RECEIPT-junk.json"
    reseal(receipt, b"{not json", junk)
    with Database.open(pair.grl) as db, pytest.raises(KinerjaError) as caught:
        read_receipt_file(db, SYSTEM, junk)
    assert caught.value.code == "sync.receipt_bad" and db_state(pair.grl) == before


def test_dry_run_writes_nothing(pair: Pair) -> None:
    with pair.open("grl") as db:
        path = Path(export_package(db, SYSTEM, pair.folder / "usb").path)
    before = db_state(pair.ngl)
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, path, dry_run=True)
    assert summary.dry_run and summary.status == "applied" and "belum disimpan" in summary.message()
    assert db_state(pair.ngl) == before
    assert not list(path.parent.glob("RECEIPT-*"))

"""The city tier on the command line (issue 18): ``init --kind kota``, ``init --parent`` with
the parent's kind, ``offices set-parent`` and ``sync import DIR|FILE…`` in (sender, seq)
order with one summary per package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.exporter import export_package
from tests.cli.helpers import run
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, db_state, sql

KOTA = "BKPSDM-PDG"
OFFICES = "SELECT o.code, o.kind, o.origin_office, p.code FROM offices o " \
    "LEFT JOIN offices p ON o.parent_id = p.id ORDER BY o.id"  # fmt: skip


def _init(capsys: pytest.CaptureFixture[str], stdin_text, db: Path, *args: str) -> int:
    stdin_text("rahasia-kantor\n")
    code, _, _ = run(capsys, "--db", str(db), "init", *args)
    return code


def test_init_kota_and_parents_of_the_kind_one_level_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    kota, kec, kel = tmp_path / "kota.sqlite", tmp_path / "kec.sqlite", tmp_path / "kel.sqlite"
    assert _init(capsys, stdin_text, kota, "--kind", "kota", "--code", KOTA,
                 "--name", "BKPSDM Kota Padang") == 0  # fmt: skip
    assert sql(kota, OFFICES) == [(KOTA, "kota", KOTA, None)]
    assert _init(capsys, stdin_text, kec, "--kind", "kecamatan", "--code", "NGL",
                 "--name", "Kecamatan Nanggalo", "--parent", KOTA) == 0  # fmt: skip
    assert sql(kec, OFFICES) == [(KOTA, "kota", KOTA, None), ("NGL", "kecamatan", "NGL", KOTA)]
    assert _init(capsys, stdin_text, kel, "--kind", "kelurahan", "--code", "NGL-SRG",
                 "--name", "Kelurahan Surau Gadang", "--parent", "NGL") == 0  # fmt: skip
    assert sql(kel, OFFICES)[0] == ("NGL", "kecamatan", "NGL", None)
    # The kind the user names wins.
    other = tmp_path / "other.sqlite"
    assert _init(capsys, stdin_text, other, "--kind", "puskesmas", "--code", "PKM-NGL",
                 "--name", "Puskesmas Nanggalo", "--parent", KOTA,
                 "--parent-kind", "kota") == 0  # fmt: skip
    assert sql(other, OFFICES)[0] == (KOTA, "kota", KOTA, None)


def test_offices_set_parent_registers_the_kota(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    kota, kec = tmp_path / "kota.sqlite", tmp_path / "kec.sqlite"
    _init(capsys, stdin_text, kota, "--kind", "kota", "--code", KOTA, "--name", "BKPSDM Padang")
    _init(capsys, stdin_text, kec, "--kind", "kecamatan", "--code", "NGL", "--name", "Nanggalo")
    key = tmp_path / "kota.key"
    assert run(capsys, "--db", str(kota), "sync", "keys", "export", "--out", str(key))[0] == 0
    assert run(capsys, "--db", str(kec), "sync", "keys", "import", str(key))[0] == 0
    code, out, _ = run(capsys, "--db", str(kec), "offices", "set-parent", KOTA.lower(), "--json")
    body = json.loads(out)
    assert code == 0 and body["changed"] and body["placeholder"] and body["parent"] == KOTA
    assert sql(kec, OFFICES) == [("NGL", "kecamatan", "NGL", KOTA), (KOTA, "kota", KOTA, None)]
    # The placeholder takes the kota's real uuid (its key named it), version 0.
    real = sql(kota, "SELECT uuid FROM offices WHERE code = ?", KOTA)
    assert sql(kec, "SELECT uuid, version FROM offices WHERE code = ?", KOTA) == [(real[0][0], 0)]
    assert sql(kec, "SELECT version FROM offices WHERE code = 'NGL'") == [(2,)]
    audit = sql(kec, "SELECT action, entity, summary FROM audit_entries ORDER BY id DESC LIMIT 1")
    assert audit == [("update", "office", f"NGL parent {KOTA}")]
    before = db_state(kec)
    code, out, _ = run(capsys, "--db", str(kec), "offices", "set-parent", KOTA)
    assert code == 0 and "sudah menjadi induk" in out and db_state(kec) == before
    code, _, err = run(capsys, "--db", str(kec), "offices", "set-parent", "NGL")
    assert code == 1 and "induk dirinya sendiri" in err and db_state(kec) == before


def _three_packages(pair: Pair, folder: Path) -> list[Path]:
    """Three packages of the kelurahan to the kecamatan (seq 1..3) in ``folder``, named so
    that name order is the reverse of seq order."""
    folder.mkdir()
    made = []
    with Database.open(pair.grl) as db:
        for name in ("c", "b", "a"):
            result = export_package(db, SYSTEM, pair.folder / "out", to="NGL")
            made.append(Path(result.path).rename(folder / f"{name}.kinerja"))
    return made


@pytest.mark.parametrize("db_engine", ["sqlite", "postgresql"], indirect=True)  # see tests/sync
def test_import_a_folder_in_sender_seq_order_and_go_on_after_a_refusal(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = pair.folder / "inbox"
    _three_packages(pair, folder)
    (folder / "0-broken.kinerja").write_bytes(b"not a package")
    ngl = ["--db", str(pair.ngl)]
    code, out, err = run(capsys, *ngl, "sync", "import", str(folder), "--json")
    body = json.loads(out)
    assert code == 1 and isinstance(body, list) and len(body) == 4
    assert [(s["status"], s["seq"]) for s in body] == [
        ("applied", 1), ("applied", 2), ("applied", 3), ("refused", None),
    ]  # fmt: skip
    assert "0-broken.kinerja" in err
    (folder / "0-broken.kinerja").unlink()
    code, out, _ = run(capsys, *ngl, "sync", "import", str(folder), "--json")
    assert code == 0 and [s["status"] for s in json.loads(out)] == ["already_applied"] * 3


@pytest.mark.parametrize("db_engine", ["sqlite", "postgresql"], indirect=True)  # see tests/sync
def test_import_several_files_in_text_and_an_empty_folder(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    packages = _three_packages(pair, pair.folder / "inbox")
    ngl = ["--db", str(pair.ngl)]
    code, out, _ = run(capsys, *ngl, "sync", "import", *map(str, packages))
    assert code == 0 and out.count("NGL-GRL") >= 3
    empty = pair.folder / "empty"
    empty.mkdir()
    code, out, err = run(capsys, *ngl, "sync", "import", str(empty), "--json")
    assert code == 0 and json.loads(out) == [] and "Tidak ada paket" not in err
    code, out, err = run(capsys, *ngl, "sync", "import", str(empty))
    assert code == 0 and "Tidak ada paket" in err
